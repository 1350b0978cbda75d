"""Imported credentials as YAML to paste under a profile's ``credentials:``.

Each entry is first checked against the profile's own rules; a field that
would be refused (an ``ftp://`` link, an impossible date) is left out with a
warning, so what we suggest always loads. A required field that is missing
(name, issuer, issue date) is written as exactly ``TODO`` (`PLACEHOLDER`), a
value the profile refuses, so that a forgotten one cannot slip through.

Cost is linear and small (a LinkedIn export of 5 MiB holds some 200,000 rows):
each field is checked alone with the validator of the profile's own field
(cached, since issuers and dates repeat), instead of validating a whole
`Credential` per entry, and the YAML is written by a small emitter for this
flat shape instead of ruamel's pure-Python one, which took 0.5 ms and several
KiB per entry.
"""

from __future__ import annotations

import functools
import json
import re
import textwrap
from collections.abc import Iterable, Iterator
from typing import Annotated, Any

from pydantic import TypeAdapter, ValidationError

from showcase.importers.result import DESCRIPTION, PLACEHOLDER, Imported
from showcase.profile.models import Credential
from showcase.profile.types import PartialDate, slugify

REQUIRED = ("name", "issuer", "issued")

# Control characters (other than tab and newline) and non-characters: the profile
# refuses them (they cannot be stored in a DOCX); imported text loses them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


@functools.cache
def _adapter(field: str) -> TypeAdapter[Any]:
    """The profile's own validator of one `Credential` field (type and constraints)."""
    info = Credential.model_fields[field]
    annotation: Any = info.annotation
    if info.metadata:
        annotation = Annotated[(annotation, *info.metadata)]
    return TypeAdapter(annotation)


_KNOWN: dict[tuple[str, Any], str | None] = {}  # (field, value) -> problem: values repeat


def _problem(field: str, value: Any) -> str | None:
    """Why the profile would refuse `value` in `field`, or None."""
    key: tuple[str, Any] | None = (field, tuple(value) if isinstance(value, list) else value)
    try:
        if key in _KNOWN:
            return _KNOWN[key]
    except TypeError:  # unhashable: a mapping, not something the profile takes either
        key = None
    try:
        _adapter(field).validate_python(value)
        problem = None
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        problem = str((error.get("ctx") or {}).get("error", error["msg"]))
    if key is not None and len(_KNOWN) < 20_000:
        _KNOWN[key] = problem
    return problem


_RANK = {field: rank for rank, field in enumerate(Credential.model_fields)}
_FIELDS: dict[tuple[str, Any], tuple[Any, str | None, str]] = {}  # values repeat: dates, issuers


def _field(field: str, raw: Any) -> tuple[Any, str | None, str]:
    """(the value cleaned, why the profile would refuse it or None, control characters removed)."""
    if isinstance(raw, str):
        known = _FIELDS.get((field, raw))
        if known is not None:
            return known
    removed = ""
    value = raw
    if isinstance(raw, str):
        if _CONTROL.search(raw) is not None:
            removed = ", ".join(sorted({f"U+{ord(c):04X}" for c in _CONTROL.findall(raw)}))
            value = _CONTROL.sub("", raw)
        value = value.strip()
    elif isinstance(raw, list):
        parts = [_field(field, item) for item in raw]
        removed = ", ".join(
            sorted({code for part in parts if part[2] for code in part[2].split(", ")})
        )
        value = [part[0] for part in parts if part[0] != ""]
    problem = None if (field in REQUIRED and value in ("", PLACEHOLDER)) else _problem(field, value)
    result = (value, problem, removed)
    if isinstance(raw, str) and len(_FIELDS) < 50_000:
        _FIELDS[field, raw] = result
    return result


def _checked(entry: dict[str, Any], where: str, warnings: list[str]) -> dict[str, Any]:
    """`entry` with every field the profile would refuse left out (and warned about)."""
    checked: dict[str, Any] = {}
    last, in_order = -1, True
    for field, raw in entry.items():
        rank = _RANK.get(field)
        if rank is None:
            if field != DESCRIPTION:
                warnings.append(f"{where}: left out {field} ({raw!r}): not a profile field")
            continue
        in_order, last = in_order and rank > last, rank
        value, problem, removed = _field(field, raw)
        if removed:
            warnings.append(
                f"{where}: removed control characters ({removed}) from {field}, "
                "which cannot appear in a resume"
            )
        if field in REQUIRED:
            if not value:
                value = PLACEHOLDER
            elif problem is not None:
                warnings.append(f"{where}: {field} ({value!r}) {problem}; fill in the TODO")
                value = PLACEHOLDER
            checked[field] = value
        elif problem is not None:
            warnings.append(f"{where}: left out {field} ({value!r}): {problem}")
        else:
            checked[field] = value
    if len(checked) < 3 or not in_order:  # the profile's order, whatever order they came in
        for field in REQUIRED:
            checked.setdefault(field, PLACEHOLDER)
        checked = dict(sorted(checked.items(), key=lambda item: _RANK[item[0]]))
    expires, issued = checked.get("expires"), checked["issued"]
    if (
        expires is not None
        and issued != PLACEHOLDER
        and PartialDate.parse(expires).last_day < PartialDate.parse(issued).first_day
    ):
        warnings.append(f"{where}: left out expires ({expires}): it is before the issue date")
        del checked["expires"]
    return checked


def _suggested(results: list[Imported], warnings: list[str]) -> Iterator[dict[str, Any]]:
    """The checked entries one at a time (the issuer's description under `DESCRIPTION`)."""
    used: dict[str, int] = {}
    for result in results:
        warnings.extend(result.warnings)
        for entry in result.credentials:
            where = f"{result.source}: `{entry.get('name')}`"
            checked = _checked(entry, where, warnings)
            slug = slugify(str(checked["name"])) or "credential"
            count = used[slug] = used.get(slug, 0) + 1
            if count > 1:  # same name twice: ids must stay unique
                checked = {"id": f"{slug}-{count}", **checked}
            description = entry.get(DESCRIPTION)
            if isinstance(description, str) and description.strip():
                checked[DESCRIPTION] = " ".join(_CONTROL.sub(" ", description).split())
            yield checked


def suggestions(results: list[Imported]) -> tuple[list[dict[str, Any]], list[str]]:
    """The checked entries and every warning about them."""
    warnings: list[str] = []
    return list(_suggested(results, warnings)), warnings


# --- a YAML emitter for this flat shape -------------------------------------------------
#
# Entries are mappings of text (and lists of text). A value is written plain when
# that is unambiguous, and double-quoted otherwise: JSON's string syntax is a subset
# of YAML's double-quoted style, with the line separators escaped as well.

_SPECIAL_PLAIN = re.compile(
    r"""
    [-+]?(?:\.?[0-9][0-9_.,:eE+-]*)         # numbers, sexagesimals, dates and times
    | [-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)
    | 0[xob][0-9a-fA-F_]+
    | y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE
    | on|On|ON|off|Off|OFF|null|Null|NULL|~|=|<<
    """,
    re.VERBOSE,
)
_PARTIAL_DATE = re.compile(r"\d{4}-\d{2}")  # YYYY-MM is text in YAML, and reads best plain
_UNSAFE_PLAIN = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]|: |\s#|:$|^\s|\s$")
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")


# Most values (names, issuers) start with a letter and hold no `:` or `#`: plain,
# unless they are one of YAML 1.1's words for true, false and null.
_SIMPLE = re.compile(r"[A-Za-z(][^\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff:#]*(?<=\S)")
# What YAML may not hold raw (json.dumps escapes only C0 controls, quotes and backslashes).
_NOT_PRINTABLE = re.compile(r"[\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")
_WORDS = frozenset(
    [
        "y",
        "Y",
        "yes",
        "Yes",
        "YES",
        "n",
        "N",
        "no",
        "No",
        "NO",
        "true",
        "True",
        "TRUE",
        "false",
        "False",
        "FALSE",
        "on",
        "On",
        "ON",
        "off",
        "Off",
        "OFF",
        "null",
        "Null",
        "NULL",
    ]
)


def _scalar(value: Any) -> str:
    text = value if isinstance(value, str) else str(value)
    if _SIMPLE.fullmatch(text) and text not in _WORDS:
        return text
    if (
        text
        and text[0] not in _INDICATORS
        and _UNSAFE_PLAIN.search(text) is None
        and (_PARTIAL_DATE.fullmatch(text) or _SPECIAL_PLAIN.fullmatch(text) is None)
    ):
        return text
    quoted = json.dumps(text, ensure_ascii=False)
    return _NOT_PRINTABLE.sub(lambda match: f"\\u{ord(match[0]):04x}", quoted)


def _entry_text(entry: dict[str, Any]) -> str:
    lines = []
    description = entry.get(DESCRIPTION)
    if description:
        wrapped = textwrap.wrap(f"issuer's description: {description}", 94)
        lines += [f"  # {line}\n" for line in wrapped]
    marker = "  - "
    for key, value in entry.items():
        if key == DESCRIPTION:
            continue
        if isinstance(value, list):
            if not value:
                lines.append(f"{marker}{key}: []\n")
            else:
                lines.append(f"{marker}{key}:\n")
                lines += [f"      - {_scalar(item)}\n" for item in value]
        else:
            lines.append(f"{marker}{key}: {_scalar(value)}\n")
        marker = "    "
    return "".join(lines)


def to_yaml(results: list[Imported]) -> tuple[str, list[str]]:
    """The entries as YAML under a commented header, and the warnings.

    Entries are turned into text one at a time, so that only the text is kept.
    """
    warnings: list[str] = []
    return entries_yaml(_suggested(results, warnings), results), warnings


def entries_yaml(
    entries: Iterable[dict[str, Any]], results: list[Imported], notes: Iterable[str] = ()
) -> str:
    """`entries` (checked, as `suggestions` gives them) as YAML under a commented header
    naming the sources of `results`, with `notes` as comment lines."""
    chunks = [_entry_text(entry) for entry in entries]
    count = f"{len(chunks)} credential{'' if len(chunks) == 1 else 's'}"
    header = [f"# Imported by showcase ({count}) from:"]
    header += [f"#   {_comment(r.source)} ({r.format})" for r in results]
    header += [f"# {_comment(note)}" for note in notes]
    header += [
        "# Review them, fill in every TODO, add skills, assessment and what you learned,",
        "# then paste the entries under `credentials:` in your profile.",
        "credentials:" if chunks else "credentials: []",
    ]
    return "\n".join(header) + "\n" + "".join(chunks)


def _comment(text: str) -> str:
    """`text` fit for one comment line."""
    return " ".join(_CONTROL.sub(" ", text).split())
