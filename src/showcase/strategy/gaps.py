"""`showcase gaps`: what keeps coming up in job postings, what the profile shows, what to earn.

The report is a view like the others: `GapReport` holds the facts, and
`showcase.views.gaps` words it (terminal, JSON), `showcase.artifacts.gaps` writes its pages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from showcase.errors import ShowcaseError, shown
from showcase.profile import Credential, LoadedProfile
from showcase.strategy import catalog as cat
from showcase.strategy.coverage import profile_evidence as profile_evidence
from showcase.strategy.matcher import Matcher, matcher
from showcase.strategy.postings import Posting, Skipped
from showcase.strategy.vocabulary import Term, normalize
from showcase.strategy.years import Years

RELIABLE = (10, 15)  # "Read 10-15 job descriptions": fewer give a shaky list
RECURRING = 3  # an unknown phrase counts once it is in this many postings
SUGGESTIONS_PER_GAP = 2


@dataclass(frozen=True)
class TermRow:
    """One term the postings ask for: how often, and whether the profile shows it."""

    term: Term
    sources: tuple[str, ...]  # the postings that ask for it
    evidence: tuple[str, ...]  # where the profile shows it: "credential: Google Ads ..."
    suggestions: tuple[cat.Entry, ...]
    expired: Credential | None = None  # a gap an expired credential of the profile was
    first: tuple[cat.Entry, ...] = ()  # no suggestion: the prerequisite to earn first
    short: Years | None = None  # shown, but a posting asks more years than its jobs show

    @property
    def postings(self) -> int:
        return len(self.sources)

    @property
    def have(self) -> bool:
        return bool(self.evidence)


@dataclass(frozen=True)
class Suggestion:
    entry: cat.Entry
    gaps: tuple[str, ...]  # the gap terms it evidences, most asked for first


@dataclass
class GapReport:
    name: str
    postings: list[Posting]
    skipped: list[Skipped]
    rows: list[TermRow]
    unrecognised: list[tuple[str, int]]
    suggestions: list[Suggestion]
    no_terms: list[str] = field(default_factory=list)  # postings with no known term
    requirements: dict[str, Any] = field(default_factory=dict)  # source -> [GroupMatch]
    notes: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.postings)

    @property
    def gaps(self) -> list[TermRow]:
        return [row for row in self.rows if not row.have]


def recurring(row: TermRow, total: int) -> bool:
    """Whether a term keeps coming up: with 3 or more postings, asked for more than once."""
    return total < RECURRING or row.postings >= 2


def analyse(
    loaded: LoadedProfile, postings: Sequence[Posting], skipped: Sequence[Skipped] = ()
) -> GapReport:
    """Count the terms of `postings` (each once per posting), and set them against the profile."""
    from showcase.strategy.coverage import GroupMatch, group_match, job_years, lapsed
    from showcase.strategy.coverage import suggestions as suggest
    from showcase.strategy.requirements import Requirement, requirements

    match = matcher()
    evidence = profile_evidence(loaded, match)
    shown_terms = set(evidence)
    gone = {t: c for t, c in lapsed(loaded, match).items() if t not in shown_terms}
    jobs = job_years(loaded, match)
    short: dict[Term, Years] = {}  # a term -> the most years a group it meets asks, short
    per_term: dict[Term, list[str]] = {}
    met_alternatives: dict[Term, set[str]] = {}  # a term -> held alternatives in its groups
    unmet_in: dict[Term, int] = {}  # a term -> in how many unmet groups
    no_terms: list[str] = []
    per_posting: dict[str, list[GroupMatch]] = {}
    for posting in postings:
        asked = requirements(posting, match)
        groups = per_posting[posting.source] = [
            group_match(g, shown_terms, match, jobs) for g in asked.groups
        ]
        if not groups:
            no_terms.append(posting.source)
        for term in sorted(asked.terms, key=lambda t: t.name):
            per_term.setdefault(term, []).append(posting.source)
        for group in groups:
            years = group.years if group.short else None
            for term in group.met_by if years is not None else ():
                if years is not None and (term not in short or short[term].asked < years.asked):
                    short[term] = years
            for term in group.requirement.any_of:
                if group.met:
                    met_alternatives.setdefault(term, set()).update(t.name for t in group.met_by)
                else:
                    unmet_in[term] = unmet_in.get(term, 0) + 1
    rows = []
    for term, sources in per_term.items():
        shown = tuple(evidence.get(term, ()))
        if not shown and term not in unmet_in:  # every group it is in is met by another
            held_instead = sorted(met_alternatives.get(term, ()))
            shown = (f"met by {', '.join(held_instead)} (an alternative)",) if held_instead else ()
        expired = None if shown else gone.get(term)
        rows.append(TermRow(term, tuple(sources), shown, (), expired, short=short.get(term)))
    rows.sort(key=lambda r: (-r.postings, r.term.name.casefold()))
    # Suggestions: for the unmet groups of recurring gaps only (one posting's wish is no plan).
    gap_names = {r.term.name for r in rows if not r.have and recurring(r, len(postings))}
    unmet_groups: dict[tuple[str, ...], Requirement] = {}  # by the alternatives' names
    wanted: list[Requirement] = []  # each once per posting that asks it: its weight
    for groups in per_posting.values():
        for group in groups:
            names = tuple(group.requirement.names)
            if not group.met and set(names) & gap_names:
                unmet_groups.setdefault(names, group.requirement)
                wanted.append(group.requirement)
    picks = suggest(loaded, wanted, per_group=SUGGESTIONS_PER_GAP)
    # Each alternative with the members of its class: "AWS Certified Solutions Architect"
    # is met by the Associate, whose row it is too.
    names_of = {
        GroupMatch(g, ()).label: [
            (t.name, {normalize(n) for n in (t.name, *t.any_of)}) for t in g.any_of
        ]
        for g in unmet_groups.values()
    }
    by_term: dict[str, list[cat.Entry]] = {}
    for entry, labels in picks:
        teaches = {normalize(name) for name in entry.terms}
        for label in labels:
            for name, met_by_names in names_of.get(label, ()):
                if met_by_names & teaches:  # the row of HubSpot: never a Salesforce one
                    by_term.setdefault(name, []).append(entry)
    rows = [
        replace(r, suggestions=_unique(by_term.get(r.term.name, []))) if not r.have else r
        for r in rows
    ]
    rows = [
        replace(r, first=tuple(first_needed(loaded, [r.term.name, *r.term.any_of])))
        if not (r.have or r.suggestions or r.expired)
        else r
        for r in rows
    ]
    suggestions = {entry.id: Suggestion(entry, labels) for entry, labels in picks}

    report = GapReport(
        requirements=per_posting,
        name=loaded.profile.name,
        postings=list(postings),
        skipped=list(skipped),
        rows=rows,
        unrecognised=unrecognised(postings, match),
        suggestions=list(suggestions.values()),
        no_terms=no_terms,
    )
    if 0 < report.total < RELIABLE[0]:
        report.notes.append(
            f"{report.total} posting{'s' if report.total != 1 else ''} read: "
            f"{RELIABLE[0]}-{RELIABLE[1]} postings give a reliable list of what keeps coming up."
        )
    for source in no_terms:
        report.notes.append(
            f"{source}: no known skill, tool or certification found "
            "(a posting in another language, or not a job posting?)"
        )
    return report


def first_needed(loaded: LoadedProfile, names: list[str]) -> list[cat.Entry]:
    """What the profile must earn first for a credential that would evidence `names` but
    is never suggested for lack of its prerequisite (the catalog's `requires`): a CSM for
    an A-CSM."""
    held_ids = {e.id for e in cat.held(loaded.profile.credentials)}
    out: list[cat.Entry] = []
    for entry in cat.for_terms(names, exclude=held_ids, today=loaded.today):
        if entry.requires and not set(entry.requires) & held_ids:
            found = [e for i in entry.requires if (e := cat.find(i)) is not None]
            out.extend(e for e in found if e not in out)
    return out


def _unique(entries: list[cat.Entry]) -> tuple[cat.Entry, ...]:
    seen: dict[str, cat.Entry] = {}
    for entry in entries:
        seen.setdefault(entry.id, entry)
    return tuple(seen.values())


# --- Unrecognised, recurring phrases --------------------------------------------------------

_REQUIREMENT_HEADING = re.compile(
    r"^\W*(requirements|qualifications|what you.ll (?:need|bring)|what we.re looking for|"
    r"skills|must.haves?|nice to have|preferred|you have|about you|who you are|"
    r"minimum qualifications|preferred qualifications|experience)\b.{0,40}$",
    re.I,
)
_OTHER_HEADING = re.compile(
    r"^\W*(about us|about the (?:company|role|team)|benefits|perks|what we offer|"
    r"responsibilities|what you.ll do|compensation|salary|how to apply|equal opportunity)\b",
    re.I,
)
_TRIGGER = re.compile(
    r"\b(?:experience (?:with|in|using)|proficien(?:cy|t) (?:in|with)|knowledge of|"
    r"familiar(?:ity)? with|expertise in|skilled in|comfortable with|understanding of|"
    r"background in|fluency in|fluent in|working knowledge of)\s+(.+)",
    re.I,
)
_BULLET = re.compile(r"^\s*(?:[-*•·▪‣◦]|\d+[.)])\s+")
_SPLIT = re.compile(
    r"\s*(?:[,;:()\[\]/]|\.(?:\s|$)|\s(?:and|or|and/or|as well as|including|such as|"
    r"e\.g\.|i\.e\.|like|plus|with|for|to|in|on|of|using|is|are|a plus|preferred|required)\s)\s*",
    re.I,
)
_EDGE_WORDS = {
    "a", "an", "the", "strong", "solid", "proven", "good", "great", "excellent", "deep",
    "basic", "advanced", "modern", "common", "related", "relevant", "some", "any", "other",
    "tools", "tool", "platforms", "platform", "skills", "skill", "etc", "software",
    "hands-on", "demonstrated", "working", "practical", "professional", "similar", "our",
    "your", "their", "its", "at", "least", "least one", "one", "more", "years", "year",
    "using", "via", "both", "either", "all", "various", "key", "core", "be", "is",
    "for", "in", "or", "and", "with", "to", "of", "on", "ideally", "them", "it",
    "this", "that", "these", "those", "you", "we", "will", "can", "e.g", "i.e", "like",
}  # fmt: skip
_FILLER = re.compile(
    r"\b(?:years?|experience|ability|abilities|able|degree|bachelor|master|excellent|strong|"
    r"preferred|required|plus|bonus|must|knowledge|understanding|including|team|work|"
    r"environment|role|candidate|you|we|our|job|position|salary|benefits|equal|"
    r"opportunity|please|apply|etc)\b",
    re.I,
)


def requirement_lines(text: str) -> list[str]:
    """Lines that say what a candidate needs: bullets and lines under a requirements
    heading, and any line with "experience with", "proficiency in", "knowledge of"..."""
    lines = []
    in_requirements = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        heading = line.lstrip("#").strip().rstrip(":")
        is_heading = len(heading) <= 60 and not _BULLET.match(line)
        if is_heading and _REQUIREMENT_HEADING.match(heading):
            in_requirements = True
            continue
        if is_heading and _OTHER_HEADING.match(heading):
            in_requirements = False
            continue
        if (in_requirements and _BULLET.match(line)) or _TRIGGER.search(line):
            lines.append(_BULLET.sub("", line))
    return lines


def candidate_phrases(line: str, match: Matcher) -> set[str]:
    """Short phrases of a requirement line that are not vocabulary terms."""
    # Cut out every known term first, so "Google Ads and Hootsuite" leaves "Hootsuite".
    cut = list(line)
    for start, end in match.spans(line):
        cut[start:end] = [","] * (end - start)
    text = "".join(cut)
    trigger = _TRIGGER.search(text)
    if trigger:
        text = trigger[1]
    phrases = set()
    for chunk in _SPLIT.split(text):
        words = re.findall(r"[A-Za-z][\w+#.&'-]*", chunk)
        while words and words[0].lower().strip(".") in _EDGE_WORDS:
            words.pop(0)
        while words and words[-1].lower().strip(".") in _EDGE_WORDS:
            words.pop()
        if not 1 <= len(words) <= 4:
            continue
        phrase = " ".join(words).strip(".'-")
        if len(phrase) < 3 or _FILLER.search(phrase) or phrase.lower() in _EDGE_WORDS:
            continue
        if len(words) == 1 and phrase.islower():
            continue  # "growth", "web": a lower-case word alone is rarely a skill or a tool
        phrases.add(phrase)
    return phrases


def unrecognised(postings: Sequence[Posting], match: Matcher) -> list[tuple[str, int]]:
    """Phrases the vocabulary does not know that recur in the requirement lines of at least
    `RECURRING` postings, most frequent first: so nothing important is silently missed."""
    counts: Counter[str] = Counter()
    spelling: dict[str, Counter[str]] = {}
    for posting in postings:
        seen: set[str] = set()
        for line in requirement_lines(posting.text):
            for phrase in candidate_phrases(line, match):
                key = normalize(phrase)
                if key in match.vocab or key in seen:
                    continue
                seen.add(key)
                spelling.setdefault(key, Counter())[phrase] += 1
        counts.update(seen)
    found = [(spelling[key].most_common(1)[0][0], n) for key, n in counts.items() if n >= RECURRING]
    return sorted(found, key=lambda item: (-item[1], item[0].casefold()))


# --- JSON --------------------------------------------------------------------------------


def to_json(report: GapReport) -> dict[str, Any]:
    """The report as the JSON that tests and other tools read (the shape of issue #11; each
    posting with its `requirements` as the match report gives them, issue #22)."""
    from showcase.strategy.coverage import requirement_json

    return {
        "postings": [
            {
                "source": p.source,
                "title": p.title,
                "company": p.company,
                "requirements": [
                    requirement_json(g) for g in report.requirements.get(p.source, [])
                ],
            }
            for p in report.postings
        ],
        "skipped": [{"source": s.source, "reason": s.reason} for s in report.skipped],
        "terms": [
            {
                "term": row.term.name,
                "kind": row.term.kind.value,
                "aliases": list(row.term.aliases),
                "postings": row.postings,
                "sources": list(row.sources),
                "have": row.have,
                "evidence": list(row.evidence),
                **({"expired": row.expired.name} if row.expired else {}),
                **({"short_years": row.short.json()} if row.short else {}),
            }
            for row in report.rows
        ],
        "unrecognised": [{"phrase": p, "postings": n} for p, n in report.unrecognised],
        "suggestions": [
            {
                "for": list(s.gaps),
                "id": s.entry.id,
                "name": s.entry.name,
                "issuer": s.entry.issuer,
                "platform": s.entry.platform,
                "kind": s.entry.kind.value,
                "assessment": s.entry.assessment.value if s.entry.assessment else None,
                "hours": s.entry.hours,
                "cost": s.entry.cost,
                "validity_years": s.entry.validity_years,
                "renewal": s.entry.renewal,
                "url": s.entry.url,
                "source": list(s.entry.source or ()),
            }
            for s in report.suggestions
        ],
        "notes": list(report.notes),
    }


class NoPostingsError(ShowcaseError):
    """Not one posting could be read."""


def gap_report(
    loaded: LoadedProfile, sources: Sequence[str | Path], stdin: IO[bytes] | None = None
) -> GapReport:
    """Read the postings of `sources` (files, folders, ``-``) and analyse them for `loaded`."""
    from showcase.strategy.postings import read_postings

    found = read_postings(sources, stdin)
    if not found.read:
        reasons = "; ".join(f"{s.source}: {s.reason}" for s in found.skipped) or "none given"
        raise NoPostingsError(f"no posting could be read ({shown(reasons, 400)})")
    return analyse(loaded, found.read, found.skipped)
