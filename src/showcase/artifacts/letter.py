"""The cover letter for one posting in PDF, DOCX, Markdown and text, from one `LetterView`.

The PDF goes through the resume's pipeline (HTML, then WeasyPrint), with the resume's
fonts and colours and a letterhead that matches its header; the DOCX through docxtpl,
from `templates/letter/letter.docx` (written by tools/make_docx_templates.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from showcase.artifacts import Artifact, PdfJob
from showcase.artifacts.cache import RenderCache
from showcase.artifacts.documents import add_docx, add_pdf
from showcase.files import AUTO_PAPER, LETTER_FORMATS, letter_files
from showcase.profile import LoadedProfile
from showcase.render import pdf as pdf_writer
from showcase.render.docx import DocProperties
from showcase.render.paper import profile_paper
from showcase.render.templates import render
from showcase.views.letter import MAX_WORDS, MIN_WORDS, LetterView, letter_view

if TYPE_CHECKING:
    from showcase.strategy.tailor import Tailoring

FORMATS = LETTER_FORMATS


@dataclass
class LetterArtifact(Artifact):
    letter: LetterView | None = None


def render_letter(
    loaded: LoadedProfile,
    tailor: Tailoring,
    *,
    formats: tuple[str, ...] | list[str] = FORMATS,
    to: str | None = None,
    paper: str = AUTO_PAPER,
    templates_dir: Path | None = None,
    pdf_job: PdfJob | None = None,
    cache: RenderCache | None = None,
) -> LetterArtifact:
    """The cover letter files, named ``<First-Last>-Cover-Letter.<ext>``, on the resume's
    paper (`auto`: Letter in the US, Canada, Mexico ..., A4 elsewhere)."""
    paper = profile_paper(loaded, paper)
    view = letter_view(loaded, tailor, to=to)
    created = pdf_writer.creation_date(loaded.today)
    context = {"letter": view, "created": created}
    artifact = LetterArtifact(origin=loaded.file, label="cover letter", letter=view)
    _warn(artifact, view, tailor, loaded)
    names = letter_files(loaded.profile.name, formats)
    if "pdf" in formats:
        html = render("letter/letter.html.j2", context, templates_dir)
        add_pdf(
            artifact,
            names["pdf"],
            html,
            loaded=loaded,
            templates_dir=templates_dir,
            paper=paper,
            pdf_job=pdf_job,
        )
    if "docx" in formats:
        add_docx(
            artifact,
            names["docx"],
            "letter/letter.docx",
            context,
            templates_dir=templates_dir,
            properties=DocProperties(
                view.subject, view.name, view.subject, tuple(view.answered), created
            ),
            paper=paper,
            cache=cache,
        )
    if "md" in formats:
        artifact.add(names["md"], render("letter/letter.md.j2", context, templates_dir))
    if "txt" in formats:
        artifact.add(names["txt"], render("letter/letter.txt.j2", context, templates_dir))
    return artifact


def _warn(artifact: Artifact, view: LetterView, tailor: Tailoring, loaded: LoadedProfile) -> None:
    source = tailor.posting.source
    for entry in loaded.profile.in_progress:
        if entry.expected is not None and entry.expected.last_day < loaded.today:
            artifact.warn(
                f"in_progress: `{entry.name}` was expected by {entry.expected.long()}; "
                "move it to `credentials:` if you earned it, or update `expected:`"
            )
    if not tailor.posting.title:
        artifact.warn(f"{source}: no job title found; the letter says `the role`: add it by hand")
    if not tailor.posting.company:
        artifact.warn(
            f"{source}: no company name found; the letter says `your company`: add it by hand"
        )
    if len(view.answered) < 2:
        artifact.warn(
            f"the letter answers {len(view.answered)} of what {source} asks for with a result "
            "from your profile (a letter should answer two): add highlights or project results "
            "that name the skills it asks for, or aim at a posting closer to your record"
        )
    if view.words < MIN_WORDS:
        artifact.warn(
            f"the letter is {view.words} words, under {MIN_WORDS}: showcase adds nothing your "
            "profile does not say; add results (with numbers) to your jobs and projects"
        )
    elif view.words > MAX_WORDS:
        artifact.warn(f"the letter is {view.words} words, over {MAX_WORDS}: shorten your results")
