"""`showcase applications` (`cli/applications.py`): what its commands read and print."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path
from typing import Any

import pytest

from showcase import reading
from showcase.tracker.store import NewApplication, Store
from tests.cli.test_apply import DAY, run
from tests.tracker.conftest import db as db  # the fixture: both backends


def test_import_from_a_pipe_nobody_writes_to_gives_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A named pipe is read as every other input is (showcase/reading.py): it waited
    for a writer forever."""
    monkeypatch.setattr(reading, "PIPE_WAIT_SECONDS", 0.2)
    pipe = tmp_path / "export.json"
    os.mkfifo(pipe)
    done: list[int] = []
    worker = threading.Thread(
        target=lambda: done.append(
            run("applications", "import", str(pipe), "--db", str(tmp_path / "t.db")).exit_code
        ),
        daemon=True,
    )
    worker.start()
    worker.join(timeout=10)
    gave_up = list(done)
    if not done:  # unblock the reader, or the test run would hang with it
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(timeout=5)
    assert gave_up == [1]
    assert not (tmp_path / "t.db").exists()


def test_import_of_a_device_that_never_ends_is_refused(tmp_path: Path) -> None:
    result = run("applications", "import", "/dev/zero", "--db", str(tmp_path / "t.db"))
    assert result.exit_code == 1 and "larger than 256 MiB" in result.output


def test_the_calendar_counts_its_events_not_the_words_in_a_title(db: str) -> None:
    """The count said it found "BEGIN:VEVENT" three times for two events when a title
    held those words."""
    with Store(db) as store:
        first = store.add(NewApplication("Analyst BEGIN:VEVENT", "Acme", on=DAY))
        second = store.add(NewApplication("Engineer", "Beta", on=DAY))
    for app in (first, second):
        run("applications", "update", str(app), "--follow-up", "2026-11-20", "--db", db)
    result = run("applications", "calendar", "-o", "-", "--db", db)
    assert result.exit_code == 0
    assert result.stdout.count("\nBEGIN:VEVENT") == 2
    assert "2 follow-ups in the calendar" in result.stderr


@pytest.mark.parametrize("command", ["show", "update"])
def test_an_id_too_large_for_the_database_is_a_usage_error(db: str, command: str) -> None:
    """It was an internal error: OverflowError, Python int too large to convert to SQLite
    INTEGER."""
    with Store(db) as store:
        store.add(NewApplication("Analyst", "Acme", on=DAY))
    change = ["--note", "x"] if command == "update" else []
    result = run("applications", command, "99999999999999999999", *change, "--db", db)
    assert result.exit_code == 2, result.output
    assert "99999999999999999999" in result.output and "Internal error" not in result.output


@pytest.mark.parametrize(
    "args",
    [
        ("update", "{id}", "--note", "bad \udcff byte"),
        ("update", "{id}", "--contact", "Ann \udcff"),
        ("update", "{id}", "--contact", "Ann", "--role", "\udcff"),
        ("list", "--person", "\udcff"),
    ],
)
def test_bytes_that_are_not_utf8_are_a_clear_error_not_an_internal_one(
    db: str, args: tuple[str, ...]
) -> None:
    """A terminal in another encoding passes bytes Python keeps as lone surrogates: the
    database refused them with an "Internal error" (exit 2). QA, 2026-12-06."""
    with Store(db) as store:
        app = store.add(NewApplication("Analyst", "Acme", on=DAY))
    result = run("applications", *[a.format(id=app) for a in args], "--db", db)
    assert result.exit_code == 2  # a usage error, named
    assert "is not UTF-8 text" in result.output and "Internal error" not in result.output


def test_an_export_with_a_lone_surrogate_is_refused_whole(tmp_path: Path, db: str) -> None:
    import json

    with Store(db) as store:
        store.add(NewApplication("Analyst", "Acme", on=DAY))
    export = tmp_path / "export.json"
    assert run("applications", "export", "-o", str(export), "--db", db).exit_code == 0
    data = json.loads(export.read_text("utf-8"))
    data["applications"][0]["title"] = "\ud800"
    export.write_text(json.dumps(data), "utf-8")
    result = run("applications", "import", str(export), "--db", db)
    assert result.exit_code == 1 and "lone surrogate" in result.output


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (
            lambda a: a["files"].append(dict(a["files"][0])),
            "has two files named 'resume.pdf'",
        ),
        (lambda a: a["files"][0].update(name="a\nb.pdf"), "is not a plain file name"),
        (lambda a: a["files"][0].update(name=".bashrc"), "is not a plain file name"),
        (lambda a: a["files"][0].update(content="%%%"), "its content is not base64"),
        (lambda a: a.update(history=["applied"]), "not shaped as `applications export`"),
        (lambda a: a.update(notes=[{"on": "2026-11-20", "text": 5}]), "5 is not text"),
    ],
)
def test_an_export_shaped_wrong_is_refused_in_words(
    tmp_path: Path, db: str, change: Any, said: str
) -> None:
    """Two files of one name (`show --files` wrote one), a name with a line break (it
    forged a line of `show`), a hidden file, and Python's own words ("string indices
    must be integers") in the messages (QA, 2026-12-06)."""
    import base64
    import json

    from showcase.tracker.store import sha256

    content = b"%PDF-1.7 resume"
    export: dict[str, Any] = {
        "showcase_applications": 1,
        "applications": [
            {
                "title": "Analyst",
                "company": "Acme",
                "status": "applied",
                "history": [{"status": "applied", "on": "2026-11-20"}],
                "files": [
                    {
                        "name": "resume.pdf",
                        "sha256": sha256(content),
                        "content": base64.b64encode(content).decode(),
                    }
                ],
            }
        ],
    }
    change(export["applications"][0])
    path = tmp_path / "export.json"
    path.write_text(json.dumps(export), "utf-8")
    result = run("applications", "import", str(path), "--db", db)
    assert result.exit_code == 1, result.output
    assert said in result.output and "Traceback" not in result.output
    # The file is named first: "export.json: application 1: ...".
    assert f"{path}: application 1: " in " ".join(result.output.split())


@pytest.mark.parametrize("command", ["calendar", "export"])
def test_force_never_replaces_a_pipe_or_a_link_unasked(
    tmp_path: Path, db: str, command: str
) -> None:
    """`calendar -o f.ics --force` turned a named pipe into a file (and, as root,
    `-o /dev/full --force` the device); a link to nothing was replaced without --force
    (QA, 2026-12-06)."""
    with Store(db) as store:
        app = store.add(NewApplication("Analyst", "Acme", on=DAY))
    run("applications", "update", str(app), "--follow-up", "2026-11-20", "--db", db)
    pipe = tmp_path / "out.fifo"
    os.mkfifo(pipe)
    result = run("applications", command, "-o", str(pipe), "--force", "--db", db)
    assert result.exit_code == 1 and "is not a regular file" in result.output
    assert pipe.is_fifo()
    link = tmp_path / "dangling"
    link.symlink_to(tmp_path / "missing")
    result = run("applications", command, "-o", str(link), "--db", db)
    assert result.exit_code == 1 and link.is_symlink()


def test_another_programs_database_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    """`applications list --db foreign.db` switched another program's SQLite file to WAL
    and added showcase's tables to it (QA, 2026-12-06)."""
    import sqlite3

    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE notes (text)")
    for command in (("list",), ("update", "1", "--note", "hi"), ("export", "-o", "-")):
        result = run("applications", *command, "--db", str(foreign))
        assert result.exit_code == 1
        assert "not a showcase applications database" in result.output
    conn = sqlite3.connect(foreign)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["notes"]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    pipe = tmp_path / "pipe.db"  # as /dev/null, where SQLite made /dev/null-journal
    os.mkfifo(pipe)
    result = run("applications", "list", "--db", str(pipe))
    assert result.exit_code == 1 and "not a file" in result.output
    assert not (tmp_path / "pipe.db-journal").exists()


def test_an_export_is_as_private_as_the_database(tmp_path: Path) -> None:
    """The export holds what the database holds (contacts, notes, the files sent), and the
    database is readable by its owner only; the export was written 0644, readable by all."""
    db = str(tmp_path / "showcase.db")
    with Store(db) as store:
        store.add(NewApplication("Analyst", "Acme", on=DAY))
    export = tmp_path / "applications.json"
    assert run("applications", "export", "-o", str(export), "--db", db).exit_code == 0
    assert stat.S_IMODE(export.stat().st_mode) == 0o600
    export.chmod(0o644)  # replaced with --force: private again
    assert run("applications", "export", "-o", str(export), "--force", "--db", db).exit_code == 0
    assert stat.S_IMODE(export.stat().st_mode) == 0o600
