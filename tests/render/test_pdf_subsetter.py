"""PDF bytes are reproducible whichever font subsetter WeasyPrint uses (issue #10)."""

from __future__ import annotations

import time

import pytest

from showcase.artifacts.resume import render_resume
from showcase.render import fonts
from showcase.render import pdf as pdf_writer
from tests.conftest import load_example

HTML = (
    '<html><head><meta name="dcterms.created" content="2026-11-28T00:00:00Z"></head>'
    "<body><p>Jordan Rivera</p></body></html>"
)


@pytest.mark.slow
def test_the_fonttools_fallback_gives_the_same_bytes_twice(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from showcase.render.weasy import import_weasyprint

    import_weasyprint()
    import weasyprint.pdf.fonts as fonts

    monkeypatch.setattr(fonts, "harfbuzz_subset", None)  # as on a machine without the library
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = pdf_writer.html_to_pdf(HTML)
    time.sleep(1.1)  # fontTools stamps whole seconds
    second = pdf_writer.html_to_pdf(HTML)
    assert first == second
    assert "SOURCE_DATE_EPOCH" not in __import__("os").environ  # put back as it was


def test_the_subsetter_is_found_without_importing_weasyprint() -> None:
    pdf_writer.font_subsetter.cache_clear()
    assert pdf_writer.font_subsetter() in ("harfbuzz", "fonttools")


def test_the_fallback_is_warned_about_once(monkeypatch: pytest.MonkeyPatch) -> None:

    monkeypatch.setattr(fonts, "font_subsetter", lambda: "fonttools")
    loaded = load_example("minimal")

    def no_layout(html: str, **_: object) -> bytes:
        return b""

    artifact = render_resume(loaded, formats=["pdf"], pdf_job=no_layout)
    assert [w.message for w in artifact.warnings].count(pdf_writer.SUBSETTER_WARNING) == 1
    assert "libharfbuzz-subset0" in pdf_writer.SUBSETTER_WARNING


def test_this_machine_has_the_fast_subsetter() -> None:
    """CI installs libharfbuzz-subset0 (.ci/run); without it PDFs are 3x slower."""
    pdf_writer.font_subsetter.cache_clear()
    assert pdf_writer.font_subsetter() == "harfbuzz"
