"""The line under the resume's name (`ResumeView.tagline`): letters, then the headline,
each said once."""

from __future__ import annotations

from pathlib import Path

from showcase.artifacts.resume import render_resume
from showcase.views.resume import resume_view
from tests.helpers import RN_LICENCE, load

NURSE = (
    "name: Ana Lima\nheadline: {headline}\ncredentials:\n"
    + RN_LICENCE
    + "    post_nominal: RN\n"
    + """  - name: Critical Care Registered Nurse (CCRN)
    issuer: AACN
    kind: certification
    issued: 2024-05
    assessment: exam
    post_nominal: CCRN
"""
)


def tagline(tmp_path: Path, headline: str) -> str | None:
    return resume_view(load(tmp_path, NURSE.format(headline=headline))).tagline


def test_letters_the_headline_spells_out_are_not_said_again(tmp_path: Path) -> None:
    # QA, 2026-12-06: "RN · Registered Nurse, Medical-Surgical" said the licence twice.
    assert tagline(tmp_path, "Registered Nurse, Medical-Surgical") == (
        "CCRN · Registered Nurse, Medical-Surgical"
    )


def test_letters_the_headline_names_as_letters_are_not_said_again(tmp_path: Path) -> None:
    assert tagline(tmp_path, "ICU Nurse (RN, CCRN)") == "ICU Nurse (RN, CCRN)"


def test_letters_the_headline_does_not_say_lead_it(tmp_path: Path) -> None:
    assert tagline(tmp_path, "Learning & Development Lead") == (
        "RN, CCRN · Learning & Development Lead"
    )


def test_the_letters_stay_the_resume_s_own(tmp_path: Path) -> None:
    """Only the tagline leaves them out: the view still holds every letter, for a template
    that places them elsewhere, and the text resume reads as the tagline says."""
    loaded = load(tmp_path, NURSE.format(headline="Registered Nurse, Medical-Surgical"))
    assert resume_view(loaded).post_nominals == ("RN", "CCRN")
    text = next(iter(render_resume(loaded, formats=["txt"]).files.values())).decode()
    assert text.splitlines()[:2] == ["Ana Lima", "CCRN · Registered Nurse, Medical-Surgical"]
