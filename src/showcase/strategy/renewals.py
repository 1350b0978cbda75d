"""`showcase renewals`: when each credential lapses, and what renewing it takes.

Industry certifications in fast fields expire (PMP, CompTIA, AWS, SHRM: every 2-3
years). `renewals` lists every credential that expires, expired ones first, then by
date, each with the catalog's renewal rule, or says plainly that the catalog has
none. Most people never write an `expires` date: when it is missing and the catalog
knows how long the credential stays valid, the date is estimated (issued + period,
from the first day `issued` may mean, so the estimate is never late), marked as
estimated, and the person is asked to add `expires`. A credential the issuer says
does not expire is said to, as such. The same rows become a terminal table, JSON,
a Markdown page and an RFC 5545 calendar (`ics`) with two reminders per expiry.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from showcase.artifacts.files import RENEWALS_ICS, RENEWALS_MD
from showcase.profile import Credential, LoadedProfile, Status
from showcase.profile.loaded import EXPIRING_WINDOW_DAYS
from showcase.profile.models import Assessment
from showcase.strategy import catalog as cat

# Reminders before each expiry: 90 days leaves time to collect continuing-education
# units (PMP's 60 PDUs, CompTIA's CEUs), 30 days to book an exam or a renewal assessment.
ALARM_DAYS = (90, 30)
# A fixed namespace: a credential's UID is a UUID (RFC 9562, version 5) of the profile's
# name and the credential's id, so importing the calendar again updates its events.
UID_NAMESPACE = uuid.UUID("0b7f6c2e-5d4a-5b8e-9c1f-3a2d6e8b4c70")


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
    rule: cat.RenewalRule | None
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
                f"renewed: ask {self.credential.issuer}"
            )
        elif self.entry is not None:
            text = (
                f"the catalog knows {self.entry.name} but has no renewal rule for it: "
                f"ask {self.credential.issuer}"
            )
        else:
            text = (
                f"not in showcase's catalog, so no renewal rule is known: "
                f"check {self.credential.issuer}'s renewal terms"
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
    rule: cat.RenewalRule | None

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
        rule = cat.renewal_rule(entry) if entry is not None else None
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


# --- The terminal table and Markdown --------------------------------------------------------


STATUS_WORDS = {Status.EXPIRED: "EXPIRED", Status.EXPIRING: "soon", Status.ACTIVE: "ok"}


def text(report: RenewalReport) -> str:
    """The terminal table: status, date, how long, credential; what renewing takes below.
    Estimated dates carry a ``~``; then what does not expire, and what is unknown."""
    lines = [f"{report.name}: renewals as of {report.today.isoformat()}"]
    dated = report.dated
    if not dated:
        lines.append("  no credential has an `expires` date: nothing to renew")
    else:
        table = [("", "expires", "when", "credential")]
        table += [
            (
                STATUS_WORDS[r.status],
                ("~" if r.estimated else "") + r.expires.isoformat(),
                r.when,
                r.credential.name,
            )
            for r in dated
        ]
        widths = [max(len(row[i]) for row in table) for i in range(3)]
        for index, cells in enumerate(table):
            lines.append(
                "  "
                + "  ".join(c.ljust(widths[i]) for i, c in enumerate(cells[:3]))
                + "  "
                + cells[3]
            )
            if index:
                lines.append("      " + dated[index - 1].takes)
    if report.estimated:
        lines.append(
            "~ estimated: issued + the period the catalog gives (from the first day `issued` "
            "may mean); add the date on your certificate as `expires:` to "
            + ", ".join(r.credential.name for r in report.estimated)
        )
    for item in report.does_not_expire:
        lines.append(
            f"does not expire: {item.credential.name}"
            + (f" ({item.source})" if item.source else "")
        )
    unknown = report.unknown
    if unknown:
        count = len(unknown)
        lines.append(
            f"{count} credential{'s' if count != 1 else ''} with no expiry date and no rule "
            "in the catalog: " + ", ".join(item.credential.name for item in unknown)
        )
    return "\n".join(lines) + "\n"


def markdown(report: RenewalReport, templates_dir: Path | None = None) -> str:
    from showcase.render.templates import render

    return render("renewals/renewals.md.j2", {"report": report}, templates_dir)


# --- The calendar ---------------------------------------------------------------------------


def stamp(today: dt.date) -> dt.datetime:
    """DTSTAMP: SOURCE_DATE_EPOCH when set, else midnight UTC of `today`; never the clock,
    so the same profile and `--today` give the same bytes (as `render.pdf.creation_date`)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime(today.year, today.month, today.day, tzinfo=dt.UTC)


def uid(profile_name: str, credential_id: str) -> str:
    """A stable UID: the same person and credential always give the same one."""
    key = profile_name + "\n" + credential_id
    return f"{uuid.uuid5(UID_NAMESPACE, key)}@showcase"


def ics(report: RenewalReport) -> bytes:
    """An RFC 5545 calendar: an all-day event on each expiry date, reminders 90 and 30
    days before. Re-importing it updates the events (stable UIDs) instead of adding more."""
    from icalendar import Alarm, Calendar, Event, vText

    calendar = Calendar()
    calendar.add("prodid", "-//showcase//credential renewals//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # An X- property has no known type, so icalendar writes it raw: a "," or ";" in the
    # name then split the value. As TEXT, they are escaped (RFC 5545, 3.3.11).
    calendar.add("x-wr-calname", vText(f"{report.name}: credential renewals"))
    moment = stamp(report.today)
    for row in report.dated:
        credential = row.credential
        event = Event()
        event.add("uid", uid(report.name, credential.id))
        event.add("dtstamp", moment)
        event.add("dtstart", row.expires)
        event.add("dtend", row.expires + dt.timedelta(days=1))
        guess = " (estimated)" if row.estimated else ""
        event.add("summary", f"{credential.name} expires{guess}")
        description = f"{credential.name} ({credential.issuer}) is valid until " + (
            f"{row.expires.isoformat()}{guess}.\nRenewing: {row.takes}."
        )
        if row.estimated:
            description += "\nEstimated from the issue date: add `expires:` to your profile."
        if row.source:
            description += f"\nSource: {row.source}"
        event.add("description", description)
        event.add("transp", "TRANSPARENT")  # a reminder, not a meeting: never "busy"
        if credential.url:
            event.add("url", credential.url)
        for days in ALARM_DAYS:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"{credential.name} expires in {days} days")
            alarm.add("trigger", dt.timedelta(days=-days))
            event.add_component(alarm)
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def files(report: RenewalReport, templates_dir: Path | None = None) -> dict[str, bytes]:
    """What ``-o DIR`` writes: ``renewals/renewals.ics`` and ``renewals/renewals.md``."""
    return {
        RENEWALS_ICS: ics(report),
        RENEWALS_MD: markdown(report, templates_dir).encode("utf-8"),
    }
