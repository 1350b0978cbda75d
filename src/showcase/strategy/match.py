"""The match report of `--for`: how much of what a posting asks for the resume shows.

Coverage is measured the way an applicant tracking system sees a resume: on the
text extracted from the written file (the PDF when there is one), counting the
posting's recognised terms found there. `coverage_before` is the same for the
resume without tailoring. What the profile does not show is listed as missing,
with credentials that would teach it: to be learned, never typed in.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from showcase.profile import LoadedProfile
from showcase.strategy import catalog as cat
from showcase.strategy.gaps import SUGGESTIONS_PER_GAP, Suggestion, profile_evidence
from showcase.strategy.matcher import matcher
from showcase.strategy.tailor import Tailoring

MISSING_NOTE = (
    "Missing terms are things to learn and then show (a credential, a project, a result), "
    "not words to type into your resume."
)


@dataclass(frozen=True)
class Keyword:
    term: str
    kind: str
    in_resume: bool  # found in the text extracted from the tailored resume
    where: str | None  # where the profile shows it: "credential: Google Ads ..."


@dataclass
class MatchReport:
    posting: str  # the posting's source name
    title: str | None
    company: str | None
    keywords: list[Keyword]
    coverage: float
    coverage_before: float
    measured_on: str  # "PDF" or "plain-text resume"
    missing: list[str]
    suggestions: list[Suggestion]
    notes: list[str] = field(default_factory=list)

    @property
    def percent(self) -> str:
        return f"{self.coverage:.0%}"

    @property
    def percent_before(self) -> str:
        return f"{self.coverage_before:.0%}"


def _coverage(tailor: Tailoring, text: str) -> tuple[float, set[str]]:
    found = {t.name for t in matcher().terms(text, context=False)} & {t.name for t in tailor.terms}
    return (len(found) / len(tailor.terms) if tailor.terms else 0.0), found


def match_report(
    loaded: LoadedProfile,
    tailor: Tailoring,
    tailored_text: str,
    untailored_text: str,
    *,
    measured_on: str = "PDF",
) -> MatchReport:
    """Set the posting's terms against the tailored and the untailored resume's text."""
    coverage, found = _coverage(tailor, tailored_text)
    before, _ = _coverage(tailor, untailored_text)
    evidence = profile_evidence(loaded, matcher())
    terms = sorted(tailor.terms, key=lambda t: (t.name not in found, t.name.casefold()))
    keywords = [
        Keyword(
            term=t.name,
            kind=t.kind.value,
            in_resume=t.name in found,
            where=next(iter(evidence.get(t, ())), "the resume's text" if t.name in found else None),
        )
        for t in terms
    ]
    missing = [k.term for k in keywords if k.where is None]
    held = [e.id for e in cat.held(loaded.profile.credentials)]
    suggestions: dict[str, Suggestion] = {}
    for name in missing:
        for entry in cat.for_terms([name], exclude=held, today=loaded.today)[:SUGGESTIONS_PER_GAP]:
            previous = suggestions.get(entry.id)
            gaps = (*previous.gaps, name) if previous else (name,)
            suggestions[entry.id] = Suggestion(entry, gaps)
    report = MatchReport(
        posting=tailor.posting.source,
        title=tailor.posting.title,
        company=tailor.posting.company,
        keywords=keywords,
        coverage=coverage,
        coverage_before=before,
        measured_on=measured_on,
        missing=missing,
        suggestions=list(suggestions.values()),
    )
    if not tailor.terms:
        report.notes.append(
            "No skill, tool or certification showcase knows was found in this posting, so "
            "the resume is the untailored one."
        )
    elif not (found or any(k.where for k in keywords)):
        report.notes.append(
            "Nothing your profile shows matches this posting; the resume keeps its usual order."
        )
    if missing:
        report.notes.append(MISSING_NOTE)
    return report


def to_json(report: MatchReport) -> dict[str, Any]:
    return {
        "posting": report.posting,
        "title": report.title,
        "company": report.company,
        "keywords": [
            {"term": k.term, "kind": k.kind, "in_resume": k.in_resume, "where": k.where}
            for k in report.keywords
        ],
        "coverage": round(report.coverage, 4),
        "coverage_before": round(report.coverage_before, 4),
        "measured_on": report.measured_on,
        "missing": report.missing,
        "suggestions": [
            {
                "for": list(s.gaps),
                "id": s.entry.id,
                "name": s.entry.name,
                "issuer": s.entry.issuer,
                "platform": s.entry.platform,
                "assessment": s.entry.assessment.value if s.entry.assessment else None,
                "hours": s.entry.hours,
                "cost": s.entry.cost,
                "url": s.entry.url,
            }
            for s in report.suggestions
        ],
        "notes": report.notes,
    }


def json_text(report: MatchReport) -> str:
    return json.dumps(to_json(report), indent=2, ensure_ascii=False) + "\n"
