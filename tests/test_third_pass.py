"""Regressions from the third hostile pass (issue #30, 8: quiet losses and slips).

Each of these failed before its fix; the figure before is in the test's docstring.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from showcase.cli import cli
from showcase.strategy.postings import Posting, printable, read_postings
from showcase.strategy.tailor import Tailoring
from tests.conftest import EXAMPLES
from tests.helpers import load

RUNNER = CliRunner()
POSTING = "Data Analyst\nCompany: Fabrikam\nRequirements:\n- SQL\n- Tableau\n"


# --- postings whose names clean up alike ---------------------------------------------------


def _stem(file_name: str) -> str:
    return Tailoring(Posting(file_name, POSTING), frozenset()).stem


def test_postings_named_alike_get_distinct_kit_folders() -> None:
    """Before: ``---.txt`` and ``☃☃.txt`` were both ``for-Profile/``, ``a.b.txt`` and
    ``a-b.txt`` both ``for-a-b/``: the second build replaced the first one's kit."""
    names = ["---.txt", "☃☃.txt", "a.b.txt", "a-b.txt", "a b.txt", "a_b.txt", "Data-Analyst.txt"]
    stems = [_stem(name) for name in names]
    assert len(set(stems)) == len(names), stems
    assert _stem("Data-Analyst.txt") == "Data-Analyst"  # a clean name stays as it is
    assert _stem("---.txt").startswith("posting-")  # never "Profile"
    assert _stem("a.b.txt").startswith("a-b-")
    assert _stem("---.txt") == _stem("---.txt")  # stable: a rebuild finds its folder


# --- names with control characters ---------------------------------------------------------


def test_escapes_and_newlines_in_posting_names_are_shown_escaped(tmp_path: Path) -> None:
    """Before: the ESC sequence went raw into report.md (and the terminal), and the newline
    split the name over two lines of the list."""
    jobs = tmp_path / "jobs"
    jobs.mkdir()
    hostile = "\x1b[2J\x1b[31mred\nline\u202etxt.txt"
    (jobs / hostile).write_text(POSTING)
    out = tmp_path / "out"
    result = RUNNER.invoke(cli, ["gaps", str(EXAMPLES / "jordan-rivera.yaml"), str(jobs),
                                 "-o", str(out), "--today", "2026-11-28"])  # fmt: skip
    assert result.exit_code == 0, result.output
    report = (out / "gaps" / "report.md").read_text("utf-8")
    assert "\x1b" not in report and "\u202e" not in report
    (line,) = [line for line in report.splitlines() if "x1b" in line]
    assert "mred" in line and "nline" in line  # one line, the name still recognisable
    assert "\x1b" not in result.output


def test_printable_leaves_ordinary_names_alone() -> None:
    assert printable("Données — analyste ☃ (2).txt") == "Données — analyste ☃ (2).txt"
    assert printable("a\tb\x07\u200b") == "a\\tb\\x07\\u200b"


def test_a_folder_name_with_an_escape_is_shown_escaped(tmp_path: Path) -> None:
    empty = tmp_path / "x\x1b[31m"
    empty.mkdir()
    (skipped,) = read_postings([empty]).skipped
    assert "\x1b" not in skipped.source and "\\x1b" in skipped.source


# --- the calendar's name ---------------------------------------------------------------------


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


# --- Markdown: a summary's underlines -----------------------------------------------------


SUMMARY = "Ten years in analytics.\n===\nI build dashboards.\n---\n- - -\nAnd teach SQL."


def _blocks(markdown: str) -> list[str]:
    return [token.type for token in MarkdownIt("commonmark").parse(markdown)]


def test_a_summary_with_underlines_never_becomes_a_heading_or_a_rule(tmp_path: Path) -> None:
    """Before: "Ten years in analytics." became an <h1> and "I build dashboards." an <h2>
    in resume.md, and "- - -" a rule."""
    from showcase.artifacts.resume import render_resume

    loaded = load(
        tmp_path,
        f"""
        name: Sam Lee
        summary: {json.dumps(SUMMARY)}
        credentials:
          - name: CompTIA A+
            issuer: CompTIA
            issued: 2026-06
        """,
    )
    assert loaded.profile.summary is not None and "\n===\n" in loaded.profile.summary
    (markdown,) = [
        content.decode("utf-8")
        for name, content in render_resume(loaded, formats=["md"]).files.items()
        if name.endswith(".md")
    ]
    plain = MarkdownIt("commonmark").render(markdown)
    assert "<hr />" not in plain
    headings = [line for line in plain.splitlines() if line.startswith(("<h1", "<h2", "<h3"))]
    assert not any("analytics" in h or "dashboards" in h for h in headings), headings
    assert "Ten years in analytics." in plain and "And teach SQL." in plain


@pytest.mark.parametrize(
    "text", ["a\n===\nb", "a\n---", "a\n  ==  \nb", "a\n- - -\nb", "---", "a\n=\nb", "a\n-"]
)
def test_md_escape_keeps_underlines_text(text: str) -> None:
    from showcase.render.templates import md_escape

    assert _blocks(md_escape(text)) == ["paragraph_open", "inline", "paragraph_close"]


# --- a dangling link at -o ------------------------------------------------------------------


def _dangling(tmp_path: Path) -> Path:
    link = tmp_path / "out.yaml"
    link.symlink_to(tmp_path / "elsewhere" / "missing.yaml")
    return link


@pytest.mark.parametrize(
    "command",
    [
        ["init", "{link}"],
        ["schema", "-o", "{link}"],
        ["import", "--profile", "{resume}", "-o", "{link}"],
        ["import", "{badge}", "-o", "{link}"],
    ],
    ids=["init", "schema", "import-profile", "import"],
)
def test_a_dangling_link_at_the_output_is_never_replaced(
    tmp_path: Path, command: list[str]
) -> None:
    """Before: each replaced the link with a file (exit 0)."""
    link = _dangling(tmp_path)
    resume = tmp_path / "resume.json"
    resume.write_text('{"basics": {"name": "Sam Lee"}}')
    badge = tmp_path / "badge.json"
    badge.write_text(
        '{"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "issuedOn":'
        ' "2024-01-01", "badge": {"type": "BadgeClass", "name": "A", "issuer":'
        ' {"type": "Profile", "name": "B"}}}'
    )
    args = [a.format(link=link, resume=resume, badge=badge) for a in command]
    result = RUNNER.invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert "link" in result.output and "does not exist" in result.output
    assert link.is_symlink() and not link.exists()
    assert os.readlink(link) == str(tmp_path / "elsewhere" / "missing.yaml")


def test_schema_force_replaces_a_dangling_link_when_asked(tmp_path: Path) -> None:
    link = _dangling(tmp_path)
    result = RUNNER.invoke(cli, ["schema", "-o", str(link), "--force"])
    assert result.exit_code == 0, result.output
    assert link.is_file() and not link.is_symlink()


def test_schema_does_not_read_a_device_at_the_output(tmp_path: Path) -> None:
    """`schema -o` read an existing file whole to see whether it was a schema: a link to
    /dev/zero never ended."""
    link = tmp_path / "schema.json"
    link.symlink_to("/dev/zero")
    result = RUNNER.invoke(cli, ["schema", "-o", str(link)])
    assert result.exit_code == 1 and "not a showcase schema" in result.output


def test_init_leaves_a_dangling_schema_link_beside_it(tmp_path: Path) -> None:
    from showcase.profile.schema import SCHEMA_FILE_NAME

    beside = tmp_path / SCHEMA_FILE_NAME
    beside.symlink_to(tmp_path / "gone.json")
    result = RUNNER.invoke(cli, ["init", str(tmp_path / "profile.yaml")])
    assert result.exit_code == 0, result.output
    assert beside.is_symlink() and "left" in result.output
