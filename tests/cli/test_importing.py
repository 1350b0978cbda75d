"""`showcase import` as a user meets it: one bad file keeps the others' output; what it
cannot read is a clear error."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from showcase.cli import cli

RUNNER = CliRunner()


def test_a_number_thousands_of_digits_long_is_a_clear_import_error(tmp_path: Path) -> None:
    source = tmp_path / "badge.json"
    source.write_text('{"a": ' + "9" * 100_000 + "}")
    result = RUNNER.invoke(cli, ["import", str(source)])
    assert result.exit_code == 1
    assert "thousands of digits" in result.output and "Internal error" not in result.output


DATA = Path(__file__).resolve().parents[1] / "data" / "imports"


def test_one_bad_file_keeps_the_others_output(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from showcase.cli import cli

    bad = tmp_path / "broken.json"
    bad.write_text("{")
    target = tmp_path / "imported.yaml"
    sources = [str(DATA / "Certifications.csv"), str(bad), str(DATA / "ob2-example.json")]
    result = CliRunner().invoke(cli, ["import", *sources, "-o", str(target)])
    assert result.exit_code == 1
    assert "broken.json:1:2: not valid JSON" in result.output
    text = target.read_text()
    assert "# Imported by showcase (6 credentials) from:" in text
    assert "Google Analytics Certification" in text and "Awesome Robotics Badge" in text

    result = CliRunner().invoke(cli, ["import", str(bad), str(tmp_path)])
    assert result.exit_code == 1 and "credentials" not in result.output
    assert "not valid JSON" in result.output and "a folder, not a file" in result.output
