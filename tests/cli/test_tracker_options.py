"""The options of `apply` and `applications` (`cli/tracker_options.py`), as typed."""

from __future__ import annotations

import re

import click
import pytest

from showcase.cli.tracker_options import FollowUpType


def test_a_number_of_days_is_read() -> None:
    assert FollowUpType().convert("+5", None, None) == 5
    assert FollowUpType().convert("+999d", None, None) == 999


@pytest.mark.parametrize("typed", ["+1000", "+3000000", "+" + "9" * 5000])
def test_too_many_days_says_so(typed: str) -> None:
    # It said "'+1000' is not a date like 2026-11-28": the +N form is right, the N too large.
    with pytest.raises(click.BadParameter, match=rf"{re.escape(typed)}: at most \+999 days"):
        FollowUpType().convert(typed, None, None)
