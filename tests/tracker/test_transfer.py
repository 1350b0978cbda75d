"""An `applications export` edited by hand: what `applications import` accepts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from showcase.tracker import formats
from showcase.tracker.statuses import TrackerError
from showcase.tracker.transfer import EXPORT_FORMAT, checked_export


def _export(**changes: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "title": "Analyst",
        "company": "Acme",
        "status": "applied",
        "applied_on": "2026-11-02",
        "next_follow_up": "2026-11-09",
        "history": [{"status": "applied", "on": "2026-11-02"}],
    }
    item.update(changes)
    return {"showcase_applications": EXPORT_FORMAT, "applications": [item]}


def test_a_plain_export_is_read() -> None:
    ((row, history, *_),) = checked_export(_export())
    assert row["next_follow_up"] == dt.date(2026, 11, 9)
    assert history == [{"status": "applied", "on": dt.date(2026, 11, 2)}]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        # The calendar's event ends the day after: 9999-12-31 was an internal error there.
        ({"next_follow_up": "9999-12-31"}, r"next_follow_up: 9999-12-31 .*1900 to 2200"),
        ({"applied_on": "0001-01-01"}, r"applied_on: 0001-01-01 .*1900 to 2200"),
        (
            {"history": [{"status": "applied", "on": "0001-01-01"}]},
            r"history: 0001-01-01 .*1900 to 2200",
        ),
        ({"applied_on": "20261102"}, r"applied_on: '20261102' is not a date like 2026-11-28"),
        (
            {"next_follow_up": "2026-W45-1"},
            r"next_follow_up: '2026-W45-1' is not a date like 2026-11-28",
        ),
        ({"applied_on": "2027-02-29"}, r"applied_on: '2027-02-29' is not a date like 2026-11-28"),
    ],
)
def test_a_date_showcase_never_writes_is_refused(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(TrackerError, match=rf"^the export: application 1: {message}"):
        checked_export(_export(**changes))


def test_the_dates_at_the_edges_reach_the_calendar() -> None:
    ((row, *_),) = checked_export(_export(next_follow_up="2200-12-31"))
    item = {"id": 1, "title": "Analyst", "company": "Acme", "status": "applied", **row}
    item["next_follow_up"] = row["next_follow_up"].isoformat()
    ics = formats.follow_ups_ics([item], dt.datetime(2026, 11, 2, tzinfo=dt.UTC))
    assert b"DTEND;VALUE=DATE:22010101" in ics
