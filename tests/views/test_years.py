"""The years a posting asks for, said (`views/years.py`)."""

from __future__ import annotations

import pytest

from showcase.strategy.years import Years
from showcase.views.years import duration, years_shown


@pytest.mark.parametrize(
    ("shown", "words"),
    [(0, "0 months"), (1, "1 month"), (5, "5 months"), (12, "1 year"), (20, "1 year 8 months"),
     (26, "2 years 2 months")],
)  # fmt: skip
def test_duration(shown: int, words: str) -> None:
    assert duration(shown) == words


def test_the_words_of_years_shown() -> None:
    assert years_shown(Years(4, 20, True)) == "1 year 8 months in your jobs (it asks 4+)"
    assert years_shown(Years(3, 0, False), "a posting") == (
        "in no job, so years not shown (a posting asks 3+)"
    )
