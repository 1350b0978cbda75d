"""Applications as a table, JSON and CSV, and their follow-ups as a calendar."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from typing import Any

CSV_COLUMNS = (
    "id",
    "title",
    "company",
    "status",
    "applied_on",
    "next_follow_up",
    "coverage",
    "history",
    "notes",
)
SHAPE = CSV_COLUMNS  # the keys of one application in --format json


def as_json(items: Sequence[dict[str, Any]]) -> str:
    return json.dumps({"applications": [_shape(i) for i in items]}, indent=2, ensure_ascii=False)


SHOW_EXTRA = ("url", "kit", "posting_name", "contacts", "files")


def one_json(item: dict[str, Any]) -> str:
    """`show ID --format json`: the listing's object, then (when read in full) where the
    posting is, the kit, the contacts and the files sent (name and SHA-256)."""
    extra = {key: item[key] for key in SHOW_EXTRA if key in item}
    return json.dumps(_shape(item) | extra, indent=2, ensure_ascii=False)


def _shape(item: dict[str, Any]) -> dict[str, Any]:
    return {key: item[key] for key in SHAPE}


def as_csv(items: Sequence[dict[str, Any]]) -> str:
    """One row per application; history and notes as ``date status; ...`` in one cell."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for i in items:
        writer.writerow(
            [
                i["id"],
                _cell(i["title"]),
                _cell(i["company"]),
                i["status"],
                i["applied_on"] or "",
                i["next_follow_up"] or "",
                "" if i["coverage"] is None else f"{i['coverage']:.4f}",
                "; ".join(f"{h['on']} {h['status']}" for h in i["history"]),
                _cell(" | ".join(f"{n['on']} {n['text']}" for n in i["notes"])),
            ]
        )
    return out.getvalue()


def _cell(text: str) -> str:
    """A spreadsheet must not run a cell as a formula (=, +, -, @ first)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def days_since(applied_on: str | None, today: dt.date) -> int | None:
    return None if applied_on is None else (today - dt.date.fromisoformat(applied_on)).days


def as_table(items: Sequence[dict[str, Any]], today: dt.date) -> str:
    if not items:
        return "No applications yet: record one with `showcase apply PROFILE POSTING`.\n"
    rows = [("ID", "STATUS", "APPLIED", "DAYS", "FOLLOW UP", "MATCH", "JOB")]
    for i in items:
        days = days_since(i["applied_on"], today)
        rows.append(
            (
                str(i["id"]),
                i["status"],
                i["applied_on"] or "-",
                "-" if days is None else str(days),
                i["next_follow_up"] or "-",
                "-" if i["coverage"] is None else f"{i['coverage']:.0%}",
                f"{i['title']} at {i['company']}",
            )
        )
    widths = [max(len(r[c]) for r in rows) for c in range(len(rows[0]) - 1)]
    lines = [
        "  ".join(v.ljust(w) for v, w in zip(r, widths, strict=False)) + "  " + r[-1] for r in rows
    ]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def show_text(item: dict[str, Any]) -> str:
    lines = [f"{item['id']}: {item['title']} at {item['company']}", f"  status: {item['status']}"]
    if item.get("url"):
        lines.append(f"  posting: {item['url']}")
    lines.append(f"  applied on: {item['applied_on'] or '-'}")
    lines.append(f"  next follow-up: {item['next_follow_up'] or '-'}")
    if item["coverage"] is not None:
        lines.append(f"  match coverage: {item['coverage']:.0%}")
    if item.get("kit"):
        lines.append(f"  kit: {item['kit']}")
    for f in item.get("files", []):
        lines.append(f"  sent: {f['name']} (sha256 {f['sha256']})")
    lines.append("  history:")
    lines += [f"    {h['on']}  {h['status']}" for h in item["history"]]
    if item.get("contacts"):
        lines.append("  contacts:")
        for c in item["contacts"]:
            extra = ", ".join(v for v in (c["role"], c["email"], c["linkedin"]) if v)
            lines.append(f"    {c['name']}" + (f" ({extra})" if extra else ""))
    if item["notes"]:
        lines.append("  notes:")
        lines += [f"    {n['on']}  {n['text']}" for n in item["notes"]]
    return "\n".join(lines) + "\n"


ALARM_DAYS = (1, 0)  # reminders: the day before, and the morning of


def follow_ups_ics(items: Sequence[dict[str, Any]], stamp: dt.datetime) -> bytes:
    """An all-day event on each open application's next follow-up, with two reminders.

    Each event's UID is the application's id, so importing the file again updates
    the events instead of doubling them.
    """
    from icalendar import Alarm, Calendar, Event

    from showcase import __version__
    from showcase.tracker.statuses import FINAL, TrackerError
    from showcase.tracker.transfer import DAY_YEARS

    cal = Calendar()
    cal.add("prodid", f"-//showcase {__version__}//applications//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Job application follow-ups")
    for item in items:
        if not item["next_follow_up"] or item["status"] in FINAL:
            continue
        day = dt.date.fromisoformat(item["next_follow_up"])
        if not DAY_YEARS[0] <= day.year <= DAY_YEARS[1]:  # an older showcase imported it
            raise TrackerError(
                f"application {item['id']}: its next follow-up {day} is not a date from "
                f"{DAY_YEARS[0]} to {DAY_YEARS[1]}; set another with `showcase applications "
                f"update {item['id']} --follow-up DATE` (or none)"
            )
        event = Event()
        event.add("uid", f"application-{item['id']}@showcase")
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        event.add("summary", f"Follow up: {item['title']} at {item['company']}")
        event.add(
            "description", f"Status: {item['status']}; applied on {item['applied_on'] or '-'}."
        )
        event.add("transp", "TRANSPARENT")
        for days in ALARM_DAYS:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"Follow up with {item['company']}")
            alarm.add("trigger", dt.timedelta(days=-days, hours=9))
            event.add_component(alarm)
        cal.add_component(event)
    return bytes(cal.to_ical())
