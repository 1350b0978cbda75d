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
