"""`showcase validate`: the warnings build would print, and a starter profile that is clean."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from showcase.cli import cli

RUNNER = CliRunner()


VALID = "name: {name}\ncredentials:\n  - name: A\n    issuer: B\n    issued: 2025-01\n"


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
