"""Dates as other tools write them, turned into the profile's ``YYYY[-MM[-DD]]``."""

from __future__ import annotations

import functools
import re

from showcase.profile.types import MONTHS, PartialDate

_MONTH_NUMBERS = {name.lower(): i for i, name in enumerate(MONTHS) if name}
_MONTH_NUMBERS.update({name[:3].lower(): i for i, name in enumerate(MONTHS) if name})
_MONTH_YEAR = re.compile(r"^([A-Za-z]+)\.?\s+(\d{4})$")
_ISO = re.compile(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:[T ].*)?$")


def to_profile_date(text: str | None) -> str | None:
    """``Oct 2023`` -> ``2023-10``; ``2016-12-31T23:59:59Z`` -> ``2016-12-31``; else None."""
    if not text or not str(text).strip():
        return None
    return _parsed(str(text).strip())


@functools.lru_cache(maxsize=1024)  # an export repeats the same few dates many times
def _parsed(value: str) -> str | None:
    match = _MONTH_YEAR.match(value)
    if match and match[1].lower() in _MONTH_NUMBERS:
        return f"{match[2]}-{_MONTH_NUMBERS[match[1].lower()]:02d}"
    match = _ISO.match(value)
    if match:
        try:
            return PartialDate.parse(match[1]).iso()
        except ValueError:
            return None
    if re.fullmatch(r"\d{4}", value):
        return value
    return None
