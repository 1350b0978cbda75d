"""Credly's badges.json feed (issue 15, a start)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from showcase.importers import ImportFailed, import_file
from showcase.importers.suggest import to_yaml
from showcase.profile import load_text
from tests.conftest import TODAY

DATA = Path(__file__).resolve().parents[1] / "data" / "imports"


def test_credly_feed() -> None:
    result = import_file(DATA / "credly-badges.json")
    assert result.format == "Credly badges.json" and result.warnings == []
    first, second = result.credentials
    assert first == {
        "name": "AWS Certified Cloud Practitioner",
        "issuer": "Amazon Web Services Training and Certification",
        "kind": "badge",
        "platform": "Credly",
        "issued": "2024-04-18",
        "expires": "2027-04-18",
        "url": "https://www.credly.com/badges/3f7c2a1e-9b4d-4e2a-8c1f-6d5e4b3a2c10",
        "skills": ["AWS Cloud", "Cloud Computing"],
        "badge_image": "https://images.credly.com/images/00634f82-b07f-4bbd-a6bb-53de397fc3a6/image.png",
        "description": first["description"],
    }
    assert second["issuer"] == "IBM"  # the primary entity, never Credly or a secondary one
    assert "expires" not in second
    text, warnings = to_yaml([result])
    assert warnings == []
    assert "learned:" not in text and "# issuer's description: Earners of" in text
    loaded = load_text("name: J\n" + text, today=TODAY)
    assert [c.platform for c in loaded.profile.credentials] == ["Credly", "Credly"]


def _feed(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "badges.json"
    path.write_text(json.dumps({"data": data}))
    return path


def test_credly_issuer_from_summary_and_missing(tmp_path: Path) -> None:
    badges = [
        {
            "id": "x1",
            "badge_template": {"name": "A"},
            "issued_at_date": "2024-01-01",
            "issuer": {"summary": "issued by HubSpot Academy"},
        },
        {"id": "../../evil", "badge_template": {"name": "B"}, "issuer": {}},
    ]
    result = import_file(_feed(tmp_path, badges))
    first, second = result.credentials
    assert first["issuer"] == "HubSpot Academy"
    assert (second["issuer"], second["issued"]) == ("TODO", "TODO")
    assert "url" not in second  # an id that is not Credly's shape makes no link
    assert any("no issuer named" in w for w in result.warnings)


@pytest.mark.parametrize(
    "data",
    [
        [{"badge_template": "not an object"}, {"badge_template": {"name": "Ok"}}],
        [{"badge_template": {"name": {"x": 1}, "skills": "no"}, "issued_at_date": 12}],
    ],
)
def test_credly_malformed_badges_are_explained(tmp_path: Path, data: list[object]) -> None:
    result = import_file(_feed(tmp_path, data))
    text, warnings = to_yaml([result])
    assert result.credentials and warnings
    assert "TODO" in text


def test_credly_feed_whose_data_is_not_badges(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="not an Open Badges assertion"):
        import_file(_feed(tmp_path, [{"name": "no template"}]))
