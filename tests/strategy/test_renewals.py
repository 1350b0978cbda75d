"""`showcase renewals`: expired first, then by date; the catalog's rule or a plain "none";
a calendar that parses back, reminds twice and updates on re-import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from icalendar import Calendar

from showcase.artifacts.renewals import uid
from showcase.cli import cli
from showcase.strategy.renewals import renewals
from tests.conftest import EXAMPLES
from tests.helpers import load, write_profile

TODAY = "2026-11-28"

PROFILE = """
name: Casey Morgan
credentials:
  - id: old-security
    name: Security+
    issuer: CompTIA
    kind: certification
    issued: 2012-03
    expires: 2015-03
    assessment: exam
  - id: pmp
    name: Project Management Professional (PMP)
    issuer: Project Management Institute
    kind: certification
    issued: 2024-05-20
    expires: 2027-05-20
    post_nominal: PMP
  - id: today
    name: Acme Widget Certification
    issuer: Acme Institute
    issued: 2025-11-28
    expires: 2026-11-28
  - id: lapsed-letters
    name: Something Else
    issuer: Society for Human Resource Management
    kind: certification
    post_nominal: SHRM-CP
    issued: 2022-01
    expires: 2025-06
  - id: forever
    name: Data Basics
    issuer: Example Academy
    issued: 2024
"""


def run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(cli, ["renewals", *args], catch_exceptions=False)


def test_expired_first_then_by_date(tmp_path: Path) -> None:
    report = renewals(load(tmp_path, PROFILE))
    assert [r.credential.id for r in report.rows] == [
        "old-security",  # expired 2015
        "lapsed-letters",  # expired 2025
        "today",
        "pmp",
    ]
    assert report.never == ["Data Basics"]


def test_each_row_says_what_renewing_takes(tmp_path: Path) -> None:
    rows = {r.credential.id: r for r in renewals(load(tmp_path, PROFILE)).rows}
    # Matched by issuer and name ("CompTIA" + "Security+"), expired long ago: renew or re-earn.
    old = rows["old-security"]
    assert old.entry is not None and old.entry.id == "comptia-security-plus"
    assert old.expired and old.days_left < -4000 and old.when.endswith("days ago")
    assert "CompTIA Continuing Education program" in old.takes
    assert "earn it again: pass the current exam" in old.takes
    # Matched by its letters and issuer.
    assert rows["lapsed-letters"].entry is not None
    assert rows["lapsed-letters"].entry.id == "shrm-cp"
    assert rows["pmp"].entry is not None and rows["pmp"].entry.id == "pmp"
    assert "60 PDUs" in rows["pmp"].takes
    # Expiring today: still valid, zero days left.
    today = rows["today"]
    assert (today.days_left, today.when, today.expired) == (0, "today", False)
    assert "not in showcase's catalog, so no renewal rule is known" in today.takes


def test_terminal_table(tmp_path: Path) -> None:
    result = run(str(write_profile(tmp_path, PROFILE)), "--today", TODAY)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"Casey Morgan: renewals as of {TODAY}"
    assert lines[2].split()[:2] == ["EXPIRED", "2015-03-31"]
    assert "1 credential with no expiry date" in result.stdout
    # The profile's own warnings (expired, expiring) go to standard error; --strict fails.
    assert "expired Mar 2015" in result.stderr
    assert run(str(write_profile(tmp_path, PROFILE)), "--today", TODAY, "--strict").exit_code == 1


NEVER = "name: A\ncredentials:\n  - {name: X, issuer: Y, issued: 2024}\n"


def test_no_expiry_at_all(tmp_path: Path) -> None:
    result = run(str(write_profile(tmp_path, NEVER)), "--today", TODAY)
    assert result.exit_code == 0
    assert "nothing to renew" in result.stdout


def test_a_credential_without_issue_date_is_refused_at_its_line(tmp_path: Path) -> None:
    text = "name: A\ncredentials:\n  - name: X\n    issuer: Y\n    expires: 2027-01\n"
    result = run(str(write_profile(tmp_path, text)), "--today", TODAY)
    assert result.exit_code == 1
    assert "profile.yaml:3:5: error: credentials[0].issued: missing required field" in (
        result.stderr
    )


@pytest.fixture
def calendar_dir(tmp_path: Path) -> Path:
    profile = write_profile(tmp_path, PROFILE)
    result = run(str(profile), "--today", TODAY, "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "renewals/renewals.ics" in result.stdout
    return tmp_path


def test_the_calendar_parses_back_with_two_alarms_per_expiry_to_come(calendar_dir: Path) -> None:
    data = (calendar_dir / "out" / "renewals" / "renewals.ics").read_bytes()
    calendar = Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 4
    by_uid = {str(e["UID"]): e for e in events}
    pmp = by_uid[uid("Casey Morgan", "pmp")]
    assert pmp.decoded("DTSTART") == dt.date(2027, 5, 20)  # all day: a date, not a time
    assert pmp.decoded("DTEND") == dt.date(2027, 5, 21)
    assert "Renewing: Earn 60 PDUs" in str(pmp["DESCRIPTION"])
    for event in events:
        alarms = list(event.walk("VALARM"))
        triggers = sorted(a.decoded("TRIGGER") for a in alarms)
        if event.decoded("DTSTART") > dt.date(2027, 3, 1):  # both reminders still to come
            assert triggers == [dt.timedelta(days=-90), dt.timedelta(days=-30)]
        else:  # expired, or expiring today: its reminders are past
            assert triggers == []
        assert all(str(a["ACTION"]) == "DISPLAY" for a in alarms)
        assert event.decoded("DTSTAMP") == dt.datetime(2026, 11, 28, tzinfo=dt.UTC)
    markdown = (calendar_dir / "out" / "renewals" / "renewals.md").read_text()
    assert markdown.index("Security+") < markdown.index("Project Management Professional")


def test_uids_and_bytes_are_stable_across_runs(calendar_dir: Path) -> None:
    ics = calendar_dir / "out" / "renewals" / "renewals.ics"
    first = ics.read_bytes()
    profile = str(calendar_dir / "profile.yaml")
    assert run(profile, "--today", TODAY, "-o", str(calendar_dir / "out")).exit_code == 0
    assert ics.read_bytes() == first  # the same --today: the same bytes
    later = calendar_dir / "later"
    assert run(profile, "--today", "2027-01-15", "-o", str(later)).exit_code == 0
    uids = [str(e["UID"]) for e in Calendar.from_ical(first).walk("VEVENT")]
    again = Calendar.from_ical((later / "renewals" / "renewals.ics").read_bytes())
    assert sorted(uids) == sorted(str(e["UID"]) for e in again.walk("VEVENT"))
    assert len(set(uids)) == len(uids)


def test_source_date_epoch_sets_the_stamp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    profile = write_profile(tmp_path, PROFILE)
    assert run(str(profile), "--today", TODAY, "-o", str(tmp_path / "out")).exit_code == 0
    calendar = Calendar.from_ical((tmp_path / "out" / "renewals" / "renewals.ics").read_bytes())
    stamps = {e.decoded("DTSTAMP") for e in calendar.walk("VEVENT")}
    assert stamps == {dt.datetime(2026, 1, 1, tzinfo=dt.UTC)}


def test_build_adds_the_renewals_card_only_when_something_expires(tmp_path: Path) -> None:
    from showcase.artifacts.build import build_profile, no_layout
    from showcase.profile import load_profile

    today = dt.date(2026, 11, 28)
    priya = build_profile(
        load_profile(EXAMPLES / "priya-raman.yaml", today=today), pdf_job=no_layout
    )
    assert "renewals/renewals.ics" in priya.files
    index = priya.files["index.html"].decode()
    assert 'id="renewals"' in index and 'href="renewals/renewals.ics"' in index
    card = index[index.index('id="renewals"') :]
    assert card.index("SHRM Certified Professional") < card.index("Earn 60 PDUs")
    minimal = build_profile(load(tmp_path, NEVER), pdf_job=no_layout)
    assert "renewals/renewals.ics" not in minimal.files
    assert 'id="renewals"' not in minimal.files["index.html"].decode()


def test_what_renewing_takes_starts_each_paragraph_as_a_sentence(tmp_path: Path) -> None:
    """In renewals.md each rule is a paragraph of its own: it begins with a capital, also
    the ones showcase words itself ("The catalog knows ... ask Meta")."""
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli,
        ["renewals", str(EXAMPLES / "jordan-rivera.yaml"), "-o", str(out), "--today", "2026-11-28"],
    )
    assert result.exit_code == 0, result.output
    text = (out / "renewals" / "renewals.md").read_text("utf-8")
    section = text.split("## What renewing takes", 1)[1]
    paragraphs = [p for p in section.split("\n\n") if p.strip() and not p.startswith("#")]
    assert paragraphs
    starts = [p.strip()[:1] for p in paragraphs]
    assert all(s.isupper() for s in starts), paragraphs
    assert "hl=" not in text


def test_the_calendar_name_escapes_commas_and_semicolons(tmp_path: Path) -> None:
    """Before: ``X-WR-CALNAME:Lee, Sam; CPA: credential renewals`` (RFC 5545 TEXT needs
    ``\\,`` and ``\\;``)."""
    from showcase.artifacts.renewals import ics
    from showcase.strategy.renewals import renewals

    loaded = load(
        tmp_path,
        """
        name: Lee, Sam; CPA
        credentials:
          - name: CompTIA A+
            issuer: CompTIA
            issued: 2026-06
            expires: 2029-06
        """,
    )
    calendar = ics(renewals(loaded)).decode("utf-8")
    (line,) = [line for line in calendar.splitlines() if line.startswith("X-WR-CALNAME")]
    assert line == "X-WR-CALNAME:Lee\\, Sam\\; CPA: credential renewals"


def test_reminders_already_past_are_left_out(tmp_path: Path) -> None:
    """An expired credential's event kept its two reminders, months in the past, and one
    due in 20 days its 90-day one (QA, 2026-12-06): only those still to come are set."""
    profile = tmp_path / "profile.yaml"
    profile.write_text(
        """name: Sam Lee
credentials:
  - {id: old, name: CompTIA A+, issuer: CompTIA, issued: 2019-04, expires: 2022-04}
  - {id: soon, name: BLS Provider, issuer: American Heart Association, issued: 2025-01,
     expires: 2026-12-26}
  - {id: later, name: ACLS Provider, issuer: American Heart Association, issued: 2025-06,
     expires: 2027-06}
""",
        encoding="utf-8",
    )
    assert run(str(profile), "--today", "2026-12-06", "-o", str(tmp_path / "out")).exit_code == 0
    calendar = Calendar.from_ical((tmp_path / "out" / "renewals" / "renewals.ics").read_bytes())
    by_uid = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    alarms = {
        key: sorted(a.decoded("TRIGGER") for a in by_uid[uid("Sam Lee", key)].walk("VALARM"))
        for key in ("old", "soon", "later")
    }
    assert alarms == {
        "old": [],  # the event stays, as a record of the day
        "soon": [],  # 20 days away: both reminders are past
        "later": [dt.timedelta(days=-90), dt.timedelta(days=-30)],
    }
