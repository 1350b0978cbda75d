"""The PDF helper lays a small page out while it waits for its first job (`warm_layout`),
before it forks its twin: both lanes start with the bundled fonts loaded."""

from __future__ import annotations

import io
import os
import time
from collections import OrderedDict

import pytest

from showcase.helper import Helper, warm_up
from showcase.render import pdf


def _warm_state() -> tuple[int, bool, int]:
    """In a lane: its pid, whether the bundled fonts are loaded, and the layouts kept."""
    return os.getpid(), getattr(pdf._FONTS, "made", None) is not None, len(pdf._RENDERED)


def test_both_lanes_start_with_the_fonts_loaded_and_nothing_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The helper is forked from this process: what it has loaded, the helper would too.
    monkeypatch.delattr(pdf._FONTS, "made", raising=False)
    monkeypatch.setattr(pdf, "_RENDERED", OrderedDict())
    helper = Helper(warm=warm_up, lanes=2)
    try:
        helper.submit_keyed("a", time.sleep, 1)  # the first lane is busy: "b" goes on
        twin = helper.submit_keyed("b", _warm_state).result(timeout=60)
        first = helper.submit_keyed("a", _warm_state).result(timeout=60)
    finally:
        helper.stop()
    assert first[0] == helper.pid and twin[0] not in (helper.pid, os.getpid())
    assert first[1:] == (True, 0)  # loaded before any job, and the warm page forgotten
    assert twin[1:] == (True, 0)  # the twin was forked warm


def test_the_warm_page_is_forgotten_and_lays_out_in_the_bundled_font() -> None:
    before = list(pdf._RENDERED)
    pdf.warm_layout()
    assert list(pdf._RENDERED) == before
    assert pdf.count_pages(pdf._WARM_HTML).pages == 1
    # The faces it warms are the bundled ones, not a system font: all four of them.
    assert _fonts(pdf.html_to_pdf(pdf._WARM_HTML)) == {
        "Inter",
        "Inter-Italic",
        "Inter-Semi-Bold",
        "Inter-Bold",
    }


def _fonts(document: bytes) -> set[str]:
    """The fonts a PDF draws with, by their PostScript names (without subset tags)."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTContainer

    names: set[str] = set()
    stack: list[object] = list(extract_pages(io.BytesIO(document)))
    while stack:
        item = stack.pop()
        if isinstance(item, LTChar):
            names.add(item.fontname.split("+")[-1])
        elif isinstance(item, LTContainer):
            stack.extend(item)
    return names
