"""The follow-ups calendar from what a database holds, an older showcase's included."""

from __future__ import annotations

import datetime as dt

import pytest

from showcase.tracker import formats
from showcase.tracker.statuses import TrackerError

STAMP = dt.datetime(2026, 11, 2, tzinfo=dt.UTC)


def _item(follow_up: str) -> dict[str, object]:
    return {
        "id": 7,
        "title": "Analyst",
        "company": "Acme",
        "status": "applied",
        "applied_on": "2026-11-02",
        "next_follow_up": follow_up,
    }


def test_a_follow_up_an_older_import_let_in_is_a_clear_error() -> None:
    # An import before 1900 to 2200 was checked took 9999-12-31: the event's end, the day
    # after, was "Internal error: OverflowError: date value out of range".
    with pytest.raises(
        TrackerError,
        match=r"application 7: its next follow-up 9999-12-31 .*"
        r"showcase applications update 7 --follow-up",
    ):
        formats.follow_ups_ics([_item("9999-12-31")], STAMP)


def test_a_follow_up_in_range_is_an_event() -> None:
    assert b"DTSTART;VALUE=DATE:22001231" in formats.follow_ups_ics([_item("2200-12-31")], STAMP)
