"""The salary talking points say a result is backed by credentials only when it is: an
`applied` line, or a project done for a credential still valid (QA, 2026-12-06: a
project of the person's own was said to be one "the credentials stand behind")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from showcase.artifacts.interview import question_bank_path
from showcase.artifacts.question_bank import load_question_bank
from showcase.profile import load_profile
from showcase.views.interview.sheet import interview_sheet

PROFILE = """name: Sam Lee
contact: {email: sam@example.com}
credentials:
  - id: bls
    name: Basic Life Support (BLS) Provider
    issuer: American Heart Association
    issued: 2025-01
    expires: 2027-01
    assessment: exam
  - id: old
    name: CompTIA A+
    issuer: CompTIA
    issued: 2019-04
    expires: 2022-04
    assessment: exam
projects:
  - title: Flowsheet clean-up on 6 North
    result: Charting time fell by about 4 minutes per patient per shift.
  - title: Code cart drill
    credential: bls
    result: Response time fell from 4 minutes to 2.
  - title: Help desk queue
    credential: old
    result: Tickets fell 30%.
"""


def test_only_results_a_valid_credential_backs_are_said_to_be_backed(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(PROFILE, encoding="utf-8")
    loaded = load_profile(tmp_path / "p.yaml", today=dt.date(2026, 12, 6))
    sheet = interview_sheet(loaded, load_question_bank(question_bank_path(None)))
    backed = [p for p in sheet.talking_points if "credentials stand behind" in p]
    assert backed == [
        "A result the credentials stand behind: Response time fell from 4 minutes to 2. "
        "– Code cart drill"
    ]
    # The person's own project is still among the results to turn into stories.
    assert any("Flowsheet clean-up on 6 North" in r for r in sheet.results)
