"""The letter's opening paragraph: the job held and the summary's first sentence, each
said once."""

from __future__ import annotations

from pathlib import Path

from showcase.strategy.tailor import read_for
from showcase.views.letter import letter_view
from tests.helpers import load
from tests.views.test_letter import SUMMED_UP

UNRELATED = "Marketing Manager\nCompany: Acme Outdoor\n\nRequirements:\n- SEO\n"


def _opening(tmp_path: Path, profile: str) -> str:
    posting = tmp_path / "job.txt"
    posting.write_text(UNRELATED, encoding="utf-8")
    return letter_view(load(tmp_path, profile), read_for(posting)).opening


def test_the_role_of_the_summary_is_not_said_twice(tmp_path: Path) -> None:
    """A new user's read: "Today I work as a Registered Nurse at Bay Medical Center. I am a
    registered nurse with six years on a medical-surgical unit." """
    summary = "Registered nurse with four years on a 32-bed unit."
    opening = _opening(tmp_path, SUMMED_UP.format(summary=summary))
    assert opening.endswith(
        "Today I work at Mercy General. I am a registered nurse with four years on a 32-bed unit."
    )


def test_a_summary_of_another_role_leaves_the_job_title_said(tmp_path: Path) -> None:
    summary = "Registered nurse with four years on a 32-bed unit."
    profile = SUMMED_UP.format(summary=summary).replace(
        "title: Registered Nurse", "title: Clinical Educator"
    )
    opening = _opening(tmp_path, profile)
    assert "Today I work as a Clinical Educator at Mercy General." in opening
    assert opening.endswith("I am a registered nurse with four years on a 32-bed unit.")
