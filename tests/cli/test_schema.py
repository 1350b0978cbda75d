"""`showcase schema -o`: written safely, never through a dangling link or into a device."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from showcase.cli import cli

RUNNER = CliRunner()


def test_a_file_that_cannot_be_written_is_a_users_error(tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "file.txt" / "x.json"
    (tmp_path / "missing-folder").mkdir()
    (tmp_path / "missing-folder" / "file.txt").write_text("a file, not a folder")
    result = RUNNER.invoke(cli, ["schema", "-o", str(target)])
    assert result.exit_code == 1
    assert "cannot write" in result.output and "Internal error" not in result.output


def _dangling(tmp_path: Path) -> Path:
    link = tmp_path / "out.yaml"
    link.symlink_to(tmp_path / "elsewhere" / "missing.yaml")
    return link


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
