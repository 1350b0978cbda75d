"""`gaps` for the levels of one issuer's certification family outside the cloud: a posting
that names one level is offered that level, not its sibling, and holding one level does
not meet a posting that names the other (the catalog has no fact that one evidences the
other). The family's bare name stays a class that any one level meets."""

from __future__ import annotations

from pathlib import Path

import pytest

from showcase.strategy.gaps import GapReport, gap_report
from tests.helpers import load

NEWCOMER = """
name: Sam Lee
headline: Data Analyst
"""
SPECIALIST = "tableau-desktop-specialist"
ANALYST = "tableau-certified-data-analyst"


def report(tmp_path: Path, line: str, profile: str = NEWCOMER) -> GapReport:
    posting = tmp_path / "posting.txt"
    posting.write_text(f"Data Analyst\nNimbus Labs\n\nRequirements\n- {line}\n", "utf-8")
    return gap_report(load(tmp_path, profile), [posting])


def holding(name: str) -> str:
    return NEWCOMER + (
        f"credentials:\n  - name: {name}\n    issuer: Tableau (Salesforce)\n    issued: 2026-01\n"
    )


def ids(gaps: GapReport) -> set[str]:
    return {s.entry.id for s in gaps.suggestions}


@pytest.mark.parametrize(
    ("line", "suggested"),
    [
        ("Tableau Desktop Specialist certification required", {SPECIALIST}),
        ("Tableau Certified Data Analyst preferred", {ANALYST}),
    ],
)
def test_each_tableau_level_gets_its_own_suggestion(
    tmp_path: Path, line: str, suggested: set[str]
) -> None:
    assert ids(report(tmp_path, line)) & {SPECIALIST, ANALYST} == suggested


def test_the_specialist_does_not_meet_a_data_analyst_requirement(tmp_path: Path) -> None:
    gaps = report(
        tmp_path, "Tableau Certified Data Analyst required", holding("Tableau Desktop Specialist")
    )
    assert ANALYST in ids(gaps)


@pytest.mark.parametrize("held", ["Tableau Desktop Specialist", "Tableau Certified Data Analyst"])
def test_either_level_meets_a_tableau_certification(tmp_path: Path, held: str) -> None:
    gaps = report(tmp_path, "Tableau certification a plus", holding(held))
    assert not ids(gaps) & {SPECIALIST, ANALYST}
    assert all(r.have for r in gaps.rows)
