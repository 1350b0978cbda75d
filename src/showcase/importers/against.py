"""An import set against a profile: what is new, what the profile holds already (`known`'s
rule), what is another issue of a credential it holds, and what cannot be added as it is.

`showcase import --into PROFILE` adds the new ones to the file; `--skip-known PROFILE`
leaves the held ones out of the YAML it prints. Each entry is compared with the profile's
credentials and with the entries before it in the same import, so a credential that two
sources both list (LinkedIn's export and Credly's badges.json) comes once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from showcase.importers.known import Known, Match, Record
from showcase.importers.result import DESCRIPTION, PLACEHOLDER, Imported
from showcase.importers.suggest import REQUIRED, suggestions
from showcase.profile.models import Credential
from showcase.profile.types import slugify

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_YEAR = re.compile(r"\d{4}")


class Verdict(StrEnum):
    NEW = "new"
    HELD = "already there"
    ANOTHER_ISSUE = "another issue"
    INCOMPLETE = "incomplete"  # a TODO: the profile would refuse it as it is


@dataclass(frozen=True)
class Decision:
    """One imported entry and what becomes of it."""

    source: str
    entry: dict[str, Any]  # checked (`suggest`), with an id of its own where the name's is taken
    verdict: Verdict
    match: Match | None = None
    other: str = ""  # the credential it matched: "`Name` (id)" or "an earlier entry of ..."

    @property
    def name(self) -> str:
        return str(self.entry.get("name", PLACEHOLDER))

    @property
    def missing(self) -> list[str]:
        return [field for field in REQUIRED if self.entry.get(field) == PLACEHOLDER]

    def line(self, *, into: bool, dry_run: bool = False) -> str:
        """The decision in words (`into`: the entry is written into the profile, not printed;
        `dry_run`: it would be)."""
        name = f"`{self.name}` ({self.source})"
        if self.verdict is Verdict.NEW:
            return f"{'would add' if dry_run else 'added'}: {name}" if into else f"new: {name}"
        assert self.match is not None or self.verdict is Verdict.INCOMPLETE
        if self.verdict is Verdict.HELD and self.match is not None:
            dates = f"; {self.match.dates}: change the profile's by hand if it is out of date"
            return f"already there: {name} is {self.other}: {self.match.why}" + (
                dates if self.match.dates else ""
            )
        if self.verdict is Verdict.ANOTHER_ISSUE and self.match is not None:
            how = (
                "to record a renewal, change the `issued:` and `expires:` of the one you have; "
                "to keep both, paste it from `showcase import SOURCES --skip-known PROFILE`"
                if into
                else "keep both, or change the dates of the one you have and leave this out"
            )
            head = "not added" if into else "another issue"
            return f"{head}: {name} is another issue of {self.other} ({self.match.dates}): {how}"
        lacks = " and ".join(f"`{field}:`" for field in self.missing)
        return (
            f"not added: {name}: the source does not give its {lacks}; "
            "`showcase import SOURCES --skip-known PROFILE` prints it with a TODO to fill in"
        )


def _held(credential: Credential) -> str:
    return f"`{credential.name}` ({credential.id})"


def decide(results: list[Imported], held: Sequence[Credential]) -> tuple[list[Decision], list[str]]:
    """Every imported entry of `results`, in order, with its verdict; and the importers'
    warnings. A new entry whose name makes an id the profile (or an earlier entry) uses
    gets the first free ``-2``, ``-3`` ... of it."""
    known = Known(Record.of_credential(c) for c in held)
    names = [_held(c) for c in held]
    used = {c.id.casefold() for c in held}
    decisions: list[Decision] = []
    warnings: list[str] = []
    for result in results:
        entries, said = suggestions([result])
        warnings += said
        for entry in entries:
            entry = {k: v for k, v in entry.items() if k != "id"}  # ids are made below
            record = Record.of_entry(entry)
            found = known.find(record)
            if found is not None and found[1].same:
                decisions.append(
                    Decision(result.source, entry, Verdict.HELD, found[1], names[found[0]])
                )
                continue
            entry = _with_free_id(entry, used)
            if found is not None:
                decision = Decision(
                    result.source, entry, Verdict.ANOTHER_ISSUE, found[1], names[found[0]]
                )
            elif any(entry.get(field) == PLACEHOLDER for field in REQUIRED):
                decision = Decision(result.source, entry, Verdict.INCOMPLETE)
            else:
                decision = Decision(result.source, entry, Verdict.NEW)
            decisions.append(decision)
            known.add(record)
            names.append(f"`{entry.get('name')}`, earlier in this import ({result.source})")
    return decisions, warnings


def _with_free_id(entry: dict[str, Any], used: set[str]) -> dict[str, Any]:
    slug = slugify(str(entry.get("name", ""))) or "credential"
    free, count = slug, 1
    while free.casefold() in used:
        count += 1
        free = f"{slug}-{count}"
    used.add(free.casefold())
    return entry if free == slug else {"id": free, **entry}


def profile_entry(entry: dict[str, Any]) -> dict[str, Any]:
    """A decided entry as the profile holds it: the issuer's description is not a field,
    and a whole date is a date, a year a number (YAML writes them plain, as people do:
    2024-04-18, 2021)."""
    out: dict[str, Any] = {}
    for key, value in entry.items():
        if key == DESCRIPTION:
            continue
        if key in ("issued", "expires") and isinstance(value, str) and _DAY.fullmatch(value):
            value = dt.date.fromisoformat(value)
        elif key in ("issued", "expires") and isinstance(value, str) and _YEAR.fullmatch(value):
            value = int(value)  # a year, written plain: 2021, not '2021'
        out[key] = value
    return out
