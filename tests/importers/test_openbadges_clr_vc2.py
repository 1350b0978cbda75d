"""Open Badges 3.0 in its W3C VC 2.0 form, and wrapped in a 1EdTech CLR 2.0 credential."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from showcase.cli import cli
from showcase.importers import ImportFailed, import_file
from showcase.importers.suggest import to_yaml
from showcase.profile import load_text
from tests.conftest import TODAY

DATA = Path(__file__).resolve().parents[1] / "data" / "imports"
CLR = json.loads((DATA / "clr2-transcript.json").read_text())


def test_vc2_form_with_language_values_and_achievement_type() -> None:
    result = import_file(DATA / "ob3-vc2-certification.json")
    (entry,) = result.credentials
    assert result.format == "Open Badges 3.0" and result.warnings == []
    assert (entry["name"], entry["issuer"], entry["kind"]) == (
        "Certified Cloud Architect - Associate",  # from {"@value": ..., "@language": "en"}
        "Example Cloud Institute",
        "certification",  # achievementType
    )
    assert (entry["issued"], entry["expires"]) == ("2025-06-14", "2028-06-14")  # validFrom/Until
    assert entry["badge_image"].startswith("https://credentials.example.org/images/")
    assert entry["skills"] == ["Cloud architecture", "High availability", "Cost optimisation"]


def test_clr_reads_each_wrapped_credential_with_its_own_issuer() -> None:
    result = import_file(DATA / "clr2-transcript.json")
    assert result.format.startswith("CLR 2.0")
    analytics, sql = result.credentials
    issuer = "Example State University Continuing Education"  # not the registrar's CLR
    assert (analytics["name"], analytics["issuer"], analytics["kind"]) == (
        "Digital Marketing Analytics",
        issuer,
        "certificate",
    )
    assert analytics["issued"] == "2025-09-30" and "Looker Studio" in analytics["skills"]
    # The English one of several language values; an AchievementCredential is read too.
    assert (sql["name"], sql["kind"], sql["issued"]) == (
        "SQL for Marketers",
        "course",
        "2025-12-12",
    )
    (warning,) = result.warnings
    assert "verifiableCredential[2]: a signed credential (JWT); skipped" in warning


def test_clr_entries_load_as_profile_credentials() -> None:
    text, _ = to_yaml([import_file(DATA / "clr2-transcript.json")])
    load_text(f"name: Jordan Rivera\n{text}", today=TODAY)


def _clr(**subject: Any) -> dict[str, Any]:
    return {**CLR, "credentialSubject": subject}


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (_clr(), "a CLR without credentials"),
        (_clr(verifiableCredential="x"), "a CLR without credentials"),
        (_clr(verifiableCredential=[CLR]), "verifiableCredential[0]: a CLR inside a CLR; skipped"),
        (_clr(verifiableCredential=[1, [2]]), "verifiableCredential[0]: not an Open Badge"),
        ({**CLR, "credentialSubject": [1]}, "a CLR without credentials"),
        (
            _clr(verifiableCredential=[{"type": "OpenBadgeCredential", "issuer": "https://x"}]),
            "the issuer is only a link",
        ),
    ],
)
def test_odd_clrs_are_explained(tmp_path: Path, document: Any, message: str) -> None:
    path = tmp_path / "clr.json"
    path.write_text(json.dumps(document))
    result = import_file(path)
    assert any(message in w and str(path) in w for w in result.warnings), result.warnings
    assert to_yaml([result])[0].startswith("# Imported")  # what was read is still written


def test_wrong_types_inside_a_vc2_credential(tmp_path: Path) -> None:
    document = json.loads((DATA / "ob3-vc2-certification.json").read_text())
    achievement = document["credentialSubject"]["achievement"]
    achievement.update(name=[{"@value": ["x"]}], achievementType=["Course"], tag={"a": 1})
    document["validUntil"] = {"not": "a date"}
    path = tmp_path / "odd.json"
    path.write_text(json.dumps(document))
    (entry,) = import_file(path).credentials
    assert entry["name"] == "Certified Cloud Architect - Associate"  # the credential's name
    assert entry["kind"] == "badge" and "skills" not in entry and "expires" not in entry


def test_a_jwt_credential_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "badge.jwt"
    path.write_text(CLR["credentialSubject"]["verifiableCredential"][2] + "\n")
    with pytest.raises(ImportFailed, match=r"badge\.jwt: a signed credential \(a JWT"):
        import_file(path)
    enveloped = tmp_path / "enveloped.json"
    enveloped.write_text(
        json.dumps(
            {
                "@context": "https://www.w3.org/ns/credentials/v2",
                "type": "EnvelopedVerifiableCredential",
                "id": "data:application/vc+jwt,eyJ0eXAi.eyJ4Ijox.c2ln",
            }
        )
    )
    (warning,) = import_file(enveloped).warnings
    assert "enveloped (signed) credential" in warning


def test_deeply_nested_or_truncated_clr_is_refused_with_the_file_name(tmp_path: Path) -> None:
    text = (DATA / "clr2-transcript.json").read_text()
    cut = tmp_path / "cut.json"
    cut.write_text(text[: len(text) // 2])
    deep = tmp_path / "deep.json"
    deep.write_text('{"type": "ClrCredential", "credentialSubject": ' + "[" * 100_000)
    runner = CliRunner()
    for path, message in ((cut, "not valid JSON"), (deep, "nested too deeply")):
        result = runner.invoke(cli, ["import", str(path)])
        assert result.exit_code == 1 and "Traceback" not in result.output
        assert f"{path}" in result.output and message in result.output
