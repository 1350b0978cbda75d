"""A result's figures: a change (a %, "from X to Y", cut, grew, saved ...) rather than a
scope (a team of 15, a $40M store), so a story's Result is a change; a number that is part
of a name ("SAP S/4HANA", "Windows 10", "Q3", "COVID-19", "24/7") is neither.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# A number that is no part of a name: not "S/4HANA", "Q3", "COVID-19" or "24/7".
_FREE, _ENDS = r"(?<![\w/])(?<![A-Za-z]-)", r"(?![\w/])"
_NUMBER = rf"{_FREE}[$£€]?\d[\d,.]*\s?(?:%|percent\b|[kKmMbB]\b|x\b)?{_ENDS}"
_CHANGE_VERBS = (
    r"cut|grew|grow|grows|saved?|saving|raised?|raising|reduced?|reducing|increased?|"
    r"increasing|lifted|lift|boosted|boost|improved?|improving|lowered|lower|shortened|"
    r"halved|doubled|tripled|fell|rose|dropped|climbed|up|down|gained|won|recovered|"
    r"trimmed|slashed|eliminated|decreased?|accelerated|sped"
)
# Words that go on to something else ("to 5 with automated ...", "40 services from EC2"):
# never one of the words a figure counts.
_LINKS = (
    r"(?:to|from|by|in|into|onto|with|without|and|or|of|for|per|at|on|a|an|the|after|"
    r"before|over|under|during|between|within|while|using|via|through|throughout|across|"
    r"than|as)\b"
)
# The words a figure counts ("2 hours", "8 business days").
_UNIT = rf"(?:\s*(?!{_LINKS})[a-z][\w-]*){{0,2}}"
_FROM_TO = rf"from\s+{_NUMBER}{_UNIT}\s+to\s+{_NUMBER}{_UNIT}"  # from 2 hours to 25 minutes
_CHANGE = (
    rf"(?:\b{_FROM_TO})"  # from 4 to 2 days
    # cut cost per acquisition 18%; grew revenue from $1.2M to $1.5M (both figures)
    rf"|(?:\b(?:{_CHANGE_VERBS})\b[^.;]{{0,60}}?(?:{_FROM_TO}|{_NUMBER}))"
    rf"|(?:{_NUMBER}[^.;]{{0,30}}?\b(?:{_CHANGE_VERBS}|faster|slower|fewer|more|less|"
    r"higher|lower|better|increase|decrease|reduction|growth|savings?|uplift)\b)"
    rf"|(?:{_FREE}\d[\d,.]*\s?(?:%|percent\b))"  # any percentage is a rate of change or share
)
_YEAR = r"^(?:19|20)\d\d$"
# A scope figure with the words it counts: "$40M online store", "30 product lines", a
# range and a compound whole ("5-6 patients per shift", "32-bed medical-surgical unit":
# they were "5", "6 patients per" and "32"); a figure never ends with the sentence's dot
# (a year, "2024.", was taken for a size).
_SCOPE = (
    rf"({_FREE}[$£€]?\d(?:[\d,.]*\d)?(?:\s?[-–]\s?\d(?:[\d,.]*\d)?)?(?:\s?(?:%|[kKmMbB]\b))?"
    rf"(?:-[a-z][\w-]*)?){_ENDS}"
    rf"(?:\s(?!{_LINKS})[a-z][\w-]*){{0,2}}"
    r"(?:\sper\s[a-z][\w-]*)?"
)


@lru_cache(maxsize=1)
def _figure_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The change, year and scope patterns, compiled when figures are first read: ~2 ms
    that every command importing the grammar paid, and only some read figures."""
    return re.compile(_CHANGE, re.IGNORECASE), re.compile(_YEAR), re.compile(_SCOPE)


@dataclass(frozen=True)
class Figures:
    """The figures of one highlight or result: the change it made, and its scope."""

    change: str | None  # "cost per acquisition fell 18%", "from 4 to 2 days"
    scope: tuple[str, ...]  # "$40M", "four", "15": how big, not what changed


def figures(text: str) -> Figures:
    """Split the figures of `text` into its change (if any) and its scope."""
    change_re, year_re, scope_re = _figure_patterns()
    match = change_re.search(text)
    change = match.group(0).strip() if match else None
    scope = tuple(
        m.group(0).strip(" ,")
        for m in scope_re.finditer(text)
        if not year_re.match(m.group(1))
        and not (change and m.group(1) in change)
        and not _version(text, m.start())
    )
    return Figures(change, scope)


def _version(text: str, start: int) -> bool:
    """Whether the number at `start` goes with the capitalised word before it, as a name's
    version or part: "Windows 10", "Microsoft 365" (a sentence's first word, "Trained 25
    new hires", never)."""
    words = text[:start].split()
    if len(words) < 2 or not text[start - 1 : start].isspace():
        return False
    return words[-1][:1].isupper() and words[-2][-1:] not in ".;:!?"


def is_change(text: str) -> bool:
    """Whether `text` states a change (what a Result should), not only a size."""
    return figures(text).change is not None
