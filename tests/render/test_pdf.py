"""WeasyPrint as `render/pdf.py` runs it: a user's mistake is a user's error, and nothing is
left behind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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


def _lines(n: int, line_height: int = 20) -> str:
    style = (
        "<style>@page { margin: 1in } body { margin: 0 }"
        f" p {{ font-size: 12pt; line-height: {line_height}pt; margin: 0 }}</style>"
    )
    return (
        f"<html><head>{style}</head><body>"
        + "".join(f"<p>line {i}</p>" for i in range(n))
        + "</body></html>"
    )


def _pages(pdf: bytes) -> int:
    import io

    from pdfminer.pdfpage import PDFPage

    return len(list(PDFPage.get_pages(io.BytesIO(pdf))))


def test_a_closer_setting_pulls_back_a_few_lines_spilled_onto_a_last_page() -> None:
    """The interview sheet left two lines on a fourth page on some days: with `tighter`
    (the same document set closer) the PDF keeps to the pages before the spill."""
    from showcase.render.pdf import count_pages, html_to_pdf

    spilled = _lines(34)  # 32 lines a page at 20pt: two on a page of their own
    tighter = spilled.replace("line-height: 20pt", "line-height: 18pt")
    assert count_pages(spilled).pages == 2 and count_pages(tighter).pages == 1
    assert (count_pages(spilled).last or 0) < 0.25
    assert _pages(html_to_pdf(spilled)) == 2
    assert _pages(html_to_pdf(spilled, tighter=tighter)) == 1


def test_a_closer_setting_is_not_used_for_a_page_that_is_more_than_a_spill() -> None:
    """Half a page more is content, not a spill: the document is written as it is, even
    if the closer setting would save the page."""
    from showcase.render.pdf import count_pages, html_to_pdf

    longer = _lines(48)  # 16 lines on the second page: half of it
    tighter = longer.replace("line-height: 20pt", "line-height: 13pt")
    assert count_pages(tighter).pages == 1
    assert (count_pages(longer).last or 0) > 0.25
    assert _pages(html_to_pdf(longer, tighter=tighter)) == 2


def test_a_thread_keeps_one_font_configuration_and_no_two_threads_share_one() -> None:
    """The CLI and the PDF helper lay out in one thread and keep one configuration for
    all their layouts; a program laying out in several threads through the API gives each
    its own, as every layout had before (WeasyPrint's fonts are not shared across threads)."""
    import threading

    from showcase.render import pdf

    configurations: list[object] = []

    def lay_out_twice() -> None:
        for _ in range(2):
            assert pdf.html_to_pdf("<p>x</p>").startswith(b"%PDF-")
            configurations.append(pdf._FONTS.made[0])

    threads = [threading.Thread(target=lay_out_twice) for _ in range(2)]
    for thread in threads:
        thread.start()
        thread.join()
    first, again, second, second_again = configurations
    assert first is again and second is second_again and first is not second


def test_at_exit_the_font_folder_goes_and_its_configuration_forgets_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """WeasyPrint's `FontConfiguration.__del__` removes its folder with `rmtree`; run after
    the modules are torn down, `rmtree` is None ("Exception ignored in ... __del__",
    printed at the end of a test run). The exit handler removes the folder and leaves
    the configuration nothing to remove."""
    import threading
    import weakref

    import weasyprint.text.fonts

    from showcase.render.pdf import _bundled_fonts, _remove_font_folder

    made: list[object] = []  # a thread's own configuration, with the bundled faces
    thread = threading.Thread(target=lambda: made.append(_bundled_fonts()[0]))
    thread.start()
    thread.join()
    fonts: Any = made[0]
    folder = Path(fonts._folder)
    assert any(folder.iterdir())
    _remove_font_folder(str(folder), weakref.ref(fonts))
    assert not folder.exists()
    monkeypatch.setattr(weasyprint.text.fonts, "rmtree", None)  # as at teardown
    fonts.__del__()  # nothing left to remove: no TypeError


_NO_ROOM = """
import resource
from showcase.errors import RenderError
from showcase.render.pdf import html_to_pdf
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))  # as a full /tmp: no font fits
try:
    html_to_pdf("<p>x</p>")
except RenderError as exc:
    print("error:", exc)
"""


def test_a_temporary_folder_without_room_for_the_fonts_is_said_so(tmp_path: Path) -> None:
    """WeasyPrint writes the bundled font to a temporary folder before any layout: with
    /tmp full (a 300 KB tmpfs as TMPDIR, QA round 5) `showcase resume` ended "Internal
    error: OSError: [Errno 28] No space left on device", and under a file size limit
    (`ulimit -f 200`) "[Errno 27] File too large". It names the folder and the fix."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    done = subprocess.run(
        [sys.executable, "-c", _NO_ROOM],
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), "TMPDIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"in {tmp_path}: File too large" in done.stdout
    assert "set TMPDIR to a folder with room" in done.stdout
