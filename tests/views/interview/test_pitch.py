"""The answer to "Tell me about yourself" (`views/interview/pitch.py`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from showcase.profile import LoadedProfile
from showcase.views.interview.pitch import pitch
from showcase.views.interview.stories import Story, tell_story
from tests.helpers import load

# The jobs listed oldest first: the profile's order is the writer's, not the story's.
OLDEST_FIRST = """
name: Olive Order
credentials:
  - name: Google Data Analytics Professional Certificate
    issuer: Google
    issued: 2024-02
    assessment: graded
experience:
  - title: Cashier
    organization: Old Mart
    start: 2012-01
    end: 2015-06
    highlights:
      - Trained 5 new cashiers.
  - title: Data Analyst
    organization: Newco
    start: 2020-03
    highlights:
      - Built SQL dashboards that cut weekly reporting time by 60%.
"""


def test_the_pitch_starts_from_the_job_held_whatever_the_order_of_the_profile(
    tmp_path: Path,
) -> None:
    said = pitch(load(tmp_path, OLDEST_FIRST), (), "Senior Data Analyst")
    text = " ".join(said.sentences)
    assert said.sentences[0].startswith("I'm a Data Analyst at Newco")
    assert "Before that I spent" in text and "as a Cashier at Old Mart" in text
    assert "Until June 2015" not in text
    assert "move from Data Analyst into a Senior Data Analyst role" in text


# A fixed-term contract that ends after today: the job is still held.
FIXED_TERM = """
name: Fran Future
credentials:
  - name: Google Data Analytics Professional Certificate
    issuer: Google
    issued: 2024-02
    assessment: graded
experience:
  - title: Contract Data Analyst
    organization: Fixedterm Inc
    start: 2025-01
    end: 2027-06
    highlights:
      - Lead the weekly reporting for the sales team.
      - Built SQL dashboards that cut weekly reporting time by 60%.
  - title: Clerk
    organization: Oldco
    start: 2015-01
    end: 2024-12
"""


def test_a_job_that_ends_after_today_is_held_not_left(tmp_path: Path) -> None:
    """It said "Until recently I was a Contract Data Analyst" of a job held until June 2027."""
    said = pitch(load(tmp_path, FIXED_TERM), (), None)
    assert said.sentences[0] == (
        "I'm a Contract Data Analyst at Fixedterm Inc, where I lead the weekly reporting for "
        "the sales team."
    )
    assert "Before that I spent ten years as a Clerk at Oldco." in said.sentences


def test_without_a_target_the_pitch_ends_on_what_it_said(tmp_path: Path) -> None:
    """ "That is why this role interests me." followed a list of credentials, and "that"
    said nothing (QA, 2026-12-06)."""
    loaded = load(
        tmp_path,
        "name: Sam Lee\ncredentials:\n  - {name: CompTIA A+, issuer: CompTIA, issued: 2025-01,"
        " assessment: exam}\n",
    )
    said = " ".join(pitch(loaded, (), None).sentences)
    # One credential is no "all of that" (a new user's read: "I have earned the CompTIA
    # A+. Now I want to put all of that to work in this role.").
    assert said == "I have earned the CompTIA A+. Now I want to put it to work in this role."
    two = load(
        tmp_path,
        "name: Sam Lee\ncredentials:\n  - {name: CompTIA A+, issuer: CompTIA, issued: 2025-01,"
        " assessment: exam}\n  - {name: CompTIA Network+, issuer: CompTIA, issued: 2025-06,"
        " assessment: exam}\n",
    )
    said = " ".join(pitch(two, (), None).sentences)
    assert said.endswith("Now I want to put all of that to work in this role.")
    assert "That is why" not in said


# A result that is a sentence of its own, from a project and from a job's highlight.
RESULTS = """
name: Ana Lima
credentials:
  - {name: CompTIA A+, issuer: CompTIA, issued: 2025-01, assessment: exam}
experience:
  - title: Registered Nurse
    organization: Mercy General
    start: 2022-08
    highlights:
      - Falls on the unit fell 30% in one year.
projects:
  - title: Epic flowsheet clean-up on 6 North
    task: Remove a duplicated flowsheet row.
    actions: [Met the Epic analyst weekly for a month.]
    result: Charting time for vitals fell by about 4 minutes per patient per shift.
"""


def _stories(loaded: LoadedProfile) -> tuple[Story, ...]:
    return tuple(tell_story(loaded, p, (), set()) for p in loaded.profile.projects)


def test_a_result_of_its_own_names_the_project_it_comes_from(tmp_path: Path) -> None:
    # QA, 2026-12-06: "I'm proud of the result: charting time ..." said of no project.
    loaded = load(tmp_path, RESULTS)
    said = pitch(loaded, _stories(loaded), None).sentences
    assert (
        "I'm proud of my work on Epic flowsheet clean-up on 6 North: charting time for "
        "vitals fell by about 4 minutes per patient per shift."
    ) in said
    assert not any("proud of the result" in s for s in said)


def test_a_result_from_a_highlight_names_the_job_it_comes_from(tmp_path: Path) -> None:
    loaded = load(tmp_path, RESULTS.split("projects:")[0])
    said = pitch(loaded, (), None).sentences
    assert "I'm proud of my work at Mercy General: falls on the unit fell 30% in one year." in (
        said
    )


def test_a_result_half_action_half_figure_is_said_as_one_sentence(tmp_path: Path) -> None:
    # It read "I'm proud of the result: keep a book of 140 small-business accounts; 94% ..."
    loaded = load(
        tmp_path,
        """
name: Marcus Bell
credentials:
  - {name: Zendesk Support Administrator, issuer: Zendesk, issued: 2025-02}
experience:
  - title: Customer Success Specialist
    organization: Brightline Software
    start: 2022-03
    highlights:
      - Keep a book of 140 small-business accounts; 94% renewed in 2025, up from 88%.
""",
    )
    assert (
        "I'm proud of my work at Brightline Software, where I keep a book of 140 "
        "small-business accounts: 94% renewed in 2025, up from 88%."
    ) in pitch(loaded, (), None).sentences


def test_the_same_title_spelled_otherwise_is_no_career_change(tmp_path: Path) -> None:
    # QA, 2026-12-06: "Next, I want to move from Registered Nurse, Medical-Surgical into a
    # Registered Nurse - Medical/Surgical role".
    loaded = load(tmp_path, RESULTS.replace("Registered Nurse\n", "Registered Nurse, Med-Surg\n"))
    said = pitch(loaded, (), "Registered Nurse - Med/Surg")
    assert not said.career_change
    assert said.sentences[-1] == (
        "Now I'm looking for my next Registered Nurse - Med/Surg role, and this one fits what "
        "I do best."
    )


# Employers whose names end with their own dot ("S.A. de C.V.", "Inc."), with no highlight
# the pitch can say after them: the sentence ended "... S.A. de C.V.." (QA, a Mexican
# accountant).
DOTTED = """
name: Fer Lopez
credentials:
  - name: Contador Publico Certificado
    issuer: Instituto Mexicano de Contadores Publicos
    kind: certification
    issued: 2022-05
experience:
  - title: Contadora Senior
    organization: Manufacturas del Bajio S.A. de C.V.
    start: 2021-03
  - title: Auxiliar Contable
    organization: Despacho Ruiz y Asociados, S.C.
    start: 2018-01
    end: 2021-02
"""


def test_an_employer_that_ends_with_a_dot_ends_the_sentence_once(tmp_path: Path) -> None:
    said = pitch(load(tmp_path, DOTTED), (), None).sentences
    assert said[0] == "I'm a Contadora Senior at Manufacturas del Bajio S.A. de C.V."
    assert said[1] == (
        "Before that I spent three years as an Auxiliar Contable at Despacho Ruiz y Asociados, S.C."
    )


@pytest.mark.parametrize(
    ("target", "last"),
    [
        (
            "Senior Data Analyst",
            "Next, I want to move from Data Analyst into a Senior Data Analyst role.",
        ),
        ("Data Analyst", "Now I'm looking for my next Data Analyst role."),
        (None, "Now I want to take on this role."),
    ],
)
def test_with_nothing_that_carries_over_the_pitch_claims_none(
    tmp_path: Path, target: str | None, last: str
) -> None:
    """Aimed at a posting the profile meets nothing of, "this one builds on all of that",
    "fits what I do best" and "put all of that to work" are untrue: the last sentence
    says only what comes next."""
    said = pitch(load(tmp_path, OLDEST_FIRST), (), target, carries_over=False)
    assert said.sentences[-1] == last
