"""Regressions from the second hostile pass: each of these failed before its fix."""

from __future__ import annotations

import json
import os
import signal
import tempfile
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import showcase.cli.app as app
from showcase.cli import cli, main
from showcase.errors import RenderError
from showcase.output import OutputDir
from showcase.strategy import postings
from tests.conftest import EXAMPLES

RUNNER = CliRunner()
VALID = "name: {name}\ncredentials:\n  - name: A\n    issuer: B\n    issued: 2025-01\n"


def test_building_one_invalid_profile_shows_its_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: A\ncontact:\n  email: nope\n")
    result = RUNNER.invoke(cli, ["build", str(bad), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "bad.yaml:3:10: contact.email" in result.output
    assert "Internal error" not in result.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_pipe_nobody_writes_to_does_not_hang(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from showcase.errors import ProfileError
    from showcase.profile import load_profile, source

    monkeypatch.setattr(source, "PIPE_WAIT_SECONDS", 0.3)
    fifo = tmp_path / "profile.yaml"
    os.mkfifo(fifo)
    with pytest.raises(ProfileError) as info:
        load_profile(fifo)
    assert "nothing came through the pipe" in info.value.problems[0].message


def test_a_number_thousands_of_digits_long_is_a_clear_import_error(tmp_path: Path) -> None:
    source = tmp_path / "badge.json"
    source.write_text('{"a": ' + "9" * 100_000 + "}")
    result = RUNNER.invoke(cli, ["import", str(source)])
    assert result.exit_code == 1
    assert "thousands of digits" in result.output and "Internal error" not in result.output


def test_validate_reports_the_warnings_build_would_print(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        VALID.format(name="Alexandria Catherine Montgomery-Fitzgerald")
        + "contact:\n  email: alexandria.montgomery-fitzgerald@example.com\n"
        "  phone: '+1 555 010 0199'\n  linkedin: https://www.linkedin.com/in/alexandria-m-f\n"
    )
    result = RUNNER.invoke(cli, ["validate", "--strict", "-q", str(path)])
    assert result.exit_code == 1
    assert "plain-text signature" in result.output


def test_the_starter_profile_is_clean_even_with_strict(tmp_path: Path) -> None:
    starter = tmp_path / "profile.yaml"
    assert RUNNER.invoke(cli, ["init", str(starter)]).exit_code == 0
    result = RUNNER.invoke(cli, ["validate", "--strict", "-q", str(starter)])
    assert result.exit_code == 0, result.output


def test_extreme_css_is_a_users_error_and_leaves_no_temporary_folder() -> None:
    from showcase.render.pdf import html_to_pdf

    # The temporary folder is this test's own (tests/conftest.py): another program
    # running WeasyPrint at the same time leaves its weasyprint-* folders elsewhere.
    temporary = Path(tempfile.gettempdir())
    assert "pytest" in str(temporary)
    with pytest.raises(RenderError, match="extreme sizes"):
        html_to_pdf("<style>html{font-size:1e30px}</style><p>x</p>")
    assert html_to_pdf("<p>fine</p>").startswith(b"%PDF-")
    assert not list(temporary.glob("weasyprint-*"))


def test_a_docx_that_unzips_to_far_too_much_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(postings, "UNZIPPED_LIMIT", 1_000_000)
    bomb = tmp_path / "job.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * 2_000_000)
    with pytest.raises(postings.Unreadable, match="zip bomb"):
        postings.read_posting(bomb, "job.docx")


def test_gaps_never_reads_its_own_report_as_a_posting(tmp_path: Path) -> None:
    jobs = tmp_path / "jobs"
    jobs.mkdir()
    (jobs / "a.txt").write_text("Data Analyst\nRequirements:\n- SQL\n- Tableau\n")
    args = ["gaps", str(EXAMPLES / "jordan-rivera.yaml"), str(jobs), "-o", str(jobs)]
    first = RUNNER.invoke(cli, [*args, "--format", "json"])
    second = RUNNER.invoke(cli, [*args, "--format", "json", "--force"])
    assert first.exit_code == 0, first.output
    counts = [len(json.loads(r.stdout)["postings"]) for r in (first, second)]
    assert counts == [1, 1]


def test_a_file_that_cannot_be_written_is_a_users_error(tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "file.txt" / "x.json"
    (tmp_path / "missing-folder").mkdir()
    (tmp_path / "missing-folder" / "file.txt").write_text("a file, not a folder")
    result = RUNNER.invoke(cli, ["schema", "-o", str(target)])
    assert result.exit_code == 1
    assert "cannot write" in result.output and "Internal error" not in result.output


def test_today_out_of_range_is_refused_and_a_huge_epoch_is_clamped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    result = RUNNER.invoke(
        cli, ["validate", "--today", "2108-01-01", str(EXAMPLES / "minimal.yaml")]
    )
    assert result.exit_code == 2 and "from 1980 to 2100" in result.output
    from showcase.render.pdf import creation_date

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "99999999999")
    assert creation_date(__import__("datetime").date(2026, 1, 1)).startswith("2107-12-31")


def test_a_second_persons_build_never_mixes_into_the_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Profiles named as typed in the folder (a long temporary path is cut in the message).
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    alex, jordan = "alex.yaml", "jordan.yaml"
    OutputDir(out, owner=alex).write_all({"index.html": "Alex"})
    assert OutputDir(out, owner=alex).write_all({"index.html": "Alex 2"}).ok  # same file
    report = OutputDir(out, owner=jordan).write_all({"index.html": "Jordan"})
    assert report.refused and "built from" in report.refused[0] and "alex.yaml" in report.refused[0]
    assert (out / "index.html").read_text() == "Alex 2"
    forced = OutputDir(out, owner=jordan, force=True).write_all({"index.html": "J"})
    assert forced.ok


def test_ids_that_differ_only_in_case_are_one_id(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        "name: A\ncredentials:\n"
        "  - id: Caps\n    name: A\n    issuer: B\n    issued: 2025-01\n"
        "  - id: caps\n    name: C\n    issuer: D\n    issued: 2025-01\n"
    )
    result = RUNNER.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1 and "already used at line 3" in result.output


def test_sigterm_unwinds_like_ctrl_c(monkeypatch: pytest.MonkeyPatch) -> None:
    def terminated(*_: object, **__: object) -> None:
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(app.cli, "main", terminated)
    previous = signal.getsignal(signal.SIGTERM)
    try:
        with pytest.raises(SystemExit) as info:
            main([])
        assert info.value.code == 128 + signal.SIGTERM
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_a_compact_date_is_read_as_a_date_not_unix_time() -> None:
    from showcase.importers.dates import date_field

    warnings: list[str] = []
    assert date_field(20200101, "issued", warnings) == "2020-01-01"
    assert date_field("20240615", "issued", warnings) == "2024-06-15"
    assert warnings == []


def test_the_profile_is_not_a_posting() -> None:
    with pytest.raises(postings.Unreadable, match="not a job posting"):
        postings.read_posting(EXAMPLES / "jordan-rivera.yaml", "jordan-rivera.yaml")
