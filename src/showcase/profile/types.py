"""Field types of the profile: partial dates, plain text, web addresses.

Each is an ``Annotated`` type with a single plain validator, so that pydantic
reports an error at the field itself (no union branches in the location) and
the message is ours, written for the person who edits the YAML.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema

from showcase.errors import shown

MONTHS = [
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# Forms people type by hand, each with the ISO spelling to suggest instead.
_LOOSE_ISO_RE = re.compile(r"^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$")
_MONTH_FIRST_RE = re.compile(r"^(\d{1,2})[/.-](\d{4})$")
_MONTH_NAME_RE = re.compile(r"^([A-Za-z]{3,9})\.?,?\s+(\d{4})$")
_NAME_MONTH_RE = re.compile(r"^(\d{4})\s+([A-Za-z]{3,9})$")


def _month_number(word: str) -> int | None:
    word = word.lower()
    for number, name in enumerate(MONTHS[1:], start=1):
        if name.lower() == word or (len(word) >= 3 and name.lower().startswith(word)):
            return number
    return None


def _suggest_date(text: str) -> str | None:
    """The ISO spelling of a date written another way (``Nov 2025`` -> ``2025-11``)."""
    if match := _LOOSE_ISO_RE.match(text):
        parts = [match[1], f"{int(match[2]):02d}"]
        if match[3]:
            parts.append(f"{int(match[3]):02d}")
        return "-".join(parts)
    if match := _MONTH_FIRST_RE.match(text):
        return f"{match[2]}-{int(match[1]):02d}"
    for regex, word_group, year_group in ((_MONTH_NAME_RE, 1, 2), (_NAME_MONTH_RE, 2, 1)):
        if match := regex.match(text):
            month = _month_number(match[word_group])
            if month is not None:
                return f"{match[year_group]}-{month:02d}"
    return None


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day: ``2026``, ``2026-03``, ``2026-03-14``."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise ValueError(
                f"expected a date like 2026-03 or 2026-03-14, got {describe_value(value)}"
            )
        text = getattr(value, "source", str(value)).strip()
        match = _DATE_RE.match(text)
        if not match:
            suggestion = _suggest_date(text)
            if suggestion is not None:
                raise ValueError(
                    f"`{shown(text)}` is not written as YYYY-MM-DD; did you mean `{suggestion}`?"
                )
            raise ValueError(
                f"`{shown(text)}` is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2026-03)"
            )
        year = int(match[1])
        month = int(match[2]) if match[2] else None
        day = int(match[3]) if match[3] else None
        if year < 1900 or year > 2200:
            raise ValueError(
                f"`{text}`: the year {year} is out of range: give one from 1900 to 2200"
            )
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"`{text}`: there is no month {month}; months run from 01 to 12")
        if month is not None and day is not None:
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise ValueError(
                    f"`{text}`: {MONTHS[month]} {year} has {last} days, so day {day} does not exist"
                )
        return cls(year, month, day)

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        """The last day the date could mean: ``2027-02`` lasts until 28 Feb 2027."""
        if self.day is not None and self.month is not None:
            return dt.date(self.year, self.month, self.day)
        if self.month is not None:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, 12, 31)

    def short(self) -> str:
        """``Mar 2026`` or ``2026``: how resumes write dates."""
        if self.month is None:
            return str(self.year)
        return f"{MONTHS[self.month][:3]} {self.year}"

    def long(self) -> str:
        """``March 2026`` or ``2026``: how LinkedIn's form asks for them."""
        if self.month is None:
            return str(self.year)
        return f"{MONTHS[self.month]} {self.year}"

    def iso(self) -> str:
        out = f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
            if self.day is not None:
                out += f"-{self.day:02d}"
        return out

    def __str__(self) -> str:
        return self.short()


PRESENT = "present"


def _parse_end(value: Any) -> PartialDate | str:
    if isinstance(value, str) and value.strip().lower() in ("present", "now", "current"):
        return PRESENT
    return PartialDate.parse(value)


def describe_value(value: Any) -> str:
    """How a wrong value is named in a message: ``a list``, ``the number `3```."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, int | float):
        return f"the number `{shown(value, 40)}`"
    return f"the text `{shown(value, 40)}`"


# Control characters (other than tab and newline) cannot be stored in a DOCX
# (XML 1.0 forbids them) and render as boxes in a PDF.
# Lone surrogates (from "\ud800"-style escapes) cannot be encoded at all.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

# What `showcase import` writes where the source lacks a value: it must never pass.
PLACEHOLDER = "TODO"


# Unicode's explicit direction formatting: embeddings and overrides end at U+202C,
# isolates at U+2069. One left open reverses or reorders whatever text follows the value
# in a document (`CompTIA<U+202E>'s LinkedIn page`).
_EMBEDDINGS = "\u202a\u202b\u202d\u202e"
_ISOLATES = "\u2066\u2067\u2068"


def _check_direction(value: str) -> None:
    open_: list[str] = []
    for ch in value:
        if ch in _EMBEDDINGS or ch in _ISOLATES:
            open_.append(ch)
        elif ch == "\u202c" and open_ and open_[-1] in _EMBEDDINGS:
            open_.pop()
        elif ch == "\u2069" and open_:  # closes the last isolate, and embeddings inside it
            while open_ and open_.pop() not in _ISOLATES:
                pass
    if open_:
        raise ValueError(
            f"contains the direction mark U+{ord(open_[-1]):04X}, not closed, which would "
            "reverse the text after it in every document; delete it (or close it with "
            f"U+{0x202C if open_[-1] in _EMBEDDINGS else 0x2069:04X})"
        )


def check_text(value: Any) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, dict | list):
        raise ValueError(f"expected text, got {describe_value(value)}")
    if isinstance(value, int | float):
        value = getattr(value, "source", str(value))
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {describe_value(value)}")
    match = _CONTROL_RE.search(value)
    if match:
        code = f"U+{ord(match[0]):04X}"
        if 0xD800 <= ord(match[0]) <= 0xDFFF:
            raise ValueError(
                f"contains a lone surrogate ({code}), which is not a character; write "
                "characters outside the basic plane as \\UXXXXXXXX or type them directly"
            )
        raise ValueError(
            f"contains the control character {code}, which cannot appear in a DOCX or PDF; "
            "delete it"
        )
    _check_direction(value)
    text = value.strip()
    # Blank also when made only of invisible characters (zero-width spaces, joiners ...).
    if not text or all(unicodedata.category(ch) in ("Cf", "Zs") for ch in text):
        raise ValueError("is blank; write the text, or delete the line if the field is optional")
    if text == PLACEHOLDER:
        raise ValueError(
            f"`{PLACEHOLDER}` is a placeholder (as `showcase import` writes where a value is "
            "unknown); replace it with the real value"
        )
    return text


# Line breaks of every kind YAML 1.2 and Unicode know (LF, CR, NEL, LS, PS).
_LINE_BREAK_RE = re.compile("[\n\r\x85\u2028\u2029]")


def check_line(value: Any) -> str:
    """Text that is printed on one line: a name, a title, an issuer, an organisation.

    A line break there is a slip (a YAML block scalar, a pasted address) that breaks
    headers, calendar names and file names downstream, so it is refused where written."""
    text = check_text(value)
    if _LINE_BREAK_RE.search(text):
        raise ValueError(
            f"`{shown(text)}` spans more than one line; this field is printed on one line, "
            "so write it without line breaks (in YAML, a plain or quoted value, not `|` or `>`)"
        )
    return text


# Characters a URL may not carry as they are (RFC 3986): percent-encoded, so that a
# link in a PDF, an HTML `href` or a JSON Resume `uri` is always one valid address.
_URL_SAFE = "!#$%&'()*+,/:;=?@[]~-._"


def check_url(value: Any) -> str:
    from urllib.parse import quote

    text = check_text(value)
    if any(ch.isspace() for ch in text):
        raise ValueError(
            f"`{shown(text)}` contains a space, tab or line break; a web address has none "
            "(write a space as %20)"
        )
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https"):
        scheme = f"`{shown(parts.scheme, 20)}:`" if parts.scheme else "no scheme"
        raise ValueError(
            f"`{shown(text)}` has {scheme}; a web address must start with https:// (or http://)"
        )
    if not parts.hostname or not re.fullmatch(r"[\w.:@\[\]%+-]+", parts.netloc):
        raise ValueError(f"`{shown(text)}` is not a web address like https://example.com/page")
    # Everything but the scheme and host: unsafe characters (< > " ` { } | \ ^ and
    # non-ASCII letters) percent-encoded; existing %XX escapes stay as they are.
    rest = text[len(parts.scheme) + 3 + len(parts.netloc) :]
    return f"{parts.scheme.lower()}://{parts.netloc}{quote(rest, safe=_URL_SAFE)}"


# A plain address: no `?bcc=`, no `javascript:`, nothing a mailto: link would act on.
_EMAIL_RE = re.compile(
    r"(?![.])[\w!#$&'*+=^`{|}~.-]+(?<![.])@(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}"
)


def check_email(value: Any) -> str:
    text = check_text(value)
    if not _EMAIL_RE.fullmatch(text) or ".." in text:
        raise ValueError(f"`{shown(text)}` is not an email address like name@example.com")
    return text


def _check_date(value: Any) -> PartialDate:
    return PartialDate.parse(value)


_DATE_SCHEMA = {
    "anyOf": [
        {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
        {"type": "integer", "minimum": 1900, "maximum": 2200},
    ],
    "examples": ["2026-03", "2026-03-14", 2026],
}

Text = Annotated[str, PlainValidator(check_text), WithJsonSchema({"type": "string"})]
Line = Annotated[
    str, PlainValidator(check_line), WithJsonSchema({"type": "string", "pattern": "^[^\\n\\r]*$"})
]
Url = Annotated[
    str,
    PlainValidator(check_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://"}),
]
Email = Annotated[
    str, PlainValidator(check_email), WithJsonSchema({"type": "string", "format": "email"})
]


def _serialize_date(value: PartialDate | str) -> str:
    return value.iso() if isinstance(value, PartialDate) else value


Date = Annotated[
    PartialDate,
    PlainValidator(_check_date),
    PlainSerializer(_serialize_date, return_type=str),
    WithJsonSchema(_DATE_SCHEMA),
]
EndDate = Annotated[
    PartialDate | str,
    PlainValidator(_parse_end),
    PlainSerializer(_serialize_date, return_type=str),
    WithJsonSchema({"anyOf": [*_DATE_SCHEMA["anyOf"], {"const": "present"}]}),
]


def slugify(text: str) -> str:
    """``Google Ads: Search!`` -> ``google-ads-search``; ASCII, for ids and file names."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
