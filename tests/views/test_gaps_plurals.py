"""One of a thing is said in the singular (QA, 2026-12-06: "what 1 posting ask for",
"expires Jan 2027 (in 1 days)", "(in 0 days)", "the 1 requirements")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from showcase.profile import load_profile
from tests.conftest import EXAMPLES, ROOT


@pytest.mark.parametrize(
    ("today", "said"), [("2027-01-30", "(in 1 day)"), ("2027-01-31", "(today)")]
)
def test_an_expiry_a_day_away_or_today(tmp_path: Path, today: str, said: str) -> None:
    (tmp_path / "p.yaml").write_text(
        "name: Sam Lee\ncredentials:\n  - {name: BLS Provider, issuer: American Heart "
        "Association, issued: 2025-01, expires: 2027-01-31}\n",
        encoding="utf-8",
    )
    loaded = load_profile(tmp_path / "p.yaml", today=dt.date.fromisoformat(today))
    messages = [w.message for w in loaded.warnings]
    assert any(said in m for m in messages), messages
    assert not any("days)" in m for m in messages)


def test_one_posting_asks(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from showcase.cli import cli

    posting = ROOT / "tests" / "data" / "postings" / "03-bluebird-health.txt"
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["gaps", str(EXAMPLES / "jordan-rivera.yaml"), str(posting), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "what 1 posting asks for" in result.output
    written = "".join(p.read_text("utf-8") for p in out.rglob("*") if p.suffix in {".md", ".html"})
    assert "What 1 posting asks for" in written and "posting ask for" not in written
