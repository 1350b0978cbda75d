"""Everything for one profile at once, and the index.html that shows it all.

One call renders every artifact from one loaded profile, with one Jinja
environment (cached per search path) and one warm WeasyPrint import: nothing
is loaded or set up twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from showcase.artifacts import (
    Artifact,
    PageCounter,
    PdfJob,
    helper_pages,
    helper_pdf,
    in_process_pages,
    in_process_pdf,
)
from showcase.artifacts.cache import RenderCache
from showcase.artifacts.spec import ArtifactSpec, BuildRequest, Card, RenderSettings
from showcase.errors import Problem, ShowcaseError
from showcase.files import AUTO_PAPER, INDEX
from showcase.profile import LoadedProfile
from showcase.render import pdf as pdf_writer
from showcase.render.paper import long_date
from showcase.render.pdf import Layout
from showcase.render.templates import render

if TYPE_CHECKING:
    from showcase.helper import Helper
    from showcase.strategy.tailor import Tailoring
    from showcase.tracker.board import Board


@dataclass
class ProfileBuild(Artifact):
    name: str = ""
    display_name: str = ""
    # Artifacts that could not be rendered, each with its reason: the others still are.
    failures: list[str] = field(default_factory=list)
    # With a cache: the layouts ("pdf", "docx") reused from it and those made anew.
    reused: list[str] = field(default_factory=list)
    made: list[str] = field(default_factory=list)
    # The sections of index.html, one per artifact written, in the registry's order.
    cards: list[Card] = field(default_factory=list)


def build_profile(
    loaded: LoadedProfile,
    *,
    templates_dir: Path | None = None,
    paper: str = AUTO_PAPER,
    helper: Helper | None = None,
    pdf_job: PdfJob | None = None,
    page_counter: PageCounter | None = None,
    postings: Sequence[Path] = (),
    tailor: Tailoring | None = None,
    cache: Path | None = None,
    show_ids: bool = False,
    theme: str | None = None,
    board: Board | None = None,
) -> ProfileBuild:
    """Every artifact of one profile, plus its index.html.

    With a `helper` process (see `showcase.helper`), the PDFs are laid out there
    while this process renders the rest: on two cores a single profile's build
    then takes about the time of its PDFs alone.

    With a `cache` folder (see `showcase.artifacts.cache`), a PDF is laid out
    only when its HTML changed, and a DOCX made only when its view changed.

    `show_ids` puts credential IDs on the resume's PDF, DOCX, HTML and Markdown.

    `board` (the tracker's applications, see `showcase.tracker.board`) adds the
    applications board to index.html.
    """
    # The PDFs are most of the work. With a helper, this process renders their HTML
    # and the helper (which imported WeasyPrint meanwhile) lays them out, while this
    # process writes the DOCX, text and HTML files.
    if pdf_job is None and helper is not None:
        pdf_job = helper_pdf(helper.submit_keyed)
    if page_counter is None and helper is not None:
        page_counter = helper_pages(helper.submit_keyed)
    layouts = RenderCache(cache, templates_dir=templates_dir) if cache is not None else None
    if layouts is not None:
        pdf_job = layouts.pdf_job(pdf_job or in_process_pdf())
        page_counter = layouts.page_counter(page_counter or in_process_pages())
    settings = RenderSettings(
        templates_dir=templates_dir,
        paper=paper,
        theme=theme,
        show_ids=show_ids,
        pdf_job=pdf_job,
        page_counter=page_counter,
        cache=layouts,
    )
    request = BuildRequest(loaded, settings, tailor, tuple(postings))
    result = build(request, board=board)
    if layouts is not None:
        result.reused, result.made = layouts.hits, layouts.misses
    return result


def build(request: BuildRequest, *, board: Board | None = None) -> ProfileBuild:
    """Every artifact of the registry that applies to `request`, and index.html."""
    from showcase.artifacts.registry import REGISTRY

    loaded = request.loaded
    result = ProfileBuild(name=loaded.profile.name, display_name=loaded.display_name)
    wanted = [spec for spec in REGISTRY if spec.applies(request)]
    # One artifact that fails (a broken template of the user's) must not stop the others.
    # All are rendered before any is waited for, so the helper lays out the PDFs meanwhile.
    made = _make_all(wanted, request)
    for spec in wanted:
        part = made[spec.name]
        try:
            if isinstance(part, ShowcaseError):
                raise part
            part.resolve()
        except ShowcaseError as exc:
            result.failures.append(f"{spec.label}: not written: {exc.format_message()}")
            continue
        result.extend(part)
        card = spec.index_card(part, request)
        if card is not None:
            result.cards.append(card)
    warnings = result.failures + [w.format() for w in (*loaded.warnings, *result.warnings)]
    context = {
        "name": loaded.profile.name,
        "display_name": loaded.display_name,
        "today": long_date(loaded, loaded.today),
        "cards": result.cards,
        "warnings": warnings,
        "board": board,
    }
    try:
        result.add(INDEX, render("build/index.html.j2", context, request.settings.templates_dir))
    except ShowcaseError as exc:
        result.failures.append(f"index.html: not written: {exc.format_message()}")
    return result


Made = dict[str, "Artifact | ShowcaseError"]


def _make_all(wanted: list[ArtifactSpec], request: BuildRequest) -> Made:
    """Each artifact of `wanted` made (or the error that stopped it), by name, in
    `ArtifactSpec.make_order`: those whose PDF the helper lays out unawaited first, so it
    has their HTML as soon as it can; the resume, which waits for its fit's passes, last,
    so that everything else is rendered while the helper lays out (paired on two cores:
    a cold build 4-6% faster than the registry's order; it idled ~0.12 s waiting for the
    interview sheet's HTML). Making the resume in a thread of its own instead was
    measured and dropped: no faster, and a one-pass resume 8% slower."""
    made: Made = {}
    for spec in sorted(wanted, key=lambda spec: spec.make_order):
        try:
            made[spec.name] = spec.make(request)
        except ShowcaseError as exc:
            made[spec.name] = exc
    return made


def no_layout(
    html: str,
    *,
    allowed: list[Path],
    paper: str,
    base_url: Path | None,
    tighter: str | None = None,
) -> bytes:
    """A PdfJob that skips the layout: for checking that everything else renders."""
    return b""


def no_pages(html: str, *, allowed: list[Path], paper: str, base_url: Path | None) -> Layout:
    """A PageCounter that skips the layout (every candidate fits): for `validate`."""
    return Layout(pages=1, wrapped=0)


def check_builds(
    loaded: LoadedProfile, *, templates_dir: Path | None = None
) -> tuple[list[str], list[Problem]]:
    """Render every artifact in memory (all but the PDF layout): what would not build, and
    the warnings rendering gives (a plain-text signature that had to leave a line out ...).

    `showcase validate` runs this, so that a profile it accepts always builds, and its
    warnings are the ones `build` would print.
    """
    result = build_profile(
        loaded, templates_dir=templates_dir, pdf_job=no_layout, page_counter=no_pages
    )
    warnings = [w for w in result.warnings if w.message not in pdf_writer.pdf_warnings()]
    return result.failures, warnings


@dataclass(frozen=True)
class ProfileSummary:
    """One line of the top-level index of a multi-profile build."""

    name: str
    folder: str | None  # None when the build failed
    errors: tuple[str, ...] = ()
    warnings: int = 0
    files: int = 0


@dataclass
class BatchIndex:
    profiles: list[ProfileSummary] = field(default_factory=list)

    def html(self, today: str, templates_dir: Path | None = None) -> str:
        return render(
            "build/batch.html.j2", {"profiles": self.profiles, "today": today}, templates_dir
        )
