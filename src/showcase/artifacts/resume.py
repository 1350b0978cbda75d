"""The resume in PDF, DOCX, HTML, Markdown and plain text, all from one `ResumeView`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from showcase.artifacts import Artifact, PageCounter, PdfJob, in_process_pages
from showcase.artifacts.cache import RenderCache
from showcase.artifacts.documents import add_docx, add_pdf
from showcase.artifacts.fit_search import Fit
from showcase.files import AUTO_PAPER, RESUME_FORMATS, resume_files
from showcase.profile import LoadedProfile
from showcase.render import pdf as pdf_writer
from showcase.render.docx import DocProperties
from showcase.render.paper import profile_paper
from showcase.render.templates import render
from showcase.render.themes import resolve_theme
from showcase.views.curate import MAX_FULL_ENTRIES
from showcase.views.resume import DEFAULT_FONT_SIZE, FONT_SIZES, ResumeView, resume_view

if TYPE_CHECKING:
    from showcase.strategy.tailor import Tailoring

FORMATS = RESUME_FORMATS
# Fewer full credential entries (outside stacks) to try, once the smallest text is reached.
FEWER_ENTRIES = (4, 3, 2, 1, 0)


def fit_levels(curated: bool) -> list[tuple[float, int]]:
    """(body size in points, full entries) to try, the roomiest first: every size with
    the usual entries, then, on a curated resume, fewer entries at the smallest size."""
    levels = [(size, MAX_FULL_ENTRIES) for size in FONT_SIZES]
    if curated:
        levels += [(FONT_SIZES[-1], entries) for entries in FEWER_ENTRIES]
    return levels


def _fit_hint_key(
    loaded: LoadedProfile,
    theme: str,
    paper: str,
    templates_dir: Path | None,
    tailor: Tailoring | None,
    only_relevant: bool,
) -> str:
    """Which resume a fit hint is about: this profile file with these options."""
    return "\0".join(
        [
            str(Path(loaded.folder, loaded.file).resolve()),
            theme,
            paper,
            str(templates_dir),
            tailor.stem if tailor is not None else "",
            str(only_relevant),
        ]
    )


def render_resume(
    loaded: LoadedProfile,
    *,
    formats: tuple[str, ...] | list[str] = FORMATS,
    paper: str = AUTO_PAPER,
    include_expired: bool = False,
    templates_dir: Path | None = None,
    pdf_job: PdfJob | None = None,
    tailor: Tailoring | None = None,
    only_relevant: bool = False,
    show_ids: bool = False,
    cache: RenderCache | None = None,
    page_counter: PageCounter | None = None,
    theme: str | None = None,
    side_by_side: Callable[[], object] | None = None,
) -> Artifact:
    """The resume files, named ``<First-Last>-Resume.<ext>``.

    `show_ids` puts credential IDs on the PDF, DOCX, HTML and Markdown too; the
    text resume always has them. With a PDF, `page_counter` (default: in this
    process) lays out the candidates of `fit_levels` to choose one; `side_by_side`,
    when called, lets it lay two out at once (see `Fit.ahead`).
    """
    look = resolve_theme(theme or loaded.profile.resume.theme, templates_dir)
    paper = profile_paper(loaded, paper, fallback=look.paper)
    created = pdf_writer.creation_date(loaded.today)
    allowed = [loaded.folder] + ([templates_dir] if templates_dir else [])
    artifact = Artifact(origin=loaded.file, label="resume")

    def make(
        size: float, entries: int, html: bool = True
    ) -> tuple[ResumeView, dict[str, object], str]:
        view = resume_view(
            loaded,
            include_expired=include_expired,
            tailor=tailor,
            only_relevant=only_relevant,
            show_ids=show_ids,
            font_size=size,
            max_entries=entries,
        )
        # `r` is what templates written for showcase 0.1 use; the bundled ones say `resume`.
        context: dict[str, object] = {
            "resume": view,
            "r": view,
            "created": created,
            "theme": look,
        }
        if not html:  # only the text formats: no HTML to render (5-20 ms)
            return view, context, ""
        return view, context, render("resume/resume.html.j2", context, templates_dir)

    # With a PDF: the largest body text that keeps the page count, then fewer full
    # entries; the same choice for every format written with it, so the DOCX and the
    # text say what the PDF says. Without one nothing is laid out (`validate` renders
    # every other format): the middle size, the usual entries.
    if "pdf" not in formats:
        view, context, html = make(DEFAULT_FONT_SIZE, MAX_FULL_ENTRIES, "html" in formats)
    else:
        counter = page_counter or in_process_pages()
        fit = Fit(
            fit_levels(loaded.profile.resume.curate),
            lambda i: make(*fit.levels[i]),
            lambda html: counter(html, allowed=allowed, paper=paper, base_url=templates_dir),
            paper=paper,
            theme=look.name,
            overlap=page_counter is not None,
            ahead=side_by_side if page_counter is not None else None,
        )
        hint_key = _fit_hint_key(loaded, look.name, paper, templates_dir, tailor, only_relevant)
        found = fit.search(cache.fit_hint(hint_key) if cache else None)
        chosen = len(fit.levels) - 1 if found is None else found
        if cache is not None:
            cache.remember_fit(hint_key, chosen)
        view, context, html, layout = fit.measured(chosen)
        if found is None:
            length = "one page" if view.pages == 1 else f"{view.pages} pages"
            artifact.warn(
                f"the resume runs {layout.pages} pages, over {length} even at "
                f"{fit.levels[-1][0]:g} pt with the fewest credential entries; shorten the "
                "longest highlights or hide some credentials (`resume.hide`)"
            )
    if not view.credential_groups and view.additional is None:
        artifact.warn(
            f'no valid credentials to show, so the resume has no "{view.certifications_title}"'
            " section"
        )
    if not view.contact:
        artifact.warn(
            "the resume has no contact details; add `contact:` (email, phone, location) so "
            "recruiters, and the resume parsers that expect them under the name, find them"
        )
    names = resume_files(loaded.profile.name, formats)
    if "pdf" in formats:
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
            look.word_template,
            context,
            templates_dir=templates_dir,
            properties=DocProperties(view.title, view.name, view.subject, view.keywords, created),
            paper=paper,
            cache=cache,
            font_size=view.font_size,
            language=view.words.lang if view.words.lang != "en" else None,
        )
    if "html" in formats:
        artifact.add(names["html"], html)
    if "md" in formats:
        artifact.add(names["md"], render("resume/resume.md.j2", context, templates_dir))
    if "txt" in formats:
        artifact.add(names["txt"], render("resume/resume.txt.j2", context, templates_dir))
    return artifact
