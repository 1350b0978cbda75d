"""The LinkedIn headline (`views/linkedin/headline.py`)."""

from __future__ import annotations

from pathlib import Path

from showcase.views.linkedin.headline import headline
from tests.helpers import RN_LICENCE, load
from tests.views.interview.test_pitch import OLDEST_FIRST


def test_without_a_headline_it_names_the_job_held_not_the_first_listed(tmp_path: Path) -> None:
    text = headline(load(tmp_path, OLDEST_FIRST)).text
    assert text.startswith("Data Analyst")
    assert "Cashier" not in text


def test_between_jobs_it_names_the_latest_job_not_the_first_listed(tmp_path: Path) -> None:
    left = OLDEST_FIRST.replace("    start: 2020-03\n", "    start: 2020-03\n    end: 2024-01\n")
    text = headline(load(tmp_path, left)).text
    assert text.startswith("Data Analyst") and "Cashier" not in text


NURSE = (
    "name: Ana Lima\nheadline: {headline}\ncredentials:\n" + RN_LICENCE + "    post_nominal: RN\n"
)


def test_letters_the_headline_spells_out_are_not_added(tmp_path: Path) -> None:
    # QA, 2026-12-06: "Registered Nurse, Medical-Surgical | RN | ..." said the licence twice.
    text = headline(load(tmp_path, NURSE.format(headline="Registered Nurse, Medical-Surgical")))
    assert text.text == "Registered Nurse, Medical-Surgical"


def test_letters_hidden_inside_a_word_are_still_added(tmp_path: Path) -> None:
    # "Learning" holds "rn": that is no reason to leave the RN off.
    text = headline(load(tmp_path, NURSE.format(headline="Learning & Development Lead"))).text
    assert text.split(" | ")[:2] == ["Learning & Development Lead", "RN"]
