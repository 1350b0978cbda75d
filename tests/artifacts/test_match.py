"""The resume aimed at one posting (`--for`) and its match report."""

from __future__ import annotations

from pathlib import Path

from showcase.artifacts.match import render_tailored_resume
from showcase.strategy.tailor import read_for
from tests.conftest import load_example


def test_a_file_that_names_nothing_a_posting_asks_for_is_warned_about(tmp_path: Path) -> None:
    """`build --for notes.txt` made a whole kit and a letter to "your company" for a file
    naming no skill at all, warning only of the letter's length: it now says the file
    may not be a job posting."""
    path = tmp_path / "notes.txt"
    path.write_text("xxxxxxxxxx\n")
    made = render_tailored_resume(load_example("jordan-rivera"), read_for(path), formats=["txt"])
    assert any("notes.txt" in str(w) and "is it a job posting" in str(w) for w in made.warnings), (
        made.warnings
    )


def test_a_posting_with_known_terms_gets_no_such_warning() -> None:
    from tests.conftest import ROOT

    posting = ROOT / "tests" / "data" / "postings" / "01-acme-outdoor.txt"
    made = render_tailored_resume(load_example("jordan-rivera"), read_for(posting), formats=["txt"])
    assert not any("is it a job posting" in str(w) for w in made.warnings)
