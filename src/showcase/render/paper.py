"""The paper a document is printed on: Letter in the US and Canada, A4 elsewhere."""

from __future__ import annotations

from typing import TYPE_CHECKING

from showcase.files import AUTO_PAPER, PAPERS

if TYPE_CHECKING:
    from showcase.profile import LoadedProfile

LETTER_COUNTRIES = frozenset({"US", "CA"})


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
    Letter). Letter in the US and Canada, A4 everywhere else; when nothing says,
    `fallback` (a resume theme's paper), else Letter.
    """
    if paper.lower() in PAPERS:
        return paper.lower()
    from showcase.exporters.location import CA_PROVINCES, US_STATES, parse_location

    country = None
    language = None
    if locale:
        language, _, region = locale.replace("_", "-").partition("-")
        country = region.upper() or None
    if country is None and location:
        place = parse_location(location)
        if place is not None and place.country_code is None and place.region:
            # "Atlanta, GA": a state's code that is also a country's (Gabon); in a
            # profile's "City, Region" it is the state.
            region = place.region.upper().replace(".", "")
            country = "US" if region in US_STATES or region in CA_PROVINCES else None
        elif place is not None:
            country = place.country_code
    if country is None and language:
        return "letter" if language.lower() == "en" else "a4"
    if country is None:
        return fallback or "letter"
    return "letter" if country in LETTER_COUNTRIES else "a4"
