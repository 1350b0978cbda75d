"""The nursing credentials of the catalog end to end: `showcase catalog` finds them with the
issuer's page beside each fact, `renewals` dates a BLS card from the AHA's two years, a
name other issuers give too (BLS, ACLS, PALS) is the AHA's entry only when the AHA issued
it, and a nurse's licence is not a catalog entry (a state board issues it: nothing to buy)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from showcase.cli import cli
from showcase.strategy import catalog as cat
from showcase.strategy.renewals import renewals
from showcase.strategy.vocabulary import vocabulary
from tests.helpers import ANA_RUIZ, load, write_profile

TODAY = dt.date(2026, 12, 6)
AHA_CARDS = "https://cpr.heart.org/en/resources/course-card-information"
NURSING = ("aha-bls", "aha-acls", "aha-pals", "nrp", "tncc", "ccrn", "cen", "cmsrn")

NURSE = (
    ANA_RUIZ  # her BLS card says no expiry: the catalog's two years are what is tested
    + """  - {id: bls, name: Basic Life Support (BLS) Provider, issuer: American Heart Association,
     issued: 2025-01, assessment: exam}
  - {id: acls, name: ACLS Provider, issuer: American Red Cross, issued: 2025-03,
     assessment: exam}
  - {id: cen, name: CEN, issuer: BCEN, issued: 2024-05-10, assessment: exam}
"""
)


def catalog_json(*query: str) -> dict[str, dict]:  # type: ignore[type-arg]
    result = CliRunner().invoke(cli, ["catalog", *query, "--format", "json"])
    assert result.exit_code == 0, result.output
    return {e["id"]: e for e in json.loads(result.stdout)["catalog"]}


def test_every_nursing_credential_is_in_the_catalog_with_its_own_term_first() -> None:
    for entry_id in NURSING:
        entry = cat.catalog().get(entry_id)
        assert entry is not None, entry_id
        own = vocabulary().find(entry.terms[0])
        assert own is not None and own.kind.value == "certification", entry_id


def test_showcase_catalog_finds_them_with_the_issuers_pages() -> None:
    found = catalog_json("life", "support")
    assert set(found) == {"aha-bls", "aha-acls", "aha-pals"}
    for entry in found.values():
        renewal = entry["facts"]["renewal"]
        assert (renewal["how"], renewal["period_years"]) == ("course", 2)
        assert renewal["source"] == AHA_CARDS and renewal["checked"] == "2026-12-06"
        assert "2 years from the issue date" in renewal["quote"]
    cen = catalog_json("emergency", "nurse")["cen"]
    assert cen["facts"]["renewal"]["credits"] == 100
    assert cen["facts"]["renewal"]["source"] == "https://bcen.org/recertify/"
    assert cen["facts"]["post_nominal"]["value"] == "CEN"
    result = CliRunner().invoke(cli, ["catalog", "cmsrn"])
    assert "every 5 years: 90 credits" in result.stdout


def test_facts_nobody_read_on_an_issuers_page_stay_empty() -> None:
    for entry_id in ("nrp", "tncc", "ccrn"):
        entry = cat.catalog().get(entry_id)
        assert entry is not None and list(entry.facts.items()) == [], entry_id


def test_renewals_dates_a_bls_card_from_the_aha_rule(tmp_path: Path) -> None:
    report = renewals(load(tmp_path, NURSE, today=TODAY))
    bls = {r.credential.id: r for r in report.estimated}["bls"]
    assert bls.entry is not None and bls.entry.id == "aha-bls"
    assert bls.expires == dt.date(2027, 1, 1)  # from the first day "2025-01" may mean
    assert bls.source == AHA_CARDS
    assert "two years" in bls.takes and "AHA Training Center" in bls.takes
    cen = {r.credential.id: r for r in report.estimated}["cen"]  # "BCEN": the letters
    assert cen.expires == dt.date(2028, 5, 10) and cen.source == "https://bcen.org/recertify/"


def test_a_shared_name_from_another_issuer_is_not_the_ahas(tmp_path: Path) -> None:
    loaded = load(tmp_path, NURSE, today=TODAY)
    acls = next(c for c in loaded.profile.credentials if c.id == "acls")
    assert cat.find(acls.name) is cat.catalog().get("aha-acls")  # the name alone
    assert cat.match(acls) is None  # ... but the Red Cross issued this one
    report = renewals(loaded)
    assert [item.credential.id for item in report.unknown] == ["acls"]
    path = write_profile(tmp_path, NURSE, "nurse.yaml")
    args = ["renewals", str(path), "--today", TODAY.isoformat()]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "no rule in the catalog: ACLS Provider" in result.stdout
    assert "~2027-01-01" in result.stdout
    result = CliRunner().invoke(cli, [*args, "--format", "json"])
    rows = {row["credential"]: row for row in json.loads(result.stdout)["renewals"]}
    assert rows["Basic Life Support (BLS) Provider"]["source"] == AHA_CARDS
    assert rows["ACLS Provider"]["source"] is None and rows["ACLS Provider"]["rule"] is None


def test_a_nurses_licence_is_not_a_catalog_entry() -> None:
    for name in ("RN license", "LPN license", "Multistate nursing license"):
        assert cat.for_terms([name]) == [], name
    assert cat.find("Registered Nurse License") is None
    assert cat.find("NCLEX-RN") is None


def test_a_card_named_by_its_letters_is_the_entry_when_its_issuer_agrees(tmp_path: Path) -> None:
    """Nurses write "BLS" from "AHA": renewals said "not in showcase's catalog" of the AHA's
    own BLS card (QA). The letters in the entry's name count only with its issuer."""
    cards = """
name: Ana Ruiz
credentials:
  - {id: c1, name: BLS, issuer: AHA, issued: 2025-01, assessment: exam}
  - {id: c2, name: PALS, issuer: American Heart Association, issued: 2025-01}
  - {id: c3, name: CNE, issuer: National League for Nursing, issued: 2025-01}
  - {id: c4, name: BLS, issuer: American Red Cross, issued: 2025-01}
  - {id: c5, name: ACLS, issuer: TODO-free issuer, issued: 2025-01}
"""
    loaded = load(tmp_path, cards, today=TODAY)
    found = {c.id: cat.match(c) for c in loaded.profile.credentials}
    assert {k: e.id if e else None for k, e in found.items()} == {
        "c1": "aha-bls",
        "c2": "aha-pals",
        "c3": "nln-cne",
        "c4": None,  # the Red Cross's BLS is not the AHA's
        "c5": None,
    }


def test_letters_are_the_entrys_own_only_when_its_issuer_is() -> None:
    """A sentence may say "Basic Life Support (BLS)" for a card written "BLS" only when the
    issuer is the entry's, whole or by its letters: a first word alone ("American") or
    another body (the Red Cross) is no certainty."""
    said = {
        (letters, issuer): (
            entry.name if (entry := cat.by_letters(letters, issuer, own=True)) else None
        )
        for letters, issuer in [
            ("BLS", "AHA"),
            ("PALS", "American Heart Association"),
            ("CNE", "National League for Nursing (NLN)"),
            ("BLS", "American"),
            ("BLS", "American Red Cross"),
        ]
    }
    assert said == {
        ("BLS", "AHA"): "Basic Life Support (BLS)",
        ("PALS", "American Heart Association"): "Pediatric Advanced Life Support (PALS)",
        ("CNE", "National League for Nursing (NLN)"): "Certified Nurse Educator (CNE)",
        ("BLS", "American"): None,
        ("BLS", "American Red Cross"): None,
    }
