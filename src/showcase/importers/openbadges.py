"""Open Badges 2.0 assertions and 3.0 credentials, as JSON or baked into images.

2.0: an Assertion (``issuedOn``, ``expires``) whose ``badge`` BadgeClass has a
``name``, ``description``, ``tags`` and an ``issuer`` Profile (``name``).
3.0: a W3C Verifiable Credential whose ``type`` includes ``OpenBadgeCredential``,
with ``issuer.name``, ``credentialSubject.achievement`` (``name``, ``tag``) and
``validFrom``/``validUntil`` (older documents: ``issuanceDate``/``expirationDate``).
Baked PNG: an iTXt chunk keyed ``openbadges`` (2.0) or ``openbadgecredential``
(3.0). Baked SVG: ``<openbadges:assertion>`` or ``<openbadges:credential>``.

Nothing is fetched: a badge that only points to a hosted URL is reported, not
followed (showcase never uses the network).
"""

from __future__ import annotations

import re
import struct
import zlib
from typing import Any

from showcase.importers import Imported, ImportFailed, parse_json
from showcase.importers.dates import to_profile_date

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


def _name_of(value: Any) -> str | None:
    if isinstance(value, dict):
        name = value.get("name")
        return str(name).strip() if name else None
    return None


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
        entry["skills"] = [str(t).strip() for t in tags if str(t).strip()]
    picture = _https(image)
    if picture and picture.startswith("https://"):  # mail clients show https images only
        entry["badge_image"] = picture
    if isinstance(description, str) and description.strip():
        entry["learned"] = description.strip()


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
        "name": str(badge.get("name") or "TODO").strip(),
        "issuer": _name_of(issuer) or "TODO",
        "kind": "badge",
        "issued": to_profile_date(document.get("issuedOn")) or "TODO",
    }
    if not isinstance(issuer, dict):
        result.warnings.append(
            f"{name}: the issuer is only a link ({_shown(issuer)}); fill in `issuer:` by hand"
        )
    _complete(
        entry,
        to_profile_date(document.get("expires")),
        document.get("id"),
        badge.get("tags"),
        badge.get("image"),
        badge.get("description"),
    )
    result.credentials.append(entry)
    return result


def _from_ob3(document: dict[str, Any], name: str) -> Imported:
    result = Imported(source=name, format="Open Badges 3.0")
    subject = document.get("credentialSubject")
    subjects = subject if isinstance(subject, list) else [subject]
    issuer = _name_of(document.get("issuer")) or "TODO"
    issued = to_profile_date(document.get("validFrom") or document.get("issuanceDate"))
    expires = to_profile_date(document.get("validUntil") or document.get("expirationDate"))
    for item in subjects:
        achievement = item.get("achievement") if isinstance(item, dict) else None
        if not isinstance(achievement, dict):
            result.warnings.append(f"{name}: a credentialSubject without an achievement; skipped")
            continue
        entry: dict[str, Any] = {
            "name": str(achievement.get("name") or document.get("name") or "TODO").strip(),
            "issuer": issuer,
            "kind": "badge",
            "issued": issued or "TODO",
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
    if issuer == "TODO":
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
            try:
                text = zlib.decompress(text)
            except zlib.error:
                raise ImportFailed(f"{name}: the badge's data chunk is corrupt") from None
        return _baked_payload(text.decode("utf-8", errors="replace"), name)
    raise ImportFailed(
        f"{name}: a PNG without baked Open Badges data (no `openbadges` or "
        "`openbadgecredential` iTXt chunk)"
    )


_SVG = re.compile(
    r"<openbadges:(assertion|credential)\b([^>]*?)(/>|>(.*?)</openbadges:\1\s*>)", re.DOTALL
)


def from_svg(text: str, name: str) -> Imported:
    """Read ``<openbadges:assertion>`` / ``<openbadges:credential>`` from an SVG.

    A regular expression, not an XML parser: the element is all we need, and an
    SVG from the internet should not get to expand entities.
    """
    match = _SVG.search(text)
    if not match:
        raise ImportFailed(f"{name}: an SVG without baked Open Badges data")
    content = (match[4] or "").strip()
    content = re.sub(r"^<!\[CDATA\[(.*)\]\]>$", r"\1", content, flags=re.DOTALL).strip()
    if not content:
        verify = re.search(r'verify\s*=\s*"([^"]+)"', match[2] or "")
        content = verify[1] if verify else ""
    return _baked_payload(content, name)
