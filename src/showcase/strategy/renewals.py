"""`showcase renewals`: when each credential lapses, and what renewing it takes.

Industry certifications in fast fields expire (PMP, CompTIA, AWS, SHRM: every 2-3
years). `renewals` lists every credential that expires, expired ones first, then by
date, each with the catalog's renewal rule, or says plainly that the catalog has
none. Most people never write an `expires` date: when it is missing and the catalog
knows how long the credential stays valid, the date is estimated (issued + period,
from the first day `issued` may mean, so the estimate is never late), marked as
estimated, and the person is asked to add `expires`. A credential the issuer says
does not expire is said to, as such. The same rows become a terminal table
(`views/renewals.py`), JSON, a Markdown page and an RFC 5545 calendar with two reminders
per expiry (`artifacts/renewals.py`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from showcase.profile import Credential, LoadedProfile, Status
from showcase.profile.loaded import EXPIRING_WINDOW_DAYS
from showcase.profile.models import Assessment
from showcase.strategy import catalog as cat
from showcase.strategy import catalog_renewal


def add_years(day: dt.date, years: float) -> dt.date:
    """`day` plus a whole number of years (29 February becomes 28 February), or plus
    `years` x 365 days for a fraction of a year."""
    if float(years).is_integer():
        try:
            return day.replace(year=day.year + int(years))
        except ValueError:
            return day.replace(year=day.year + int(years), day=28)
    return day + dt.timedelta(days=round(365 * years))


def _status(expires: dt.date, today: dt.date) -> Status:
    if expires < today:
        return Status.EXPIRED
    if (expires - today).days <= EXPIRING_WINDOW_DAYS:
        return Status.EXPIRING
    return Status.ACTIVE


@dataclass(frozen=True)
class Renewal:
    """One credential that expires: when, how long from today, and how it is renewed."""

    credential: Credential
    expires: dt.date  # the last day it is valid (`expires: 2027-02` is 28 February 2027)
    days_left: int  # negative once expired, 0 on the last day
    status: Status
    entry: cat.Entry | None  # the catalog entry it was matched to
    rule: catalog_renewal.RenewalRule | None
    estimated: bool = False  # no `expires`: issued + the catalog's period
    today: dt.date | None = None  # the report's day: says "retires" or "retired"

    @property
    def expired(self) -> bool:
        return self.status == Status.EXPIRED

    @property
    def when(self) -> str:
        """``in 45 days``, ``today``, ``12 days ago``."""
        days = self.days_left
        if days == 0:
            return "today"
        if days > 0:
            return f"in {days} day{'s' if days != 1 else ''}"
        return f"{-days} day{'s' if days != -1 else ''} ago"

    @property
    def takes_sentence(self) -> str:
        """`takes` on its own, as a sentence begins (a paragraph, a table cell)."""
        text = self.takes
        return text[:1].upper() + text[1:]

    @property
    def takes(self) -> str:
        """What renewing takes (for an expired one, renewing or earning it again)."""
        if self.rule is not None and self.rule.renewal:
            text = self.rule.renewal.rstrip(".")
        elif self.rule is not None and self.rule.validity_years:
            text = (
                f"valid {self.rule.validity_years:g} years; the catalog does not say how it is "
                f"renewed: ask the issuer ({self.credential.issuer})"
            )
        elif self.entry is not None:
            text = (
                f"the catalog knows {self.entry.name} but has no renewal rule for it: "
                f"ask the issuer ({self.credential.issuer})"
            )
        else:
            text = (
                f"not in showcase's catalog, so no renewal rule is known: "
                f"check the issuer's renewal terms ({self.credential.issuer})"
            )
        ends = self.path_ends
        if ends:
            text += f". {ends}"
        if self.expired:
            text += f". If the renewal window has closed, earn it again: {self.re_earn}"
        return text

    @property
    def path_ends(self) -> str | None:
        """When the credential retires, its renewal path ends: say when."""
        retired_on = self.rule.retired_on if self.rule else None
        if retired_on is None:
            return None
        name = self.entry.name if self.entry else self.credential.name
        if self.today is not None and retired_on < self.today:
            return f"{name} retired on {retired_on.isoformat()}: it can no longer be renewed"
        return f"{name} retires on {retired_on.isoformat()}: its renewal path ends then" + (
            ", before this expiry" if retired_on < self.expires else ""
        )

    @property
    def re_earn(self) -> str:
        assessment = self.credential.assessment or (self.entry.assessment if self.entry else None)
        how = {
            Assessment.EXAM: "pass the current exam",
            Assessment.PROJECT: "complete the current assessed project",
            Assessment.GRADED: "complete the current course and its graded assessments",
            Assessment.NONE: "complete the current course",
        }
        return how[assessment] if assessment else "meet the issuer's current requirements"

    @property
    def source(self) -> str | None:
        """Where the rule comes from (the issuer's page), when the catalog says."""
        if self.rule is not None and self.rule.source:
            return self.rule.source[0]
        return None


@dataclass(frozen=True)
class Lasting:
    """A credential with no expiry date and no period: it does not expire, or no rule is known."""

    credential: Credential
    entry: cat.Entry | None
    rule: catalog_renewal.RenewalRule | None

    @property
    def does_not_expire(self) -> bool:
        return self.rule is not None and self.rule.does_not_expire

    @property
    def source(self) -> str | None:
        return self.rule.source[0] if self.rule is not None and self.rule.source else None


@dataclass
class RenewalReport:
    name: str
    today: dt.date
    rows: list[Renewal]  # credentials with an `expires` date
    never: list[str] = field(default_factory=list)  # names of credentials with no `expires`
    estimated: list[Renewal] = field(default_factory=list)  # no `expires`: issued + period
    lasting: list[Lasting] = field(default_factory=list)  # no `expires`, no period known

    @property
    def expired(self) -> list[Renewal]:
        return [row for row in self.rows if row.expired]

    @property
    def dated(self) -> list[Renewal]:
        """Every row with a date, given or estimated: expired first, then by date."""
        return sorted(self.rows + self.estimated, key=_order)

    @property
    def does_not_expire(self) -> list[Lasting]:
        """No `expires`, and the issuer says it does not expire."""
        return [item for item in self.lasting if item.does_not_expire]

    @property
    def unknown(self) -> list[Lasting]:
        """No `expires`, and no rule in the catalog."""
        return [item for item in self.lasting if not item.does_not_expire]


def _order(row: Renewal) -> tuple[bool, dt.date, str]:
    return (not row.expired, row.expires, row.credential.name.casefold())


def renewals(loaded: LoadedProfile) -> RenewalReport:
    """Every credential: those that expire (expired first, then by date; the date given,
    or estimated from the catalog's period), then those that do not or whose rule is
    unknown."""
    rows = []
    estimated = []
    lasting = []
    never = []
    today = loaded.today
    for credential in loaded.profile.credentials:
        entry = cat.match(credential)
        rule = catalog_renewal.renewal_rule(entry) if entry is not None else None
        if credential.expires is not None:
            last = credential.expires.last_day
            rows.append(
                Renewal(
                    credential=credential,
                    expires=last,
                    days_left=(last - today).days,
                    status=loaded.status(credential),
                    entry=entry,
                    rule=rule,
                    today=today,
                )
            )
            continue
        never.append(credential.name)
        period = rule.validity_years if rule is not None and not rule.does_not_expire else None
        if period:
            last = add_years(credential.issued.first_day, period)
            estimated.append(
                Renewal(
                    credential=credential,
                    expires=last,
                    days_left=(last - today).days,
                    status=_status(last, today),
                    entry=entry,
                    rule=rule,
                    estimated=True,
                    today=today,
                )
            )
        else:
            lasting.append(Lasting(credential, entry, rule))
    rows.sort(key=_order)
    estimated.sort(key=_order)
    return RenewalReport(loaded.profile.name, today, rows, never, estimated, lasting)


def to_json(report: RenewalReport) -> dict[str, Any]:
    """``{"renewals": [{"credential", "expires", "estimated", "days_left", "rule",
    "source"}]}``: the dated ones first (expired, then by date), then those that do not
    expire (`expires` null, `rule` "does not expire"), then those with no rule known."""
    items: list[dict[str, Any]] = []
    for row in report.dated:
        items.append(
            {
                "credential": row.credential.name,
                "expires": row.expires.isoformat(),
                "estimated": row.estimated,
                "days_left": row.days_left,
                "rule": row.takes,
                "source": row.source,
            }
        )
    for item in report.does_not_expire + report.unknown:
        items.append(
            {
                "credential": item.credential.name,
                "expires": None,
                "estimated": False,
                "days_left": None,
                "rule": "does not expire" if item.does_not_expire else None,
                "source": item.source,
            }
        )
    return {"renewals": items}
