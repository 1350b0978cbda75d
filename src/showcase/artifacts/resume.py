"""The resume in PDF, DOCX, HTML, Markdown and plain text, all from one `ResumeView`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from showcase.artifacts import Artifact, PageCounter, PdfJob, in_process_pages
from showcase.artifacts.cache import RenderCache
from showcase.artifacts.documents import add_docx, add_pdf
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
    from showcase.render.pdf import Layout
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


def _fits(entry: tuple[ResumeView, dict[str, object], str, Layout]) -> bool:
    return entry[3].pages <= entry[0].pages


def _likeliest(
    levels: list[tuple[float, int]],
    hint: int | None,
    measured: Callable[[int], tuple[ResumeView, dict[str, object], str, Layout]],
) -> int | None:
    """The level the last build of this resume chose, when it still is the answer: it
    keeps the length with no heading wrapped and the next roomier level does not keep the
    length at all (a roomier text only takes more room, so none before it does either).
    Two layout passes where the search from the roomiest would take hint + 1; None when
    the hint does not settle it (the search then reuses the passes made)."""
    if hint is None or not 0 <= hint < len(levels):
        return None
    found = measured(hint)
    if not _fits(found) or found[3].wrapped:
        return None
    if hint == 0 or not _fits(measured(hint - 1)):
        return hint
    return None


def _first_fitting(
    levels: list[tuple[float, int]],
    measured: Callable[[int], tuple[ResumeView, dict[str, object], str, Layout]],
) -> tuple[int, str | None]:
    """The first level that keeps the length with no entry heading wrapped (a parser
    reads "Acme | Analyst | Austin" as fields best on one line); else, of those that keep
    the length, the one with the fewest wrapped (the largest size of equals); else the
    last, with the warning to give."""
    fitting: int | None = None
    for i, (_, entries) in enumerate(levels):
        if fitting is not None and entries != levels[fitting][1]:
            break  # fewer entries would not unwrap a line: keep the best that fit
        found = measured(i)
        if _fits(found):
            if not found[3].wrapped:
                return i, None
            if fitting is None or found[3].wrapped < measured(fitting)[3].wrapped:
                fitting = i
    if fitting is not None:
        return fitting, None
    view, layout = measured(len(levels) - 1)[0], measured(len(levels) - 1)[3]
    length = "one page" if view.pages == 1 else f"{view.pages} pages"
    return len(levels) - 1, (
        f"the resume runs {layout.pages} pages, over {length} even at {levels[-1][0]:g} pt "
        "with the fewest credential entries; shorten the longest highlights or "
        "hide some credentials (`resume.hide`)"
    )


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
        levels = fit_levels(loaded.profile.resume.curate)
        passes: dict[int, tuple[ResumeView, dict[str, object], str, Layout]] = {}

        def measured(i: int) -> tuple[ResumeView, dict[str, object], str, Layout]:
            if i not in passes:
                view, context, html = make(*levels[i])
                layout = counter(html, allowed=allowed, paper=paper, base_url=templates_dir)
                passes[i] = (view, context, html, layout)
            return passes[i]

        hint_key = _fit_hint_key(loaded, look.name, paper, templates_dir, tailor, only_relevant)
        chosen = _likeliest(levels, cache.fit_hint(hint_key) if cache else None, measured)
        if chosen is None:
            chosen, overflow = _first_fitting(levels, measured)
            if overflow is not None:
                artifact.warn(overflow)
        if cache is not None:
            cache.remember_fit(hint_key, chosen)
        view, context, html, _ = measured(chosen)
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
