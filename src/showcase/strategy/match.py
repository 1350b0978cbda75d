"""The match report of `--for`: how much of what a posting asks for the resume shows.

The posting is read as requirement groups (`strategy/requirements.py`): "Jira,
Smartsheet or Microsoft Project" is one group, met by any one of them. Coverage is
measured the way an applicant tracking system sees a resume: on the text extracted
from the written file (the PDF when there is one), the share of groups one of whose
alternatives (or an equivalent) is found there, of those the profile shows
(`profile_evidence`, the one rule of what the person has): a word found only in an
employer's or an issuer's name meets nothing. `coverage_before` is the same for the
resume without tailoring. The groups the profile does not meet are missing, with
credentials that would teach them (`strategy/coverage.py`): to be learned, never
typed in.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from showcase.profile import Credential, LoadedProfile
from showcase.strategy.coverage import (
    GroupMatch,
    expired_for,
    group_match,
    job_years,
    lapsed,
    met_by,
    requirement_json,
    resume_terms,
    suggestions,
)
from showcase.strategy.gaps import Suggestion, profile_evidence
from showcase.strategy.matcher import matcher
from showcase.strategy.requirements import requirements
from showcase.strategy.tailor import Tailoring
from showcase.strategy.vocabulary import Term

MISSING_NOTE = (
    "Missing requirements are things to learn and then show (a credential, a project, a "
    "result), not words to type into your resume."
)


YEARS_NOTE = (
    "A requirement of years counts the months of the jobs whose own text (title, highlights, "
    "stories) names it, overlaps once; a job dated by its year alone counts from that year's "
    "December, or to an end year's January. One your jobs fall short of is not met, and it "
    "is not counted in the share above: if a job of yours did the work, say so in its "
    "highlights."
)


@dataclass(frozen=True)
class Keyword:
    term: str
    kind: str
    in_resume: bool  # the profile shows it, and the tailored resume's text does too
    where: str | None  # where the profile shows it: "credential: Google Ads ..."
    expired: Credential | None = None  # not shown, but an expired credential of it is


@dataclass
class MatchReport:
    posting: str  # the posting's source name
    title: str | None
    company: str | None
    keywords: list[Keyword]
    coverage: float  # groups met by what the profile shows and the resume's text does too
    coverage_before: float
    measured_on: str  # "PDF" or "plain-text resume"
    missing: list[str]  # the unmet groups no expired credential would meet, as "A or B"
    suggestions: list[Suggestion]
    notes: list[str] = field(default_factory=list)
    requirements: list[GroupMatch] = field(default_factory=list)

    @property
    def unmet(self) -> list[GroupMatch]:
        return [g for g in self.requirements if not g.met]

    @property
    def short(self) -> list[GroupMatch]:
        """The groups shown, but with fewer years than they ask (`strategy/years.py`)."""
        return [g for g in self.requirements if g.short]

    @property
    def expired(self) -> list[str]:
        """The unmet groups an expired credential would meet: to renew, not to learn."""
        return [g.label for g in self.unmet if g.expired]

    @property
    def percent(self) -> str:
        return f"{self.coverage:.0%}"

    @property
    def percent_before(self) -> str:
        return f"{self.coverage_before:.0%}"


def _in_text(groups: list[GroupMatch], shown: set[Term]) -> list[bool]:
    return [bool(met_by(g.requirement, shown)) for g in groups]


def match_report(
    loaded: LoadedProfile,
    tailor: Tailoring,
    tailored_text: str,
    untailored_text: str,
    *,
    measured_on: str = "PDF",
) -> MatchReport:
    """Set the posting's requirement groups against the profile, and against the tailored
    and the untailored resume's text (coverage: the groups the text meets)."""
    match = matcher()
    asked = requirements(tailor.posting, match)
    evidence = profile_evidence(loaded, match)
    shown = set(evidence)
    # What the resume shows of what the person has: a word that is there only in a name
    # (an employer's, an issuer's, a school's) or on an expired credential meets nothing,
    # so "in the resume" never says yes where "your profile shows" says "to learn".
    after = resume_terms(tailored_text, match) & shown
    before = resume_terms(untailored_text, match) & shown
    gone = {t: c for t, c in lapsed(loaded, match).items() if t not in shown}
    jobs = job_years(loaded, match)
    groups = [group_match(g, shown, match, jobs) for g in asked.groups]
    in_after, in_before = _in_text(groups, after), _in_text(groups, before)
    groups = [
        GroupMatch(
            g.requirement,
            g.met_by,
            hit,
            () if g.met else expired_for(g.requirement, gone),
            g.years,
        )
        for g, hit in zip(groups, in_after, strict=True)
    ]
    # A group short of the years it asks is in the resume's text, but not met: not counted.
    total = len(groups)
    covered = sum(h and not g.short for g, h in zip(groups, in_after, strict=True))
    coverage = covered / total if total else 0.0
    covered_before = sum(h and not g.short for g, h in zip(groups, in_before, strict=True))
    coverage_before = covered_before / total if total else 0.0
    found = {t.name for t in after}
    terms = sorted(asked.terms, key=lambda t: (t.name not in found, t.name.casefold()))
    keywords = [
        Keyword(
            term=t.name,
            kind=t.kind.value,
            in_resume=t.name in found,
            where=next(iter(evidence.get(t, ())), None),
            expired=gone.get(t),
        )
        for t in terms
    ]
    unmet = [g for g in groups if not g.met]
    picks = suggestions(loaded, [g.requirement for g in unmet])
    report = MatchReport(
        posting=tailor.posting.source,
        title=tailor.posting.title,
        company=tailor.posting.company,
        keywords=keywords,
        coverage=coverage,
        coverage_before=coverage_before,
        measured_on=measured_on,
        missing=[g.label for g in unmet if not g.expired],
        suggestions=[Suggestion(entry, labels) for entry, labels in picks],
        requirements=groups,
    )
    if not groups:
        report.notes.append(
            "No skill, tool or certification showcase knows was found in this posting, so "
            "the resume is the untailored one."
        )
    elif not (any(in_after) or any(g.met for g in groups)):
        report.notes.append(
            "Nothing your profile shows matches this posting; the resume keeps its usual order."
        )
    if report.missing:
        report.notes.append(MISSING_NOTE)
    if any(g.short for g in groups):
        report.notes.append(YEARS_NOTE)
    return report


def to_json(report: MatchReport) -> dict[str, Any]:
    return {
        "posting": report.posting,
        "title": report.title,
        "company": report.company,
        "requirements": [requirement_json(g) for g in report.requirements],
        "coverage": round(report.coverage, 4),
        "coverage_before": round(report.coverage_before, 4),
        "measured_on": report.measured_on,
        "short_years": [
            {"text": g.requirement.text, "any_of": g.requirement.names, **g.years.json()}
            for g in report.short
            if g.years is not None
        ],
        "missing": [
            {
                "text": g.requirement.text,
                "any_of": g.requirement.names,
                "strength": g.requirement.strength.value,
                **({"expired": [c.name for c in g.expired]} if g.expired else {}),
            }
            for g in report.unmet
        ],
        "keywords": [
            {
                "term": k.term,
                "kind": k.kind,
                "in_resume": k.in_resume,
                "where": k.where,
                **({"expired": k.expired.name} if k.expired else {}),
            }
            for k in report.keywords
        ],
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
