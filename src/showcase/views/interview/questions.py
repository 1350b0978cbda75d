"""The question bank's competencies (`Competency`: label, keywords, questions), and which of
them a story or a posting shows, by keyword.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from showcase.strategy.tailor import Tailoring


@dataclass(frozen=True)
class Competency:
    key: str  # the tag every question of it carries
    label: str
    keywords: tuple[str, ...]
    questions: tuple[str, ...]
    needs: str | None = None  # "obstacle": only for stories that have one


_WORDLIKE = re.compile(r"[\w /.+-]+")


def keyword_in(keyword: str, haystack: str) -> bool:
    """Whether `haystack` holds `keyword` as words (not "art" in "start"); a keyword of
    other characters anywhere. A scan, not a pattern compiled per keyword: the bank's 150
    keywords cost ~15 ms of regex compiling on the way to the interview sheet's HTML."""
    if not _WORDLIKE.fullmatch(keyword):
        return keyword in haystack
    at = haystack.find(keyword)
    while at != -1:
        end = at + len(keyword)
        if (at == 0 or not _word_character(haystack[at - 1])) and (
            end == len(haystack) or not _word_character(haystack[end])
        ):
            return True
        at = haystack.find(keyword, at + 1)
    return False


def _word_character(character: str) -> bool:
    """What a regular expression's ``\\w`` matches: a letter or digit (str.isalnum), or ``_``."""
    return character.isalnum() or character == "_"


def story_competencies(
    bank: tuple[Competency, ...],
    haystack: str,
    *,
    capstone: bool,
    obstacle: bool,
    chosen: list[str],
) -> list[Competency]:
    """A story's competencies, strongest first: the ones its author chose, or the ones its
    text points to. A setback competency (``needs: obstacle``) only with an obstacle."""
    if chosen:
        wanted = [k.strip().casefold() for k in chosen]
        by_key = {c.key.casefold(): c for c in bank}
        picked = [by_key[k] for k in wanted if k in by_key]
        return [c for c in picked if not (c.needs == "obstacle" and not obstacle)]
    scored = []
    for order, competency in enumerate(bank):
        if competency.needs == "obstacle":
            continue
        score = sum(1 for k in competency.keywords if keyword_in(k, haystack))
        if capstone and competency.key == "learning":
            score += 2  # a capstone story is, first, evidence of learning
        if score:
            scored.append((-score, order, competency))
    found = [c for _, _, c in sorted(scored, key=lambda t: (t[0], t[1]))]
    if obstacle:  # a story with a setback answers the setback questions first
        setbacks = [c for c in bank if c.needs == "obstacle"]
        found = setbacks[:1] + found
    return found


def posting_competencies(tailor: Tailoring, bank: tuple[Competency, ...]) -> set[str]:
    text = tailor.posting.text.casefold()
    return {c.label for c in bank if any(keyword_in(k, text) for k in c.keywords)}
