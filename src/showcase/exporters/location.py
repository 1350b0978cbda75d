"""A location as people write it ("Austin, TX", "London, UK") split into its parts.

JSON Resume's ``basics.location`` has ``city``, ``region`` and ``countryCode``
(ISO 3166-1 alpha-2). The profile keeps one line, "City, Region", so the parts are
read back from it only where that is certain:

* the last part names a country (a name or a well-known short form: "UK", "USA") ->
  its code; a two-letter part is never taken for a country code on its own, since
  "GA", "CA" and "IN" are US states as well as countries;
* a US state or Canadian province (code or name) -> the region, and US or CA as the
  country only when the code is not also some country's code (TX is only Texas;
  GA may be Georgia, the state, or Gabon; the region is kept, the country left out);
* a city alone is never given a country: many cities share a name (Paris, Texas).

Anything else (four parts, an empty part) is not split: the caller keeps the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# ISO 3166-1 alpha-2 codes that are also a US state or Canadian province abbreviation.
_ALSO_COUNTRY_CODES = frozenset({
    "AL", "AR", "CA", "CO", "DE", "GA", "ID", "IL", "IN", "LA", "MA", "MD", "ME", "MN", "MO",
    "MS", "MT", "NC", "NE", "PA", "SC", "VA", "NL", "PE", "SK",
})  # fmt: skip

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
# Full names that are also a country's name: the region is kept, no country guessed.
_AMBIGUOUS_NAMES = frozenset({"georgia"})

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
    "u.s.": "US", "us": "US", "united states of america": "US", "uae": "AE",
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


def _region(text: str) -> tuple[str, str | None] | None:
    """(region, country code or None) for a US state or Canadian province; else None."""
    code = text.upper().replace(".", "")
    for country, table in (("US", US_STATES), ("CA", CA_PROVINCES)):
        if code in table:
            return text, (None if code in _ALSO_COUNTRY_CODES else country)
        if text.casefold() in {name.casefold() for name in table.values()}:
            return text, (None if text.casefold() in _AMBIGUOUS_NAMES else country)
    return None


def parse_location(text: str) -> Place | None:
    """ "Austin, TX" -> Place("Austin", "TX", "US"); None when it does not split cleanly."""
    parts = [part.strip() for part in text.split(",")]
    if not 2 <= len(parts) <= 3 or not all(parts) or re.search(r"\d", parts[0]):
        return None
    city, *rest = parts
    if len(rest) == 1:
        (last,) = rest
        region = _region(last)
        if region is not None:
            return Place(city, region[0], region[1])
        code = _country(last)
        if code is not None:
            return Place(city, last if last.casefold() in _NATIONS else None, code)
        return Place(city, last, None)  # "City, Region" is the profile's documented form
    region_text, country_text = rest
    code = _country(country_text)
    if code is None and len(country_text) == 2 and country_text.isupper():
        # "City, Region, XX": in the country's place a two-letter code is a country code.
        code = country_text if country_text in COUNTRIES else None
    if code is None:
        return None
    return Place(city, region_text, code)


def country_name(code: str) -> str:
    """The name of a country from its code; the code itself when unknown."""
    code = code.upper()
    return {"GB": "UK", "US": "USA"}.get(code) or COUNTRIES.get(code, code)
