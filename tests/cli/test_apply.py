"""`showcase apply` and `showcase applications`, as a user meets them, on both backends."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import stat
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from showcase.cli import cli
from showcase.files import match_files
from showcase.tracker import schema as t
from showcase.tracker.store import NewApplication, Store, sha256
from tests.conftest import EXAMPLES, ROOT
from tests.tracker.conftest import db as db  # the fixture: both backends

POSTINGS = ROOT / "tests" / "data" / "postings"
DAY = dt.date(2026, 11, 2)


def run(*args: str, env: dict[str, str] | None = None) -> click.testing.Result:
    return CliRunner(env=env).invoke(cli, list(args), catch_exceptions=False)


def _seed(db: str) -> list[int]:
    with Store(db) as store:
        first = store.add(NewApplication("Data Analyst", "Acme", on=DAY, coverage=0.5))
        second = store.add(NewApplication("Engineer", "Beta", on=DAY + dt.timedelta(days=3)))
    return [first, second]


@pytest.mark.slow
def test_apply_to_offer(db: str, tmp_path: Path) -> None:
    """The README's walk-through: apply, interview, offer; the kit and the copies kept."""
    profile = tmp_path / "jordan.yaml"
    shutil.copy(EXAMPLES / "jordan-rivera.yaml", profile)
    posting = POSTINGS / "01-acme-outdoor.txt"
    out = tmp_path / "out"
    result = run(
        "apply", str(profile), str(posting), "-o", str(out), "--db", db,
        "--on", "2026-11-20", "--url", "https://acme.example/jobs/1", "--today", "2026-11-20",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        "Application 1: Digital Marketing Manager at Acme Outdoor Co., applied on 2026-11-20, "
        "match 59%\n"  # "5+ years in digital marketing": in no job, so short
    )
    kit = out / "for-01-acme-outdoor"
    pdf = kit / "Jordan-Rivera-Resume.pdf"
    with Store(db) as store:
        item = store.get(1, full=True)
        assert item["url"] == "https://acme.example/jobs/1"
        assert item["posting_name"] == posting.name
        assert "Company: Acme Outdoor Co." in item["posting_text"]
        assert {f["name"]: f["sha256"] for f in item["files"]} == {
            "Jordan-Rivera-Resume.pdf": sha256(pdf.read_bytes()),
            "Jordan-Rivera-Resume.docx": sha256((kit / "Jordan-Rivera-Resume.docx").read_bytes()),
        }
        assert store.file(1, pdf.name) == pdf.read_bytes()
        report = json.loads((kit / match_files("01-acme-outdoor")["json"]).read_text())
        assert item["coverage"] == pytest.approx(report["coverage"])

    again = run("apply", str(profile), str(posting), "-o", str(out), "--db", db)
    assert again.exit_code == 1
    assert "already recorded as application 1 (applied)" in again.output
    assert "kit:" not in again.output  # refused before building anything
    built = pdf.stat().st_mtime_ns
    second = run(
        "apply", str(profile), str(posting), "-o", str(out), "--db", db, "--again",
        "--today", "2026-11-20", "--on", "2026-11-21",
    )  # fmt: skip
    assert second.exit_code == 0, second.output
    assert "Application 2:" in second.output
    assert f"kit: {kit} (already built: reused as it was)" in second.output
    assert pdf.stat().st_mtime_ns == built
    with Store(db) as store:
        assert store.get(2, full=True)["files"] == item["files"]  # the same bytes were sent

    steps = [
        ("--status", "interview", "--on", "2026-11-28", "--follow-up", "+3"),
        ("--note", "Panel: data team, 45 minutes", "--on", "2026-12-01"),
        ("--status", "offer", "--on", "2026-12-05", "--follow-up", "none"),
    ]
    for step in steps:
        result = run("applications", "update", "1", *step, "--db", db)
        assert result.exit_code == 0, result.output
    shown = json.loads(run("applications", "show", "1", "--format", "json", "--db", db).output)
    assert shown["status"] == "offer"
    assert shown["next_follow_up"] is None
    assert [(h["status"], h["on"]) for h in shown["history"]] == [
        ("applied", "2026-11-20"),
        ("interview", "2026-11-28"),
        ("offer", "2026-12-05"),
    ]
    assert shown["notes"] == [{"on": "2026-12-01", "text": "Panel: data team, 45 minutes"}]
    sent = tmp_path / "sent"
    assert run("applications", "show", "1", "--files", str(sent), "--db", db).exit_code == 0
    assert (sent / pdf.name).read_bytes() == pdf.read_bytes()


@pytest.mark.slow
def test_apply_keeps_the_database_beside_the_profile(tmp_path: Path) -> None:
    folder = tmp_path / "me"
    folder.mkdir()
    profile = folder / "profile.yaml"
    shutil.copy(EXAMPLES / "minimal.yaml", profile)
    result = run(
        "apply", str(profile), str(POSTINGS / "02-northwind-retail.md"),
        "-o", str(tmp_path / "out"), "--status", "saved",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Performance Marketing Manager at Northwind Retail, saved" in result.output
    database = folder / "showcase.db"
    assert stat.S_IMODE(os.stat(database).st_mode) == 0o600
    listed = run("applications", "list", "--format", "json", "--db", str(database))
    (item,) = json.loads(listed.output)["applications"]
    assert item["status"] == "saved" and item["applied_on"] is None


def test_apply_refuses_a_posting_without_company_before_building(tmp_path: Path) -> None:
    posting = tmp_path / "job.txt"
    posting.write_text("Data Analyst\n\nWe want SQL, Python and Tableau.\n", encoding="utf-8")
    db = tmp_path / "apps.db"
    result = run(
        "apply", str(EXAMPLES / "minimal.yaml"), str(posting), "-o", str(tmp_path / "o"),
        "--db", str(db),
    )  # fmt: skip
    assert result.exit_code == 1
    assert "does not say its company; give --company" in result.output
    with Store(db) as store:
        assert store.listing() == []


def test_an_empty_posting_is_named_as_apply_names_it(tmp_path: Path) -> None:
    """`apply` takes the posting as POSTING, not --for: the message says so."""
    posting = tmp_path / "job.txt"
    posting.write_text("", encoding="utf-8")
    result = run(
        "apply", str(EXAMPLES / "minimal.yaml"), str(posting), "-o", str(tmp_path / "o"),
        "--db", str(tmp_path / "apps.db"),
    )  # fmt: skip
    assert result.exit_code == 1
    assert f"POSTING {posting}: empty" in result.output and "--for" not in result.output
    assert "Traceback" not in result.output


def test_apply_takes_title_and_company_as_one_line(tmp_path: Path) -> None:
    """A line break in --title or --company split `list`'s row and let the same job be
    recorded twice; now it is one space, and the job already tracked is refused."""
    posting = tmp_path / "job.txt"
    posting.write_text("Data Analyst\n\nWe want SQL, Python and Tableau.\n", encoding="utf-8")
    db = str(tmp_path / "apps.db")
    with Store(db) as store:
        store.add(NewApplication("Data Analyst", "Acme Corp", on=DAY))
    result = run(
        "apply", str(EXAMPLES / "minimal.yaml"), str(posting), "-o", str(tmp_path / "o"),
        "--db", db, "--title", "Data\nAnalyst", "--company", "Acme\r\n  Corp",
    )  # fmt: skip
    assert result.exit_code == 1
    assert "Data Analyst at Acme Corp is already recorded" in result.output
    assert not (tmp_path / "o").exists()


def test_apply_with_an_unreadable_posting_is_a_clear_error(tmp_path: Path) -> None:
    result = run(
        "apply", str(EXAMPLES / "minimal.yaml"), str(tmp_path / "missing.txt"),
        "--db", str(tmp_path / "apps.db"),
    )  # fmt: skip
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "missing.txt" in result.output
    assert not (tmp_path / "apps.db").exists()


def test_list_formats(db: str) -> None:
    first, second = _seed(db)
    table = run("applications", "list", "--db", db, "--today", "2026-11-12").output
    assert table.splitlines() == [
        "ID  STATUS   APPLIED     DAYS  FOLLOW UP  MATCH  JOB",
        f"{second}   applied  2026-11-05  7     -          -      Engineer at Beta",
        f"{first}   applied  2026-11-02  10    -          50%    Data Analyst at Acme",
    ]
    data = json.loads(run("applications", "list", "--format", "json", "--db", db).output)
    assert [a["id"] for a in data["applications"]] == [second, first]
    csv_rows = run("applications", "list", "--format", "csv", "--db", db).output.splitlines()
    assert csv_rows[0].startswith("id,title,company,status")
    assert len(csv_rows) == 3
    run("applications", "update", str(first), "--status", "no-reply", "--db", db)
    only = run("applications", "list", "--status", "No Reply", "--format", "json", "--db", db)
    assert [a["id"] for a in json.loads(only.output)["applications"]] == [first]


def test_update_contact_note_follow_up(db: str) -> None:
    first, _ = _seed(db)
    result = run(
        "applications", "update", str(first), "--db", db, "--on", "2026-11-10",
        "--contact", "Ann Lee", "--role", "Recruiter", "--email", "ann@acme.example",
        "--linkedin", "https://www.linkedin.com/in/annlee", "--note", "Called Ann",
        "--follow-up", "+7",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (
        "Ann Lee (Recruiter, ann@acme.example, https://www.linkedin.com/in/annlee)" in result.output
    )
    assert "next follow-up: 2026-11-17" in result.output
    assert "2026-11-10  Called Ann" in result.output
    shown = json.loads(
        run("applications", "show", str(first), "--format", "json", "--db", db).output
    )
    assert shown["contacts"][0]["email"] == "ann@acme.example"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("update", "1", "--status", "offer"), "cannot go from 'applied' to 'offer'"),
        (("update", "99", "--note", "x"), "no application 99"),
        (("show", "99"), "no application 99"),
        (("update", "1", "--status", "hired"), "'hired' is not a status"),
        (("update", "1"), "nothing to change"),
        (("update", "1", "--email", "a@b.c"), "describe a --contact NAME"),
        (("update", "1", "--note", "  "), "the note is empty"),
        (("update", "1", "--follow-up", "soon"), "'soon' is not a date"),
    ],
)
def test_user_mistakes_are_clear_errors(db: str, args: tuple[str, ...], message: str) -> None:
    _seed(db)
    result = run("applications", *args, "--db", db)
    assert result.exit_code in (1, 2)  # 2: click's usage errors
    assert message in result.output
    assert "Traceback" not in result.output


def test_bad_databases_are_clear_errors(tmp_path: Path) -> None:
    missing = run("applications", "list", "--db", str(tmp_path / "typo.db"))
    assert missing.exit_code == 1 and "no applications database at" in missing.output
    assert not (tmp_path / "typo.db").exists()
    other = run("applications", "list", "--db", "mysql://x@host/db")
    assert other.exit_code == 1 and "SQLite (a file path) or PostgreSQL" in other.output
    not_db = tmp_path / "profile.yaml"
    not_db.write_text("name: Sam\n", encoding="utf-8")
    result = run("applications", "list", "--db", str(not_db))
    assert result.exit_code == 1 and "file is not a database" in result.output
    assert not_db.read_text(encoding="utf-8") == "name: Sam\n"


def test_a_database_from_a_newer_showcase_is_refused(db: str) -> None:
    _seed(db)
    with Store(db) as store, store.engine.begin() as conn:
        conn.execute(t.schema_version.update().values(version=t.SCHEMA_VERSION + 1))
    result = run("applications", "list", "--db", db)
    assert result.exit_code == 1
    assert "written by a newer showcase" in result.output


def _export_of_one(db: str, tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    with Store(db) as store:
        store.add(NewApplication("Analyst", "Acme", on=DAY, files={"cv.pdf": b"%PDF"}))
    path = tmp_path / "apps.json"
    assert run("applications", "export", "-o", str(path), "--db", db).exit_code == 0
    data = json.loads(path.read_text("utf-8"))
    assert isinstance(data, dict)
    return path, data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"files": [{"name": "../evil.txt"}]}, "'../evil.txt' is not a plain file name"),
        ({"files": [{"name": "/tmp/evil.txt"}]}, "is not a plain file name"),
        ({"coverage": 1e309}, "the coverage inf is not between 0 and 1"),
        ({"coverage": "NaN"}, "the coverage 'NaN' is not a number"),
        ({"coverage": 1.5}, "not between 0 and 1"),
        ({"status": "offer"}, "its status is 'offer' but its history ends with 'applied'"),
        (
            {
                "status": "applied",
                "history": [
                    {"status": "saved", "on": "2026-11-05"},
                    {"status": "applied", "on": "2026-11-01"},
                ],
            },
            "its history is not in the order of its dates",
        ),
    ],
)
def test_import_refuses_an_export_that_would_write_elsewhere_or_break_the_tracker(
    db: str, tmp_path: Path, change: dict[str, Any], message: str
) -> None:
    """Before: a sent file named `../evil.txt` was imported and `show --files DIR`
    wrote it outside DIR; a coverage of inf or NaN, a status its history does not
    end with, a history out of date order were all imported."""
    path, data = _export_of_one(db, tmp_path)
    (item,) = data["applications"]
    for key, value in change.items():
        if key == "files":
            value = [{**item["files"][0], **value[0]}]
        item[key] = value
    path.write_text(json.dumps(data), "utf-8")
    target = str(tmp_path / "other.db")
    result = run("applications", "import", str(path), "--db", target)
    assert result.exit_code == 1, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_show_files_writes_nothing_outside_the_folder(db: str, tmp_path: Path) -> None:
    """A name with a path in a database not written by this showcase's import."""
    _, data = _export_of_one(db, tmp_path)
    app_id = data["applications"][0]["id"]
    with Store(db) as store, store.engine.begin() as conn:
        conn.execute(t.files.update().values(name="../evil.txt"))
    folder = tmp_path / "sent" / "here"
    result = run("applications", "show", str(app_id), "--files", str(folder), "--db", db)
    assert result.exit_code == 1
    assert "'../evil.txt' is not a plain file name: no file was written" in result.output
    assert not (tmp_path / "sent" / "evil.txt").exists()


def test_showcase_db_environment_variable(tmp_path: Path) -> None:
    db = str(tmp_path / "env.db")
    _seed(db)
    result = run("applications", "list", "--format", "json", env={"SHOWCASE_DB": db})
    assert len(json.loads(result.output)["applications"]) == 2


def test_export_import_round_trip_across_backends(db: str, tmp_path: Path) -> None:
    first, _ = _seed(db)
    run("applications", "update", str(first), "--note", "Ünïcode ✓", "--db", db)
    exported = tmp_path / "apps.json"
    assert run("applications", "export", "-o", str(exported), "--db", db).exit_code == 0
    again = run("applications", "export", "-o", str(exported), "--db", db)
    assert again.exit_code == 1 and "already exists" in again.output
    copy = tmp_path / "copy.db"
    result = run("applications", "import", str(exported), "--db", str(copy))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Imported 2 applications (IDs 1 to 2) into")
    back = run("applications", "export", "--db", str(copy)).output
    assert json.loads(back) == json.loads(exported.read_text(encoding="utf-8"))
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    refused = run("applications", "import", str(bad), "--db", str(copy))
    assert refused.exit_code == 1 and "not JSON" in refused.output


def test_calendar(db: str, tmp_path: Path) -> None:
    first, _ = _seed(db)
    run("applications", "update", str(first), "--follow-up", "2026-11-20", "--db", db)
    out = tmp_path / "follow-ups.ics"
    result = run("applications", "calendar", "-o", str(out), "--db", db)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.count("BEGIN:VEVENT") == 1 and "DTSTART;VALUE=DATE:20261120" in text
    assert "SUMMARY:Follow up: Data Analyst at Acme" in text
    assert run("applications", "calendar", "-o", str(out), "--db", db).exit_code == 1
    assert run("applications", "calendar", "-o", str(out), "--force", "--db", db).exit_code == 0


def test_apply_with_a_bad_profile_records_and_creates_nothing(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text("name: X\ncredentials: 3\n", encoding="utf-8")
    posting = str(POSTINGS / "01-acme-outdoor.txt")
    result = run("apply", str(profile), posting, "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "credentials: expected a list" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.yaml"]  # no database, no kit
    missing = run("apply", str(tmp_path / "nope.yaml"), posting)
    assert missing.exit_code == 1 and "no such file" in missing.output


@pytest.mark.slow
def test_apply_to_a_posting_on_standard_input(tmp_path: Path) -> None:
    """`apply PROFILE -`: the posting was read once to check it and again, empty, to
    build ("--for -: empty")."""
    database = tmp_path / "t.db"
    result = CliRunner().invoke(
        cli,
        ["apply", str(EXAMPLES / "minimal.yaml"), "-", "-o", str(tmp_path / "out"),
         "--db", str(database), "--status", "saved"],
        input=(POSTINGS / "02-northwind-retail.md").read_bytes(),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "for-stdin" / "index.html").is_file()
    listed = run("applications", "list", "--format", "json", "--db", str(database))
    (item,) = json.loads(listed.output)["applications"]
    assert item["title"] == "Performance Marketing Manager"


@pytest.mark.slow
def test_a_second_posting_saved_under_the_same_name_never_replaces_the_first_kit(
    tmp_path: Path,
) -> None:
    """Two postings saved as job.txt in two folders: both kits go to for-job, and the second
    apply wrote over the first application's kit (its cover letter lost)."""
    first, second = tmp_path / "acme" / "job.txt", tmp_path / "northwind" / "job.txt"
    for path, source in ((first, "01-acme-outdoor.txt"), (second, "02-northwind-retail.md")):
        path.parent.mkdir()
        shutil.copy(POSTINGS / source, path)
    database, out = tmp_path / "t.db", tmp_path / "out"
    profile = str(EXAMPLES / "minimal.yaml")
    applied = run("apply", profile, str(first), "-o", str(out), "--db", str(database))
    assert applied.exit_code == 0, applied.output
    kit = out / "for-job"
    before = {p: p.read_bytes() for p in kit.rglob("*") if p.is_file()}
    result = run("apply", profile, str(second), "-o", str(out), "--db", str(database))
    assert result.exit_code == 1
    assert f"{kit} holds the kit of application 1 (Digital Marketing Manager at Acme" in (
        result.output
    )
    assert {p: p.read_bytes() for p in kit.rglob("*") if p.is_file()} == before
    with Store(database) as store:
        assert len(store.listing()) == 1
    other = run("apply", profile, str(second), "-o", str(tmp_path / "out2"), "--db", str(database))
    assert other.exit_code == 0, other.output  # another folder, as the error says


@pytest.mark.slow
def test_the_company_and_title_given_to_apply_are_the_ones_the_cover_letter_names(
    tmp_path: Path,
) -> None:
    """A posting that does not say its company, with --company and --title: the kit's
    letter addressed "your company" and "the role", while the tracker had the names (left
    by the QA pass)."""
    posting = tmp_path / "job.txt"
    posting.write_text("Data Analyst\n\nWe want SQL, Python and Tableau.\n", encoding="utf-8")
    out = tmp_path / "o"
    result = run(
        "apply", str(EXAMPLES / "jordan-rivera.yaml"), str(posting), "-o", str(out),
        "--db", str(tmp_path / "apps.db"), "--title", "Junior Data Analyst",
        "--company", "Northwind Traders", "--today", "2026-11-28",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    (letter,) = (out / "for-job").rglob("*Cover-Letter.txt")
    text = letter.read_text("utf-8")
    assert "Northwind Traders" in text and "Junior Data Analyst" in text
    assert "your company" not in text


def test_control_characters_already_in_a_database_reach_no_terminal(tmp_path: Path) -> None:
    """The tracker now refuses them, but a database written before keeps them: `list`,
    `show` and `show --posting` print them as escapes, not as codes that drive the
    terminal (left by the QA pass)."""
    import sqlite3

    db = tmp_path / "apps.db"
    with Store(str(db)) as store:
        app_id = store.add(NewApplication("Data Analyst", "Acme", on=DAY))
    with sqlite3.connect(db) as raw:
        raw.execute(
            "UPDATE applications SET title = ?, posting_text = ? WHERE id = ?",
            ("Analyst\x1b[2J\x07", "Read me\x1b]0;owned\x07", app_id),
        )
    for args in (("list",), ("show", str(app_id)), ("show", str(app_id), "--posting")):
        result = run("applications", *args, "--db", str(db))
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.output and "\x07" not in result.output
        assert "\\x1b" in result.output


@pytest.mark.parametrize("option", ["--title", "--company"])
def test_a_control_character_in_title_or_company_is_refused_before_building(
    tmp_path: Path, option: str
) -> None:
    """They go into the cover letter now: a terminal escape there was an internal error
    (python-docx: "All strings must be XML compatible") after the kit was half built."""
    posting = tmp_path / "job.txt"
    posting.write_text("Data Analyst\n\nWe want SQL, Python and Tableau.\n", encoding="utf-8")
    out = tmp_path / "o"
    result = run(
        "apply", str(EXAMPLES / "minimal.yaml"), str(posting), "-o", str(out),
        "--db", str(tmp_path / "apps.db"), "--company", "Acme", option, "Acme\x1b[2J",
    )  # fmt: skip
    assert result.exit_code == 1
    assert f"{option}: contains the control character U+001B" in result.output
    assert "internal error" not in result.output.lower() and not out.exists()
