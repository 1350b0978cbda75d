"""`showcase renewals`: when each credential lapses, and what renewing it takes.

Industry certifications in fast fields expire (PMP, CompTIA, AWS, SHRM: every 2-3
years). `renewals` lists every credential with an `expires` date, expired ones
first, then by date, each with the catalog's renewal rule, or says plainly that
the catalog has none. The same rows become a terminal table, a Markdown page and
an RFC 5545 calendar (`ics`) with two reminders per expiry.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from showcase.artifacts.files import RENEWALS_ICS, RENEWALS_MD
from showcase.profile import Credential, LoadedProfile, Status
from showcase.profile.models import Assessment
from showcase.strategy import catalog as cat

# Reminders before each expiry: 90 days leaves time to collect continuing-education
# units (PMP's 60 PDUs, CompTIA's CEUs), 30 days to book an exam or a renewal assessment.
ALARM_DAYS = (90, 30)
# A fixed namespace: a credential's UID is a UUID (RFC 9562, version 5) of the profile's
# name and the credential's id, so importing the calendar again updates its events.
UID_NAMESPACE = uuid.UUID("0b7f6c2e-5d4a-5b8e-9c1f-3a2d6e8b4c70")


@dataclass(frozen=True)
class Renewal:
    """One credential that expires: when, how long from today, and how it is renewed."""

    credential: Credential
    expires: dt.date  # the last day it is valid (`expires: 2027-02` is 28 February 2027)
    days_left: int  # negative once expired, 0 on the last day
    status: Status
    entry: cat.Entry | None  # the catalog entry it was matched to
    rule: cat.RenewalRule | None

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
        if self.expired:
            text += f". If the renewal window has closed, earn it again: {self.re_earn}"
        return text

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


@dataclass
class RenewalReport:
    name: str
    today: dt.date
    rows: list[Renewal]
    never: list[str] = field(default_factory=list)  # names of credentials with no `expires`

    @property
    def expired(self) -> list[Renewal]:
        return [row for row in self.rows if row.expired]


def renewals(loaded: LoadedProfile) -> RenewalReport:
    """Every credential with an `expires` date: expired first, then by date."""
    rows = []
    never = []
    for credential in loaded.profile.credentials:
        if credential.expires is None:
            never.append(credential.name)
            continue
        last = credential.expires.last_day
        entry = cat.match(credential)
        rows.append(
            Renewal(
                credential=credential,
                expires=last,
                days_left=(last - loaded.today).days,
                status=loaded.status(credential),
                entry=entry,
                rule=cat.renewal_rule(entry) if entry is not None else None,
            )
        )
    rows.sort(key=lambda r: (not r.expired, r.expires, r.credential.name.casefold()))
    return RenewalReport(loaded.profile.name, loaded.today, rows, never)


# --- The terminal table and Markdown --------------------------------------------------------


STATUS_WORDS = {Status.EXPIRED: "EXPIRED", Status.EXPIRING: "soon", Status.ACTIVE: "ok"}


def text(report: RenewalReport) -> str:
    """The terminal table: status, date, how long, credential; what renewing takes below."""
    lines = [f"{report.name}: renewals as of {report.today.isoformat()}"]
    if not report.rows:
        lines.append("  no credential has an `expires` date: nothing to renew")
    else:
        table = [("", "expires", "when", "credential")]
        table += [
            (STATUS_WORDS[r.status], r.expires.isoformat(), r.when, r.credential.name)
            for r in report.rows
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
                lines.append("      " + report.rows[index - 1].takes)
    if report.never:
        count = len(report.never)
        lines.append(f"{count} credential{'s' if count != 1 else ''} with no expiry date")
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
    for row in report.rows:
        credential = row.credential
        event = Event()
        event.add("uid", uid(report.name, credential.id))
        event.add("dtstamp", moment)
        event.add("dtstart", row.expires)
        event.add("dtend", row.expires + dt.timedelta(days=1))
        event.add("summary", f"{credential.name} expires")
        description = f"{credential.name} ({credential.issuer}) is valid until " + (
            f"{row.expires.isoformat()}.\nRenewing: {row.takes}."
        )
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
