"""The options shared by the commands (`--today` ...), as the commands take them."""

from __future__ import annotations

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
