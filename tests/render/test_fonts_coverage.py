"""The bundled font's characters, read by HarfBuzz without fontTools (issue #29)."""

from __future__ import annotations

from pathlib import Path

import pytest

from showcase.render import pdf
from showcase.render.templates import bundled_templates_dir

FONTS = sorted((bundled_templates_dir() / "fonts").glob("*.otf"))


@pytest.mark.parametrize("font", FONTS, ids=[f.name for f in FONTS])
def test_harfbuzz_reads_what_fonttools_reads(font: Path) -> None:
    assert len(pdf.harfbuzz_coverage(font)) > 2000
    assert pdf.harfbuzz_coverage(font) == pdf.fonttools_coverage(font)


def test_a_missing_file_is_an_error_not_an_empty_font(tmp_path: Path) -> None:
    with pytest.raises(OSError, match="cannot read"):
        pdf.harfbuzz_coverage(tmp_path / "absent.otf")


def test_a_file_that_is_no_font_is_an_error(tmp_path: Path) -> None:
    text = tmp_path / "notes.otf"
    text.write_text("not a font\n" * 100)
    with pytest.raises(ValueError, match="no characters"):
        pdf.harfbuzz_coverage(text)


def test_the_bundled_font_covers_typographic_punctuation() -> None:
    pdf.font_coverage.cache_clear()
    covered = pdf.font_coverage()
    assert {ord(c) for c in "“”‘’–—…·•€"} <= covered
    assert pdf.missing_glyphs("“Jordan” – 18% · 2026") == []
    assert pdf.missing_glyphs("Jordan 山田") == ["山", "田"]
