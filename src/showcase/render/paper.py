"""The paper a document is printed on: US Letter where business letters are printed on it
(the US, Canada, Mexico, the Philippines and ten more), A4 everywhere else."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from showcase.files import AUTO_PAPER, PAPERS

if TYPE_CHECKING:
    from showcase.profile import LoadedProfile

# The territories whose business letters are printed on US Letter, as Unicode CLDR gives
# them: `<paperSize type="US-Letter" territories="BZ CA CL CO CR GT MX NI PA PH PR SV US
# VE"/>` (A4 for the world, "001"), in its supplemental measurement data
# (https://www.unicode.org/reports/tr35/tr35-info.html#Measurement_System_Data, read
# 2026-12-06). Mexico, Colombia, Chile and the Philippines had been given A4.
LETTER_COUNTRIES = frozenset(
    {"BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE"}
)
# Where English writes a date month first ("December 6, 2026"): the territories whose
# CLDR English long date is "MMMM d, y" (en-US, en-CA, en-PH, en-PR, en-JP and the US's
# Pacific and Caribbean territories, as Babel 2.19's CLDR data gives them, read
# 2026-12-06); everywhere else "6 December 2026". Not the paper's countries: Mexico
# writes "6 de diciembre de 2026".
MONTH_FIRST_COUNTRIES = frozenset(
    {"US", "CA", "PH", "PR", "JP", "AS", "GU", "MH", "MP", "UM", "VI", "BI"}
)


def profile_paper(
    loaded: LoadedProfile, paper: str = AUTO_PAPER, fallback: str | None = None
) -> str:
    """`paper_for` the profile's `locale` and `contact.location`."""
    profile = loaded.profile
    return paper_for(paper, profile.locale, profile.contact.location, fallback)


def paper_for(
    paper: str, locale: str | None, location: str | None, fallback: str | None = None
) -> str:
    """The paper to print on: `paper` if it is one, else from the profile.

    The country of `locale` (``en-GB``) decides; else the country of `location`
    ("London, UK", "Austin, TX"); else the language of `locale` (``de``: A4; ``en``:
    Letter). Letter in `LETTER_COUNTRIES` (CLDR's: the US, Canada, Mexico ...), A4
    everywhere else; when nothing says,
    `fallback` (a resume theme's paper), else Letter.
    """
    if paper.lower() in PAPERS:
        return paper.lower()
    country, language = place_of(locale, location)
    if country is None and language:
        return "letter" if language.lower() == "en" else "a4"
    if country is None:
        return fallback or "letter"
    return "letter" if country in LETTER_COUNTRIES else "a4"


def place_of(locale: str | None, location: str | None) -> tuple[str | None, str | None]:
    """(country, language) of a profile: the country of `locale` (``en-GB``), else of
    `location` ("London, UK", "Austin, TX"); the language of `locale`. None when unsaid."""
    from showcase.exporters.location import country_of

    country = None
    language = None
    if locale:
        language, _, region = locale.replace("_", "-").partition("-")
        country = region.upper() or None
    if country is None and location:
        country = country_of(location)
    return country, language


def long_date(loaded: LoadedProfile, day: dt.date) -> str:
    """A day written out as the profile's country writes it: "December 6, 2026" in the US,
    Canada, the Philippines ... (`MONTH_FIRST_COUNTRIES`, and when nothing says), "6
    December 2026" elsewhere."""
    country, language = place_of(loaded.profile.locale, loaded.profile.contact.location)
    month_first = country in MONTH_FIRST_COUNTRIES if country else language in (None, "en")
    if month_first:
        return f"{day:%B} {day.day}, {day.year}"
    return f"{day.day} {day:%B} {day.year}"
