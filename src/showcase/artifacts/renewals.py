"""The renewals as files: ``renewals/renewals.ics`` (an RFC 5545 calendar, two reminders per
expiry) and ``renewals/renewals.md``."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from pathlib import Path

from showcase.files import RENEWALS_ICS, RENEWALS_MD
from showcase.render.templates import render
from showcase.strategy.renewals import RenewalReport

# Reminders before each expiry: 90 days leaves time to collect continuing-education
# units (PMP's 60 PDUs, CompTIA's CEUs), 30 days to book an exam or a renewal assessment.
ALARM_DAYS = (90, 30)
# A fixed namespace: a credential's UID is a UUID (RFC 9562, version 5) of the profile's
# name and the credential's id, so importing the calendar again updates its events.
UID_NAMESPACE = uuid.UUID("0b7f6c2e-5d4a-5b8e-9c1f-3a2d6e8b4c70")


def markdown(report: RenewalReport, templates_dir: Path | None = None) -> str:
    return render("renewals/renewals.md.j2", {"report": report}, templates_dir)


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
    days before (those still to come: none for an expired credential, whose event stays
    as a record). Re-importing it updates the events (stable UIDs) instead of adding more."""
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
            if row.expires - dt.timedelta(days=days) <= report.today:
                continue  # a reminder already past (an expired credential had two)
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
