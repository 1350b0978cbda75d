"""What each bundled template receives: the contract of `--templates`.

A user who copies a template to change it relies on these names, so they are
written down once, here, and `docs/templates.md` is generated from this module
and the view dataclasses (`python -m showcase.render.contract > docs/templates.md`).
Tests keep both true: the reference equals the generated text, and every
variable a bundled template uses is declared here.
"""

from __future__ import annotations

import dataclasses
import inspect
import re
import typing
from dataclasses import dataclass
from typing import Any

from showcase.artifacts.build import FileLink
from showcase.render.themes import ResolvedTheme
from showcase.strategy.gaps import GapReport
from showcase.strategy.match import MatchReport
from showcase.strategy.renewals import RenewalReport
from showcase.tracker.board import Board
from showcase.views.about import AboutView
from showcase.views.interview import InterviewSheet
from showcase.views.letter import LetterView
from showcase.views.linkedin import CertificationEntry, Headline, Post, PostDraft
from showcase.views.linkedin.plan import KitPlan
from showcase.views.practice import Practice
from showcase.views.resume import ResumeView
from showcase.views.signature import SignatureView


@dataclass(frozen=True)
class Variable:
    name: str
    type: Any  # a view dataclass, or a plain type written out
    meaning: str


CREATED = Variable("created", str, "the document's date and time (W3C), for its metadata")

RESUME = (
    Variable("resume", ResumeView, "everything the resume says, in order (alias: `r`)"),
    CREATED,
)
RESUME_HTML = (
    *RESUME,
    Variable(
        "theme",
        ResolvedTheme,
        "the resume theme: its stylesheets to include after resume/resume.css (root first)",
    ),
)
SIGNATURE = (Variable("signature", SignatureView, "the signature's content (alias: `s`)"),)
LETTER = (Variable("letter", LetterView, "everything the cover letter says, in order"), CREATED)
INTERVIEW = (Variable("sheet", InterviewSheet, "the interview prep sheet"), CREATED)
GAPS = (
    Variable("report", GapReport, "what the postings ask for, against the profile"),
    Variable("rows", "list[TermRow]", "the recurring terms shown in the table and chart"),
    Variable("hidden", int, "how many terms only one posting asks for (not shown)"),
    Variable("total", int, "how many postings were read"),
    Variable("advice", "function(TermRow) -> str", "the evidence or suggestion for a row"),
    Variable("assessment", "function(entry) -> str | None", "a catalog entry's assessment"),
    Variable("hours", "function(entry) -> str | None", "a catalog entry's typical hours"),
    Variable("chart", dict, "the bar chart's geometry: bars, widths, colours"),
)
DOCX_HELPER = Variable(
    "docx",
    "Runs",
    "in Word templates only: `{{r docx.line(parts, separator) }}`, `{{r docx.link(text, url) }}`",
)

TEMPLATES: dict[str, tuple[Variable, ...]] = {
    "resume/resume.html.j2": RESUME_HTML,
    "resume/resume.md.j2": RESUME,
    "resume/resume.txt.j2": RESUME,
    "resume/resume.docx": (*RESUME, DOCX_HELPER),
    "resume/themes/modern/resume.docx": (*RESUME, DOCX_HELPER),
    "resume/themes/compact/resume.docx": (*RESUME, DOCX_HELPER),
    "linkedin/post.txt.j2": (Variable("post", PostDraft, "one post to write (alias: `p`)"),),
    "linkedin/headline.txt.j2": (
        Variable("headline", Headline, "the LinkedIn headline (alias: `h`)"),
    ),
    "linkedin/about.txt.j2": (Variable("about", AboutView, "the LinkedIn About section"),),
    "linkedin/certifications.md.j2": (
        Variable("entries", list[CertificationEntry], "one per valid credential"),
        Variable("name", str, "the person's name"),
    ),
    "linkedin/plan.md.j2": (
        Variable("plan", KitPlan, "what to post first, one a week, and Open to work steps"),
        Variable("name", str, "the person's name"),
    ),
    "signature/signature.html.j2": SIGNATURE,
    "signature/signature.txt.j2": SIGNATURE,
    "signature/preview.html.j2": (
        *SIGNATURE,
        Variable("signature_html", str, "the rendered signature.html"),
        Variable("text", str, "the rendered signature.txt"),
        Variable("warnings", "list[str]", "what the user should know"),
    ),
    "letter/letter.html.j2": LETTER,
    "letter/letter.md.j2": LETTER,
    "letter/letter.txt.j2": LETTER,
    "letter/letter.docx": (*LETTER, DOCX_HELPER),
    "interview/interview.html.j2": INTERVIEW,
    "interview/interview.md.j2": INTERVIEW,
    "interview/interview.docx": (*INTERVIEW, DOCX_HELPER),
    "build/index.html.j2": (
        Variable("name", str, "the person's name"),
        Variable("display_name", str, "the name with letters after it"),
        Variable("today", str, "the date of the build (YYYY-MM-DD)"),
        Variable("resume_links", list[FileLink], "the resume files written"),
        Variable("interview_links", list[FileLink], "the interview sheet files written"),
        Variable("posts", list[Post], "the LinkedIn posts"),
        Variable("post_limit", int, "LinkedIn's post limit (3,000 characters)"),
        Variable("headline", str, "the LinkedIn headline"),
        Variable("headline_limit", int, "LinkedIn's headline limit (220 characters)"),
        Variable("about", str, "the LinkedIn About section"),
        Variable("about_limit", int, "LinkedIn's About limit (2,600 characters)"),
        Variable("letter_links", list[FileLink], "with --for: the cover letter files written"),
        Variable("letter_words", int, "with --for: the cover letter's word count"),
        Variable("letter_answered", "list[str]", "with --for: the requirements it answers"),
        Variable("entries", list[CertificationEntry], "Licenses & Certifications fields"),
        Variable("notes", "list[str]", "tips about the posts"),
        Variable("signature_html", str, "the rendered signature.html"),
        Variable("signature_text", str, "the rendered signature.txt"),
        Variable("gaps_report", "str | None", "the gaps report's path, when postings were given"),
        Variable("match", "MatchReport | None", "with --for: how well the resume matches"),
        Variable("match_files", "dict[str, str]", "with --for: the match report's md and json"),
        Variable("renewals", "list[Renewal]", "credentials that expire, soonest first"),
        Variable("renewals_calendar", "str | None", "the renewals calendar's path (.ics)"),
        Variable("renewals_page", "str | None", "the renewals page's path (.md)"),
        Variable("stories", "list[Story]", "the interview stories"),
        Variable("practice", Practice, "practice mode: flashcards and the timer's words"),
        Variable("warnings", "list[str]", "everything to check first"),
        Variable(
            "board",
            Board,
            "the applications board (None unless a tracker database is found)",
        ),
    ),
    "build/batch.html.j2": (
        Variable("profiles", "list[ProfileSummary]", "one per profile of the batch"),
        Variable("today", str, "the date of the build"),
    ),
    "match/report.md.j2": (
        Variable("match", MatchReport, "what the posting asks for, against the resume"),
    ),
    "renewals/renewals.md.j2": (
        Variable("report", RenewalReport, "what expires when, and what renewing takes"),
    ),
    "gaps/report.html.j2": GAPS,
    "gaps/report.md.j2": GAPS,
}


def _type_name(tp: Any) -> str:
    if isinstance(tp, str):
        return tp
    if isinstance(tp, type):
        return tp.__name__
    text = re.sub(r"\b(?:[a-z_][\w]*\.)+(\w+)", r"\1", str(tp))  # drop module paths
    return text.replace("NoneType", "None")


def _dataclasses_in(tp: Any) -> list[type]:
    if isinstance(tp, str):
        return []
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return [tp]
    found: list[type] = []
    for arg in typing.get_args(tp):
        found.extend(_dataclasses_in(arg))
    return found


def _field_comments(cls: type) -> dict[str, str]:
    """The comment written after each field in the class's source (``name: str  # ...``)."""
    try:
        source = inspect.getsource(cls)
    except (OSError, TypeError):  # pragma: no cover - source not available
        return {}
    return dict(re.findall(r"^\s+(\w+): [^#\n]*#\s*(.+)$", source, re.MULTILINE))


def _members(cls: type) -> list[tuple[str, str, str]]:
    """(name, type, meaning) of a dataclass's fields and public properties."""
    hints = typing.get_type_hints(cls)
    comments = _field_comments(cls)
    rows = [
        (f.name, _type_name(hints[f.name]), comments.get(f.name, ""))
        for f in dataclasses.fields(cls)
    ]
    for name, member in inspect.getmembers(cls, lambda m: isinstance(m, property)):
        if name.startswith("_"):
            continue
        getter = typing.cast(property, member).fget
        returns = typing.get_type_hints(getter).get("return", "") if getter else ""
        doc = (inspect.getdoc(getter) or "").split("\n")[0] if getter else ""
        rows.append((name, _type_name(returns), doc))
    return rows


def _cell(text: str) -> str:
    """Text for a Markdown table cell: a `|` would end the cell."""
    return text.replace("|", "\\|")


def reference_markdown() -> str:
    """docs/templates.md: the variables of every template, then the fields of every view."""
    out = [
        "# Template variables",
        "",
        "<!-- Generated by `python -m showcase.render.contract > docs/templates.md`; "
        "a test keeps it current. -->",
        "",
        "Copy a bundled template into your `--templates` folder (same sub-folder and name) "
        "and change it: these are the variables it receives. Everything is already worded "
        "by showcase; a template only places it. HTML templates escape everything.",
        "",
    ]
    seen: list[type] = []
    queue: list[type] = []
    for template, variables in TEMPLATES.items():
        out += [f"## `{template}`", "", "| variable | type | what it is |", "|---|---|---|"]
        for var in variables:
            out.append(f"| `{var.name}` | `{_cell(_type_name(var.type))}` | {_cell(var.meaning)} |")
            queue.extend(_dataclasses_in(var.type))
        out.append("")
    out += ["# Views", "", "The fields and properties of each value above.", ""]
    while queue:
        cls = queue.pop(0)
        if cls in seen:
            continue
        seen.append(cls)
        doc = (inspect.getdoc(cls) or "").split("\n")[0]
        out += [f"## `{cls.__name__}`", ""]
        if doc and not doc.startswith(f"{cls.__name__}("):
            out += [doc, ""]
        out += ["| name | type | notes |", "|---|---|---|"]
        hints = typing.get_type_hints(cls)
        for name, type_text, meaning in _members(cls):
            out.append(f"| `{name}` | `{_cell(type_text)}` | {_cell(meaning)} |")
            if name in hints:
                queue.extend(_dataclasses_in(hints[name]))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(reference_markdown(), end="")
