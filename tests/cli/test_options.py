"""The options shared by the commands (`--today` ...), as the commands take them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from showcase.cli import cli
from tests.conftest import EXAMPLES

RUNNER = CliRunner()


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


@pytest.mark.parametrize(
    "args",
    [
        ("letter", "{profile}", "{posting}", "--to", "Ms \udcff"),
        ("apply", "{profile}", "{posting}", "--company", "\udcffCo"),
    ],
)
def test_text_options_refuse_bytes_that_are_not_utf8(tmp_path: Path, args: tuple[str, ...]) -> None:
    """What goes into a letter or the tracker must be text: undecodable bytes from a
    terminal in another encoding are named, before anything is written."""
    from tests.conftest import ROOT

    posting = ROOT / "tests" / "data" / "postings" / "03-bluebird-health.txt"
    filled = [a.format(profile=EXAMPLES / "jordan-rivera.yaml", posting=posting) for a in args]
    result = RUNNER.invoke(
        cli,
        [*filled, "-o", str(tmp_path / "out"), "--db", str(tmp_path / "t.db")]
        if args[0] == "apply"
        else [*filled, "-o", str(tmp_path / "out")],
    )
    assert result.exit_code == 2, result.output
    assert "is not UTF-8 text" in result.output
    assert not (tmp_path / "out").exists() and not (tmp_path / "t.db").exists()


@pytest.mark.parametrize(
    ("command", "writes_report"),
    [("linkedin", False), ("interview", False), ("resume", True), ("build", True)],
)
def test_for_promises_a_match_report_only_where_one_is_written(
    tmp_path: Path, command: str, writes_report: bool
) -> None:
    """`linkedin --help` and `interview --help` said --for would "write a match report",
    and none came (QA, 2026-12-06)."""
    from tests.conftest import ROOT

    text = " ".join(RUNNER.invoke(cli, [command, "--help"]).output.split())
    assert ("and write a match report" in text) is writes_report
    posting = ROOT / "tests" / "data" / "postings" / "03-bluebird-health.txt"
    out = tmp_path / "out"
    args = [command, str(EXAMPLES / "jordan-rivera.yaml"), "--for", str(posting), "-o", str(out)]
    if command in {"resume", "build", "interview"}:
        args += ["--format", "md"] if command != "build" else []
    result = RUNNER.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert bool(list(out.rglob("match/*"))) is writes_report
