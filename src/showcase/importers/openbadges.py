"""Open Badges 2.0 assertions and 3.0 credentials, as JSON or baked into images.

2.0: an Assertion (``issuedOn``, ``expires``) whose ``badge`` BadgeClass has a
``name``, ``description``, ``tags`` and an ``issuer`` Profile (``name``).
3.0: a W3C Verifiable Credential whose ``type`` includes ``OpenBadgeCredential``,
with ``issuer.name``, ``credentialSubject.achievement`` (``name``, ``tag``,
``achievementType``) and ``validFrom``/``validUntil`` (VC 2.0, context
``https://www.w3.org/ns/credentials/v2``; VC 1.1 documents: ``issuanceDate``/
``expirationDate``). VC 2.0 names may be language values (``{"@value", "@language"}``).
A 1EdTech CLR 2.0 ``ClrCredential`` wraps such credentials in
``credentialSubject.verifiableCredential``; each is read with its own issuer.
Baked PNG: an iTXt chunk keyed ``openbadges`` (2.0) or ``openbadgecredential``
(3.0). Baked SVG: ``<openbadges:assertion>`` or ``<openbadges:credential>``.

Nothing is fetched: a badge that only points to a hosted URL is reported, not
followed (showcase never uses the network).
"""

from __future__ import annotations

import struct
import zlib
from typing import Any

from showcase.importers.dates import date_field
from showcase.importers.reading import parse_json
from showcase.importers.result import DESCRIPTION, PLACEHOLDER, Imported, ImportFailed

PNG_KEYS = {b"openbadges": "2.0", b"openbadgecredential": "3.0"}


def _types(document: dict[str, Any]) -> set[str]:
    value = document.get("type", [])
    values = value if isinstance(value, list) else [value]
    return {str(v).split("/")[-1].split(":")[-1] for v in values}


def _shown(value: Any) -> str:
    """A value as a message shows it: short text, never the repr of a nested structure."""
    if isinstance(value, str):
        return value[:200]
    return "missing" if value is None else f"a {type(value).__name__}, not a link"


def _text(value: Any) -> str | None:
    """`value` as stripped text when it is text (or a number), else None.

    VC 2.0 also allows a language value, ``{"@value": ..., "@language": "en"}``, or a
    list of them (one per language): the English one is taken, else the first.
    """
    if isinstance(value, list):
        values = [item for item in value[:50] if isinstance(item, dict) and "@value" in item]
        english = [
            item for item in values if str(item.get("@language", "")).lower().startswith("en")
        ]
        value = (english or values)[0] if values else None
    if isinstance(value, dict) and "@value" in value:
        value = value["@value"]
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value).strip() or None
    return None


# Open Badges 3.0 `achievementType` -> the profile's `kind`; the others stay badges.
ACHIEVEMENT_KINDS = {
    "Badge": "badge",
    "Certificate": "certificate",
    "CertificateOfCompletion": "certificate",
    "MicroCredential": "certificate",
    "Certification": "certification",
    "Course": "course",
    "License": "license",
}


def _name_of(value: Any) -> str | None:
    return _text(value.get("name")) if isinstance(value, dict) else None


def _https(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("id")
    if isinstance(value, str) and value.startswith(("https://", "http://")):
        return value
    return None


def _complete(
    entry: dict[str, Any],
    expires: str | None,
    verify: Any,
    tags: Any,
    image: Any,
    description: Any,
) -> None:
    """The optional fields both versions share, each only when usable."""
    if expires:
        entry["expires"] = expires
    url = _https(verify)
    if url:
        entry["url"] = url
    if isinstance(tags, list) and tags:
        skills = [
            str(t).strip() for t in tags if isinstance(t, str | int | float) and str(t).strip()
        ]
        if skills:
            entry["skills"] = skills
    picture = _https(image)
    if picture and picture.startswith("https://"):  # mail clients show https images only
        entry["badge_image"] = picture
    description = _text(description)
    if description:
        # The issuer's words, not the user's `learned:`: shown as a comment.
        entry[DESCRIPTION] = description


def from_json(document: Any, name: str) -> Imported:
    if isinstance(document, list):
        merged = Imported(source=name, format="Open Badges")
        for index, item in enumerate(document):
            if not isinstance(item, dict):  # a list of badges, never of lists
                raise ImportFailed(f"{name}: item {index} of the list is not a badge (an object)")
            part = from_json(item, name)
            merged.credentials.extend(part.credentials)
            merged.warnings.extend(part.warnings)
        return merged
    if not isinstance(document, dict):
        raise ImportFailed(f"{name}: expected an Open Badges JSON object")
    types = _types(document)
    if "ClrCredential" in types:
        return _from_clr(document, name)
    if "EnvelopedVerifiableCredential" in types:
        return _signed(name, "an enveloped (signed) credential")
    if {"OpenBadgeCredential", "AchievementCredential"} & types:
        return _from_ob3(document, name)
    if "Assertion" in types or "badge" in document:
        return _from_ob2(document, name)
    raise ImportFailed(
        f"{name}: JSON, but not an Open Badges assertion (2.0) or OpenBadgeCredential (3.0), "
        "nor a JSON Resume"
    )


def _from_ob2(document: dict[str, Any], name: str) -> Imported:
    result = Imported(source=name, format="Open Badges 2.0")
    badge = document.get("badge")
    if not isinstance(badge, dict):
        result.warnings.append(
            f"{name}: the badge is only a link ({_shown(badge)}); showcase does not fetch it. "
            "Download the BadgeClass JSON, or copy its name and issuer by hand"
        )
        return result
    issuer = badge.get("issuer")
    entry: dict[str, Any] = {
        "name": _text(badge.get("name")) or PLACEHOLDER,
        "issuer": _name_of(issuer) or PLACEHOLDER,
        "kind": "badge",
        "issued": date_field(document.get("issuedOn"), f"{name}: issuedOn", result.warnings)
        or PLACEHOLDER,
    }
    if not isinstance(issuer, dict):
        result.warnings.append(
            f"{name}: the issuer is only a link ({_shown(issuer)}); fill in `issuer:` by hand"
        )
    _complete(
        entry,
        date_field(document.get("expires"), f"{name}: expires", result.warnings),
        document.get("id"),
        badge.get("tags"),
        badge.get("image"),
        badge.get("description"),
    )
    result.credentials.append(entry)
    return result


def _signed(name: str, what: str) -> Imported:
    result = Imported(source=name, format="Open Badges 3.0")
    result.warnings.append(
        f"{name}: {what}; showcase cannot read signed credentials yet. Export the unsigned "
        "JSON from the issuer or wallet and import that"
    )
    return result


def _from_clr(document: dict[str, Any], name: str) -> Imported:
    """A 1EdTech CLR 2.0 ``ClrCredential``: the Open Badges credentials it wraps.

    They are listed in ``credentialSubject.verifiableCredential``; each names its own
    issuer (the CLR's issuer compiled the record, it did not award each achievement).
    """
    result = Imported(source=name, format="CLR 2.0 (Open Badges 3.0)")
    subject = document.get("credentialSubject")
    wrapped = subject.get("verifiableCredential") if isinstance(subject, dict) else None
    if not isinstance(wrapped, list) or not wrapped:
        result.warnings.append(
            f"{name}: a CLR without credentials (credentialSubject.verifiableCredential); "
            "nothing imported"
        )
        return result
    for index, item in enumerate(wrapped):
        where = f"{name}: verifiableCredential[{index}]"
        if isinstance(item, str):
            result.warnings.append(f"{where}: a signed credential (JWT); skipped")
            continue
        types = _types(item) if isinstance(item, dict) else set()
        if not isinstance(item, dict) or not {"OpenBadgeCredential", "AchievementCredential"} & (
            types
        ):
            shown = "a CLR inside a CLR" if "ClrCredential" in types else "not an Open Badge"
            result.warnings.append(f"{where}: {shown}; skipped")
            continue
        part = _from_ob3(item, where)
        result.credentials.extend(part.credentials)
        result.warnings.extend(part.warnings)
    return result


def _from_ob3(document: dict[str, Any], name: str) -> Imported:
    result = Imported(source=name, format="Open Badges 3.0")
    subject = document.get("credentialSubject")
    subjects = subject if isinstance(subject, list) else [subject]
    issuer = _name_of(document.get("issuer")) or PLACEHOLDER
    if issuer == PLACEHOLDER and isinstance(document.get("issuer"), str):
        result.warnings.append(
            f"{name}: the issuer is only a link ({_shown(document['issuer'])}); showcase does "
            "not fetch it"
        )
    key = "validFrom" if "validFrom" in document else "issuanceDate"
    issued = date_field(document.get(key), f"{name}: {key}", result.warnings)
    key = "validUntil" if "validUntil" in document else "expirationDate"
    expires = date_field(document.get(key), f"{name}: {key}", result.warnings)
    for item in subjects:
        achievement = item.get("achievement") if isinstance(item, dict) else None
        if not isinstance(achievement, dict):
            result.warnings.append(f"{name}: a credentialSubject without an achievement; skipped")
            continue
        kind = ACHIEVEMENT_KINDS.get(str(achievement.get("achievementType")), "badge")
        entry: dict[str, Any] = {
            "name": _text(achievement.get("name")) or _text(document.get("name")) or PLACEHOLDER,
            "issuer": issuer
            if issuer != PLACEHOLDER
            else (_name_of(achievement.get("creator")) or PLACEHOLDER),
            "kind": kind,
            "issued": issued or PLACEHOLDER,
        }
        _complete(
            entry,
            expires,
            document.get("id"),
            achievement.get("tag"),
            achievement.get("image"),
            achievement.get("description"),
        )
        result.credentials.append(entry)
    if issuer == PLACEHOLDER:
        result.warnings.append(f"{name}: no issuer name; fill in `issuer:` by hand")
    return result


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
