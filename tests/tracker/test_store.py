"""The applications store on SQLite: transitions, shapes, round-trip, file mode, versions."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

import pytest
import sqlalchemy as sa

from showcase.tracker import formats
from showcase.tracker import schema as t
from showcase.tracker.statuses import TrackerError
from showcase.tracker.store import NewApplication, Store

DAY = dt.date(2026, 11, 2)


def _store(tmp_path: Path) -> Store:
    return Store(tmp_path / "showcase.db")


def test_file_is_private_and_wal(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        store.add(NewApplication("Analyst", "Acme", on=DAY))
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert stat.S_IMODE(os.stat(tmp_path / "showcase.db").st_mode) == 0o600


def test_transitions_are_checked_and_dated(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        app = store.add(NewApplication("Analyst", "Acme", on=DAY))
        store.update(app, status="interview", on=DAY + dt.timedelta(days=9))
        with pytest.raises(TrackerError, match="cannot go from 'interview' to 'applied'"):
            store.update(app, status="applied")
        store.update(app, status="offer", on=DAY + dt.timedelta(days=20))
        done = store.update(app, status="accepted", on=DAY + dt.timedelta(days=21))
        with pytest.raises(TrackerError, match="'accepted' is final"):
            store.update(app, status="withdrawn")
    assert [(h["status"], h["on"]) for h in done["history"]] == [
        ("applied", "2026-11-02"),
        ("interview", "2026-11-11"),
        ("offer", "2026-11-22"),
        ("accepted", "2026-11-23"),
    ]


def test_json_and_csv_shapes(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
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


def test_export_round_trips_through_import(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        app = store.add(NewApplication("Analyst", "Acme", on=DAY, files={"cv.pdf": b"%PDF-1"}))
        store.update(app, status="screening", contact={"name": "Ann Lee", "role": "Recruiter"})
        exported = store.export()
    (tmp_path / "other").mkdir()
    with Store(tmp_path / "other" / "showcase.db") as other:
        (new_id,) = other.import_(json.loads(json.dumps(exported)))
        assert other.export() == exported
        assert other.file(new_id, "cv.pdf") == b"%PDF-1"


def test_a_tampered_import_is_refused(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        store.add(NewApplication("Analyst", "Acme", on=DAY, files={"cv.pdf": b"%PDF-1"}))
        exported = store.export()
        exported["applications"][0]["files"][0]["sha256"] = "0" * 64
        with pytest.raises(TrackerError, match="does not match its sha256"):
            store.import_(exported)
        assert len(store.listing()) == 1


def test_a_newer_schema_is_a_clear_error(tmp_path: Path) -> None:
    _store(tmp_path).close()
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'showcase.db'}")
    with engine.begin() as conn:
        conn.execute(t.schema_version.update().values(version=t.SCHEMA_VERSION + 1))
    engine.dispose()
    with pytest.raises(TrackerError, match="written by a newer showcase"):
        _store(tmp_path)


def test_follow_ups_calendar_has_alarms(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        app = store.add(NewApplication("Analyst", "Acme", on=DAY))
        store.update(app, follow_up=DAY + dt.timedelta(days=7))
        store.add(NewApplication("Engineer", "Beta", on=DAY))  # no follow-up: no event
        ics = formats.follow_ups_ics(store.listing(), dt.datetime(2026, 11, 2, tzinfo=dt.UTC))
    text = ics.decode()
    assert text.count("BEGIN:VEVENT") == 1
    assert text.count("BEGIN:VALARM") == 2
    assert "DTSTART;VALUE=DATE:20261109" in text
