"""Reading a posting's formats (`strategy/posting_formats.py`): the HTML page's text."""

from __future__ import annotations

import pytest

from showcase.strategy.posting_formats import from_html

PAGE = (
    "<html><head><title>Data Analyst - Acme</title></head><body><h1>Data Analyst</h1>"
    "<p>Acme Corp is hiring a data analyst.{mark} You will use SQL, Python and Tableau every "
    "day to build dashboards for the sales team.</p><h2>Requirements</h2><ul>"
    "<li>3 years of SQL</li><li>Experience with Tableau</li><li>Python for analysis</li>"
    "</ul></body></html>"
)


@pytest.mark.parametrize("mark", ["&#7;", "&#x1B;", "&#X1b;", "&#0;", "&#127;", "&#150;", "\x07"])
def test_a_page_with_a_control_character_is_still_read(mark: str) -> None:
    """One `&#7;` in a page made it "a web page without a posting in it" (found by the QA
    pass): the parser's tree refuses the control character it names."""
    posting = from_html("job.html", PAGE.format(mark=mark))
    assert "SQL, Python and Tableau" in posting.text
    assert not any(ord(ch) < 32 and ch not in "\t\n" for ch in posting.text)


def test_references_to_other_characters_are_kept() -> None:
    posting = from_html("job.html", PAGE.format(mark="Caf&#233; &#x2014; &amp; more"))
    assert "Café — & more" in posting.text


def test_a_word_posting_looks_each_style_up_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """python-docx finds a paragraph's style by reading every style of the document: once
    a paragraph, a posting of 2,000 took 1.7 s and ran past its time limit on a busy
    machine (CI, 2026-12-06). Its headings and bullets still read as they did."""
    import io

    import docx
    from docx.text.paragraph import Paragraph

    from showcase.strategy.posting_formats import _docx_text

    document = docx.Document()
    document.add_heading("IT Support Specialist", level=1)
    for _ in range(300):
        document.add_paragraph("Reset passwords")
        document.add_paragraph("Active Directory", style="List Bullet")
    saved = io.BytesIO()
    document.save(saved)
    looked_up = 0
    own = Paragraph.style

    def counted(paragraph: Paragraph) -> object:
        nonlocal looked_up
        looked_up += 1
        return own.fget(paragraph)  # type: ignore[attr-defined]

    monkeypatch.setattr(Paragraph, "style", property(counted))
    title, text = _docx_text(saved.getvalue())
    assert looked_up == 3  # Heading 1, the default, List Bullet
    assert title == "IT Support Specialist"
    assert text.count("- Active Directory") == 300 and text.count("\nReset passwords") == 300
