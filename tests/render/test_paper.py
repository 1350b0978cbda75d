"""The profile's country decides the paper and how a day is written out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from showcase.render.paper import long_date, place_of
from tests.helpers import load

DAY = dt.date(2026, 12, 6)


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        ("contact:\n  location: Austin, TX\n", "December 6, 2026"),
        ("contact:\n  location: Toronto, ON\n", "December 6, 2026"),
        ("contact:\n  location: London, UK\n", "6 December 2026"),
        ("locale: en-GB\n", "6 December 2026"),
        ("locale: de\n", "6 December 2026"),
        ("", "December 6, 2026"),  # nothing says: as the paper, US usage
        # Letter paper, but the day first: the paper's countries are not the date's.
        ("contact:\n  location: Mexico City, Mexico\n", "6 December 2026"),
        ("contact:\n  location: Bogotá, Colombia\n", "6 December 2026"),
        # CLDR's English of the Philippines and Puerto Rico writes the month first, as the
        # US does: a Filipino's letter was dated "6 December 2026" (QA, IT support).
        ("contact:\n  location: Quezon City, Metro Manila, Philippines\n", "December 6, 2026"),
        ("locale: en-PH\n", "December 6, 2026"),
        ("contact:\n  location: San Juan, Puerto Rico\n", "December 6, 2026"),
    ],
)
def test_a_day_is_written_as_the_profiles_country_writes_it(
    tmp_path: Path, extra: str, said: str
) -> None:
    loaded = load(tmp_path, f"name: Sam Lee\n{extra}")
    assert long_date(loaded, DAY) == said


def test_a_canadian_province_is_canada_not_the_us() -> None:
    assert place_of(None, "Toronto, ON") == ("CA", None)
    assert place_of(None, "Atlanta, GA") == ("US", None)
    assert place_of("fr-CA", "Paris, France") == ("CA", "fr")
