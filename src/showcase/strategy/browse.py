"""`showcase catalog`: browse the bundled catalog, and list the facts due for a re-check.

A query keeps the entries with, for every word of it, a word of their name, earlier
names, id, issuer, exam code, level or terms that starts so ("aws associate", "az-104",
"secur"). The table shows
what a learner weighs (level, assessment, hours, cost, renewal); JSON adds each fact's
source and the day it was checked. `stale` lists the facts checked more than a year
before a given day: the ones to read again on the issuer's page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from showcase.strategy import catalog as cat
from showcase.strategy.vocabulary import normalize

STALE_AFTER_DAYS = 365
# Column caps for the terminal table; longer values end with "…".
WIDTHS = {"name": 80, "issuer": 28, "renewal": 60, "cost": 24}


def _words(entry: cat.Entry) -> list[str]:
    parts = [entry.id, entry.name, entry.issuer, *entry.aliases, *entry.terms]
    if entry.exam_code:
        parts.append(entry.exam_code)
    if entry.level:
        parts.append(entry.level.value)
    words = " ".join(normalize(part) for part in parts).replace("(", " ").replace(")", " ")
    return words.split()


def search(query: str | None = None) -> list[cat.Entry]:
    """The entries with a word starting with each word of `query` ("secur" finds Security+,
    "a+" finds A+ but not CySA+), all of them without a query, in file order."""
    entries = cat.catalog().credentials
    wanted = normalize(query or "").replace("(", " ").replace(")", " ").split()
    if not wanted:
        return list(entries)
    found = []
    for entry in entries:
        words = _words(entry)
        if all(any(word.startswith(w) for word in words) for w in wanted):
            found.append(entry)
    return found


def status_text(entry: cat.Entry, today: dt.date) -> str | None:
    """``renamed: now AWS Certified CloudOps Engineer – Associate``, ``retires 2026-08-31``."""
    if entry.status == cat.Lifecycle.RENAMED:
        later = cat.successor(entry)
        return f"renamed: now {later.name}" if later else "renamed"
    if entry.status == cat.Lifecycle.RETIRED and entry.retired_on is not None:
        verb = "retires" if entry.retired_on > today else "retired"
        return f"{verb} {entry.retired_on.isoformat()}"
    return None


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def row(entry: cat.Entry, today: dt.date) -> dict[str, str]:
    """The table's cells for one entry; an unknown fact is "-"."""
    name = entry.name
    status = status_text(entry, today)
    if status:
        name += f" ({status})"
    hours = entry.facts.hours
    return {
        "name": name,
        "issuer": entry.issuer,
        "level": entry.level.value if entry.level else "-",
        "assessment": entry.assessment.value if entry.assessment else "-",
        "hours": (f"{hours.value:g}" + ("" if hours.kind == "learning" else " to sit"))
        if hours
        else "-",
        "cost": cat.Money.__str__(entry.facts.cost) if entry.facts.cost else "-",
        "renewal": entry.facts.renewal.summary() if entry.facts.renewal else "-",
    }


def table(entries: list[cat.Entry], today: dt.date) -> str:
    """A plain-text table, one line per entry, and a line saying how many."""
    if not entries:
        return "no credential in the catalog matches\n"
    header = {k: k for k in ("name", "issuer", "level", "assessment", "hours", "cost", "renewal")}
    cells = [header] + [
        {k: _cut(v, WIDTHS.get(k, 99)) for k, v in row(e, today).items()} for e in entries
    ]
    widths = {k: max(len(c[k]) for c in cells) for k in header}
    lines = ["  ".join(c[k].ljust(widths[k]) for k in header).rstrip() for c in cells]
    count = len(entries)
    lines.append(
        f"{count} credential{'s' if count != 1 else ''}; "
        "`--format json` gives each fact's source and the day it was checked"
    )
    return "\n".join(lines) + "\n"


def entry_json(entry: cat.Entry, today: dt.date) -> dict[str, Any]:
    """One entry: what it is, and every fact known with its source and checked date."""
    return {
        "id": entry.id,
        "name": entry.name,
        "issuer": entry.issuer,
        "platform": entry.platform,
        "kind": entry.kind.value,
        "assessment": entry.assessment.value if entry.assessment else None,
        "status": entry.status.value,
        "status_text": status_text(entry, today),
        "aliases": list(entry.aliases),
        "terms": list(entry.terms),
        "facts": {name: _fact_json(fact) for name, fact in entry.facts.items()},
    }


def _fact_json(fact: cat.Fact) -> dict[str, Any]:
    """The fact's value first, then where it was read and when."""
    data = fact.model_dump(mode="json", exclude_none=True)
    last = ("source", "checked", "quote")
    return {k: data[k] for k in data if k not in last} | {k: data[k] for k in last if k in data}


def to_json(entries: list[cat.Entry], today: dt.date) -> dict[str, Any]:
    return {"catalog": [entry_json(e, today) for e in entries]}


@dataclass(frozen=True)
class StaleFact:
    entry: cat.Entry
    fact: str  # "renewal", "cost", "renewal.fee"
    checked: str
    source: str
    age_days: int  # days between the check and the given today


def stale(entries: list[cat.Entry], today: dt.date) -> list[StaleFact]:
    """Facts checked more than a year before `today`, oldest first. A fact dated by month
    only counts from the month's first day: listed as soon as it may be stale."""
    found = []
    for entry in entries:
        checks: list[tuple[str, str, str]] = [
            (name, fact.checked, fact.source) for name, fact in entry.facts.items()
        ]
        renewal = entry.facts.renewal
        if renewal is not None and renewal.fee is not None and renewal.fee.checked:
            checks.append(("renewal.fee", renewal.fee.checked, renewal.fee.source or ""))
        for name, checked, source in checks:
            age = (today - cat.checked_day(checked)).days
            if age > STALE_AFTER_DAYS:
                found.append(StaleFact(entry, name, checked, source, age))
    found.sort(key=lambda s: (-s.age_days, s.entry.id, s.fact))
    return found


def stale_text(facts: list[StaleFact], today: dt.date) -> str:
    if not facts:
        return f"no fact was checked more than a year before {today.isoformat()}\n"
    lines = [
        f"{len(facts)} fact{'s' if len(facts) != 1 else ''} checked more than a year before "
        f"{today.isoformat()}: read them again on the issuer's page"
    ]
    for item in facts:
        lines.append(f"  {item.checked}  {item.entry.id}.{item.fact}  {item.source}")
    return "\n".join(lines) + "\n"


def stale_json(facts: list[StaleFact]) -> dict[str, Any]:
    return {
        "stale": [
            {
                "id": f.entry.id,
                "name": f.entry.name,
                "fact": f.fact,
                "checked": f.checked,
                "days": f.age_days,
                "source": f.source,
            }
            for f in facts
        ]
    }
