"""JSON Resume -> profile -> JSON Resume keeps basics, work, education, skills, projects and
certificates."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from showcase.exporters.jsonresume import to_json_resume
from showcase.importers.profile import import_profile, profile_yaml
from showcase.profile import load_text
from tests.conftest import TODAY

DATA = Path(__file__).resolve().parents[1] / "data"
SCHEMA = json.loads((DATA / "jsonresume-schema-1.3.1.json").read_text())

BASICS = ("name", "label", "email", "phone", "url", "summary")
WORK = ("name", "position", "location", "startDate", "endDate", "highlights")
EDUCATION = ("institution", "area", "studyType", "startDate", "endDate")
PROJECTS = ("name", "description", "highlights", "keywords", "url")
CERTIFICATES = ("name", "date", "issuer", "url")


def _kept(items: list[dict[str, Any]], fields: tuple[str, ...]) -> list[dict[str, Any]]:
    return [{key: item[key] for key in fields if key in item} for item in items]


def round_trip(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    original = json.loads(path.read_text())
    text, placeholders = profile_yaml(import_profile(path))
    assert placeholders == []
    exported = to_json_resume(load_text(text, today=TODAY))
    return original, exported


@pytest.mark.parametrize("name", ["senior-engineer", "new-grad"])
def test_json_resume_to_profile_and_back_keeps_what_both_hold(name: str) -> None:
    original, exported = round_trip(DATA / "imports" / f"{name}.resume.json")
    validator = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    assert list(validator.iter_errors(exported)) == []
    before, after = original["basics"], exported["basics"]
    assert {k: before[k] for k in BASICS} == {k: after[k] for k in BASICS}
    location = {k: v for k, v in before["location"].items() if k in ("city", "region")}
    assert location.items() <= after["location"].items()
    assert after["location"]["countryCode"] == before["location"]["countryCode"]
    networks = {p["network"]: p["url"] for p in before["profiles"]}
    assert {p["network"]: p["url"] for p in after["profiles"]} == {
        k: v for k, v in networks.items() if k in ("LinkedIn", "GitHub")
    }
    assert _kept(exported["work"], WORK) == _kept(original["work"], WORK)
    assert _kept(exported["education"], EDUCATION) == _kept(original["education"], EDUCATION)
    assert exported["skills"] == [
        {"name": s["name"], "keywords": s["keywords"]} for s in original["skills"]
    ]
    assert _kept(exported["projects"], PROJECTS) == _kept(original["projects"], PROJECTS)
    assert _kept(exported.get("certificates", []), CERTIFICATES) == _kept(
        original.get("certificates", []), CERTIFICATES
    )


def test_showcase_extras_survive_the_round_trip(tmp_path: Path) -> None:
    certificate = {
        "name": "Google Ads Search Certification",
        "date": "2026-02",
        "issuer": "Google",
        "url": "https://skillshop.credential.net/137442019",
        "expiryDate": "2027-02",
        "credentialId": "137442019",
        "skills": ["Google Ads", "Keyword research"],
    }
    path = tmp_path / "resume.json"
    path.write_text(json.dumps({"basics": {"name": "Ana Lima"}, "certificates": [certificate]}))
    _original, exported = round_trip(path)
    assert exported["certificates"] == [certificate]
