"""`showcase init`: the starter profile and its schema link, never over a user's file."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from showcase.cli import cli

RUNNER = CliRunner()


def test_init_leaves_a_dangling_schema_link_beside_it(tmp_path: Path) -> None:
    from showcase.profile.schema import SCHEMA_FILE_NAME

    beside = tmp_path / SCHEMA_FILE_NAME
    beside.symlink_to(tmp_path / "gone.json")
    result = RUNNER.invoke(cli, ["init", str(tmp_path / "profile.yaml")])
    assert result.exit_code == 0, result.output
    assert beside.is_symlink() and "left" in result.output


def test_a_folder_that_cannot_hold_the_profile_is_a_clear_error() -> None:
    """/proc takes no new file, for any user (as a read-only folder does for a user): it was
    an internal error, FileNotFoundError (or PermissionError) on the temporary file."""
    result = RUNNER.invoke(cli, ["init", "/proc/showcase-profile.yaml"])
    assert result.exit_code == 1, result.output
    assert "cannot write /proc/showcase-profile.yaml" in result.output
    assert "choose another file name or folder" in result.output
    assert "Internal error" not in result.output
