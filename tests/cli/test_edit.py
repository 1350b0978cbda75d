"""`showcase edit` (`cli/edit.py`) as a user starts it: what it says before it serves."""

from __future__ import annotations

from click.testing import CliRunner

from showcase.cli import cli


def test_a_new_profile_in_a_folder_that_cannot_hold_it_is_a_clear_error() -> None:
    """A missing profile starts from the starter; where it cannot be written (a read-only
    folder, /proc) that was an internal error (FileNotFoundError on the temporary file)."""
    result = CliRunner().invoke(cli, ["edit", "/proc/showcase-profile.yaml", "--no-open"])
    assert result.exit_code == 1, result.output
    assert "cannot write /proc/showcase-profile.yaml" in result.output
    assert "Internal error" not in result.output
