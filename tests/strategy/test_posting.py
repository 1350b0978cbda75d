"""One posting as showcase reads it (`strategy/posting.py`)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from showcase.cli import cli
from showcase.strategy.posting import decode, from_text
from tests.conftest import EXAMPLES, ROOT

# A posting pasted from a terminal or a web page may carry control characters: a colour
# escape, a bell, a title-setting sequence. None can be written to a Word file (XML 1.0
# forbids them), and printed they drive the terminal.
HOSTILE = (
    "Senior \x1b[31mCloud\x1b[0m Engineer\x07\n"
    "Company: Evil\x1b]0;pwned\x07 Corp\n"
    "\n"
    "Requirements:\n"
    "- AWS\x08 is required\n"
    "- Terraform\x0c\n"
)


def test_control_characters_are_not_kept_in_a_posting() -> None:
    posting = from_text("job.txt", decode(HOSTILE.encode("utf-8")))
    for value in (posting.text, posting.title, posting.company):
        assert value is not None
        assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in value), repr(value)
    assert posting.title == "Senior [31mCloud[0m Engineer"
    assert "- AWS is required" in posting.text and "- Terraform\n" in posting.text + "\n"


def test_a_letter_for_a_posting_with_control_characters_is_written(tmp_path: Path) -> None:
    """It was an internal error: "All strings must be XML compatible" from python-docx."""
    job = tmp_path / "job.txt"
    job.write_bytes(HOSTILE.encode("utf-8"))
    result = CliRunner().invoke(
        cli,
        ["letter", str(EXAMPLES / "jordan-rivera.yaml"), "--for", str(job),
         "-o", str(tmp_path / "out"), "-f", "docx,txt", "--today", "2026-11-28"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    letter = (tmp_path / "out" / "Jordan-Rivera-Cover-Letter.txt").read_text("utf-8")
    assert "\x1b" not in letter and "\x07" not in letter


def test_a_web_page_title_written_with_control_characters_loses_them() -> None:
    from showcase.strategy.posting_formats import from_html

    page = (ROOT / "tests" / "data" / "postings" / "04-jobboard-summit.html").read_text("utf-8")
    for hostile in (
        page.replace(
            '"title": "Digital Marketing Lead"', '"title": "Digital\\u0007 Marketing Lead"'
        ),
        page.replace('"title": "Digital Marketing Lead",', "").replace(
            "<h1>Digital Marketing Lead</h1>", "<h1>Digital\x07 Marketing\x1b Lead</h1>"
        ),
    ):
        assert hostile != page
        assert from_html("job.html", hostile).title == "Digital Marketing Lead"


def test_a_postings_bidi_overrides_never_reach_what_showcase_writes() -> None:
    """U+202E in a posting's title reached the cover letter, its words shown reversed
    (QA, 2026-12-06)."""
    posting = from_text(
        "rlo.txt",
        "Digital Marketing Manager \u202e at Acme\u2066\n\nRequirements:\n- SEO \u202d\u2069\n",
    )
    for text in (posting.text, posting.title or "", posting.company or ""):
        assert not any("\u202a" <= ch <= "\u202e" or "\u2066" <= ch <= "\u2069" for ch in text)
    assert posting.title and posting.title.startswith("Digital Marketing Manager")
