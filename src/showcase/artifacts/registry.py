"""Every artifact showcase makes, in the order a build makes them and index.html shows
them: one `ArtifactSpec` each (see `spec.py`).

To add an artifact: a view module, its templates, and one entry in `REGISTRY` (see
docs/contributing.md). `tests/artifacts/test_registry.py` then checks that `build`
writes it, index.html shows it, docs/templates.md and the README document it, and the
edge profiles of the valid-builds test build it.
"""

from __future__ import annotations

from showcase.artifacts import parts
from showcase.artifacts.spec import (
    CREATED,
    DOCX_HELPER,
    ArtifactSpec,
    BuildRequest,
    Variable,
)
from showcase.files import (
    GAPS_HTML,
    GAPS_MD,
    LINKEDIN_ABOUT,
    LINKEDIN_CERTIFICATIONS,
    LINKEDIN_HEADLINE,
    LINKEDIN_PLAN,
    RENEWALS_ICS,
    RENEWALS_MD,
    SIGNATURE_HTML,
    SIGNATURE_PREVIEW,
    SIGNATURE_TEXT,
    interview_files,
    letter_files,
    resume_files,
)

_RESUME = (Variable("resume", "ResumeView", "everything the resume says, in order (alias: `r`)"),)
_THEME = Variable(
    "theme", "ResolvedTheme", "the resume theme: its stylesheets to include after resume/resume.css"
)
_SIGNATURE = (Variable("signature", "SignatureView", "the signature's content (alias: `s`)"),)
_LETTER = (Variable("letter", "LetterView", "everything the cover letter says, in order"), CREATED)
_INTERVIEW = (Variable("sheet", "InterviewSheet", "the interview prep sheet"), CREATED)
_NAME = Variable("name", str, "the person's name")
_GAPS = (
    Variable("report", "GapReport", "what the postings ask for, against the profile"),
    Variable("rows", "list[TermRow]", "the recurring terms shown in the table and chart"),
    Variable("hidden", int, "how many terms only one posting asks for (not shown)"),
    Variable("total", int, "how many postings were read"),
    Variable("advice", "function(TermRow) -> str", "the evidence or suggestion for a row"),
    Variable("status", "function(TermRow) -> str", '"have", "short" (of years) or "GAP"'),
    Variable("assessment", "function(entry) -> str | None", "a catalog entry's assessment"),
    Variable("hours", "function(entry) -> str | None", "a catalog entry's typical hours"),
    Variable("chart", dict, "the bar chart's geometry: bars, widths, colours"),
)


def _has_expiry(request: BuildRequest) -> bool:
    return any(c.expires is not None for c in request.loaded.profile.credentials)


REGISTRY: tuple[ArtifactSpec, ...] = (
    ArtifactSpec(
        name="resume",
        label="resume",
        summary="PDF, DOCX, HTML, Markdown and text, with **Professional Development & "
        "Certifications** as the first section; ATS-safe (one column, real text, standard "
        "headings); with `--for`, aimed at one posting, with its match report",
        files=resume_files,
        templates={
            "resume/resume.html.j2": (*_RESUME, CREATED, _THEME),
            "resume/resume.md.j2": (*_RESUME, CREATED),
            "resume/resume.txt.j2": (*_RESUME, CREATED),
            "resume/resume.docx": (*_RESUME, CREATED, DOCX_HELPER),
            "resume/themes/modern/resume.docx": (*_RESUME, CREATED, DOCX_HELPER),
            "resume/themes/compact/resume.docx": (*_RESUME, CREATED, DOCX_HELPER),
            "match/report.md.j2": (
                Variable("match", "MatchReport", "what the posting asks for, against the resume"),
                Variable(
                    "years_shown",
                    "function",
                    "`years_shown(group.years)`: what the jobs show of the years a group asks",
                ),
            ),
        },
        render=parts.resume,
        card=parts.resume_card,
        card_data="ResumeCard",
        command="resume",
        fits_pages=True,
    ),
    ArtifactSpec(
        name="letter",
        label="cover letter",
        summary="with `--for`: a letter for that posting that answers what it asks with "
        "your own results, in PDF, DOCX, Markdown and text",
        files=letter_files,
        templates={
            "letter/letter.html.j2": _LETTER,
            "letter/letter.md.j2": _LETTER,
            "letter/letter.txt.j2": _LETTER,
            "letter/letter.docx": (*_LETTER, DOCX_HELPER),
        },
        render=parts.letter,
        applies=lambda request: request.tailor is not None,
        card=parts.letter_card,
        card_data="LetterView",
        command="letter",
    ),
    ArtifactSpec(
        name="linkedin",
        label="LinkedIn kit",
        summary='posts for what is news (hook before the "...see more" fold, 3-5 '
        'CamelCase hashtags), the exact fields of "Licenses & Certifications", a headline, '
        "an About section and a posting plan",
        files=lambda name: {
            "certifications": LINKEDIN_CERTIFICATIONS,
            "headline": LINKEDIN_HEADLINE,
            "about": LINKEDIN_ABOUT,
            "plan": LINKEDIN_PLAN,
        },
        templates={
            "linkedin/post.txt.j2": (
                Variable("post", "PostDraft", "one post to write (alias: `p`)"),
            ),
            "linkedin/headline.txt.j2": (
                Variable("headline", "Headline", "the LinkedIn headline (alias: `h`)"),
            ),
            "linkedin/about.txt.j2": (
                Variable("about", "AboutView", "the LinkedIn About section"),
            ),
            "linkedin/certifications.md.j2": (
                Variable("entries", "list[CertificationEntry]", "one per valid credential"),
                _NAME,
            ),
            "linkedin/plan.md.j2": (
                Variable(
                    "plan", "KitPlan", "what to post first, one a week, and Open to work steps"
                ),
                _NAME,
            ),
        },
        render=parts.linkedin,
        card=parts.linkedin_card,
        card_data="LinkedInCard",
        command="linkedin",
    ),
    ArtifactSpec(
        name="signature",
        label="signature",
        summary="HTML that survives Gmail and Outlook (tables, inline CSS, under 10,000 "
        "characters), a plain-text version and a preview page",
        files=lambda name: {
            "html": SIGNATURE_HTML,
            "txt": SIGNATURE_TEXT,
            "preview": SIGNATURE_PREVIEW,
        },
        templates={
            "signature/signature.html.j2": _SIGNATURE,
            "signature/signature.txt.j2": _SIGNATURE,
            "signature/preview.html.j2": (
                *_SIGNATURE,
                Variable("signature_html", str, "the rendered signature.html"),
                Variable("text", str, "the rendered signature.txt"),
                Variable("warnings", "list[str]", "what the user should know"),
            ),
        },
        render=parts.signature,
        card=parts.signature_card,
        card_data="SignatureArtifact",
        command="signature",
    ),
    ArtifactSpec(
        name="interview",
        label="interview sheet",
        summary="STAR stories built around your capstone projects, with the questions they "
        "answer (Markdown, PDF, DOCX), and flashcards with a timer on index.html",
        files=interview_files,
        templates={
            "interview/interview.html.j2": _INTERVIEW,
            "interview/interview.md.j2": _INTERVIEW,
            "interview/interview.docx": (*_INTERVIEW, DOCX_HELPER),
        },
        render=parts.interview,
        card=parts.interview_card,
        card_data="InterviewCard",
        command="interview",
    ),
    ArtifactSpec(
        name="renewals",
        label="renewals",
        summary="when a credential expires: a calendar with reminders 90 and 30 days "
        "before, and what renewing takes",
        files=lambda name: {"ics": RENEWALS_ICS, "md": RENEWALS_MD},
        templates={
            "renewals/renewals.md.j2": (
                Variable("report", "RenewalReport", "what expires when, and what renewing takes"),
            ),
        },
        render=parts.renewals,
        applies=_has_expiry,
        card=parts.renewals_card,
        card_data="RenewalsCard",
        command="renewals",
    ),
    ArtifactSpec(
        name="gaps",
        label="gaps report",
        summary="what the job postings you saved ask for, against your profile: a chart "
        "and a shopping list of credentials that would fill the gaps",
        files=lambda name: {"html": GAPS_HTML, "md": GAPS_MD},
        templates={"gaps/report.html.j2": _GAPS, "gaps/report.md.j2": _GAPS},
        render=parts.gaps,
        applies=lambda request: bool(request.postings),
        card=parts.gaps_card,
        card_data="str",
        command="gaps",
    ),
)


def spec(name: str) -> ArtifactSpec:
    """The spec called `name` (``"resume"``)."""
    for found in REGISTRY:
        if found.name == name:
            return found
    raise KeyError(name)


def artifact_table() -> str:
    """The README's table of artifacts (a test keeps the README equal to it)."""
    lines = ["| artifact | what you get | command |", "|---|---|---|"]
    for found in REGISTRY:
        command = f"`showcase {found.command}`" if found.command else "`showcase build`"
        label = found.label[:1].upper() + found.label[1:]
        lines.append(f"| {label} | {found.summary} | {command} |")
    return "\n".join(lines) + "\n"
