"""The applications database as one JSON document (`applications export`) and back
(`applications import`): the format's version, and every field of an export checked before
anything is written.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Any

from showcase.tracker.rows import as_date, sha256
from showcase.tracker.statuses import TrackerError, status_name

EXPORT_FORMAT = 1  # the version of `export`'s JSON; `import` reads it


def checked_export(data: Any, source: str = "the export") -> list[tuple[Any, ...]]:
    """An export's applications as rows to insert; anything malformed is a clear error,
    which names `source` (the file's name) and the application."""
    import base64
    import binascii

    if not isinstance(data, dict) or data.get("showcase_applications") is None:
        raise TrackerError(
            f"{source}: not a showcase applications export (no showcase_applications key)"
        )
    if data["showcase_applications"] != EXPORT_FORMAT:
        raise TrackerError(
            f"{source}: an export of format {data['showcase_applications']!r}; this showcase reads "
            f"format {EXPORT_FORMAT}"
        )
    items = data.get("applications")
    if not isinstance(items, list):
        raise TrackerError(f"{source}: its applications are not a list")
    out = []
    for number, item in enumerate(items, 1):
        where = f"{source}: application {number}"
        try:
            row = {
                "title": _text(item["title"], what="title"),
                "company": _text(item["company"], what="company"),
                "status": status_name(item["status"]),
                "applied_on": _day(item.get("applied_on"), "applied_on"),
                "next_follow_up": _day(item.get("next_follow_up"), "next_follow_up"),
                "coverage": _coverage(item.get("coverage")),
                **{
                    k: _text(item.get(k), optional=True, what=k)
                    for k in ("url", "profile", "kit", "posting_name")
                },
                # A posting's own text, as read: its form feeds and such are not the user's.
                "posting_text": _text(item.get("posting_text"), optional=True, what=None),
            }
            history = [
                {"status": status_name(h["status"]), "on": _day(h["on"], "history", required=True)}
                for h in item.get("history") or []
            ]
            if not history:
                raise ValueError("it has no history")
            if history[-1]["status"] != row["status"]:
                raise ValueError(
                    f"its status is {row['status']!r} but its history ends with "
                    f"{history[-1]['status']!r}"
                )
            days = [as_date(h["on"]) for h in history]
            if any(a > b for a, b in itertools.pairwise(days)):
                raise ValueError("its history is not in the order of its dates")
            notes = [
                {"on": _day(n["on"], "notes", required=True), "text": _text(n["text"], what="note")}
                for n in item.get("notes") or []
            ]
            contacts = [
                {
                    "name": _text(c["name"], what="contact's name"),
                    **{
                        k: _text(c.get(k), optional=True, what=k)
                        for k in ("role", "email", "linkedin")
                    },
                }
                for c in item.get("contacts") or []
            ]
            files = []
            names: set[str] = set()
            for f in item.get("files") or []:
                name = file_name(f["name"])
                if name.casefold() in names:  # `show --files` would write only one of them
                    raise ValueError(f"it has two files named {name!r}")
                names.add(name.casefold())
                try:
                    content = base64.b64decode(f["content"], validate=True)
                except binascii.Error:
                    raise ValueError(f"file {name!r}: its content is not base64") from None
                if sha256(content) != f["sha256"]:
                    raise ValueError(f"file {name!r}: its content does not match its sha256")
                files.append({"name": name, "sha256": f["sha256"], "content": content})
        except TrackerError as error:
            raise TrackerError(f"{where}: {error.format_message()}") from None
        except KeyError as error:
            raise TrackerError(f"{where}: {error.args[0]!r} is missing") from None
        except ValueError as error:  # ours, in words
            raise TrackerError(f"{where}: {error}") from None
        except (TypeError, AttributeError):  # a list where an object was, and such
            raise TrackerError(
                f"{where}: not shaped as `applications export` writes it (its history, "
                "notes, contacts and files are lists of objects with their fields)"
            ) from None
        out.append((row, history, notes, contacts, files))
    return out


def file_name(value: Any) -> str:
    """A file sent, as a plain name: `show --files DIR` writes it into DIR, never elsewhere."""
    name = _text(value, what=None)
    if (
        name.startswith(".")  # "", ".", "..", and a hidden file (.bashrc) among them
        or not name
        or any(c in name for c in "/\\")
        or any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in name)  # "a\nb.pdf" forged a line
    ):
        raise ValueError(f"{name[:80]!r} is not a plain file name")
    return str(name)


def _coverage(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"the coverage {value!r} is not a number")
    if not 0 <= value <= 1:  # NaN fails this too
        raise ValueError(f"the coverage {value!r} is not between 0 and 1")
    return float(value)


def _text(value: Any, *, optional: bool = False, what: str | None = "text") -> Any:
    """Text; with `what`, text without control characters (see `plain`)."""
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not text")
    if _SURROGATE.search(value):  # JSON's "\ud800": no database stores it
        raise ValueError(f"{value[:40]!r} holds a lone surrogate, which is not text")
    return value if what is None else plain(value, what)


_SURROGATE = re.compile("[\ud800-\udfff]")


# Control characters but tab and line breaks: `applications show` and `list` print what is
# stored, and an escape sequence there would drive the reader's terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def plain(value: str, what: str) -> str:
    """`value`, if it holds no control character; else a TrackerError naming `what`."""
    found = _CONTROL.search(value)
    if found:
        raise TrackerError(
            f"{what}: contains the control character U+{ord(found[0]):04X} (a terminal "
            "escape?); delete it"
        )
    return value


# The years an imported date may have: those of a profile's dates. `--on` and `--today` take
# 1980 to 2100; an export edited by hand gave 9999-12-31, and `calendar` (an event ends the
# day after) was an internal error.
DAY_YEARS = (1900, 2200)


def _day(value: Any, what: str, *, required: bool = False) -> dt.date | None:
    """A date as `export` writes it (YYYY-MM-DD, never 20261128 or 2026-W48-1), in DAY_YEARS."""
    if value is None and not required:
        return None
    try:
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            raise ValueError
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{what}: {value!r} is not a date like 2026-11-28") from None
    if not DAY_YEARS[0] <= day.year <= DAY_YEARS[1]:
        raise ValueError(f"{what}: {value} is not a date from {DAY_YEARS[0]} to {DAY_YEARS[1]}")
    return day
