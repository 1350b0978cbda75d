"""WeasyPrint as `render/pdf.py` runs it: a user's mistake is a user's error, and nothing is
left behind."""

from __future__ import annotations

from pathlib import Path

import pytest

_LAYOUTS = """
import sys, tempfile
from pathlib import Path
from showcase.errors import RenderError
from showcase.render.pdf import html_to_pdf
try:
    html_to_pdf("<style>html{font-size:1e30px}</style><p>x</p>")
except RenderError as exc:
    print("error:", exc)
for text in ("one", "two", "three"):
    assert html_to_pdf(f"<p>{text}</p>").startswith(b"%PDF-")
print("folders:", len(list(Path(tempfile.gettempdir()).glob("weasyprint-*"))))
"""


def test_extreme_css_is_a_users_error_and_the_fonts_folder_goes_with_the_process(
    tmp_path: Path,
) -> None:
    """One font folder serves every layout of a process (made for each, it cost 8-11 ms of
    every layout), and it is removed when the process ends: /tmp filled up before."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    done = subprocess.run(
        [sys.executable, "-c", _LAYOUTS],
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), "TMPDIR": str(tmp_path)},
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert "extreme sizes" in done.stdout
    assert "folders: 1" in done.stdout  # four layouts, one font folder
    assert not list(tmp_path.glob("weasyprint-*"))


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
