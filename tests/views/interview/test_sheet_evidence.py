"""The interview sheet's credentials as evidence: what each proves, in words that claim
no more than the profile holds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from showcase.artifacts.interview import question_bank_path
from showcase.artifacts.question_bank import load_question_bank
from showcase.profile import load_profile
from showcase.views.interview.sheet import interview_sheet

PROFILE = """name: Sam Okafor
credentials:
  - {id: a, name: CompTIA A+, issuer: CompTIA, issued: 2026-11, assessment: exam}
  - {id: b, name: Data Basics, issuer: Acme Learning, issued: 2026-10, assessment: project}
  - {id: c, name: Excel Essentials, issuer: Acme Learning, issued: 2026-09, assessment: graded}
  - {id: d, name: Office Tour, issuer: Acme Learning, kind: course, issued: 2026-08,
     assessment: none}
  - {id: e, name: Network Basics, issuer: CompTIA, issued: 2026-07, assessment: exam,
     skills: [Networking]}
"""


def test_a_credential_without_skills_proves_no_made_up_subject(tmp_path: Path) -> None:
    """It said "Passed CompTIA's exam on the subject." for a card that lists no skills."""
    (tmp_path / "p.yaml").write_text(PROFILE, encoding="utf-8")
    loaded = load_profile(tmp_path / "p.yaml", today=dt.date(2026, 12, 6))
    sheet = interview_sheet(loaded, load_question_bank(question_bank_path(None)))
    proves = {row.name: row.proves for row in sheet.evidence}
    assert proves == {
        "CompTIA A+": "Passed CompTIA's exam.",
        "Data Basics": "Delivered a graded, project-based capstone.",
        "Excel Essentials": "Passed graded assessments.",
        "Office Tour": "Completed coursework (completion only: mention it, don't lead).",
        "Network Basics": "Passed CompTIA's exam on networking.",
    }
