"""A posting read as requirements, the way a careful recruiter reads it.

Each posting becomes requirement groups. A group is met by any one of its
alternatives (`any_of`):

* "A or B", "A, B or C", "A/B", "A and/or B", "such as A, B and C", "e.g. A, B",
  "A (B, C)", "A or equivalent": one group of alternatives. "A, B and C": three groups.
* A class of equivalents ("a Scrum certification") is one alternative that any of its
  members meets; with its members beside it ("a Scrum certification (PSM I or CSM)")
  the members are the alternatives.
* Strength: "a plus", "bonus", "nice to have" -> plus; "preferred", "ideally",
  "desired" -> preferred; else the section's (a "Preferred" or "Nice to have" heading),
  else required.
* Negation: "not required", "not necessary", "don't need": the clause's terms are none
  ("ML experience is NOT required, but Python is"); "no VBA needed", "without prior SQL":
  those words' terms are none, the rest asked ("HTML without waiting for a developer").
* Years: "3+ years in ...", "2-4 years of ..." -> the smallest number, for the terms the
  phrase is written beside, not a deadline, an age or a study (`asked_years.py`).
* Sections: duties ("Responsibilities", "What you'll do", and any short heading that
  ends in "you will": "During the residency you will"), qualifications ("Requirements",
  "What you need", "You bring") and preferred; "About us", what the posting gives
  ("Benefits", "Perks", "What we offer", "What's in it for you", "Why <Company>"),
  compensation, equal opportunity and how to apply never count, nor a sentence about the
  company ("We are a ...", "Our team handles month-end close ...": "We need ..." asks). A
  heading ends in "?" only when it opens such a section ("Why join us?"); the title at
  the top is no heading ("Benefits Coordinator").
* A department is not a skill: "the merchandising team", "our CSM team".
* A term may ask for another too, a group of its own (`asks`: "clusters on EKS", Kubernetes).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from showcase.strategy.asked_years import Span, years_asked
from showcase.strategy.asking import about_company, about_the_company, asked_part
from showcase.strategy.matcher import Hit, Matcher, matcher
from showcase.strategy.postings import Posting
from showcase.strategy.vocabulary import Term

HEADER_LINES = 4  # the lines at the top that may be title, company, place, type
HEADING_LIMIT = 200  # characters: "Preferred qualifications: Figma, Canva" and its like


class Strength(StrEnum):
    REQUIRED = "required"
    PREFERRED = "preferred"
    PLUS = "plus"


class Section(StrEnum):
    INTRO = "intro"  # before any heading
    DUTIES = "duties"
    QUALIFICATIONS = "qualifications"
    PREFERRED = "preferred"
    IGNORED = "ignored"  # about us, benefits ...: never counts


@dataclass(frozen=True)
class Requirement:
    """One group: met by any one of `any_of`."""

    text: str  # the line it comes from
    any_of: tuple[Term, ...]
    strength: Strength
    section: Section
    years: int | None = None
    or_equivalent: bool = False  # "... or equivalent experience"

    @property
    def names(self) -> list[str]:
        return [term.name for term in self.any_of]


@dataclass(frozen=True)
class Requirements:
    posting: Posting
    groups: tuple[Requirement, ...]

    @property
    def terms(self) -> frozenset[Term]:
        """Every term any group names: what the posting asks for."""
        return frozenset(term for group in self.groups for term in group.any_of)


_HEADINGS: tuple[tuple[Section, re.Pattern[str]], ...] = tuple(
    (section, re.compile(rf"^(?:{pattern})\b", re.I))
    for section, pattern in (
        (
            Section.IGNORED,
            r"about (?:us|the company|our company|"
            r"(?!the (?:role|job|position|team)\b)[\w&' ]{1,40})$|"
            r"who we are|our story|"
            r"our mission|our values|benefits|perks|(?:our|your|the) (?:benefits|perks)|"
            r"(?:what )?we offer|what.s in it for you|what you(?:.ll| will)? get(?! to\b)|"
            r"(?:total )?rewards|"
            # "Why Northgate", "Why join us", "Why you'll love it here": the pitch
            r"why [^:]{1,50}$|"
            r"compensation|salary|pay (?:range|and benefits|& benefits)|to apply|life at|"
            r"equal (?:employment )?opportunity|eeo|how to apply|working at|our culture|culture",
        ),
        (
            Section.PREFERRED,
            r"(?:preferred|desired|bonus|nice[ -]to[ -]haves?|pluses|extra credit|"
            r"it.s a plus|even better|ideally)",
        ),
        (
            Section.QUALIFICATIONS,
            r"requirements|qualifications|minimum qualifications|required|"
            r"what you(?:.ll| will)? (?:need|bring)|you bring|"
            r"what we(?:.re looking| look) for|must[ -]haves?|you have|about you|who you are|"
            r"skills|experience|you might be a fit|you.re a fit|your background|to succeed",
        ),
        (
            Section.DUTIES,
            r"responsibilities|duties|what you.ll do|the role|about the (?:role|job|position)|"
            r"role overview|job summary|summary|in this role|day[ -]to[ -]day|your impact|"
            r"what you will do|key responsibilities|the job|overview|position summary|"
            r"what the (?:job|role|position) involves|what you(?:.ll| will) (?:get to do|work on)|"
            # "During the residency you will", "As a float nurse you'll", "You will"
            r"(?:[\w'’,&/-]+ ){0,6}you(?: will|['’]ll)$",
        ),
    )
)
_BULLET = re.compile(r"^\s*(?:[-*•·▪‣◦]|\d+[.)])\s+")
_PLUS = re.compile(
    r"\b(?:a plus|plus|bonus|nice[ -]to[ -]have|an advantage|advantageous|helpful|"
    r"a bonus|big plus|huge plus)\b",
    re.I,
)
_PREFERRED = re.compile(r"\b(?:preferred|preferably|ideally|desired|desirable|optional)\b", re.I)
_REQUIRED = re.compile(r"\b(?:required|must|mandatory|essential|need to|you need)\b", re.I)
_WRAPPED = re.compile(r"(?<![.!?:;])\n(?=[a-z(])")  # a PDF's line broken inside a sentence
# "•" alone on a line (a PDF's bullet), then its text; [ \t], never \s: linear on any text
_LONE_BULLET = re.compile(r"^[ \t]*([-*•·▪‣◦])[ \t]*\n(?:[ \t]*\n)*", re.M)
# What comes before a term ("such as", "the ... team") is looked for this many characters
# back, not from the line's start: linear on any line.
LOOK_BEHIND = 120
_EXAMPLES_BEFORE = re.compile(
    r"(?:such as|e\.g\.?|eg\.|like|including|for example|for instance|one of|any of|either|"
    r"i\.e\.?|tools? \(|platforms? \(|\()[\s:,(]*$",
    re.I,
)
_EQUIVALENT_AFTER = re.compile(
    r"[\s,]*+\)?\s*+(?:or (?:an? )?(?:equivalent|similar|comparable|related|other|another|"
    r"alternative)s?|or the like)\b",
    re.I,
)
_EXAMPLE_WORDS = r"such as|e\.g\.?|eg\.|including|like|for example|for instance|i\.e\.?"
_GAP = re.compile(
    rf"(?:\s|,|;|:|/|&|\(|\)|\band/or\b|\band\b|\bor\b|\bnor\b|{_EXAMPLE_WORDS})*", re.I
)
_DEPARTMENT = re.compile(
    r"\s*(?:team|teams|department|departments|group|org|organization|leaders|leadership)\b",
    re.I,
)
_DEPARTMENT_BEFORE = re.compile(
    r"\b(?:the|our|your|their|with|across)\s+(?:[\w&/-]+\s*(?:,|\band\b|&)\s*){0,3}$", re.I
)
_EXAMPLES = re.compile(rf"\b(?:{_EXAMPLE_WORDS})", re.I)
_AND = re.compile(r"\band\b(?!/)|\bas well as\b|&", re.I)
_OR = re.compile(r"\bor\b|/|\bnor\b", re.I)
_SENTENCES = re.compile(r"(?<=[.!?])(?<!e\.g\.)(?<!i\.e\.)(?<!etc\.)\s+(?=[A-Z(\"'])")
_CLAUSES = re.compile(  # possessive runs: linear on any line
    r"\s*+(?:;|\bbut\b|\bhowever\b|\bwhile\b|\bwhereas\b)\s*+|,?\s*+(?=\b(?:ideally|preferably)\b)",
    re.I,
)


def requirements(posting: Posting, match: Matcher | None = None) -> Requirements:
    """The requirement groups of `posting` (see the module docstring)."""
    match = match or matcher()
    groups: dict[tuple[str, ...], Requirement] = {}
    section = Section.INTRO
    header = True  # still in the lines at the top: title, company, place
    about = about_company(posting.company)
    known: dict[Term, bool] = {}

    def in_context(term: Term) -> bool:  # the posting's context words, looked up once a term
        if term not in known:
            known[term] = match.in_context(term, posting.text)
        return known[term]

    for index, raw in enumerate(_lines(posting.text)):
        line = " ".join(raw.split())  # no run of whitespace for a pattern to crawl over
        # The posting's own title at the top is no heading ("Benefits Coordinator").
        title = index < HEADER_LINES and line.strip("#*_ ") == posting.title
        heading, rest = (None, "") if title else _heading(line)
        top = line in (posting.title, posting.company) or _header_line(index, line)
        header = header and heading is None and top
        if header:
            continue  # "Project Coordinator", "Trailhead Home & Garden", "Denver, CO · Full-time"
        if heading is not None:
            section = heading
            if not rest:
                continue
            line = rest
        if section == Section.IGNORED:
            continue
        for group in _line_groups(_BULLET.sub("", line), section, in_context, match, about):
            key = tuple(sorted(group.names))
            kept = groups.get(key)
            # The strongest; of two as strong, the one asking more years ("Write SQL
            # queries" in the duties, "3+ years of SQL" in the requirements).
            if kept is None or (_rank(group.strength), -(group.years or 0)) < (
                _rank(kept.strength),
                -(kept.years or 0),
            ):
                groups[key] = group
    return Requirements(posting, tuple(groups.values()))


def _lines(text: str) -> list[str]:
    """The posting's lines, with a PDF's wrapped sentences and lone bullets joined."""
    text = _LONE_BULLET.sub(lambda m: m[1] + " ", text)
    return [line for line in _WRAPPED.sub(" ", text).splitlines() if line.strip()]


def _header_line(index: int, line: str) -> bool:
    """A title, company or place line at the top: short, not a sentence, not a bullet."""
    return (
        index < HEADER_LINES
        and len(line) <= 100
        and not re.search(r"[.!?:]\s*$", line)
        and (not _BULLET.match(line))
    )


def _rank(strength: Strength) -> int:
    return list(Strength).index(strength)


def _heading(line: str) -> tuple[Section | None, str]:
    """(the section a heading line opens, any text after its colon), or (None, "")."""
    if len(line) > HEADING_LIMIT:  # a heading is short; a long line is never cached
        return None, ""
    return _short_heading(line)


@lru_cache(maxsize=4096)
def _short_heading(line: str) -> tuple[Section | None, str]:
    bare = re.sub(r"^[#*_\s]+|[*_\s]+$", "", line)
    head, colon, rest = bare.partition(":")
    head = head.strip(" *_")
    asking = not colon and head.endswith("?")  # "Why join us?", never "Epic experience?"
    head = head.removesuffix("?") if asking else head
    if _BULLET.match(line) or len(head) > 60 or (not colon and head.endswith((".", "!", "?"))):
        return None, ""
    if not colon and len(head.split()) > 7:
        return None, ""
    for section, pattern in _HEADINGS:
        found = pattern.match(head)
        # The heading words and at most two more: "Preferred qualifications", never
        # "Experience with Adobe InDesign or Canva".
        if found and len(head.split()) - len(found[0].split()) <= 2:
            if asking and section != Section.IGNORED:
                return None, ""
            return section, rest.strip(" *_")
    return None, ""


def _line_groups(
    line: str,
    section: Section,
    in_context: Callable[[Term], bool],
    match: Matcher,
    about: re.Pattern[str] | None,
) -> list[Requirement]:
    out: list[Requirement] = []
    for sentence in _SENTENCES.split(line):
        bare = sentence.strip()
        if about_the_company(bare, about):
            continue
        for whole in _CLAUSES.split(sentence):
            clause = asked_part(whole)
            if not clause.strip():
                continue
            strength = _strength(clause, section)
            chains = _chains(clause, in_context, match)
            runs = list(dict.fromkeys(run for _, _, run in chains))
            asked = dict(zip(runs, years_asked(clause, runs), strict=True))
            for any_of, equivalent, run in chains:
                out.append(Requirement(line, any_of, strength, section, asked[run], equivalent))
                # "Kubernetes on EKS": a managed Kubernetes asks for Kubernetes too (`asks`).
                for also in _asks(any_of, match):
                    out.append(Requirement(line, (also,), strength, section, asked[run]))
    return out


def _asks(any_of: tuple[Term, ...], match: Matcher) -> list[Term]:
    """What a group's alternatives ask for too (`asks`: EKS, Kubernetes), not among them."""
    asked = (match.vocab.by_name[name] for term in any_of for name in term.asks)
    return [term for term in dict.fromkeys(asked) if term not in any_of]


def _strength(clause: str, section: Section) -> Strength:
    if _PLUS.search(clause):
        return Strength.PLUS
    if _PREFERRED.search(clause):
        return Strength.PREFERRED
    if _REQUIRED.search(clause):
        return Strength.REQUIRED
    return Strength.PREFERRED if section == Section.PREFERRED else Strength.REQUIRED


def _hits(clause: str, in_context: Callable[[Term], bool], match: Matcher) -> list[Hit]:
    """The clause's terms in their senses, without departments ("the merchandising team")."""
    kept = []
    for found in match.hits(clause):
        hit = match.taken(found, in_context)
        if not in_context(hit.term):
            continue
        near = max(0, hit.start - LOOK_BEHIND)
        if _DEPARTMENT.match(clause, hit.end) and _DEPARTMENT_BEFORE.search(
            clause, near, hit.start
        ):
            continue
        kept.append(hit)
    return kept


def _chains(
    clause: str, in_context: Callable[[Term], bool], match: Matcher
) -> list[tuple[tuple[Term, ...], bool, Span]]:
    """The clause's groups: runs of terms with only list words between them, split into
    alternatives or separate groups (see the module docstring); each with where its run is."""
    hits = _hits(clause, in_context, match)
    runs: list[list[Hit]] = []
    for hit in hits:
        if runs and _GAP.fullmatch(_between(clause, runs[-1][-1], hit)):
            runs[-1].append(hit)
        else:
            runs.append([hit])
    groups: list[tuple[tuple[Term, ...], bool, Span]] = []
    for run in runs:
        span = (run[0].start, max(hit.end for hit in run))
        gaps = [_between(clause, a, b) for a, b in itertools.pairwise(run)]
        equivalent = bool(_EQUIVALENT_AFTER.match(clause, run[-1].end))
        near = max(0, run[0].start - LOOK_BEHIND)
        examples = bool(_EXAMPLES_BEFORE.search(clause, near, run[0].start))
        if examples or equivalent or any(_EXAMPLES.search(gap) or "(" in gap for gap in gaps):
            parts = [run]
        else:  # "A, B and C or D": A; B; C or D (split at "and", then "or" joins)
            parts = [[run[0]]]
            for gap, hit in zip(gaps, run[1:], strict=True):
                if _AND.search(gap):
                    parts.append([hit])
                else:
                    parts[-1].append(hit)
        for part in parts:
            inner = [_between(clause, a, b) for a, b in itertools.pairwise(part)]
            together = (examples or equivalent) and parts == [run]
            if together or any(_OR.search(g) or _EXAMPLES.search(g) or "(" in g for g in inner):
                groups.append((_alternatives(part), equivalent, span))
            else:  # "A, B, C" (or one term): separate groups
                groups.extend(((hit.term,), False, span) for hit in part)
    return groups


def _between(clause: str, a: Hit, b: Hit) -> str:
    """The words between two hits; inside a shared word's phrase ("ICU or ED experience",
    whose "ED experience" is a hit of its own), the "or" after its first word."""
    if b.start >= a.end:
        return clause[a.end : b.start]
    return re.sub(r"^\w+", "", clause[a.start : b.start])


def _alternatives(part: list[Hit]) -> tuple[Term, ...]:
    """The terms of one group, each once; a class beside its own members gives way to them."""
    terms = list(dict.fromkeys(hit.term for hit in part))
    named = {term.name for term in terms}
    return tuple(t for t in terms if not named & set(t.any_of))


def asked_terms(posting: Posting, match: Matcher | None = None) -> frozenset[Term]:
    """What `posting` asks for: every term of its requirement groups."""
    return requirements(posting, match).terms
