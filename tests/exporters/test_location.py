"""The location reader's rules, one by one (`exporters/location.py`); measured on labelled
locations in test_location_labelled.py."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from showcase.exporters.location import Place, country_of, fold, parse_location


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # A code that is one place only: its country.
        ("Sydney, NSW", Place("Sydney", "NSW", "AU")),
        ("Bengaluru, KA", Place("Bengaluru", "KA", "IN")),
        ("Hyderabad, TS", Place("Hyderabad", "TS", "IN")),
        ("São Paulo, SP", Place("São Paulo", "SP", "BR")),
        ("London, ON", Place("London", "ON", "CA")),
        # A code that is more than one place: the one with a city of that name.
        ("Perth, WA", Place("Perth", "WA", "AU")),
        ("Seattle, WA", Place("Seattle", "WA", "US")),
        ("Chennai, TN", Place("Chennai", "TN", "IN")),
        ("Nashville, TN", Place("Nashville", "TN", "US")),
        ("Darwin, NT", Place("Darwin", "NT", "AU")),
        ("Yellowknife, NT", Place("Yellowknife", "NT", "CA")),
        ("Rio de Janeiro, RJ", Place("Rio de Janeiro", "RJ", "BR")),
        # ... the code a country's own when its city says so: then it names no region.
        ("Munich, DE", Place("Munich", None, "DE")),
        ("Wilmington, DE", Place("Wilmington", "DE", "US")),
        # ... and no country when no city, or a city in more than one, says which.
        ("Forks, WA", Place("Forks", "WA", None)),
        ("Monterrey, NL", Place("Monterrey", "NL", None)),
        # A subdivision's name ISO 3166-2 gives one country: that country.
        ("Chennai, Tamil Nadu", Place("Chennai", "Tamil Nadu", "IN")),
        ("Johannesburg, Gauteng", Place("Johannesburg", "Gauteng", "ZA")),
        ("Cork, Co. Cork", Place("Cork", "Co. Cork", "IE")),
        # ... a name two countries' subdivisions share gives none (Punjab: India, Pakistan).
        ("Ludhiana, Punjab", Place("Ludhiana", "Punjab", None)),
        # A state's name that is also a country's: the one with a city of that name.
        ("Atlanta, Georgia", Place("Atlanta", "Georgia", "US")),
        ("Batumi, Georgia", Place("Batumi", None, "GE")),
        ("Smalltown, Georgia", Place("Smalltown", "Georgia", None)),
        # A big city of another country only is not put in a code's place.
        ("Tijuana, BC", Place("Tijuana", "BC", None)),
        ("Vancouver, BC", Place("Vancouver", "BC", "CA")),
        # A postcode, the comma before the code left out or not: it must fit the country.
        ("Sydney NSW 2000", Place("Sydney", "NSW", "AU")),
        ("Austin TX", Place("Austin", "TX", "US")),
        ("Toronto, ON M5V 2T6", Place("Toronto", "ON", "CA")),
        ("Smalltown WA 98001", Place("Smalltown", "WA", "US")),
        ("Sydney NSW 98001", Place("Sydney", "NSW", None)),
        ("London SW1A 1AA", None),  # the format of Jersey, Guernsey and Man too
        # A country's short form comes first: UK is the United Kingdom, not Uttarakhand.
        ("London, UK", Place("London", None, "GB")),
        ("Wellington, NZ", Place("Wellington", None, "NZ")),
    ],
)
def test_a_region_gives_a_country_only_when_it_is_one(text: str, place: Place | None) -> None:
    assert parse_location(text) == place


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # A state's code that is only also a country's: the state, for the paper and dates.
        ("Smalltown, CA", "US"),
        ("Smalltown, CO", "US"),
        # Two states' codes (Washington, Western Australia; Georgia, Goa): no guess.
        ("Smalltown, WA", None),
        ("Smalltown, GA", None),
        ("Perth, WA", "AU"),
        ("Perth", None),
        ("12 High St, Leeds, LS1, UK", None),
    ],
)
def test_the_country_a_profile_means(text: str, country: str | None) -> None:
    assert country_of(text) == country
    assert parse_location("Smalltown, CA") == Place("Smalltown", "CA", None)


def test_names_are_folded() -> None:
    assert fold(" Tamil Nādu ") == "tamil nadu"
    assert fold("MÜNCHEN") == "munchen"


def test_the_data_says_where_it_is_from() -> None:
    folder = resources.files("showcase") / "data"
    data = json.loads((folder / "places.json").read_text("utf-8"))
    names = json.loads((folder / "place_names.json").read_text("utf-8"))
    assert data["source"] == names["source"] and data["made"] == names["made"]
    assert "ISO 3166-2" in data["source"] and "GeoNames" in data["source"]
    data |= names
    assert data["codes"]["AU"]["WA"] == "Western Australia"
    assert data["shared"]["WA"] == ["AU", "US"]
    assert "perth" in data["cities"]["AU"] and "perth" not in data["cities"]["US-WA"]
    assert data["names"]["gauteng"] == "ZA"
    assert data["state_countries"] == {"georgia": "GE"} and "tbilisi" in data["cities"]["GE"]
    assert data["postcodes"]["AU"] == r"^(\d{4})$"
    cities = json.loads((folder / "place_cities.json").read_text("utf-8"))
    assert cities["source"] == data["source"] and cities["cities"]["tijuana"] == ["MX"]


def test_a_code_of_one_place_reads_only_the_small_file() -> None:
    """ "Austin, TX" and "Sydney, NSW" need no city or region name: the 280 KB of them are
    not read (4-5 ms of every command that writes a date or chooses the paper); only the
    codes (7 KB) and the big cities' names (33 KB, under 1 ms)."""
    from showcase.exporters import location

    location._place_names.cache_clear()
    assert [location.country_of(p) for p in ("Austin, TX", "Sydney, NSW")] == ["US", "AU"]
    assert location._place_names.cache_info().currsize == 0
    assert location.country_of("Perth, WA") == "AU"  # WA is two places: the cities decide
    assert location._place_names.cache_info().currsize == 1


@pytest.mark.parametrize(
    "text",
    [
        "Perth, WA\u200b",  # a zero-width space, as pasted from a web page
        "\u200ePerth, WA\u200f",  # direction marks
        "\ufeffPerth, WA",  # a byte order mark
        "Ｐｅｒｔｈ, ＷＡ",  # full-width forms
    ],
)
def test_invisible_marks_and_compatibility_forms_read_as_the_plain_text(text: str) -> None:
    # QA round 3: each gave no country, so the paper and dates fell back to the US's.
    assert parse_location(text) == Place("Perth", "WA", "AU")
    assert country_of(text) == "AU"
