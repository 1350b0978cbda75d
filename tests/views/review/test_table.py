"""The review's codes are one table: the README, `--help` and the checks agree with it."""

from __future__ import annotations

from click.testing import CliRunner

from showcase.cli import cli
from showcase.views.review.checks import CODES
from showcase.views.review.table import CHECKS, SEVERITIES, markdown_table
from tests.conftest import ROOT


def test_the_readme_table_is_the_table() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert markdown_table() in readme, "README: paste markdown_table() under `showcase review`"


def test_help_names_every_code() -> None:
    shown = CliRunner().invoke(cli, ["review", "--help"], terminal_width=400).output
    assert all(check.code in shown for check in CHECKS)


def test_codes_and_severities_come_from_the_table() -> None:
    assert {c.code: c.severity for c in CHECKS} == CODES
    assert len(CODES) == len(CHECKS)  # no code twice
    assert {c.severity for c in CHECKS} <= set(SEVERITIES)


def test_help_never_breaks_a_code_at_its_hyphen() -> None:
    """In an 80-column terminal `public-search` was printed as "public-" and "search"
    on two lines: a code is a word to search for or to paste."""
    shown = CliRunner().invoke(cli, ["review", "--help"], terminal_width=80).output
    words = shown.split()
    for check in CHECKS:
        assert any(word.strip(",().") == check.code for word in words), check.code
