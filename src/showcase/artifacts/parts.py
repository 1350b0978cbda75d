"""The registry's adapters for the artifacts with formats of their own: each takes the
build's `BuildRequest` and calls the artifact's function (the same one its command
calls), and says what its section of index.html shows (`Card`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from showcase.artifacts import Artifact
from showcase.artifacts.spec import BuildRequest, Card, links
from showcase.files import (
    GAPS_HTML,
    RENEWALS_ICS,
    RENEWALS_MD,
    interview_files,
    letter_files,
    match_files,
    resume_files,
)

if TYPE_CHECKING:
    from showcase.artifacts.linkedin import LinkedInKit
    from showcase.strategy.match import MatchReport
    from showcase.strategy.renewals import Renewal
    from showcase.views.interview import Story
    from showcase.views.practice import Practice

# --- resume -----------------------------------------------------------------------------


def resume(request: BuildRequest) -> Artifact:
    """The resume; with `--for`, the tailored one and its match report."""
    settings, loaded = request.settings, request.loaded
    common = {
        "paper": settings.paper,
        "templates_dir": settings.templates_dir,
        "pdf_job": settings.pdf_job,
        "show_ids": settings.show_ids,
        "cache": settings.cache,
        "page_counter": settings.page_counter,
        "theme": settings.theme,
    }
    if request.tailor is None:
        from showcase.artifacts.resume import render_resume

        return render_resume(loaded, **common)  # type: ignore[arg-type]
    from showcase.artifacts.match import render_tailored_resume

    return render_tailored_resume(loaded, request.tailor, **common)  # type: ignore[arg-type]


@dataclass(frozen=True)
class ResumeCard:
    match: MatchReport | None = None  # with --for: how well the resume matches
    match_files: dict[str, str] = field(default_factory=dict)  # with --for: md and json


def resume_card(artifact: Artifact, request: BuildRequest) -> Card:
    match = getattr(artifact, "match", None)
    files = match_files(request.tailor.stem) if request.tailor is not None else {}
    # Aimed at a posting, the match comes first on the page, and in its menu.
    anchors = (("match", "Match"), ("resume", "Resume")) if match else (("resume", "Resume"),)
    return Card(
        "resume/card.html.j2",
        anchors,
        ResumeCard(match, files),
        links(resume_files(request.loaded.profile.name), artifact.files),
    )


# --- cover letter -----------------------------------------------------------------------


def letter(request: BuildRequest) -> Artifact:
    from showcase.artifacts.letter import render_letter

    assert request.tailor is not None  # the spec applies only with --for
    settings = request.settings
    return render_letter(
        request.loaded,
        request.tailor,
        paper=settings.paper,
        templates_dir=settings.templates_dir,
        pdf_job=settings.pdf_job,
        cache=settings.cache,
    )


def letter_card(artifact: Artifact, request: BuildRequest) -> Card:
    view = getattr(artifact, "letter", None)
    return Card(
        "letter/card.html.j2",
        (("letter", "Cover letter"),),
        view,
        links(letter_files(request.loaded.profile.name), artifact.files),
    )


# --- LinkedIn ---------------------------------------------------------------------------


def linkedin(request: BuildRequest) -> Artifact:
    from showcase.artifacts.linkedin import render_linkedin

    return render_linkedin(
        request.loaded, templates_dir=request.settings.templates_dir, tailor=request.tailor
    )


@dataclass(frozen=True)
class LinkedInCard:
    kit: LinkedInKit | None  # posts, headline, about, entries, notes
    post_limit: int
    headline_limit: int
    about_limit: int


def linkedin_card(artifact: Artifact, request: BuildRequest) -> Card:
    from showcase.artifacts.linkedin import LinkedInKit
    from showcase.views.about import ABOUT_LIMIT
    from showcase.views.linkedin import HEADLINE_LIMIT, POST_LIMIT

    return Card(
        "linkedin/card.html.j2",
        (("linkedin", "LinkedIn"), ("certifications", "Licenses & Certifications")),
        LinkedInCard(
            artifact if isinstance(artifact, LinkedInKit) else None,
            POST_LIMIT,
            HEADLINE_LIMIT,
            ABOUT_LIMIT,
        ),
    )


# --- signature --------------------------------------------------------------------------


def signature(request: BuildRequest) -> Artifact:
    from showcase.artifacts.signature import render_signature

    return render_signature(request.loaded, templates_dir=request.settings.templates_dir)


def signature_card(artifact: Artifact, request: BuildRequest) -> Card:
    return Card("signature/card.html.j2", (("signature", "Email signature"),), artifact)


# --- interview --------------------------------------------------------------------------


def interview(request: BuildRequest) -> Artifact:
    from showcase.artifacts.interview import render_interview

    settings = request.settings
    return render_interview(
        request.loaded,
        templates_dir=settings.templates_dir,
        paper=settings.paper,
        pdf_job=settings.pdf_job,
        cache=settings.cache,
        tailor=request.tailor,
    )


@dataclass(frozen=True)
class InterviewCard:
    stories: tuple[Story, ...]
    practice: Practice  # flashcards and the timer's words


def interview_card(artifact: Artifact, request: BuildRequest) -> Card:
    from showcase.views.practice import practice

    sheet = getattr(artifact, "sheet", None)
    return Card(
        "interview/card.html.j2",
        (("interview", "Interview prep"), ("practice", "Practice")),
        InterviewCard(tuple(sheet.stories) if sheet else (), practice(sheet)),
        links(interview_files(request.loaded.profile.name), artifact.files),
    )


# --- renewals ---------------------------------------------------------------------------


@dataclass
class RenewalsArtifact(Artifact):
    rows: list[Renewal] = field(default_factory=list)


def renewals(request: BuildRequest) -> Artifact:
    """The calendar and page of `showcase renewals -o`."""
    from showcase.artifacts.renewals import files
    from showcase.strategy.renewals import renewals as analyse

    loaded = request.loaded
    found = analyse(loaded)
    part = RenewalsArtifact(origin=loaded.file, label="renewals", rows=found.rows)
    part.files.update(files(found, request.settings.templates_dir))
    return part


@dataclass(frozen=True)
class RenewalsCard:
    rows: tuple[Renewal, ...]  # credentials that expire, soonest first
    calendar: str | None  # renewals/renewals.ics, when written
    page: str | None  # renewals/renewals.md, when written


def renewals_card(artifact: Artifact, request: BuildRequest) -> Card | None:
    rows = tuple(getattr(artifact, "rows", ()))
    if not rows:
        return None
    calendar = RENEWALS_ICS if RENEWALS_ICS in artifact.files else None
    page = RENEWALS_MD if RENEWALS_MD in artifact.files else None
    return Card(
        "renewals/card.html.j2", (("renewals", "Renewals"),), RenewalsCard(rows, calendar, page)
    )


# --- gaps -------------------------------------------------------------------------------


def gaps(request: BuildRequest) -> Artifact:
    """The gaps report of `showcase gaps -o`."""
    from showcase.artifacts.gaps import files
    from showcase.strategy.gaps import gap_report

    loaded = request.loaded
    found = gap_report(loaded, request.postings)
    part = Artifact(origin=loaded.file, label="gaps report")
    part.files.update(files(found, request.settings.templates_dir))
    for skipped in found.skipped:
        part.warn(f"{skipped.source}: skipped: {skipped.reason}")
    return part


def gaps_card(artifact: Artifact, request: BuildRequest) -> Card | None:
    if GAPS_HTML not in artifact.files:
        return None
    return Card("gaps/card.html.j2", (("postings", "Job postings"),), GAPS_HTML)
