"""The answer to "Tell me about yourself" (`views/interview/pitch.py`)."""

from __future__ import annotations

from pathlib import Path

from showcase.views.interview.pitch import pitch
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
    assert said.endswith("Now I want to put all of that to work in this role.")
    assert "That is why" not in said
