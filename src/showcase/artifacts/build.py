"""Everything for one profile at once, and the index.html that shows it all.

One call renders every artifact from one loaded profile, with one Jinja
environment (cached per search path) and one warm WeasyPrint import: nothing
is loaded or set up twice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
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
from showcase.artifacts.interview import InterviewArtifact, render_interview
from showcase.artifacts.letter import LetterArtifact, render_letter
from showcase.artifacts.linkedin import LinkedInKit, render_linkedin
from showcase.artifacts.resume import render_resume
from showcase.artifacts.signature import render_signature
from showcase.errors import Problem, ShowcaseError
from showcase.files import (
    AUTO_PAPER,
    FORMAT_LABELS,
    GAPS_HTML,
    INDEX,
    RENEWALS_ICS,
    RENEWALS_MD,
    SIGNATURE_HTML,
    SIGNATURE_TEXT,
    interview_files,
    letter_files,
    match_files,
    resume_files,
)
from showcase.profile import LoadedProfile
from showcase.render import pdf as pdf_writer
from showcase.render.pdf import Layout
from showcase.render.templates import render
from showcase.views.about import ABOUT_LIMIT
from showcase.views.linkedin import HEADLINE_LIMIT, POST_LIMIT
from showcase.views.practice import practice

if TYPE_CHECKING:
    from showcase.strategy.renewals import Renewal
    from showcase.strategy.tailor import Tailoring
    from showcase.tracker.board import Board


@dataclass(frozen=True)
class FileLink:
    label: str
    href: str


@dataclass
class ProfileBuild(Artifact):
    name: str = ""
    display_name: str = ""
    # Artifacts that could not be rendered, each with its reason: the others still are.
    failures: list[str] = field(default_factory=list)
    # With a cache: the layouts ("pdf", "docx") reused from it and those made anew.
    reused: list[str] = field(default_factory=list)
    made: list[str] = field(default_factory=list)


def build_profile(
    loaded: LoadedProfile,
    *,
    templates_dir: Path | None = None,
    paper: str = AUTO_PAPER,
    helper: ProcessPoolExecutor | None = None,
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

    With a `helper` process (see `showcase.helper`), both PDFs are laid out there
    while this process renders the rest: on two cores a single profile's build
    then takes about the time of its PDFs alone.

    With a `cache` folder (see `showcase.artifacts.cache`), a PDF is laid out
    only when its HTML changed, and a DOCX made only when its view changed.

    `show_ids` puts credential IDs on the resume's PDF, DOCX, HTML and Markdown.

    `board` (the tracker's applications, see `showcase.tracker.board`) adds the
    applications board to index.html.
    """
    result = ProfileBuild(name=loaded.profile.name, display_name=loaded.display_name)
    # The PDFs are most of the work. With a helper, this process renders their HTML
    # and the helper (which imported WeasyPrint meanwhile) lays them out, while this
    # process writes the DOCX, text and HTML files.
    if pdf_job is None and helper is not None:
        pdf_job = helper_pdf(helper.submit)
    if page_counter is None and helper is not None:
        page_counter = helper_pages(helper.submit)
    layouts = RenderCache(cache, templates_dir=templates_dir) if cache is not None else None
    if layouts is not None:
        pdf_job = layouts.pdf_job(pdf_job or in_process_pdf())
        page_counter = layouts.page_counter(page_counter or in_process_pages())
    if tailor is not None:  # imported only then: the match report's modules cost ~0.1 s
        from showcase.artifacts.match import render_tailored_resume
    renderers: dict[str, Callable[[], Artifact]] = {
        "resume": lambda: (
            render_resume(
                loaded,
                paper=paper,
                templates_dir=templates_dir,
                pdf_job=pdf_job,
                show_ids=show_ids,
                cache=layouts,
                page_counter=page_counter,
                theme=theme,
            )
            if tailor is None
            else render_tailored_resume(
                loaded,
                tailor,
                paper=paper,
                templates_dir=templates_dir,
                pdf_job=pdf_job,
                show_ids=show_ids,
                theme=theme,
                page_counter=page_counter,
                cache=layouts,
            )
        ),
        "LinkedIn kit": lambda: render_linkedin(loaded, templates_dir=templates_dir, tailor=tailor),
        "signature": lambda: render_signature(loaded, templates_dir=templates_dir),
        "interview sheet": lambda: render_interview(
            loaded,
            templates_dir=templates_dir,
            paper=paper,
            pdf_job=pdf_job,
            cache=layouts,
            tailor=tailor,
        ),
    }
    if tailor is not None:
        aimed = tailor
        renderers["cover letter"] = lambda: render_letter(
            loaded, aimed, paper=paper, templates_dir=templates_dir, pdf_job=pdf_job
        )
    # One artifact that fails (a broken template of the user's) must not stop the others.
    # All are rendered before any is waited for, so the helper lays out the PDFs meanwhile.
    rendered: dict[str, Artifact] = {}
    for label, render_part in renderers.items():
        try:
            rendered[label] = render_part()
        except ShowcaseError as exc:
            result.failures.append(f"{label}: not written: {exc.format_message()}")
    if any(c.expires is not None for c in loaded.profile.credentials):
        try:
            rendered["renewals"] = _renewals_part(loaded, templates_dir)
        except ShowcaseError as exc:
            result.failures.append(f"renewals: not written: {exc.format_message()}")
    if postings:
        try:
            rendered["gaps report"] = _gaps_part(loaded, postings, templates_dir)
        except ShowcaseError as exc:
            result.failures.append(f"gaps report: not written: {exc.format_message()}")
    parts: dict[str, Artifact] = {}
    for label, part in rendered.items():
        try:
            part.resolve()
        except ShowcaseError as exc:
            result.failures.append(f"{label}: not written: {exc.format_message()}")
            continue
        parts[label] = part
        result.extend(part)
    if layouts is not None:
        result.reused, result.made = layouts.hits, layouts.misses
    kit = parts.get("LinkedIn kit")
    interview = parts.get("interview sheet")
    renewals = parts.get("renewals")

    # Links to every file written; a format that failed has no file and so no link.
    resume_links = [
        FileLink(FORMAT_LABELS[fmt], name)
        for fmt, name in resume_files(loaded.profile.name).items()
        if name in result.files
    ]
    interview_links = [
        FileLink(FORMAT_LABELS[fmt], name)
        for fmt, name in interview_files(loaded.profile.name).items()
        if name in result.files
    ]
    letter = parts.get("cover letter")
    letter_view = letter.letter if isinstance(letter, LetterArtifact) else None
    letter_links = [
        FileLink(FORMAT_LABELS[fmt], name)
        for fmt, name in letter_files(loaded.profile.name).items()
        if name in result.files
    ]
    warnings = result.failures + [w.format() for w in (*loaded.warnings, *result.warnings)]
    sheet = interview.sheet if isinstance(interview, InterviewArtifact) else None
    context = {
        "name": loaded.profile.name,
        "display_name": loaded.display_name,
        "today": loaded.today.isoformat(),
        "resume_links": resume_links,
        "interview_links": interview_links,
        "posts": kit.posts if isinstance(kit, LinkedInKit) else (),
        "post_limit": POST_LIMIT,
        "headline": kit.headline if isinstance(kit, LinkedInKit) else "",
        "headline_limit": HEADLINE_LIMIT,
        "about": kit.about.rstrip("\n") if isinstance(kit, LinkedInKit) else "",
        "about_limit": ABOUT_LIMIT,
        "letter_links": letter_links,
        "letter_words": letter_view.words if letter_view else 0,
        "letter_answered": letter_view.answered if letter_view else (),
        "entries": kit.entries if isinstance(kit, LinkedInKit) else (),
        "notes": kit.notes if isinstance(kit, LinkedInKit) else (),
        "signature_html": result.files.get(SIGNATURE_HTML, b"").decode(),
        "signature_text": result.files.get(SIGNATURE_TEXT, b"").decode(),
        "gaps_report": GAPS_HTML if GAPS_HTML in result.files else None,
        "match": getattr(parts.get("resume"), "match", None),
        "match_files": match_files(tailor.stem) if tailor is not None else {},
        "renewals": renewals.rows if isinstance(renewals, RenewalsArtifact) else (),
        "renewals_calendar": RENEWALS_ICS if RENEWALS_ICS in result.files else None,
        "renewals_page": RENEWALS_MD if RENEWALS_MD in result.files else None,
        "stories": sheet.stories if sheet else (),
        "practice": practice(sheet),
        "warnings": warnings,
        "board": board,
    }
    try:
        result.add(INDEX, render("build/index.html.j2", context, templates_dir))
    except ShowcaseError as exc:
        result.failures.append(f"index.html: not written: {exc.format_message()}")
    return result


def no_layout(html: str, *, allowed: list[Path], paper: str, base_url: Path | None) -> bytes:
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


def _gaps_part(
    loaded: LoadedProfile, postings: Sequence[Path], templates_dir: Path | None
) -> Artifact:
    """The gaps report of `showcase gaps`, as one more artifact of the build."""
    from showcase.artifacts import gaps
    from showcase.strategy.gaps import gap_report

    found = gap_report(loaded, postings)
    part = Artifact(origin=loaded.file, label="gaps report")
    part.files.update(gaps.files(found, templates_dir))
    for skipped in found.skipped:
        part.warn(f"{skipped.source}: skipped: {skipped.reason}")
    return part


@dataclass
class RenewalsArtifact(Artifact):
    rows: list[Renewal] = field(default_factory=list)


def _renewals_part(loaded: LoadedProfile, templates_dir: Path | None) -> Artifact:
    """The calendar and page of `showcase renewals -o`, as one more artifact of the build."""
    from showcase.artifacts.renewals import files
    from showcase.strategy.renewals import renewals

    found = renewals(loaded)
    part = RenewalsArtifact(origin=loaded.file, label="renewals", rows=found.rows)
    part.files.update(files(found, templates_dir))
    return part


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
