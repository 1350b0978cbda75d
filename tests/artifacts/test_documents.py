"""The PDF and Word stanza every artifact with pages shares (artifacts/documents.py)."""

from __future__ import annotations

from pathlib import Path

from showcase.artifacts.build import no_layout
from showcase.artifacts.interview import render_interview
from showcase.artifacts.letter import render_letter
from showcase.artifacts.resume import render_resume
from showcase.strategy.tailor import read_for
from tests.conftest import ROOT
from tests.helpers import load

POSTING = ROOT / "tests" / "data" / "postings" / "01-acme-outdoor.txt"
CJK = "name: 山田 太郎\nheadline: Marketing Manager\ncontact:\n  email: taro@example.com\n"


def test_every_pdf_says_which_characters_the_bundled_font_lacks(tmp_path: Path) -> None:
    """The resume warned of it, the letter in other words, the interview sheet not at all."""
    loaded = load(tmp_path, CJK)
    made = [
        render_resume(loaded, formats=["pdf"], pdf_job=no_layout),
        render_interview(loaded, formats=["pdf"], pdf_job=no_layout),
        render_letter(loaded, read_for(POSTING), formats=["pdf"], pdf_job=no_layout),
    ]
    for artifact in made:
        said = [w.message for w in artifact.warnings if "no glyphs" in w.message]
        assert len(said) == 1, (artifact.label, [w.message for w in artifact.warnings])
        assert "山" in said[0] and "text keeps them" in said[0]


def test_a_text_format_alone_never_warns_of_glyphs(tmp_path: Path) -> None:
    loaded = load(tmp_path, CJK)
    artifact = render_resume(loaded, formats=["md", "txt"])
    assert not [w for w in artifact.warnings if "no glyphs" in w.message]
