"""Open Badges baked into images: a PNG's iTXt chunk or an SVG element, read within bounds.

Baked PNG: an iTXt chunk keyed ``openbadges`` (2.0) or ``openbadgecredential`` (3.0).
Baked SVG: ``<openbadges:assertion>`` or ``<openbadges:credential>``. What they hold is
read by `showcase.importers.openbadges.credentials`; a badge that only links to its
assertion is reported, not followed.
"""

from __future__ import annotations

import struct
import zlib
from typing import Any

from showcase.importers.openbadges.credentials import from_json
from showcase.importers.reading import parse_json
from showcase.importers.result import Imported, ImportFailed

PNG_KEYS = {b"openbadges": "2.0", b"openbadgecredential": "3.0"}


def _baked_payload(payload: str, name: str) -> Imported:
    text = payload.strip()
    if text.startswith("{"):
        return from_json(parse_json(text, name, "the baked badge holds broken JSON"), name)
    result = Imported(source=name, format="Open Badges (baked)")
    if text.startswith(("https://", "http://")):
        result.warnings.append(
            f"{name}: the badge holds only a link to its assertion ({text}); showcase does not "
            "fetch it. Open it in a browser, save the JSON and import that"
        )
    elif text.count(".") == 2:
        result.warnings.append(
            f"{name}: the badge holds a signed credential (JWS); showcase cannot read signed "
            "badges yet. Export the unsigned JSON from the issuer and import that"
        )
    else:
        raise ImportFailed(f"{name}: the baked badge data is not JSON or a link")
    return result


# A baked assertion or credential is a few KiB of JSON; 1 MiB is generous. Without
# a cap, a 1 MB PNG whose iTXt chunk inflates 1000:1 used 2.1 GB.
MAX_BAKED_BYTES = 1024 * 1024


def _inflate(compressed: bytes, name: str, limit: int = MAX_BAKED_BYTES) -> bytes:
    """zlib-inflate at most `limit` bytes; refuse data that would inflate beyond it."""
    inflater = zlib.decompressobj()
    try:
        data = inflater.decompress(compressed, limit)
        # One byte more tells whether it goes on (never flush(): it inflates without limit).
        if not inflater.eof and inflater.decompress(inflater.unconsumed_tail, 1):
            raise ImportFailed(
                f"{name}: the badge's data chunk inflates to more than "
                f"{limit // 1024} KiB, far more than a badge holds; not imported"
            )
    except zlib.error:
        raise ImportFailed(f"{name}: the badge's data chunk is corrupt") from None
    if not inflater.eof:
        raise ImportFailed(f"{name}: the badge's data chunk is corrupt (it is cut short)")
    return data


def from_png(data: bytes, name: str) -> Imported:
    """Read the ``openbadges`` / ``openbadgecredential`` iTXt chunk of a PNG."""
    position = 8
    while position + 8 <= len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"IEND":
            break
        if kind != b"iTXt":
            continue
        keyword, _, rest = body.partition(b"\x00")
        if keyword not in PNG_KEYS or len(rest) < 2:
            continue
        compressed, _method = rest[0], rest[1]
        _language, _, rest = rest[2:].partition(b"\x00")
        _translated, _, text = rest.partition(b"\x00")
        if compressed:
            text = _inflate(text, name)
        try:
            payload = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ImportFailed(
                f"{name}: the badge's `{keyword.decode()}` data is not valid UTF-8 "
                f"(byte {exc.start}); the image is damaged or was not baked correctly"
            ) from None
        return _baked_payload(payload, name)
    raise ImportFailed(
        f"{name}: a PNG without baked Open Badges data (no `openbadges` or "
        "`openbadgecredential` iTXt chunk)"
    )


# The Open Badges baking specification binds the prefix to this URI; the prefix
# itself is the author's choice, so elements are matched by namespace URI.
OPENBADGES_NAMESPACES = ("https://openbadges.org", "http://openbadges.org")
_SVG_NAMESPACE = "http://www.w3.org/2000/svg"
_BAKED_ELEMENTS = ("assertion", "credential")


def _split(tag: Any) -> tuple[str, str]:
    """``{uri}local`` -> (uri, local); comments and processing instructions -> ("", "")."""
    if not isinstance(tag, str):
        return "", ""
    if tag.startswith("{"):
        uri, _, local = tag[1:].partition("}")
        return uri, local
    return "", tag


def from_svg(data: bytes, name: str) -> Imported:
    """Read ``<openbadges:assertion>`` / ``<openbadges:credential>`` from an SVG.

    Parsed as XML by defusedxml, which refuses DTDs, entity declarations (the
    "billion laughs") and external references: an SVG from the internet never
    gets to expand or fetch anything. Expat is linear in the size of the file.
    """
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
    from defusedxml.ElementTree import fromstring  # type: ignore[import-untyped]

    head = data[:4096].lower()
    if b"<!doctype html" in head or b"<html" in head:
        raise ImportFailed(
            f"{name}: an HTML page, not an SVG badge; save the badge image itself "
            "(a .png or .svg) or its JSON, and import that"
        )
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise ImportFailed(
            f"{name}: the SVG declares a DTD or entities, which showcase refuses to expand "
            "(they can make a small file huge, or read other files); remove the <!DOCTYPE> "
            "and <!ENTITY> declarations"
        ) from None
    except ParseError as exc:
        line, column = exc.position
        reason = str(exc).split(":")[0]
        hint = ""
        if reason == "unbound prefix":
            hint = f'; declare the prefix, e.g. xmlns:openbadges="{OPENBADGES_NAMESPACES[0]}"'
        raise ImportFailed(
            f"{name}:{line}:{column + 1}: not well-formed XML ({reason}){hint}"
        ) from None
    except (LookupError, ValueError) as exc:  # an encoding expat does not know
        raise ImportFailed(f"{name}: cannot read this XML's encoding ({exc})") from None
    uri, local = _split(root.tag)
    if local != "svg" or uri not in ("", _SVG_NAMESPACE):
        shown = f"{{{uri}}}{local}" if uri else local
        raise ImportFailed(
            f"{name}: XML, but not an SVG (its root element is <{shown}>); showcase reads "
            "badges baked into .svg and .png images"
        )
    for element in root.iter():
        uri, local = _split(element.tag)
        if uri in OPENBADGES_NAMESPACES and local in _BAKED_ELEMENTS:
            break
    else:
        raise ImportFailed(
            f"{name}: an SVG without baked Open Badges data (no <assertion> or <credential> "
            f"element in the namespace {OPENBADGES_NAMESPACES[0]})"
        )
    # Entities decoded, CDATA unwrapped, comments left out: ElementTree's text.
    content = "".join(element.itertext()).strip()
    if not content:
        content = str(element.get("verify") or "").strip()
    return _baked_payload(content, name)
