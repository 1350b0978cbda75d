"""`gaps` for a nurse: BLS, ACLS and the RN licence counted in every spelling postings use,
and BLS the Bureau of Labor Statistics not counted (QA: "BLS and ACLS required" was read
as asking only for Spanish, and BLS showed 2/4 where 3 of 4 postings asked for it)."""

from __future__ import annotations

from pathlib import Path

from showcase.strategy.gaps import GapReport, gap_report
from tests.helpers import load

POSTINGS = {
    "charge.txt": """Charge Nurse - Medical/Surgical
Baptist Health System — San Antonio, TX

Qualifications
- Current RN license in Texas
- BLS and ACLS required
- 2 years of med-surg experience
- Strong patient assessment and medication administration skills
- Bilingual English/Spanish preferred
""",
    "educator.txt": """Nurse Educator
University Health — San Antonio, TX

Required:
* Active Registered Nurse license.
* BLS certification.
* Experience teaching adult learners.
""",
    "icu.txt": """ICU Registered Nurse
Methodist Hospital — San Antonio, TX

Requirements
- RN licensure in Texas or a compact state
- Basic Life Support and Advanced Cardiovascular Life Support
- 1 year of ICU experience
""",
    "analyst.txt": """Workforce Analyst
Methodist Healthcare — San Antonio, TX

Responsibilities
- Benchmark nurse pay against BLS wage data
- Build staffing dashboards in Tableau for nursing leadership
""",
}
NURSE = """
name: Ana Ruiz
headline: Registered Nurse, Medical-Surgical
credentials:
  - {id: rn, name: Registered Nurse License, issuer: Texas Board of Nursing, kind: license,
     issued: 2022-07, expires: 2028-06}
  - {id: bls, name: Basic Life Support (BLS) Provider, issuer: American Heart Association,
     issued: 2025-01, expires: 2027-01, assessment: exam}
skills:
  - {group: Clinical, items: [Patient assessment, Medication administration]}
"""


def report(tmp_path: Path) -> GapReport:
    folder = tmp_path / "postings"
    folder.mkdir()
    for name, text in POSTINGS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return gap_report(load(tmp_path, NURSE), [folder])


def test_bls_acls_and_the_rn_licence_are_counted_in_every_spelling(tmp_path: Path) -> None:
    gaps = report(tmp_path)
    rows = {row.term.name: row for row in gaps.rows}
    assert sorted(rows["BLS certification"].sources) == ["charge.txt", "educator.txt", "icu.txt"]
    assert sorted(rows["RN license"].sources) == ["charge.txt", "educator.txt", "icu.txt"]
    assert sorted(rows["ACLS"].sources) == ["charge.txt", "icu.txt"]
    assert rows["BLS certification"].have and rows["RN license"].have
    assert not rows["ACLS"].have  # she holds no ACLS: a gap, not a match


def test_the_charge_nurse_posting_asks_for_more_than_spanish(tmp_path: Path) -> None:
    asked = {
        term.name
        for group in report(tmp_path).requirements["charge.txt"]
        for term in group.requirement.any_of
    }
    assert {
        "RN license",
        "BLS certification",
        "ACLS",
        "Medical-surgical nursing",
        "Patient assessment",
        "Medication administration",
        "Spanish",
    } <= asked
