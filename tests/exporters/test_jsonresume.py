"""JSON Resume export: valid against the published schema, faithful to the profile."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from showcase.cli import cli
from showcase.exporters.jsonresume import to_json_resume
from tests.conftest import EXAMPLES, load_example

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "jsonresume-schema-1.3.1.json").read_text()
)


@pytest.mark.parametrize("example", ["jordan-rivera", "priya-raman", "minimal"])
def test_exports_validate_against_the_schema(example: str) -> None:
    document = to_json_resume(load_example(example))
    validator = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    assert list(validator.iter_errors(document)) == []


def test_content_is_mapped() -> None:
    document = to_json_resume(load_example("jordan-rivera"))
    basics = document["basics"]
    assert basics["name"] == "Jordan Rivera" and basics["email"] == "jordan.rivera@example.com"
    assert basics["profiles"] == [
        {
            "network": "LinkedIn",
            "username": "jordan-rivera-example",
            "url": "https://www.linkedin.com/in/jordan-rivera-example",
        }
    ]
    assert document["certificates"][0] == {
        "name": "Google Ads Search Certification",
        "date": "2026-02",
        "issuer": "Google",
        "url": "https://skillshop.credential.net/137442019",
    }
    job = document["work"][0]
    assert (job["position"], job["name"], job["startDate"]) == (
        "Marketing Manager",
        "Lakeside Outfitters",
        "2021-05",
    )
    assert "endDate" not in job  # present
    assert document["work"][1]["endDate"] == "2021-04"
    assert document["education"][0]["studyType"] == "BBA"


def test_expired_credentials_are_left_out() -> None:
    document = to_json_resume(load_example("priya-raman"))
    names = [c["name"] for c in document["certificates"]]
    assert "SHRM Certified Professional (SHRM-CP)" not in names
    assert document["basics"]["name"] == "Priya Raman, PMP"


def test_cli(tmp_path: Path) -> None:
    runner = CliRunner()
    example = str(EXAMPLES / "minimal.yaml")
    result = runner.invoke(
        cli, ["export", example, "--today", "2026-11-28"], catch_exceptions=False
    )
    assert result.exit_code == 0
    assert json.loads(result.output)["certificates"][0]["name"] == "CompTIA A+"
    target = tmp_path / "resume.json"
    target.write_text("mine")
    result = runner.invoke(cli, ["export", example, "-o", str(target)])
    assert result.exit_code == 1 and "already exists" in result.output
    assert target.read_text() == "mine"
