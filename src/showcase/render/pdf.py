"""HTML to PDF with WeasyPrint: embedded fonts, tagged (PDF/UA-1), confined, reproducible.

WeasyPrint is imported inside the functions that need it: it takes ~0.5 s to
import, and most commands never write a PDF.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
import os
import re
import shutil
import stat
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from showcase.errors import RenderError
from showcase.render.bundled import bundled_templates_dir
from showcase.render.weasy import import_weasyprint

PAPER_CSS = {
    "letter": "@page { size: letter; }",
    "a4": "@page { size: A4; }",
}
FONT_FILE = "Inter-Regular.otf"


# The largest file a template may embed (a font, an image): fonts are about 300 KB.
MAX_RESOURCE_BYTES = 20 * 1024 * 1024


class BlockedFetchError(Exception):
    """A template asked for a resource outside the allowed folders."""


def _fetcher_class() -> Any:
    import_weasyprint()
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class ConfinedURLFetcher(URLFetcher):  # type: ignore[misc]
        """Allow ``data:`` URLs and files inside the allowed folders; nothing else.

        WeasyPrint's default fetcher follows ``file://`` and network URLs, so a
        template could embed ``/etc/passwd`` or call home.  With
        ``fail_on_errors=True`` a blocked fetch stops the render instead of being
        skipped with a warning.
        """

        def __init__(self, allowed: Iterable[Path]) -> None:
            super().__init__(fail_on_errors=True, allow_redirects=False)
            self.allowed = [p.resolve() for p in allowed]
            self.blocked: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            scheme = url.split(":", 1)[0].lower()
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme == "file":
                body = self._read_allowed(url)
                if body is not None:
                    kind = mimetypes.guess_type(url.split("?")[0])[0] or "application/octet-stream"
                    return URLFetcherResponse(url, body, {"Content-Type": kind})
            self.blocked.append(url)
            raise BlockedFetchError(f"blocked: {url}")

        def _read_allowed(self, url: str) -> bytes | None:
            """The bytes of a ``file:`` URL that names an allowed file, else None.

            Read here, never through urllib: urllib resolves a ``file://HOST/`` URL's host
            (a DNS query a template can fill with the person's name). Refused: any host,
            ``/proc`` (``/proc/self/cwd`` reaches any folder), hidden files and folders
            (``.env``, ``.git``) under the allowed roots, and files over the size cap."""
            parts = urlsplit(url)
            if parts.netloc or parts.query or parts.fragment:
                return None
            raw = Path(unquote(parts.path))
            if not raw.is_absolute() or raw.parts[1:2] == ("proc",):
                return None
            path = raw.resolve()
            for root in self.allowed:
                if path.is_relative_to(root):
                    inside = path.relative_to(root).parts
                    if inside and not any(part.startswith(".") for part in inside):
                        break
            else:
                return None
            try:
                # Non-blocking open, then a regular-file check on what was opened: a FIFO
                # or a device under the folder never blocks or streams forever.
                fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
            except OSError:
                return None
            with os.fdopen(fd, "rb") as handle:
                if not stat.S_ISREG(os.fstat(fd).st_mode):
                    return None
                body = handle.read(MAX_RESOURCE_BYTES + 1)
            return body if len(body) <= MAX_RESOURCE_BYTES else None

    return ConfinedURLFetcher


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
) -> bytes:
    """Render `html` to PDF bytes; only files under `allowed` may be read."""
    allowed = list(allowed)
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


def _write(rendered: Any, html: str) -> bytes:
    with _fixed_font_timestamps(html):
        pdf = rendered.write_pdf(**_PDF_OPTIONS)
    assert isinstance(pdf, bytes)
    return pdf


@dataclass(frozen=True)
class Layout:
    """What a layout pass found: the page count, and how many one-line fields wrapped."""

    pages: int
    wrapped: int  # elements of class "line" (an entry's heading) laid over 2+ lines


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
        return Layout(len(rendered.pages), wrapped)

    result = _with_document(html, measure, allowed=allowed, paper=paper, base_url=base_url)
    assert isinstance(result, Layout)
    return result


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
    from weasyprint.text.fonts import FontConfiguration

    templates = bundled_templates_dir()
    roots = [templates, *allowed]
    fetcher = _fetcher_class()(roots)
    fonts = FontConfiguration()
    font_dir = templates / "fonts"
    stylesheets = [
        CSS(
            string=(font_dir / "fonts.css").read_text("utf-8"),
            base_url=font_dir.as_uri() + "/",
            url_fetcher=fetcher,
            font_config=fonts,
        ),
        CSS(string=PAPER_CSS[paper], font_config=fonts),
    ]
    if drawn_by_no_font := no_font_draws(tuple(missing_glyphs(html))):
        stylesheets.append(CSS(string=_fallback_css(drawn_by_no_font), font_config=fonts))
    document = HTML(
        string=html,
        base_url=(base_url or templates).resolve().as_uri() + "/",
        url_fetcher=fetcher,
    )
    try:
        with _in_words(fetcher):
            return action(document, stylesheets, fonts)
    finally:
        # WeasyPrint removes its font folder in FontConfiguration.__del__, which a
        # process that ends with os._exit (the helper) never runs: /tmp filled up.
        folder = getattr(fonts, "_folder", None)
        if folder:
            shutil.rmtree(folder, ignore_errors=True)


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


# The names WeasyPrint tries for HarfBuzz's subsetter (weasyprint/text/ffi.py).
_HB_SUBSET_NAMES = (
    "libharfbuzz-subset.so.0",
    "libharfbuzz-subset.0.dylib",
    "libharfbuzz-subset-0.dll",
    "libharfbuzz-subset-0",
)


@lru_cache(maxsize=1)
def font_subsetter() -> str:
    """``harfbuzz`` when libharfbuzz-subset can be loaded, else ``fonttools``.

    Found with a plain dlopen, so the main process need not import WeasyPrint
    to know. fontTools is WeasyPrint's fallback: about 3x slower.
    """
    import ctypes

    for name in _HB_SUBSET_NAMES:
        try:
            ctypes.CDLL(name)
        except OSError:
            continue
        return "harfbuzz"
    return "fonttools"


SUBSETTER_WARNING = (
    "PDFs are slower to write without the HarfBuzz subsetter (WeasyPrint falls back to "
    "fontTools, about 3x slower); install it (Debian/Ubuntu: sudo apt install "
    "libharfbuzz-subset0; macOS: brew install harfbuzz)"
)


def pdf_warnings() -> list[str]:
    """What the user should know about this machine's PDF writing, once per artifact."""
    return [SUBSETTER_WARNING] if font_subsetter() != "harfbuzz" else []


@lru_cache(maxsize=1)
def font_coverage() -> frozenset[int]:
    """The code points the bundled font can draw.

    Asked of HarfBuzz (which WeasyPrint draws with) in about a millisecond; fontTools,
    the fallback, must import its CFF reader and read every glyph's name (0.05-0.1 s)."""
    path = bundled_templates_dir() / "fonts" / FONT_FILE
    try:
        return harfbuzz_coverage(path)
    except (OSError, AttributeError, ValueError):
        return fonttools_coverage(path)


def fonttools_coverage(path: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap())


# The names of HarfBuzz's library on Linux, macOS and Windows (as `_HB_SUBSET_NAMES`).
_HB_NAMES = ("libharfbuzz.so.0", "libharfbuzz.0.dylib", "libharfbuzz-0.dll", "libharfbuzz-0")


def harfbuzz_coverage(path: Path) -> frozenset[int]:
    """The code points of the font file at `path`'s first face, read by HarfBuzz."""
    import ctypes

    for name in _HB_NAMES:
        try:
            lib = ctypes.CDLL(name)
            break
        except OSError:
            continue
    else:
        raise OSError("HarfBuzz cannot be loaded")
    pointer = ctypes.c_void_p
    lib.hb_blob_create_from_file.restype = pointer
    lib.hb_blob_create_from_file.argtypes = (ctypes.c_char_p,)
    lib.hb_blob_get_length.restype = ctypes.c_uint
    lib.hb_blob_get_length.argtypes = (pointer,)
    lib.hb_blob_destroy.argtypes = (pointer,)
    lib.hb_face_create.restype = pointer
    lib.hb_face_create.argtypes = (pointer, ctypes.c_uint)
    lib.hb_face_destroy.argtypes = (pointer,)
    lib.hb_set_create.restype = pointer
    lib.hb_set_destroy.argtypes = (pointer,)
    lib.hb_face_collect_unicodes.argtypes = (pointer, pointer)
    lib.hb_set_next.restype = ctypes.c_int
    lib.hb_set_next.argtypes = (pointer, ctypes.POINTER(ctypes.c_uint32))
    blob = lib.hb_blob_create_from_file(os.fsencode(path))
    try:
        if not lib.hb_blob_get_length(blob):  # HarfBuzz's empty blob: unreadable
            raise OSError(f"HarfBuzz cannot read {path}")
        face = lib.hb_face_create(blob, 0)
        found = lib.hb_set_create()
        try:
            lib.hb_face_collect_unicodes(face, found)
            codepoint = ctypes.c_uint32(0xFFFFFFFF)  # HB_SET_VALUE_INVALID: start
            points = []
            while lib.hb_set_next(found, ctypes.byref(codepoint)):
                points.append(codepoint.value)
        finally:
            lib.hb_set_destroy(found)
            lib.hb_face_destroy(face)
    finally:
        lib.hb_blob_destroy(blob)
    if not points:
        raise ValueError(f"HarfBuzz found no characters in {path}")
    return frozenset(points)


# Inter draws every printable character below U+0250 but these two (both deprecated
# compatibility characters); text made only of such characters needs no font lookup,
# which saves loading the font's character map (~0.1 s) for most profiles.
_FAST_LIMIT = 0x250
_FAST_EXCEPTIONS = frozenset({0x149, 0x1C4})


def missing_glyphs(text: str) -> list[str]:
    """Characters in `text` the bundled font lacks, in order of first appearance."""
    if all(ord(ch) < _FAST_LIMIT and ord(ch) not in _FAST_EXCEPTIONS for ch in text):
        return []
    covered = font_coverage()
    missing: dict[str, None] = {}
    for ch in text:
        if ord(ch) not in covered and not ch.isspace() and unicodedata.category(ch)[0] != "C":
            missing.setdefault(ch, None)
    return list(missing)


def no_font_draws(chars: tuple[str, ...]) -> tuple[str, ...]:
    """Those of `chars` (the bundled font lacks them) that no font on this machine has.

    Asked of fontconfig, which WeasyPrint draws with; () when it cannot be asked (the
    PDF is then written as before: such characters as WeasyPrint's .notdef)."""
    if not chars:
        return ()
    try:
        covered = _fontconfig_covers(chars)
    except (OSError, AttributeError, ValueError):
        return ()
    return tuple(ch for ch in chars if ch not in covered)


@lru_cache(maxsize=32)
def _fontconfig_covers(chars: tuple[str, ...]) -> frozenset[str]:
    import ctypes
    import ctypes.util

    class FontSet(ctypes.Structure):
        _fields_ = (
            ("nfont", ctypes.c_int),
            ("sfont", ctypes.c_int),
            ("fonts", ctypes.POINTER(ctypes.c_void_p)),
        )

    lib = ctypes.CDLL(ctypes.util.find_library("fontconfig") or "libfontconfig.so.1")
    pointer = ctypes.c_void_p
    lib.FcInitLoadConfigAndFonts.restype = pointer
    lib.FcConfigDestroy.argtypes = (pointer,)
    lib.FcCharSetCreate.restype = pointer
    lib.FcCharSetAddChar.argtypes = (pointer, ctypes.c_uint32)
    lib.FcCharSetDestroy.argtypes = (pointer,)
    lib.FcPatternCreate.restype = pointer
    lib.FcPatternAddCharSet.argtypes = (pointer, ctypes.c_char_p, pointer)
    lib.FcPatternDestroy.argtypes = (pointer,)
    lib.FcObjectSetCreate.restype = pointer
    lib.FcObjectSetAdd.argtypes = (pointer, ctypes.c_char_p)
    lib.FcObjectSetDestroy.argtypes = (pointer,)
    lib.FcFontList.restype = ctypes.POINTER(FontSet)
    lib.FcFontList.argtypes = (pointer, pointer, pointer)
    lib.FcFontSetDestroy.argtypes = (ctypes.POINTER(FontSet),)

    config = lib.FcInitLoadConfigAndFonts()
    if not config:
        raise OSError("fontconfig has no configuration")
    objects = lib.FcObjectSetCreate()
    lib.FcObjectSetAdd(objects, b"family")
    covered: set[str] = set()
    try:
        for ch in chars:
            charset = lib.FcCharSetCreate()
            pattern = lib.FcPatternCreate()
            lib.FcCharSetAddChar(charset, ord(ch))
            lib.FcPatternAddCharSet(pattern, b"charset", charset)
            found = lib.FcFontList(config, pattern, objects)
            if found and found.contents.nfont > 0:
                covered.add(ch)
            if found:
                lib.FcFontSetDestroy(found)
            lib.FcPatternDestroy(pattern)
            lib.FcCharSetDestroy(charset)
    finally:
        lib.FcObjectSetDestroy(objects)
        lib.FcConfigDestroy(config)
    return frozenset(covered)


FALLBACK_FAMILY = "Showcase Fallback"
_SPACES = (0x20, 0xA0, 0x200B, 0x200C, 0x200D, 0x2060, 0xFE0E, 0xFE0F)


def _fallback_css(chars: tuple[str, ...]) -> str:
    import base64

    data = base64.b64encode(fallback_font(chars)).decode("ascii")
    return (
        f'@font-face {{ font-family: "{FALLBACK_FAMILY}"; src: url(data:font/ttf;base64,{data}); }}'
    )


@lru_cache(maxsize=8)
def fallback_font(chars: tuple[str, ...]) -> bytes:
    """A font that draws each of `chars` as a box of its own (and spaces as spaces).

    It is made only for characters no font on this machine has (`no_font_draws`), and
    the stylesheets name it last. Without it WeasyPrint gives the font it
    was drawing with a custom encoding that maps the character to .notdef, and
    pdfminer-based resume parsers then read none of that font's text (every regular
    line of a resume lost over one emoji). With it every font keeps Identity-H, and
    since each character has its own glyph, the PDF's text keeps the characters."""
    import io

    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    def box() -> Any:
        pen = TTGlyphPen(None)
        outer = ((60, 0), (60, 700), (540, 700), (540, 0))  # clockwise: filled
        inner = ((120, 60), (480, 60), (480, 640), (120, 640))  # counter-clockwise: a hole
        for contour in (outer, inner):
            pen.moveTo(contour[0])
            for point in contour[1:]:
                pen.lineTo(point)
            pen.closePath()
        return pen.glyph()

    boxes = [f"box{i}" for i in range(len(chars))]
    order = [".notdef", "space", *boxes]
    cmap = {code: "space" for code in _SPACES}
    cmap.update({ord(ch): name for ch, name in zip(chars, boxes, strict=True)})
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap(cmap)
    builder.setupGlyf({n: TTGlyphPen(None).glyph() if n == "space" else box() for n in order})
    builder.setupHorizontalMetrics({n: (280, 0) if n == "space" else (600, 60) for n in order})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": FALLBACK_FAMILY, "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=800, sTypoDescender=-200, usWinAscent=800, usWinDescent=200)
    builder.setupPost()
    builder.font["head"].created = builder.font["head"].modified = 0  # byte-identical
    builder.font.recalcTimestamp = False
    out = io.BytesIO()
    builder.save(out)
    return out.getvalue()


def describe_missing(chars: list[str], limit: int = 6) -> str:
    shown = ", ".join(f"'{c}' ({unicodedata.name(c, f'U+{ord(c):04X}')})" for c in chars[:limit])
    more = f" and {len(chars) - limit} more" if len(chars) > limit else ""
    return shown + more
