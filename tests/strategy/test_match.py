"""The match report: "in the resume" counts only what the profile shows, so a requirement
is never "not yet: to learn" and "in the resume: yes" at once."""

from __future__ import annotations

from pathlib import Path

from showcase.strategy.match import match_report
from showcase.strategy.postings import from_text
from showcase.strategy.requirements import asked_terms
from showcase.strategy.tailor import Tailoring
from tests.helpers import load

RECEPTIONIST = """
name: Sam Lee
experience:
  - {title: Receptionist, organization: Tableau Software, start: 2021-01,
     highlights: [Greeted 80 visitors a day.]}
skills:
  - {group: Tools, items: [Excel]}
"""

POSTING = "Data Analyst\nAcme\n\nRequirements\n- Tableau dashboards.\n- Excel.\n"

RESUME = "Sam Lee\nExperience\nTableau Software | Receptionist\n- Greeted 80 visitors a day.\n"


def test_a_term_only_in_an_employers_name_meets_nothing(tmp_path: Path) -> None:
    loaded = load(tmp_path, RECEPTIONIST)
    posting = from_text("job.txt", POSTING)
    report = match_report(loaded, Tailoring(posting, asked_terms(posting)), RESUME, RESUME)
    rows = {g.label: g for g in report.requirements}
    assert not rows["Tableau"].met and rows["Tableau"].in_resume is False
    keywords = {k.term: k for k in report.keywords}
    assert not keywords["Tableau"].in_resume and keywords["Tableau"].where is None
    assert report.coverage == 0.0  # Excel is hers, but this resume's text leaves it out
