"""Dates as other formats write them, read as profile dates."""

from __future__ import annotations


def test_a_compact_date_is_read_as_a_date_not_unix_time() -> None:
    from showcase.importers.dates import date_field

    warnings: list[str] = []
    assert date_field(20200101, "issued", warnings) == "2020-01-01"
    assert date_field("20240615", "issued", warnings) == "2024-06-15"
    assert warnings == []
