"""Dates as other tools write them, turned into the profile's ``YYYY[-MM[-DD]]``."""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

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


# Unix time (seconds) up to the year 9999; older Open Badges (1.0) wrote dates so.
_LAST_EPOCH_SECOND = 253_402_300_799


def date_field(value: Any, where: str, warnings: list[str]) -> str | None:
    """A date of an imported document in the profile's form, or None with a warning.

    Text is read as by `to_profile_date`. A number (or a text of 9 to 11 digits) is
    taken as Unix time in seconds, converted to its UTC date, with a warning to check
    it. Anything else present but unreadable is warned about, never silently dropped.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    compact = str(value).strip() if isinstance(value, int | str) else ""
    if re.fullmatch(r"(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])", compact):
        # YYYYMMDD (20200101), as YAML reads an unquoted compact date: not Unix time.
        try:
            return dt.date(int(compact[:4]), int(compact[4:6]), int(compact[6:])).isoformat()
        except ValueError:
            pass
    if isinstance(value, str) and re.fullmatch(r"\s*\d{9,11}\s*", value):
        value = int(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 0 <= value <= _LAST_EPOCH_SECOND:
            day = dt.datetime.fromtimestamp(value, tz=dt.UTC).date().isoformat()
            warnings.append(f"{where} is Unix time ({value!r}); read as {day} (UTC), check it")
            return day
        warnings.append(f"{where} is the number {value!r}, not a date showcase can read")
        return None
    date = to_profile_date(value) if isinstance(value, str) else None
    if date is None:
        shown = value[:40] if isinstance(value, str) else f"a {type(value).__name__}"
        warnings.append(f"{where} ({shown}) is not a date showcase can read")
    return date
