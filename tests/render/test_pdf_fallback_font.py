"""A character no font has must not cost a resume parser the rest of the PDF's text.

Before: one emoji in the headline (or a CJK language name on a machine without a CJK
font) made WeasyPrint give the font drawing it a custom encoding, and pdfminer, the
parser these tests read with, then read none of that font's text: every regular line
of the resume, or the headline and every semi-bold heading, was lost.
"""

from __future__ import annotations

import io

import pytest

from showcase.artifacts.resume import render_resume
from showcase.profile import load_text
from showcase.render import pdf as pdf_writer
from tests.conftest import TODAY

HEADLINE = "Growth marketer \U0001f680 | ex-teacher \u2705"
NOT_INTER = "\U0001f680\u2705\u65e5\u672c"


def pdf_text(pdf: bytes) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(pdf))


def test_the_fallback_font_draws_each_character_with_a_glyph_of_its_own() -> None:
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(pdf_writer.fallback_font(tuple(NOT_INTER))))
    cmap = font.getBestCmap()
    glyphs = [cmap[ord(ch)] for ch in NOT_INTER]
    assert len(set(glyphs)) == len(NOT_INTER)  # distinct: the PDF's text keeps each one
    assert cmap[0x20] == "space"
    assert pdf_writer.fallback_font(tuple(NOT_INTER)) == pdf_writer.fallback_font(tuple(NOT_INTER))


def test_characters_a_system_font_has_are_left_to_it() -> None:
    # Latin text is in every font; the fallback is only for what no font draws.
    assert pdf_writer.no_font_draws(("A", "e")) == ()
    assert pdf_writer.no_font_draws(()) == ()


@pytest.mark.slow
def test_a_character_no_font_has_keeps_the_rest_of_the_text_readable() -> None:
    html = (
        '<html><head><meta name="dcterms.created" content="2026-11-28T00:00:00Z"></head>'
        "<body style=\"font-family: Inter, sans-serif, 'Showcase Fallback'\">"
        f"<p>Plain words before {NOT_INTER} and after</p><p><b>Bold {NOT_INTER}</b></p>"
        "</body></html>"
    )
    text = pdf_text(pdf_writer.html_to_pdf(html))
    assert "Plain words before" in text and "and after" in text
    assert "Bold" in text
    for ch in pdf_writer.no_font_draws(tuple(NOT_INTER)):
        assert ch in text  # read back as itself, not lost, not another character


@pytest.mark.slow
def test_an_emoji_in_the_headline_leaves_the_resume_readable_to_a_parser() -> None:
    loaded = load_text(
        f"""
name: Sam Lee
headline: "{HEADLINE}"
summary: Marketing manager with eight years in retail e-commerce.
credentials:
  - name: Google Ads Search Certification
    issuer: Google
    kind: certification
    issued: 2026-02
    assessment: exam
languages:
  - language: "\u65e5\u672c\u8a9e"
    level: elementary
""",
        today=TODAY,
    )
    artifact = render_resume(loaded, formats=["pdf"])
    artifact.resolve()
    text = pdf_text(artifact.files["Sam-Lee-Resume.pdf"])
    assert "Marketing manager with eight years in retail e-commerce." in text
    assert "Growth marketer" in text and "ex-teacher" in text
    assert "Issued Feb 2026" in text


def test_documents_whose_fallbacks_overlap_each_keep_every_character() -> None:
    """One process, two documents: the second's characters no font has overlap the
    first's ("日", then "本日"). Both fallback fonts were one family in one font
    configuration, written as one PDF font, and "日" of the second came back as nothing
    (in `watch`, the editor's preview, or this test run after another such test)."""
    import threading

    candidates = "\U00013000\U00013001" + NOT_INTER  # Egyptian hieroglyphs first
    chars = pdf_writer.no_font_draws(tuple(candidates))
    assert len(chars) >= 2, "this machine has a font for every candidate character"
    first, second = chars[0], chars[1] + chars[0]
    texts: list[str] = []

    def lay_out() -> None:  # a thread of its own: a font configuration nothing else used
        for chars_here in (first, second):
            html = (
                "<html><body style=\"font-family: Inter, 'Showcase Fallback'\">"
                f"<p>Before {chars_here} after</p></body></html>"
            )
            texts.append(pdf_text(pdf_writer.html_to_pdf(html)))

    thread = threading.Thread(target=lay_out)
    thread.start()
    thread.join()
    assert first in texts[0]
    assert all(ch in texts[1] for ch in second), (second, texts[1])
