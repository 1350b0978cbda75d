"""The resume in PDF, DOCX, HTML, Markdown and plain text, all from one `ResumeView`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from showcase.artifacts import Artifact, PageCounter, PdfJob, in_process_pages, in_process_pdf
from showcase.artifacts.cache import RenderCache
from showcase.artifacts.files import AUTO_PAPER, RESUME_FORMATS, profile_paper, resume_files
from showcase.profile import LoadedProfile
from showcase.render import pdf as pdf_writer
from showcase.render.docx import DocProperties, render_docx
from showcase.render.templates import render, template_file
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
) -> Artifact:
    """The resume files, named ``<First-Last>-Resume.<ext>``.

    `show_ids` puts credential IDs on the PDF, DOCX, HTML and Markdown too; the
    text resume always has them. With a PDF, `page_counter` (default: in this
    process) lays out the candidates of `fit_levels` to choose one.
    """
    look = resolve_theme(theme or loaded.profile.resume.theme, templates_dir)
    paper = profile_paper(loaded, paper, fallback=look.paper)
    created = pdf_writer.creation_date(loaded.today)
    allowed = [loaded.folder] + ([templates_dir] if templates_dir else [])
    artifact = Artifact(origin=loaded.file, label="resume")

    def make(size: float, entries: int) -> tuple[ResumeView, dict[str, object], str]:
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
        return view, context, render("resume/resume.html.j2", context, templates_dir)

    # With a PDF: the largest body text that keeps the page count, then fewer full
    # entries; the same choice for every format written with it, so the DOCX and the
    # text say what the PDF says. Without one nothing is laid out (`validate` renders
    # every other format): the middle size, the usual entries.
    if "pdf" not in formats:
        view, context, html = make(DEFAULT_FONT_SIZE, MAX_FULL_ENTRIES)
    else:
        counter = page_counter or in_process_pages()
        # The first level that keeps the length with no entry heading wrapped (a parser
        # reads "Acme | Analyst | Austin" as fields best on one line); else, of those
        # that keep the length, the one with the fewest wrapped (the largest size of
        # equals); else the last, with a warning.
        fitting: tuple[float, int] | None = None
        fewest = 0
        for size, entries in fit_levels(loaded.profile.resume.curate):
            if fitting is not None and entries != fitting[1]:
                break  # fewer entries would not unwrap a line: keep the best that fit
            view, context, html = make(size, entries)
            layout = counter(html, allowed=allowed, paper=paper, base_url=templates_dir)
            if layout.pages <= view.pages:
                if not layout.wrapped:
                    fitting = None
                    break
                if fitting is None or layout.wrapped < fewest:
                    fitting, fewest = (size, entries), layout.wrapped
        else:
            if fitting is None:
                length = "one page" if view.pages == 1 else f"{view.pages} pages"
                artifact.warn(
                    f"the resume runs {layout.pages} pages, over {length} even at {size:g} pt "
                    "with the fewest credential entries; shorten the longest highlights or "
                    "hide some credentials (`resume.hide`)"
                )
        if fitting is not None:
            view, context, html = make(*fitting)
    if not view.credential_groups:
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
        missing = pdf_writer.missing_glyphs(loaded.profile.model_dump_json())
        if missing:
            artifact.warn(
                f"the bundled font has no glyphs for {pdf_writer.describe_missing(missing)}; "
                "the PDF uses a system font for them if one is installed, else they show as "
                "boxes, though its text keeps them for resume parsers (the DOCX, HTML and text "
                "files are not affected)"
            )
        job = pdf_job or in_process_pdf()
        for warning in pdf_writer.pdf_warnings():
            artifact.warn(warning)
        artifact.add(names["pdf"], job(html, allowed=allowed, paper=paper, base_url=templates_dir))
    if "docx" in formats:
        properties = DocProperties(view.title, view.name, view.subject, view.keywords, created)

        def make_docx() -> bytes:
            return render_docx(
                look.word_template,
                context,
                templates_dir,
                properties=properties,
                paper=paper,
                font_size=view.font_size,
                language=view.words.lang if view.words.lang != "en" else None,
            )

        docx = (
            cache.docx(
                template_file(look.word_template, templates_dir),
                context,
                (properties, paper, view.font_size, view.words.lang),
                make_docx,
            )
            if cache
            else make_docx()
        )
        artifact.add(names["docx"], docx)
    if "html" in formats:
        artifact.add(names["html"], html)
    if "md" in formats:
        artifact.add(names["md"], render("resume/resume.md.j2", context, templates_dir))
    if "txt" in formats:
        artifact.add(names["txt"], render("resume/resume.txt.j2", context, templates_dir))
    return artifact
