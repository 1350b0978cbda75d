"""The error paths of the CLI that users rarely see, each with its message and exit status."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import showcase.cli.app as app
from showcase.artifacts.linkedin import render_linkedin
from showcase.cli import cli, main
from showcase.errors import TemplateError
from showcase.profile import load_text
from showcase.render.templates import render
from tests.conftest import EXAMPLES, TODAY
from tests.helpers import profile_text

RUNNER = CliRunner()


def test_a_bug_is_reported_as_a_bug_with_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(app.cli, "main", broken)
    monkeypatch.delenv("SHOWCASE_DEBUG", raising=False)
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "Internal error: ZeroDivisionError: boom" in err
    assert "SHOWCASE_DEBUG=1" in err


def test_showcase_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object, **__: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(app.cli, "main", broken)
    monkeypatch.setenv("SHOWCASE_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        main([])


def test_writing_over_an_input_is_refused(tmp_path: Path) -> None:
    profile = tmp_path / "J-Resume.txt"  # a profile whose name is the output's name
    profile.write_text(
        "name: J\ncredentials:\n  - name: A\n    issuer: B\n    issued: 2025-01\n",
        encoding="utf-8",
    )
    before = profile.read_bytes()
    result = RUNNER.invoke(cli, ["resume", str(profile), "-o", str(tmp_path), "-f", "txt"])
    assert result.exit_code == 1
    assert "It is an input of this run" in result.output
    assert profile.read_bytes() == before


def test_a_template_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "tpl" / "resume"
    folder.mkdir(parents=True)
    (folder / "resume.md.j2").write_text("fine\n{% if %}\n")
    with pytest.raises(TemplateError, match=r"resume\.md\.j2:2: template syntax error"):
        render("resume/resume.md.j2", {}, tmp_path / "tpl")


def test_a_missing_template_says_where_it_looked(tmp_path: Path) -> None:
    (tmp_path / "tpl").mkdir()
    with pytest.raises(TemplateError, match=r"template resume/nope\.j2 not found in"):
        render("resume/nope.j2", {}, tmp_path / "tpl")


def test_a_name_after_the_fold_is_warned_about() -> None:
    long_issuer = "The Extremely Long Named Institute of " + "Very " * 40 + "Long Names"
    loaded = load_text(
        "name: J\ncredentials:\n"
        f"  - name: {'Data Analysis With Many Words ' * 6}\n"
        f"    issuer: {long_issuer}\n    issued: 2025-01\n",
        today=TODAY,
    )
    kit = render_linkedin(loaded, all_posts=True)  # issued 2025: not news by default
    assert any("see more" in w.message and "fold" in w.message for w in kit.warnings)


def test_the_examples_still_validate() -> None:
    result = RUNNER.invoke(cli, ["validate", "-q", str(EXAMPLES / "jordan-rivera.yaml")])
    assert result.exit_code == 0, result.output


def test_commands_that_crashed_on_a_multi_line_name_now_explain(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(profile_text().replace("name: Jordan Rivera", 'name: "Jordan\\nRivera"'))
    for command in (["validate", str(path)], ["renewals", str(path), "-o", str(tmp_path / "o")]):
        result = RUNNER.invoke(cli, command)
        assert result.exit_code == 1, result.output
        assert "spans more than one line" in result.output
        assert "Internal error" not in result.output
