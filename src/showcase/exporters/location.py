"""A location as people write it ("Austin, TX", "London, UK") split into its parts.

JSON Resume's ``basics.location`` has ``city``, ``region`` and ``countryCode``
(ISO 3166-1 alpha-2). The profile keeps one line, "City, Region", so the parts are
read back from it only where that is certain:

* the last part names a country (a name or a well-known short form: "UK", "USA", "NZ")
  -> its code; a two-letter part is never taken for a country code on its own, since
  "GA", "CA" and "IN" are US states as well as countries;
* a region's code that is one place only (TX: Texas; ON: Ontario; NSW: New South Wales;
  KA: Karnataka; SP: São Paulo) -> its country. The codes are the US's and Canada's, and
  ISO 3166-2's of Australia, India and Brazil, whose people write a state's code after
  the city (src/showcase/data/places.json and place_names.json, made by
  tools/places_data.py);
* a code that is more than one place (WA: Washington and Western Australia; TN:
  Tennessee and Tamil Nadu; GA: Georgia, Goa and Gabon) -> the one of them that has a
  city of that name (GeoNames' cities of 15,000 people or more: the US state's own, the
  whole country's elsewhere): "Perth, WA" is Australia (Perth, Western Australia; no
  Perth in Washington), "Seattle, WA" the US, "Chennai, TN" India. No city, or a city in
  more than one of them: no country;
* a region's full name: a US state or Canadian province, or a subdivision name ISO
  3166-2 gives one country only ("Tamil Nadu", "Gauteng", "Selangor"; "Co. Cork" as
  "Cork") -> its country; a name that is also a country's ("Georgia") gives none;
* a region's full name that is also a country's ("Georgia") -> the one of the two that
  has a city of that name ("Atlanta, Georgia" the US, "Tbilisi, Georgia" Georgia);
* a city alone is never given a country: many cities share a name (Paris, Texas);
* a big city (400,000 people or more) of other countries only is never put in a code's
  place: "Tijuana, BC" is Baja California, not British Columbia, so no country;
* a postcode after the region ("Sydney NSW 2000", "Toronto, ON M5V 2T6"; the comma
  before a state's code may be left out: "Austin TX") must fit the country's format
  (GeoNames'), and picks between a code's places ("Smalltown WA 98001": Washington); a
  postcode that fits one country's format only gives it ("London SW1A 1AA").

Anything else (four parts, an empty part) is not split: the caller keeps the text.
`country_of` is the country a profile's paper and dates follow: the same, and a US
state's or Canadian province's code that is only also a country's code ("Smalltown,
CA": California or Canada; "Smalltown, CO": Colorado or Colombia) read as the state, as
a profile's "City, Region" means it.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import Any

US_STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan",
    "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey",
    "NM": "New Mexico", "NY": "New York", "NC": "North Carolina", "ND": "North Dakota",
    "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}  # fmt: skip
CA_PROVINCES = {
    "AB": "Alberta", "BC": "British Columbia", "MB": "Manitoba", "NB": "New Brunswick",
    "NL": "Newfoundland and Labrador", "NS": "Nova Scotia", "NT": "Northwest Territories",
    "NU": "Nunavut", "ON": "Ontario", "PE": "Prince Edward Island", "QC": "Quebec",
    "SK": "Saskatchewan", "YT": "Yukon",
}  # fmt: skip

COUNTRIES = {
    "AE": "United Arab Emirates", "AR": "Argentina", "AT": "Austria", "AU": "Australia",
    "BE": "Belgium", "BR": "Brazil", "BZ": "Belize", "CA": "Canada", "CH": "Switzerland",
    "CL": "Chile", "CN": "China", "CO": "Colombia", "CR": "Costa Rica", "CZ": "Czechia",
    "DE": "Germany", "DK": "Denmark", "EG": "Egypt", "ES": "Spain", "FI": "Finland",
    "FR": "France", "GB": "United Kingdom", "GH": "Ghana", "GR": "Greece", "GT": "Guatemala",
    "HK": "Hong Kong", "HU": "Hungary", "ID": "Indonesia", "IE": "Ireland", "IL": "Israel",
    "IN": "India", "IT": "Italy", "JP": "Japan", "KE": "Kenya", "KR": "South Korea",
    "MX": "Mexico", "MY": "Malaysia", "NG": "Nigeria", "NI": "Nicaragua", "NL": "Netherlands",
    "NO": "Norway", "NZ": "New Zealand", "PA": "Panama", "PE": "Peru", "PH": "Philippines",
    "PK": "Pakistan", "PL": "Poland", "PR": "Puerto Rico", "PT": "Portugal", "RO": "Romania",
    "SA": "Saudi Arabia", "SE": "Sweden", "SG": "Singapore", "SV": "El Salvador",
    "TH": "Thailand", "TR": "Türkiye", "TW": "Taiwan", "UA": "Ukraine", "US": "United States",
    "VE": "Venezuela", "VN": "Vietnam", "ZA": "South Africa",
}  # fmt: skip
_COUNTRY_ALIASES = {
    "uk": "GB", "u.k.": "GB", "great britain": "GB", "britain": "GB", "england": "GB",
    "scotland": "GB", "wales": "GB", "northern ireland": "GB", "usa": "US", "u.s.a.": "US",
    "u.s.": "US", "us": "US", "nz": "NZ", "united states of america": "US", "uae": "AE",
    "czech republic": "CZ", "turkey": "TR", "korea": "KR", "republic of korea": "KR",
    "the netherlands": "NL", "holland": "NL", "deutschland": "DE", "españa": "ES",
    "méxico": "MX", "perú": "PE", "panamá": "PA",
}  # fmt: skip
_BY_NAME = {name.casefold(): code for code, name in COUNTRIES.items()} | _COUNTRY_ALIASES
# England, Scotland ... are countries of the UK: a region as well as the country.
_NATIONS = frozenset({"england", "scotland", "wales", "northern ireland"})


@dataclass(frozen=True)
class Place:
    city: str
    region: str | None = None
    country_code: str | None = None


def _country(text: str) -> str | None:
    """The ISO code of a country named in full or by a common short form ("UK")."""
    return _BY_NAME.get(text.casefold())


@functools.cache
def _places() -> dict[str, Any]:
    """places.json: the ISO 3166-2 codes read after a city, and which are more than one
    place's (3 KB, read for any "City, XX")."""
    return _data("places.json")


@functools.cache
def _big_cities() -> dict[str, list[str]]:
    """place_cities.json: the names of cities of 400,000 people or more, each with the
    countries that have a city of that name (33 KB)."""
    cities: dict[str, list[str]] = _data("place_cities.json")["cities"]
    return cities


def is_city(text: str) -> bool:
    """Whether `text` is a big city's name as written ("London", "San Francisco"; not
    "ABA", nor a name of three letters or fewer: "Van")."""
    return (
        len(text) > 3
        and text[:1].isupper()
        and not text.isupper()
        and (fold(text) in _big_cities())
    )


def _elsewhere(city: str, country: str | None) -> bool:
    """Whether `city` is a big city's name and no city of that name is in `country`."""
    found = _big_cities().get(fold(city))
    return country is not None and found is not None and country not in found


@functools.cache
def _place_names() -> dict[str, Any]:
    """place_names.json: the subdivisions' names and the cities of the shared codes (280
    KB, 4-5 ms to read: only for a shared code or a region written by its name)."""
    return _data("place_names.json")


def _data(name: str) -> dict[str, Any]:
    text = (resources.files("showcase") / "data" / name).read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def fold(text: str) -> str:
    """Lower case without accents: "Tamil Nādu" -> "tamil nadu" (as places.json keeps it)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def _by_city(city: str, code: str, places: list[str]) -> str | None:
    """The one of `places` (the countries, or country codes, a shared region code may be)
    with a city named `city`; None when none or more than one has it."""
    cities = _place_names()["cities"]
    name = fold(city)
    found = [p for p in places if name in cities.get(f"US-{code}" if p == "US" else p, ())]
    return found[0] if len(found) == 1 else None


def _region(
    city: str, text: str, fits: frozenset[str] | None = None
) -> tuple[str | None, str | None] | None:
    """(the country, certain or None; the country a profile's "City, Region" means) of a
    region written after `city` (and a postcode that `fits` those countries' formats);
    None when `text` is no region known here."""
    code = text.upper().replace(".", "")
    places = _places()
    tables = {"US": US_STATES, "CA": CA_PROVINCES, **places["codes"]}
    owners = [country for country, table in tables.items() if code in table]
    shared = places["shared"].get(code)
    if shared is not None:
        country = _by_city(city, code, shared)
        among = [place for place in shared if fits is not None and place in fits]
        if country is None and len(among) == 1:  # "Smalltown WA 98001": a US ZIP code
            country = among[0]
        # A US state's or Canadian province's code that is only also a country's code
        # (CA: California or Canada): in a profile's "City, Region", the state.
        likely = owners[0] if len(owners) == 1 and owners[0] in ("US", "CA") else None
        return country, country or likely
    if owners:
        country = None if _elsewhere(city, owners[0]) else owners[0]  # "Tijuana, BC"
        return country, country
    name = fold(text)
    for country, table in (("US", US_STATES), ("CA", CA_PROVINCES)):
        for state, full in table.items():
            if name != fold(full):
                continue
            if (other := _place_names()["state_countries"].get(name)) is not None:
                certain = _by_city(city, state, [country, other])  # "Atlanta, Georgia"
                return certain, certain
            return country, country
    county = re.sub(r"^(co\.?|county)\s+", "", name)  # Irish: "Co. Cork", "County Cork"
    names = _place_names()["names"]
    country = names.get(name) or names.get(county)
    return (country, country) if country else None


def _postcode(parts: list[str]) -> tuple[list[str], frozenset[str] | None]:
    """The parts without a postcode ending the last ("NSW 2000", "ON M5V 2T6"), and the
    countries whose format it fits (None: no postcode). With no comma, "Sydney NSW" is
    split before a state's code written in capitals."""
    words = parts[-1].split()
    fits = None
    for size in (2, 1):
        code = words[-size:]
        if len(words) > size - (len(parts) > 1) and all(re.search(r"\d", w) for w in code):
            formats = _places()["postcodes"]
            postcode = " ".join(code)
            fits = frozenset(c for c, f in formats.items() if re.fullmatch(f, postcode))
            words = words[:-size]
            break
    if len(parts) == 1 and len(words) >= 2 and _is_code(words[-1]):
        return [" ".join(words[:-1]), words[-1]], fits
    return [*parts[:-1], " ".join(words)] if words else parts[:-1], fits


def _is_code(word: str) -> bool:
    """A state's code as the reader's tables know it, in capitals ("NSW", "TX")."""
    tables = (US_STATES, CA_PROVINCES, *_places()["codes"].values())
    return word.isupper() and any(word in table for table in tables)


def _parse(text: str) -> tuple[Place, str | None] | None:
    """The place, and the country a profile's location means (see `country_of`)."""
    # As plain text: no invisible marks (a zero-width space or direction mark pasted
    # with it), and compatibility forms ("ＷＡ") as their plain letters.
    text = "".join(
        c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c) != "Cf"
    )
    parts = [part.strip() for part in text.split(",")]
    fits = None
    if all(parts) and re.search(r"\d|^[^,]+ [A-Z]{2,3}$", parts[-1]):
        parts, fits = _postcode(parts)
    if fits is not None and len(parts) == 1 and len(fits) == 1:  # "London SW1A 1AA"
        (only,) = fits
        return Place(parts[0], None, only), only
    parsed = _split(parts, fits)
    if parsed is None or fits is None:
        return parsed
    place, likely = parsed  # the postcode must fit the country
    if place.country_code is not None and place.country_code not in fits:
        place = Place(place.city, place.region, None)
    return place, likely if likely in fits else None


def _split(parts: list[str], fits: frozenset[str] | None) -> tuple[Place, str | None] | None:
    """`_parse` of the comma-separated parts, a postcode taken off."""
    if not 2 <= len(parts) <= 3 or not all(parts) or re.search(r"\d", parts[0]):
        return None
    city, *rest = parts
    if len(rest) == 1:
        (last,) = rest
        code = _country(last)
        if code is not None:
            return Place(city, last if last.casefold() in _NATIONS else None, code), code
        region = _region(city, last, fits)
        if region is not None:
            # "Munich, DE": the country's code won over Delaware's; "Tbilisi, Georgia":
            # the country's name won over the state's. Either names no region.
            state = fold(last) in {fold(name) for name in US_STATES.values()}
            named = region[0] == last.upper() or (state and region[0] not in (None, "US"))
            kept = None if named else last
            return Place(city, kept, region[0]), region[1]
        if fits is not None and len(fits) == 1:  # "Leeds, West Yorkshire LS1 4AP"
            (only,) = fits
            return Place(city, last, only), only
        return Place(city, last, None), None  # "City, Region" is the profile's documented form
    region_text, country_text = rest
    code = _country(country_text)
    if code is None and len(country_text) == 2 and country_text.isupper():
        # "City, Region, XX": in the country's place a two-letter code is a country code.
        code = country_text if country_text in COUNTRIES else None
    if code is None:
        return None
    return Place(city, region_text, code), code


def parse_location(text: str) -> Place | None:
    """ "Austin, TX" -> Place("Austin", "TX", "US"); None when it does not split cleanly."""
    parsed = _parse(text)
    return parsed[0] if parsed else None


def country_of(text: str) -> str | None:
    """The country a profile's `contact.location` means, for its paper and dates:
    `parse_location`'s, and "Smalltown, CA" (a state's code that is only also a
    country's code, Canada's) read as the state, as a profile's "City, Region" means it."""
    parsed = _parse(text)
    return parsed[1] if parsed else None


def country_name(code: str) -> str:
    """The name of a country from its code; the code itself when unknown."""
    code = code.upper()
    return {"GB": "UK", "US": "USA"}.get(code) or COUNTRIES.get(code, code)
