"""Imports use the catalog: a credential recognised by its name, its exam code or its
issuer and product gets kind and assessment, and, without `expires`, a note that
`renewals` estimates the date from the catalog's rule (which it then does)."""

from __future__ import annotations

import json
from pathlib import Path

from showcase.importers.profile import import_profile, profile_yaml
from showcase.profile import load_text
from showcase.strategy.renewals import renewals
from tests.conftest import TODAY

RESUME = {
    "basics": {"name": "Ada Quinn"},
    "certificates": [
        {"name": "Security+", "issuer": "CompTIA", "date": "2024-03-02"},
        {"name": "AZ-104", "issuer": "Microsoft", "date": "2025-01-15"},
        {"name": "Microsoft Certified: Azure Fundamentals (AZ-900)", "issuer": "Microsoft",
         "date": "2023-05-01"},
        {"name": "Knitting Basics", "issuer": "Yarn Guild", "date": "2022-01-01"},
    ],
}  # fmt: skip


def test_recognised_credentials_get_the_catalogs_rule(tmp_path: Path) -> None:
    path = tmp_path / "resume.json"
    path.write_text(json.dumps(RESUME), "utf-8")
    result = import_profile(path)
    text, _ = profile_yaml(result)
    notes = [w for w in result.warnings if "no `expires`" in w]
    assert any("`Security+`" in w and "CompTIA gives 3 years of validity" in w for w in notes)
    assert any("`AZ-104`" in w and "Microsoft gives 1 year of validity" in w for w in notes)
    assert not any("AZ-900" in w or "Knitting" in w for w in notes)  # no period: no note
    loaded = load_text(text, name="imported.yaml", today=TODAY)
    by_name = {c.name: c for c in loaded.profile.credentials}
    assert by_name["Security+"].kind.value == "certification"
    assert by_name["AZ-104"].assessment is not None
    report = renewals(loaded)
    estimated = {r.credential.name: r.expires.isoformat() for r in report.estimated}
    assert estimated == {"Security+": "2027-03-02", "AZ-104": "2026-01-15"}
    assert [i.credential.name for i in report.does_not_expire] == [
        "Microsoft Certified: Azure Fundamentals (AZ-900)"
    ]


LIFE_SUPPORT = {
    "basics": {"name": "Ana Ruiz"},
    "certificates": [
        {"name": "BLS Provider", "issuer": "American Heart Association", "date": "2025-01-10"},
        {"name": "ACLS Provider", "issuer": "American Red Cross", "date": "2025-03-01"},
        {"name": "PALS Provider", "date": "2025-04-01"},
    ],
}  # fmt: skip


def test_a_name_other_bodies_give_too_is_the_catalogs_only_from_its_issuer(
    tmp_path: Path,
) -> None:
    """BLS, ACLS and PALS cards come from the AHA and from others (the Red Cross): the AHA's
    two years and its issuer are given only to a card the AHA issued."""
    path = tmp_path / "resume.json"
    path.write_text(json.dumps(LIFE_SUPPORT), "utf-8")
    result = import_profile(path)
    text, _ = profile_yaml(result)
    notes = [w for w in result.warnings if "no `expires`" in w]
    assert len(notes) == 1 and "`BLS Provider`" in notes[0]
    assert "American Heart Association (AHA) gives 2 years of validity" in notes[0]
    assert not any("taken from showcase's catalog" in w for w in result.warnings)
    assert "American Heart Association (AHA)" not in text  # PALS's issuer is left to fill in


def test_a_card_named_by_its_letters_is_the_catalogs_when_the_issuers_agree(
    tmp_path: Path,
) -> None:
    """A card written by its letters alone ("BLS" from the AHA) is the catalog's entry, as
    `renewals` reads it; the Red Cross's "BLS" is not (QA of 2026-12-06: import said
    nothing of the AHA's rule while renewals used it)."""
    cards = {
        "basics": {"name": "Ana Ruiz"},
        "certificates": [
            {"name": "BLS", "issuer": "AHA", "date": "2025-01-10"},
            {"name": "PALS", "issuer": "American Heart Association", "date": "2025-04-01"},
            {"name": "ACLS", "issuer": "American Red Cross", "date": "2025-03-01"},
        ],
    }
    path = tmp_path / "resume.json"
    path.write_text(json.dumps(cards), "utf-8")
    result = import_profile(path)
    text, _ = profile_yaml(result)  # where the catalog is asked
    notes = [w for w in result.warnings if "no `expires`" in w]
    assert any("`BLS`" in w and "gives 2 years of validity" in w for w in notes), notes
    assert any("`PALS`" in w and "gives 2 years of validity" in w for w in notes), notes
    assert not any("`ACLS`" in w for w in notes)
    loaded = load_text(text, name="imported.yaml", today=TODAY)
    kinds = {c.name: c.kind.value for c in loaded.profile.credentials}
    assert kinds["BLS"] == kinds["PALS"] == "certificate"  # the catalog's, not guessed
