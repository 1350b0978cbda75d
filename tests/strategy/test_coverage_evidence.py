"""`profile_evidence`: the one rule of what the person has, for gaps, the match report and
the letter. Everything the profile says the person did or holds counts, as the resume
prints it; the context of a story, a degree still under way and an expired credential do
not."""

from __future__ import annotations

from pathlib import Path

from showcase.strategy.coverage import profile_evidence
from showcase.strategy.matcher import matcher
from showcase.views.evidence import Evidence
from tests.conftest import load_example
from tests.helpers import load

NURSE = """
name: Ana Ruiz
experience:
  - title: Registered Nurse
    organization: St. Luke's
    start: 2022-08
    stories:
      - title: Night handover
        situation: The unit had no Epic super-users and used SQL reports nobody read.
        actions: [Rewrote the handover sheet.]
        result: Falls dropped 30% once every bed had fall precautions.
projects:
  - title: Flowsheet clean-up
    task: Remove a duplicated row from the nursing documentation.
    result: Charting time for vitals fell by about 4 minutes per patient per shift.
education:
  - {institution: UIW, degree: BSN, field: Nursing, start: 2018, end: 2022}
  - {institution: UTHealth, degree: MSN, field: Nursing informatics, start: 2025, end: 2028}
"""


def _names(tmp_path: Path, text: str) -> dict[str, list[str]]:
    evidence = profile_evidence(load(tmp_path, text), matcher())
    return {term.name: places for term, places in evidence.items()}


def test_a_projects_result_and_task_and_a_storys_result_count(tmp_path: Path) -> None:
    names = _names(tmp_path, NURSE)
    assert names["Clinical documentation"] == ["project: Flowsheet clean-up"]
    assert names["Fall prevention"] == ["experience: Registered Nurse, St. Luke's"]


def test_the_context_of_a_story_is_not_what_the_person_did(tmp_path: Path) -> None:
    names = _names(tmp_path, NURSE)
    assert "SQL" not in names and "Epic" not in names


def test_a_finished_degree_counts_and_one_under_way_does_not(tmp_path: Path) -> None:
    names = _names(tmp_path, NURSE)
    assert names["Bachelor of Science in Nursing"] == ["education: UIW"]
    assert "Master of Science in Nursing" not in names
    assert "Nursing informatics" not in names


def test_a_credential_the_catalog_knows_shows_its_certification() -> None:
    """Jordan's "Content Marketing Certification" from HubSpot Academy is the HubSpot one:
    the report said HubSpot was to learn, while the resume showed "HubSpot Academy"."""
    evidence = profile_evidence(load_example("jordan-rivera"), matcher())
    names = {term.name: places for term, places in evidence.items()}
    assert names["HubSpot"] == ["credential: Content Marketing Certification"]
    assert "HubSpot certification" in names


def test_the_letter_asks_the_same_rule() -> None:
    for name in ("jordan-rivera", "priya-raman", "minimal", "collector"):
        loaded = load_example(name)
        assert Evidence(loaded).shown == frozenset(profile_evidence(loaded, matcher())), name
