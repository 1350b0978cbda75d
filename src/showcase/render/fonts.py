"""The fonts of showcase's PDFs: whether HarfBuzz subsets them, which characters the
bundled font draws, and a fallback font for the characters it does not (found with
fontconfig), with the words for what is missing."""

from __future__ import annotations

import os
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

from showcase.render.bundled import bundled_templates_dir

FONT_FILE = "Inter-Regular.otf"


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


def fallback_css(chars: tuple[str, ...]) -> str:
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
