"""The applications store on SQLite and PostgreSQL: transitions, shapes, round-trip,
file mode, versions."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from showcase.tracker import formats
from showcase.tracker import schema as t
from showcase.tracker.statuses import TrackerError
from showcase.tracker.store import NewApplication, Store
from tests.tracker.conftest import new_database_url

DAY = dt.date(2026, 11, 2)


def test_sqlite_file_is_private_and_wal(tmp_path: Path) -> None:
    with Store(tmp_path / "showcase.db") as store:
        store.add(NewApplication("Analyst", "Acme", on=DAY))
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert stat.S_IMODE(os.stat(tmp_path / "showcase.db").st_mode) == 0o600


def test_reading_a_missing_sqlite_file_does_not_create_it(tmp_path: Path) -> None:
    with pytest.raises(TrackerError, match="no applications database at"):
        Store(tmp_path / "typo.db", create=False)
    assert not (tmp_path / "typo.db").exists()


def test_transitions_are_checked_and_dated(db: str) -> None:
    with Store(db) as store:
        app = store.add(NewApplication("Analyst", "Acme", on=DAY))
        store.update(app, status="interview", on=DAY + dt.timedelta(days=9))
        with pytest.raises(TrackerError, match="cannot go from 'interview' to 'applied'"):
            store.update(app, status="applied")
        store.update(app, status="offer", on=DAY + dt.timedelta(days=20))
        done = store.update(app, status="accepted", on=DAY + dt.timedelta(days=21))
        with pytest.raises(TrackerError, match="'accepted' is final"):
            store.update(app, status="withdrawn")
        with pytest.raises(TrackerError, match="no application 999"):
            store.update(999, note="x")
    assert [(h["status"], h["on"]) for h in done["history"]] == [
        ("applied", "2026-11-02"),
        ("interview", "2026-11-11"),
        ("offer", "2026-11-22"),
        ("accepted", "2026-11-23"),
    ]


def test_a_refused_change_changes_nothing(db: str) -> None:
    """Note, follow-up and a bad status in one update: one transaction, so none is kept."""
    with Store(db) as store:
        app = store.add(NewApplication("Analyst", "Acme", on=DAY))
        with pytest.raises(TrackerError, match="cannot go from 'applied' to 'offer'"):
            store.update(app, note="hopeful", follow_up=DAY, status="offer")
        item = store.get(app)
    assert item["notes"] == [] and item["next_follow_up"] is None
    assert [h["status"] for h in item["history"]] == ["applied"]


def test_json_and_csv_shapes(db: str) -> None:
    with Store(db) as store:
        app = store.add(NewApplication("Analyst", "=Acme", on=DAY, coverage=0.75))
        store.update(app, note="Called Ann", follow_up=DAY + dt.timedelta(days=7), on=DAY)
        items = store.listing()
    data = json.loads(formats.as_json(items))
    assert list(data) == ["applications"]
    assert list(data["applications"][0]) == [
        "id", "title", "company", "status", "applied_on", "next_follow_up", "coverage",
        "history", "notes",
    ]  # fmt: skip
    assert data["applications"][0]["notes"] == [{"on": "2026-11-02", "text": "Called Ann"}]
    assert data["applications"][0]["next_follow_up"] == "2026-11-09"
    rows = formats.as_csv(items).splitlines()
    assert rows[0] == ",".join(formats.CSV_COLUMNS)
    assert rows[1].startswith(f"{app},Analyst,'=Acme,applied,2026-11-02,2026-11-09,0.7500,")


def test_listing_filters_by_status_newest_first(db: str) -> None:
    with Store(db) as store:
        first = store.add(NewApplication("Analyst", "Acme", on=DAY))
        second = store.add(NewApplication("Engineer", "Beta", on=DAY))
        third = store.add(NewApplication("Designer", "Gamma", on=DAY))
        store.update(second, status="interview", on=DAY)
        assert [i["id"] for i in store.listing()] == [third, second, first]
        only = store.listing(status=["Interview"])
        assert [i["id"] for i in only] == [second]
        assert [h["status"] for h in only[0]["history"]] == ["applied", "interview"]
        assert [i["id"] for i in store.find("ANALYST", "acme")] == [first]


def test_export_round_trips_through_import(db: str, tmp_path: Path) -> None:
    with Store(db) as store:
        app = store.add(NewApplication("Analyst", "Acme", on=DAY, files={"cv.pdf": b"%PDF-1"}))
        store.update(app, status="screening", contact={"name": "Ann Lee", "role": "Recruiter"})
        store.update(app, note="Ünïcode ✓", follow_up=DAY + dt.timedelta(days=3))
        exported = store.export()
    (tmp_path / "other").mkdir()
    with Store(tmp_path / "other" / "showcase.db") as other:
        (new_id,) = other.import_(json.loads(json.dumps(exported)))
        assert other.export() == exported
        assert other.file(new_id, "cv.pdf") == b"%PDF-1"


def test_a_tampered_import_is_refused(db: str) -> None:
    with Store(db) as store:
        store.add(NewApplication("Analyst", "Acme", on=DAY, files={"cv.pdf": b"%PDF-1"}))
        exported = store.export()
        exported["applications"][0]["files"][0]["sha256"] = "0" * 64
        with pytest.raises(TrackerError, match="does not match its sha256"):
            store.import_(exported)
        assert len(store.listing()) == 1


def test_a_newer_schema_is_a_clear_error(db: str) -> None:
    with Store(db) as store, store.engine.begin() as conn:
        conn.execute(t.schema_version.update().values(version=t.SCHEMA_VERSION + 1))
    with pytest.raises(TrackerError, match="written by a newer showcase"):
        Store(db)


def test_reopening_migrates_nothing_twice(db: str) -> None:
    with Store(db) as store:
        store.add(NewApplication("Analyst", "Acme", on=DAY))
    with Store(db) as store:
        with store.engine.connect() as conn:
            versions = conn.execute(t.schema_version.select()).all()
        assert [v.version for v in versions] == [t.SCHEMA_VERSION]
        assert len(store.listing()) == 1


@pytest.mark.parametrize(
    "url",
    ["mysql://x/y", "postgresql://nobody@/nowhere?host=/nonexistent-socket-dir"],
)
def test_a_bad_url_is_a_clear_error(url: str) -> None:
    with pytest.raises(TrackerError) as raised:
        Store(url)
    assert raised.value.format_message().startswith(("--db", "database postgresql://"))


def test_follow_ups_calendar_has_alarms(db: str) -> None:
    with Store(db) as store:
        app = store.add(NewApplication("Analyst", "Acme", on=DAY))
        store.update(app, follow_up=DAY + dt.timedelta(days=7))
        store.add(NewApplication("Engineer", "Beta", on=DAY))  # no follow-up: no event
        done = store.add(NewApplication("Designer", "Gamma", on=DAY))
        store.update(done, status="rejected", follow_up=DAY)  # final: no event
        ics = formats.follow_ups_ics(store.listing(), dt.datetime(2026, 11, 2, tzinfo=dt.UTC))
    text = ics.decode()
    assert text.count("BEGIN:VEVENT") == 1
    assert text.count("BEGIN:VALARM") == 2
    assert "DTSTART;VALUE=DATE:20261109" in text
    assert "TRIGGER:-PT15H" in text  # 9:00 the day before


def test_each_test_database_is_new(tmp_path: Path) -> None:
    """The fixture's databases are separate: what one test writes another never sees."""
    first = new_database_url(tmp_path, "sqlite")
    url = next(first)
    with Store(url) as store:
        store.add(NewApplication("Analyst", "Acme", on=DAY))
    first.close()
    (tmp_path / "b").mkdir()
    with Store(next(new_database_url(tmp_path / "b", "sqlite"))) as store:
        assert store.listing() == []


def test_a_missing_postgres_server_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.tracker.conftest import POSTGRES_ENV, postgres_url

    monkeypatch.delenv(POSTGRES_ENV, raising=False)
    monkeypatch.delenv("SHOWCASE_REQUIRE_POSTGRES", raising=False)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        postgres_url()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="PostgreSQL is required"):
        postgres_url()
    ci = (Path(__file__).parents[2] / ".ci" / "run").read_text(encoding="utf-8")
    assert "start_postgres" in ci and "trap stop_postgres EXIT" in ci
    assert "export SHOWCASE_REQUIRE_POSTGRES=1" in ci


def test_a_status_change_cannot_predate_the_last(db: str) -> None:
    with Store(db) as store:
        app = store.add(NewApplication("Analyst", "Acme", on=DAY))
        with pytest.raises(TrackerError, match="is before the application's last status change"):
            store.update(app, status="interview", on=DAY - dt.timedelta(days=1))
        same_day = store.update(app, status="screening", on=DAY)
        # A note may be about anything earlier.
        noted = store.update(app, note="sent a thank-you", on=DAY - dt.timedelta(days=5))
    assert same_day["status"] == "screening"
    assert noted["notes"] == [{"on": "2026-10-28", "text": "sent a thank-you"}]


def test_an_error_never_shows_the_password() -> None:
    with pytest.raises(TrackerError) as raised:
        Store("postgresql://coach:s3cret-pw@127.0.0.1:1/cohort")
    message = raised.value.format_message()
    assert "s3cret-pw" not in message and "coach:***@127.0.0.1:1/cohort" in message


def test_listing_one_persons_applications(db: str) -> None:
    """A career centre's database: each person sees theirs (and unattributed ones)."""
    with Store(db) as store:
        sam = store.add(NewApplication("Analyst", "Acme", on=DAY, profile="Sam Lee"))
        store.add(NewApplication("Engineer", "Beta", on=DAY, profile="Jordan Rivera"))
        anyone = store.add(NewApplication("Designer", "Gamma", on=DAY))
        store.update(sam, note="for Sam only")
        mine = store.listing(person="Sam Lee")
        assert [i["id"] for i in mine] == [anyone, sam]
        assert mine[1]["notes"][0]["text"] == "for Sam only"
        assert len(store.listing()) == 3
        assert store.listing(person="Sam Lee", status=["interview"]) == []


def test_integrity_check_finds_a_status_its_history_does_not_end_with(db: str) -> None:
    with Store(db) as store:
        app = store.add(NewApplication("Analyst", "Acme", on=DAY))
        store.update(app, status="screening", on=DAY)
        assert store.integrity_problems() == []
        with store.engine.begin() as conn:  # a half-written change, by hand
            conn.execute(t.applications.update().values(status="interview"))
        assert store.integrity_problems() == [
            f"application {app} is 'interview' but its history ends otherwise"
        ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda s, a: s.add(NewApplication("Analyst\x1b[2J", "Acme", on=DAY)), "title"),
        (lambda s, a: s.add(NewApplication("Analyst", "Acme\x07", on=DAY)), "company"),
        (lambda s, a: s.update(a, note="call back \x1b]0;owned\x07"), "note"),
        (lambda s, a: s.update(a, contact={"name": "Ann\x1b[31m Lee"}), "contact's name"),
        (lambda s, a: s.update(a, contact={"name": "Ann", "email": "a\x00@x.example"}), "email"),
    ],
)
def test_text_with_control_characters_is_refused(db: str, change: Any, message: str) -> None:
    """`applications show` and `list` print what was stored: an escape sequence in a note
    (in a career centre's shared database, anyone's) would drive the reader's terminal."""
    with Store(db) as store:
        app = store.add(NewApplication("Analyst", "Acme", on=DAY))
        before = store.export()
        with pytest.raises(TrackerError, match=rf"{message}: .*control character U\+00"):
            change(store, app)
        assert store.export() == before


def test_an_import_with_control_characters_is_refused(db: str) -> None:
    with Store(db) as store:
        app = store.add(NewApplication("Analyst", "Acme", on=DAY))
        store.update(app, note="Tabs\tand\nlines are text")
        exported = store.export()
        exported["applications"][0]["notes"][0]["text"] = "\x1b[2J"
        with pytest.raises(TrackerError, match=r"note: .*control character U\+001B"):
            store.import_(exported)
        assert len(store.listing()) == 1
