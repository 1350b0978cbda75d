"""Which terms of a posting's clause a phrase of years asks years of.

A phrase ("3+ years", "2-4 yrs", "3 to 5 years", "two (2) years": the smallest number)
asks years of the run of terms written right after it ("3+ years of experience with SQL,
Python and Tableau": all three), or, when none follows it, of the run right before it
("SQL (3+ years)", "SQL, 3 years", "Experience with SQL for 3 to 5 years"); never of every
term of its clause ("SQL (3+ years) and Python": Python asks none; "3+ years of SQL and 1 year of
Python": 3 and 1; "1 year of acute care experience, BLS required": BLS none).

Years that are no time spent doing something ask none: a deadline or a period ("within 2
years of hire", "renewed every 3 years", "in the last 2 years"), an age ("18 years or
older", "21 years of age"), a course of study ("a 4 year program", "2 years of college").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

_YEARS = re.compile(  # "3+ years", "2-4 yrs", "two (2) years"
    r"\b(\d{1,2})\)?\s*\+?\s*(?:(?:-|–|to)\s*\d{1,2}\s*\+?\s*)?(?:years?|yrs?)\b", re.I
)
# Years that are a deadline, a period or a study, by the words before or after them.
_NOT_TIME_BEFORE = re.compile(
    r"\b(?:within|every|last|past|next|first|after|each|per)\s+(?:the\s+)?\Z", re.I
)
_NOT_TIME_AFTER = re.compile(
    r"'?\s*(?:old|ago|or\s+(?:older|over|above)|programs?|programmes?|degrees?|courses?|"
    r"(?:of\s+|in\s+)?(?:age|coursework|college|university|school|study|studies)|"
    r"(?:of|from|after)\s+(?:hire|hiring|start|starting|employment|joining))(?![\w-])",
    re.I,
)
# Between a phrase and the terms it asks years of: words, never a clause's break, nor
# another phrase of years (a run is asked the years nearest before it).
_BEFORE_TERMS = re.compile(r"[^,;:.)!?\d]*")
# Between terms and the phrase after them: "SQL (3+ years)", "SQL, 3 years", "SQL
# experience: 3+ years", "Experience with SQL for 3 to 5 years", "SQL (minimum 3 years)".
_AFTER_TERMS = re.compile(
    r"\s*(?:experience|exp\.?)?\s*[,:(–—-]?\s*(?:for|with|of)?\s*"
    r"(?:(?:at least|a minimum of|minimum of|minimum|min\.?|over|more than)\s*)?"
    r"(?:[a-z]+\s*\()?",  # "two (2) years"
    re.I,
)

Span = tuple[int, int]  # where a run of terms is in its clause: start, end
NEAR = 80  # characters: the farthest a phrase of years is from the terms it asks years of


def years_asked(clause: str, runs: Sequence[Span]) -> list[int | None]:
    """The years `clause` asks of each run of terms in `runs` (in the clause's order),
    None for a run it asks none of (see the module docstring). Each phrase looks at most
    `NEAR` characters around it: linear on any clause."""
    asked: list[int | None] = [None] * len(runs)
    starts = [start for start, _ in runs]
    for found in _YEARS.finditer(clause):
        begin, end = found.span()
        before_words = clause[max(0, begin - NEAR) : begin]
        if _NOT_TIME_BEFORE.search(before_words) or _NOT_TIME_AFTER.match(clause, end, end + NEAR):
            continue
        after = bisect.bisect_left(starts, end)  # the first run after the phrase
        near_after = after < len(runs) and runs[after][0] - end <= NEAR
        if near_after and _BEFORE_TERMS.fullmatch(clause, end, runs[after][0]):
            asked[after] = int(found[1])
            continue
        before = after - 1  # the last run before it (runs do not overlap a phrase)
        near_before = before >= 0 and 0 <= begin - runs[before][1] <= NEAR
        if near_before and _AFTER_TERMS.fullmatch(clause, runs[before][1], begin):
            asked[before] = int(found[1])
    return asked
