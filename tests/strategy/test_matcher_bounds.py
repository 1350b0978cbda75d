"""Reading a posting takes time in proportion to its length, whatever it repeats.

A guarded word ("Word", "document") counts only in a list that reaches another term; each
hit walked its whole list to find out, so a run of them took the square of its length:
"Word, Word, ..." 4,000 times took 6 s, and a posting of a few hundred KB many minutes.
Measured here as the list gaps read (a count, not a time): one per pair of neighbours.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from showcase.strategy import matcher as matcher_module
from showcase.strategy.matcher import matcher


class _Counted:
    """`_LIST_GAP`, counting how often a gap between two hits is read."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.reads = 0

    def fullmatch(self, text: str, *args: Any) -> re.Match[str] | None:
        self.reads += 1
        return self.pattern.fullmatch(text, *args)


@pytest.mark.parametrize(
    "text",
    [
        "Skills: " + ", ".join(["Word"] * 3000),
        " ".join(["document"] * 3000),
        ", ".join(["Word", "Outlook", "Teams"] * 1000) + " and Excel",
    ],
)
def test_a_long_run_of_guarded_words_is_read_once(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    counted = _Counted(matcher_module._LIST_GAP)
    monkeypatch.setattr(matcher_module, "_LIST_GAP", counted)
    list(matcher().hits(text))
    assert counted.reads <= 3000  # one per neighbouring pair; it was ~4.5 million


def test_the_list_rule_is_unchanged() -> None:
    names = [[hit.term.name for hit in matcher().hits(text)] for text in _CASES]
    assert names == [
        ["Microsoft Word", "Excel", "Microsoft Outlook"],  # the list reaches Excel
        [],  # guarded words alone: the ordinary words
        ["Microsoft Word", "Microsoft Outlook", "Excel"],  # from either side
        ["Microsoft Access"],  # a qualifier
        ["Excel"],  # a sentence between: Word is in no list
    ]


_CASES = [
    "Word, Excel and Outlook",
    "Word and Outlook",
    "Word / Outlook or Excel",
    "Access databases",
    "Word, which we use daily with the team, then Excel",
]
