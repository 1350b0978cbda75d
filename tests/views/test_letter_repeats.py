"""The cover letter answers a skill once, and says "also" only after something (QA of
2026-12-06: a nurse's letter said "Epic and Epic" and told one result in two
paragraphs; a career changer's began its only evidence with "I also hold")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from showcase.profile import load_profile
from showcase.strategy.tailor import read_for
from showcase.views.letter import letter_view
from tests.helpers import RN_LICENCE

NURSE = """name: María José Núñez-Peña
headline: Registered Nurse
contact: {email: mj@example.com}
experience:
  - organization: Hospital Universitario San José
    title: Registered Nurse, Medical-Surgical
    start: 2022-06
    highlights:
      - Super-user for the Epic EHR go-live, training 25 nurses.
projects:
  - title: Epic flowsheet clean-up on 6 North
    result: Charting time for vitals fell by about 4 minutes per patient per shift.
    tools: [Epic]
credentials:
  - name: Basic Life Support (BLS) Provider
    issuer: American Heart Association
    issued: 2025-01
    expires: 2027-01
    assessment: exam
"""

INFORMATICS = """Clinical Informatics Nurse
Methodist Healthcare

Responsibilities
- Lead Epic build and optimization requests for nursing flowsheets and order sets.

Requirements
- Experience with Epic or Cerner.
- BLS certification required.
"""

CHANGER = """name: Hà Nguyễn
contact: {email: ha@example.com}
experience:
  - organization: Café Phở Sài Gòn
    title: Shift Lead
    start: 2019-03
    highlights:
      - Trained 8 new baristas.
credentials:
  - name: Google IT Support Professional Certificate
    issuer: Google
    platform: Coursera
    issued: 2026-09
    skills: [Troubleshooting]
    assessment: graded
  - name: Google IT Automation with Python Professional Certificate
    issuer: Google
    platform: Coursera
    issued: 2026-11
    skills: [Python]
    assessment: graded
"""

HELPDESK = """IT Help Desk Technician
Gulf Coast Logistics

Responsibilities
- Write scripts in Python to automate account setup.

Requirements
- CompTIA A+ or Google IT Support Professional Certificate.
"""


def _letter(tmp_path: Path, profile: str, posting: str) -> str:
    (tmp_path / "p.yaml").write_text(profile, encoding="utf-8")
    (tmp_path / "job.txt").write_text(posting, encoding="utf-8")
    loaded = load_profile(tmp_path / "p.yaml", today=dt.date(2026, 12, 6))
    return "\n\n".join(letter_view(loaded, read_for(tmp_path / "job.txt")).paragraphs)


def test_a_skill_two_requirements_ask_for_is_answered_once(tmp_path: Path) -> None:
    text = _letter(tmp_path, NURSE, INFORMATICS)
    assert "Epic and Epic" not in text
    assert text.casefold().count("charting time for vitals fell") == 1
    assert text.count("Epic is part of my work") + text.count("Epic has been part") == 1


def test_a_result_two_answers_share_is_told_in_the_paragraph_it_alone_answers(
    tmp_path: Path,
) -> None:
    """Once charting counted as clinical documentation the profile shows (a project's
    result), the letter told "charting time for vitals fell" under Epic as a further
    result, then again as the only answer for clinical documentation."""
    posting = INFORMATICS + "- Nursing documentation in the EHR.\n"
    text = _letter(tmp_path, NURSE, posting)
    assert "Clinical documentation is something I have put to use" in text
    assert text.casefold().count("charting time for vitals fell") == 1, text


def test_a_held_certification_leads_and_also_follows_something(tmp_path: Path) -> None:
    text = _letter(tmp_path, CHANGER, HELPDESK)
    opening = text.split("\n\n")[0]
    assert (
        "The role asks for the Google IT Support Professional Certificate, which I earned "
        "from Google in September 2026." in opening
    )
    assert text.count("Google IT Support Professional Certificate") == 1  # said once
    assert "I also hold the Google IT Automation with Python" in text  # after the opening


def test_without_anything_before_it_the_letter_says_i_hold(tmp_path: Path) -> None:
    posting = "Automation Technician\nAcme\n\nRequirements\n- Python scripting.\n"
    text = _letter(tmp_path, CHANGER, posting)
    assert "I also hold" not in text
    assert "I hold the Google IT Automation with Python Professional Certificate" in text


def test_the_interview_sheet_asks_about_a_skill_once(tmp_path: Path) -> None:
    from showcase.artifacts.interview import question_bank_path
    from showcase.artifacts.question_bank import load_question_bank
    from showcase.views.interview.sheet import interview_sheet

    (tmp_path / "p.yaml").write_text(NURSE, encoding="utf-8")
    (tmp_path / "job.txt").write_text(INFORMATICS, encoding="utf-8")
    loaded = load_profile(tmp_path / "p.yaml", today=dt.date(2026, 12, 6))
    bank = load_question_bank(question_bank_path(None))
    sheet = interview_sheet(loaded, bank, read_for(tmp_path / "job.txt"))
    asked = [q.question for q in sheet.posting_questions]
    assert asked.count("Tell me about a time you used Epic: what was the result?") == 1


NURSE_LICENSED = (
    "name: Ana Lima\ncredentials:\n"
    + RN_LICENCE
    + """experience:
  - title: Registered Nurse
    organization: Mercy General
    start: 2022-08
"""
)


def test_the_issuer_is_of_the_credential_held_not_of_what_the_role_asks(tmp_path: Path) -> None:
    # QA, 2026-12-06: "The role asks for the Registered Nurse License from the Texas Board of
    # Nursing" of a posting that asks for a Florida or multistate RN license.
    posting = "Clinical Nurse Educator\nBayshore\n\nRequirements\n- Active Florida RN license.\n"
    opening = _letter(tmp_path, NURSE_LICENSED, posting).split("\n\n")[0]
    assert "asks for the Registered Nurse License from" not in opening
    assert (
        "The role asks for the Registered Nurse License, which I earned from the Texas Board "
        "of Nursing in July 2022." in opening
    )
