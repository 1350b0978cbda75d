"""HTML to PDF with WeasyPrint: embedded fonts, tagged (PDF/UA-1), confined, reproducible.

WeasyPrint is imported inside the functions that need it: it takes ~0.5 s to
import, and most commands never write a PDF.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import re
import shutil
import tempfile
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from showcase.errors import RenderError
from showcase.render.bundled import bundled_templates_dir
from showcase.render.fetcher import fetcher_class
from showcase.render.fonts import FALLBACK_FAMILY as FALLBACK_FAMILY
from showcase.render.fonts import FONT_FILE as FONT_FILE
from showcase.render.fonts import SUBSETTER_WARNING as SUBSETTER_WARNING
from showcase.render.fonts import describe_missing as describe_missing
from showcase.render.fonts import fallback_css
from showcase.render.fonts import fallback_font as fallback_font
from showcase.render.fonts import font_coverage as font_coverage
from showcase.render.fonts import font_subsetter as font_subsetter
from showcase.render.fonts import fonttools_coverage as fonttools_coverage
from showcase.render.fonts import harfbuzz_coverage as harfbuzz_coverage
from showcase.render.fonts import missing_glyphs as missing_glyphs
from showcase.render.fonts import no_font_draws as no_font_draws
from showcase.render.fonts import pdf_warnings as pdf_warnings
from showcase.render.pdfobjects import kept_once
from showcase.render.weasy import import_weasyprint

PAPER_CSS = {
    "letter": "@page { size: letter; }",
    "a4": "@page { size: A4; }",
}


def creation_date(today: dt.date) -> str:
    """The document date: SOURCE_DATE_EPOCH when set (reproducible builds), else `today`."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        # 1980-2107: what a DOCX's zip can record; a value outside is ignored, not a crash.
        seconds = min(max(int(epoch), 315_532_800), 4_354_819_199)
        moment = dt.datetime.fromtimestamp(seconds, tz=dt.UTC)
    else:
        moment = dt.datetime(today.year, today.month, today.day, tzinfo=dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


# What every PDF is written with: tagged, and a fixed id that keeps it byte-identical.
_PDF_OPTIONS: dict[str, Any] = {"pdf_variant": "pdf/ua-1", "pdf_identifier": b"showcase"}
# The documents the last layout passes rendered (`count_pages`), by their inputs: the
# candidate the resume's fit chooses is then written without being laid out again. Kept
# in the process that measured them (the helper, or this one); `html_to_pdf` empties it.
_RENDERED: OrderedDict[str, Any] = OrderedDict()
_KEEP_RENDERED = 3  # the fit's sizes; a rendered resume takes a few MiB


def _render_key(html: str, allowed: Iterable[Path], paper: str, base_url: Path | None) -> str:
    digest = hashlib.sha256()
    for part in (html, paper, str(base_url), *(str(p) for p in allowed)):
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()


def html_to_pdf(
    html: str,
    *,
    allowed: Iterable[Path] = (),
    paper: str = "letter",
    base_url: Path | None = None,
    tighter: str | None = None,
) -> bytes:
    """Render `html` to PDF bytes; only files under `allowed` may be read.

    `tighter` is the same document set closer: it is written instead when `html` would
    end with a last page filled less than `SPILL` and `tighter` takes a page fewer (the
    interview sheet left two lines on a fourth page on some days). Otherwise `html` is
    laid out once, as without it."""
    allowed = list(allowed)
    if tighter is not None and tighter != html:
        html = _fewer_pages(html, tighter, allowed, paper, base_url)
    rendered = _RENDERED.pop(_render_key(html, allowed, paper, base_url), None)
    _RENDERED.clear()  # the fit that measured the others is over
    if rendered is not None:  # laid out by `count_pages` just before: only the writing left
        document, fetcher = rendered
        with _in_words(fetcher):
            return _write(document, html)

    def write(document: Any, stylesheets: list[Any], fonts: Any) -> bytes:
        return _write(
            document.render(stylesheets=stylesheets, font_config=fonts, **_PDF_OPTIONS), html
        )

    result = _with_document(html, write, allowed=allowed, paper=paper, base_url=base_url)
    assert isinstance(result, bytes)
    return result


SPILL = 0.25  # a last page filled less than this is a spill a closer setting may pull back


def _fewer_pages(
    html: str, tighter: str, allowed: list[Path], paper: str, base_url: Path | None
) -> str:
    """`tighter` when `html` spills a few lines onto a last page and `tighter` does not;
    else `html`. Both layouts are kept (`count_pages`), so the one chosen is not laid out
    again to be written."""
    loose = count_pages(html, allowed=allowed, paper=paper, base_url=base_url)
    if loose.pages < 2 or loose.last is None or loose.last >= SPILL:
        return html
    tight = count_pages(tighter, allowed=allowed, paper=paper, base_url=base_url)
    return tighter if tight.pages < loose.pages else html


def _write(rendered: Any, html: str) -> bytes:
    with _fixed_font_timestamps(html), kept_once():  # each object's bytes made once
        pdf = rendered.write_pdf(**_PDF_OPTIONS)
    assert isinstance(pdf, bytes)
    return pdf


@dataclass(frozen=True)
class Layout:
    """What a layout pass found: the page count, how many one-line fields wrapped, and
    how much of its pages the content fills."""

    pages: int
    wrapped: int  # elements of class "line" (an entry's heading) laid over 2+ lines
    # The part of each page's content area that its content takes, summed over the pages
    # (1.0: one page filled to its bottom margin; the space a page break leaves is not
    # counted). None when unknown (a layout the cache kept). A measure to predict from,
    # never to decide by: the resume's fit checks what it predicts with a real layout.
    extent: float | None = None
    # The part of the last page's content area its content takes (None: unknown).
    last: float | None = None


def count_pages(
    html: str,
    *,
    allowed: Iterable[Path] = (),
    paper: str = "letter",
    base_url: Path | None = None,
) -> Layout:
    """How `html` lays out as `html_to_pdf` would print it (no PDF written)."""

    allowed = list(allowed)

    def measure(document: Any, stylesheets: list[Any], fonts: Any) -> Layout:
        from weasyprint.formatting_structure import boxes

        # Rendered as `html_to_pdf` renders, and kept: if this is the candidate chosen,
        # writing it needs no second layout.
        rendered = document.render(stylesheets=stylesheets, font_config=fonts, **_PDF_OPTIONS)
        _RENDERED[_render_key(html, allowed, paper, base_url)] = (rendered, document.url_fetcher)
        while len(_RENDERED) > _KEEP_RENDERED:
            _RENDERED.popitem(last=False)
        wrapped = 0
        for page in rendered.pages:
            for box in page._page_box.descendants():
                element = getattr(box, "element", None)
                if (
                    isinstance(box, boxes.BlockBox)
                    and element is not None
                    and "line" in (element.get("class") or "").split()
                ):
                    wrapped += sum(isinstance(c, boxes.LineBox) for c in box.children) > 1
        filled = [_filled(page._page_box, boxes) for page in rendered.pages]
        return Layout(len(filled), wrapped, round(sum(filled), 4), round(filled[-1], 4))

    result = _with_document(html, measure, allowed=allowed, paper=paper, base_url=base_url)
    assert isinstance(result, Layout)
    return result


# A page in the bundled font's four faces, with a margin box, headings, a list and a
# link: what a first layout loads once per process (the fonts, Pango's faces, WeasyPrint's
# caches). The PDF helper lays it out while it waits for its first job, before its twin
# is forked, so both start warm: the resume's first pass 0.03-0.04 s sooner (measured).
_WARM_HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Warm</title>
<style>@page { margin: 0.5in; @bottom-right { content: counter(page) " / " counter(pages); }}
html { font-family: "Inter", sans-serif; font-size: 10.5pt; line-height: 1.3; }
h1 { font-weight: 700; } h2 { font-weight: 600; }</style></head><body><h1>Warm</h1>
<h2>Up</h2><ul><li>A <b>list</b>, <i>a</i> <a href="https://example.com">link</a></li></ul>
</body></html>"""


def warm_layout() -> None:
    """Lay out a small page in the bundled fonts, and forget it."""
    count_pages(_WARM_HTML)
    _RENDERED.pop(_render_key(_WARM_HTML, [], "letter", None), None)


def _filled(page: Any, boxes: Any) -> float:
    """The part of `page`'s content area its content takes: down to the lowest line or
    block (the page's margin boxes, the page number, are not content)."""
    top, bottom = page.content_box_y(), page.content_box_y()
    stack = [child for child in page.children if not isinstance(child, boxes.MarginBox)]
    while stack:
        box = stack.pop()
        if isinstance(box, boxes.LineBox):
            bottom = max(bottom, box.position_y + box.height)
            continue  # its inline children lie within it
        if isinstance(box, boxes.BlockLevelBox) and getattr(box, "element_tag", "") not in (
            "html",
            "body",
        ):
            bottom = max(bottom, box.position_y + box.margin_top + box.border_height())
        stack.extend(getattr(box, "children", ()))
    return max(0.0, (bottom - top) / page.height) if page.height else 0.0


def _with_document(
    html: str,
    action: Callable[[Any, list[Any], Any], object],
    *,
    allowed: Iterable[Path],
    paper: str,
    base_url: Path | None,
) -> object:
    """Run `action(document, stylesheets, fonts)` on `html`, confined, with its errors
    in words and WeasyPrint's font folder removed."""
    import_weasyprint()
    from weasyprint import CSS, HTML

    templates = bundled_templates_dir()
    roots = [templates, *allowed]
    fetcher = fetcher_class()(roots)
    drawn_by_no_font = no_font_draws(tuple(missing_glyphs(html)))
    with _in_words(fetcher):
        fonts, font_css = _with_fallback(drawn_by_no_font) if drawn_by_no_font else _bundled_fonts()
    stylesheets = [*font_css, CSS(string=PAPER_CSS[paper], font_config=fonts)]
    document = HTML(
        string=html,
        base_url=(base_url or templates).resolve().as_uri() + "/",
        url_fetcher=fetcher,
    )
    with _in_words(fetcher):
        return action(document, stylesheets, fonts)


# One font configuration, with the bundled fonts' stylesheet, per thread (a CLI run and
# the PDF helper have one): made for every layout it cost 8-11 ms of each (WeasyPrint
# writes each font face to a folder of its own and Pango loads them again). A program
# that lays out PDFs in several threads through the API gives each its own, as before.
# Its folder goes when the process exits; the PDF helper, which ends with os._exit or is
# killed, keeps it in a scratch folder its parent removes (`showcase.helper`).
_FONTS = threading.local()


def _bundled_fonts() -> tuple[Any, list[Any]]:
    made: tuple[Any, list[Any]] | None = getattr(_FONTS, "made", None)
    if made is None:
        made = _FONTS.made = _font_configuration()
    return made


# A fallback font is registered as one family, "Showcase Fallback", whatever characters
# it draws; WeasyPrint writes every font of one family and style as one PDF font, glyph
# numbers and all. So a configuration that had registered the fallback of one document
# ("日") lost a character of the next whose fallback overlaps it ("本日": 日 was drawn
# from the first font, written with the second's glyphs, and read back as nothing): in
# `watch`, the editor's preview, or any process laying out more than one document. A
# document that needs one gets a configuration holding that fallback alone, kept for
# the next few of its set (its fonts loaded again: 8-11 ms, for such documents only).
_FALLBACK_CONFIGURATIONS = 4


def _with_fallback(chars: tuple[str, ...]) -> tuple[Any, list[Any]]:
    kept: OrderedDict[tuple[str, ...], tuple[Any, list[Any]]] | None = getattr(
        _FONTS, "fallbacks", None
    )
    if kept is None:
        kept = _FONTS.fallbacks = OrderedDict()
    if chars in kept:
        kept.move_to_end(chars)
        return kept[chars]
    from weasyprint import CSS

    fonts, font_css = _font_configuration()
    made = fonts, [*font_css, CSS(string=fallback_css(chars), font_config=fonts)]
    kept[chars] = made
    while len(kept) > _FALLBACK_CONFIGURATIONS:
        kept.popitem(last=False)
    return made


def _font_configuration() -> tuple[Any, list[Any]]:
    """A font configuration with the bundled fonts, and the stylesheet that declares them."""
    import atexit

    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    font_dir = bundled_templates_dir() / "fonts"
    fonts = FontConfiguration()
    font_css = CSS(
        string=(font_dir / "fonts.css").read_text("utf-8"),
        base_url=font_dir.as_uri() + "/",
        url_fetcher=fetcher_class()([font_dir]),
        font_config=fonts,
    )
    # WeasyPrint removes its font folder in FontConfiguration.__del__, which may not
    # run at exit (and never in a process that ends with os._exit): /tmp filled up.
    # The folder's name, not the configuration, is kept for then: a thread's own
    # configuration still goes (with its folder) when the thread does.
    folder = getattr(fonts, "_folder", None)
    if folder:
        atexit.register(_remove_font_folder, str(folder), weakref.ref(fonts))
    return fonts, [font_css]


def _remove_font_folder(folder: str, fonts: Callable[[], Any]) -> None:
    """At exit: the folder goes, and a configuration still alive forgets it, so that its
    `__del__`, run after the modules are torn down, does not fail ("Exception ignored in
    FontConfiguration.__del__ ... 'NoneType' object is not callable", seen at the end of
    a test run)."""
    shutil.rmtree(folder, ignore_errors=True)
    alive = fonts()
    if alive is not None:
        alive._folder = None


@contextmanager
def _in_words(fetcher: Any) -> Iterator[None]:
    """WeasyPrint's failures on a template as `RenderError`s that say what to do."""
    from weasyprint.urls import FatalURLFetchingError

    try:
        yield
    except FatalURLFetchingError as exc:
        blocked = ", ".join(fetcher.blocked) or str(exc)
        raise RenderError(
            f"the template asked for {blocked}; templates may only use files in the template "
            "and profile folders (file:///path, no host; no hidden files, no /proc) and data: "
            "URLs, never the network"
        ) from None
    except (RecursionError, MemoryError, ArithmeticError, ValueError, IndexError) as exc:
        # WeasyPrint fails like this on extreme CSS (font-size: 1e30px ...): a --templates
        # stylesheet's value, since the bundled ones are tested on every example.
        raise RenderError(
            f"the PDF could not be laid out ({type(exc).__name__}: {exc}); if you use "
            "--templates, check your stylesheet for extreme sizes"
        ) from None
    except OSError as exc:  # WeasyPrint writes each font it lays out with to a temporary folder
        if exc.errno not in _NO_ROOM:
            raise
        raise RenderError(
            f"no room for the PDF's fonts in {_temporary_folder()}: {exc.strerror}; free some "
            "space there or set TMPDIR to a folder with room"
        ) from None


_NO_ROOM = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def _temporary_folder() -> Path:
    """Where temporary files go: in the PDF helper, its scratch folder's (`use_scratch`)."""
    folder = Path(tempfile.gettempdir())
    return folder.parent if folder.name.startswith("showcase-helper-") else folder


_CREATED_RE = re.compile(r'<meta name="dcterms.created" content="([^"]+)"')


@contextmanager
def _fixed_font_timestamps(html: str) -> Iterator[None]:
    """SOURCE_DATE_EPOCH set to the document's date while WeasyPrint subsets fonts.

    Without libharfbuzz-subset, WeasyPrint subsets with fontTools, which stamps
    the current time into each font (unless SOURCE_DATE_EPOCH is set): the same
    input would give different bytes on every run.
    """
    if os.environ.get("SOURCE_DATE_EPOCH"):
        yield
        return
    match = _CREATED_RE.search(html)
    try:
        moment = dt.datetime.fromisoformat(match[1].replace("Z", "+00:00")) if match else None
    except ValueError:
        moment = None
    epoch = int(moment.timestamp()) if moment is not None else 0
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
