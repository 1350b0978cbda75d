"""JSON Resume export: valid against the published schema, faithful to the profile."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from showcase.cli import cli
from showcase.exporters.jsonresume import to_json_resume
from showcase.profile import load_profile, load_text
from tests.conftest import EXAMPLES, TODAY, load_example

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
        # Extra properties, which the schema allows on certificates.
        "expiryDate": "2027-02",
        "credentialId": "137442019",
        "skills": ["Google Ads", "Search campaigns", "Keyword research", "Bidding strategy"],
    }
    assert basics["location"] == {"city": "Austin", "region": "TX", "countryCode": "US"}
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
    # The name alone: a theme printing letters from the certificates would print them twice.
    assert document["basics"]["name"] == "Priya Raman"


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


def test_london_uk_is_split_into_city_and_country_code() -> None:
    document = to_json_resume(load_profile(EXAMPLES / "priya-raman.yaml", today=TODAY))
    assert document["basics"]["location"] == {"city": "London", "countryCode": "GB"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Austin, TX", {"city": "Austin", "region": "TX", "countryCode": "US"}),
        ("Toronto, ON", {"city": "Toronto", "region": "ON", "countryCode": "CA"}),
        (
            "San Francisco, California",
            {"city": "San Francisco", "region": "California", "countryCode": "US"},
        ),
        ("Paris, France", {"city": "Paris", "countryCode": "FR"}),
        (
            "Bengaluru, Karnataka, India",
            {"city": "Bengaluru", "region": "Karnataka", "countryCode": "IN"},
        ),
        ("Manchester, England", {"city": "Manchester", "region": "England", "countryCode": "GB"}),
        # GA is Georgia (the state), Goa and Gabon; CA is California and Canada: the one
        # with a city of that name (GeoNames) is the country; with none, no country.
        ("Atlanta, GA", {"city": "Atlanta", "region": "GA", "countryCode": "US"}),
        ("Mountain View, CA", {"city": "Mountain View", "region": "CA", "countryCode": "US"}),
        ("Smalltown, GA", {"city": "Smalltown", "region": "GA"}),
        ("Perth, WA", {"city": "Perth", "region": "WA", "countryCode": "AU"}),
        ("Tbilisi, Georgia", {"city": "Tbilisi", "countryCode": "GE"}),  # the country's city
        ("Atlanta, Georgia", {"city": "Atlanta", "region": "Georgia", "countryCode": "US"}),
        ("Springfield, Foo", {"city": "Springfield", "region": "Foo"}),
        # A city alone, an address, a list: not split, kept as written.
        ("Berlin", {"address": "Berlin"}),
        ("Remote", {"address": "Remote"}),
        ("12 High St, Leeds, LS1, UK", {"address": "12 High St, Leeds, LS1, UK"}),
        ("Austin, , TX", {"address": "Austin, , TX"}),
    ],
)
def test_locations_are_split_only_when_certain(text: str, expected: dict[str, str]) -> None:
    profile = f"name: Ana Lima\ncontact:\n  location: {text}\n"
    document = to_json_resume(load_text(profile, today=TODAY))
    assert document["basics"]["location"] == expected
    validator = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    assert list(validator.iter_errors(document)) == []
