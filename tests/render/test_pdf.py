"""WeasyPrint as `render/pdf.py` runs it: a user's mistake is a user's error, and nothing is
left behind."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from showcase.errors import RenderError


def test_extreme_css_is_a_users_error_and_leaves_no_temporary_folder() -> None:
    from showcase.render.pdf import html_to_pdf

    # The temporary folder is this test's own (tests/conftest.py): another program
    # running WeasyPrint at the same time leaves its weasyprint-* folders elsewhere.
    temporary = Path(tempfile.gettempdir())
    assert "pytest" in str(temporary)
    with pytest.raises(RenderError, match="extreme sizes"):
        html_to_pdf("<style>html{font-size:1e30px}</style><p>x</p>")
    assert html_to_pdf("<p>fine</p>").startswith(b"%PDF-")
    assert not list(temporary.glob("weasyprint-*"))


def test_a_layout_says_how_much_of_its_pages_the_content_fills() -> None:
    from showcase.render.pdf import count_pages

    style = (
        "<style>@page { margin: 1in } body { margin: 0 }"
        " p { font-size: 12pt; line-height: 20pt; margin: 0 }</style>"
    )

    def lines(n: int) -> str:
        return style + "".join(f"<p>line {i}</p>" for i in range(n))

    short, half, long = count_pages(lines(2)), count_pages(lines(20)), count_pages(lines(60))
    assert (short.pages, half.pages, long.pages) == (1, 1, 2)
    assert short.extent is not None and half.extent is not None and long.extent is not None
    # Letter, 1in margins: 648pt of text area, 20pt a line; a page break leaves no room
    # counted (60 lines: 32 on the first page, 28 on the second).
    assert short.extent == pytest.approx(2 * 20 / 648, abs=0.002)
    assert half.extent == pytest.approx(20 * 20 / 648, abs=0.002)
    assert long.extent == pytest.approx((32 + 28) * 20 / 648, abs=0.002)
    a4 = count_pages(lines(20), paper="a4")
    assert a4.extent is not None and a4.extent < half.extent  # A4 is taller
