"""Open Badges 2.0 assertions and 3.0 credentials, and CLR 2.0 wrappers, read from JSON.

2.0: an Assertion (``issuedOn``, ``expires``) whose ``badge`` BadgeClass has a
``name``, ``description``, ``tags`` and an ``issuer`` Profile (``name``).
3.0: a W3C Verifiable Credential whose ``type`` includes ``OpenBadgeCredential``,
with ``issuer.name``, ``credentialSubject.achievement`` (``name``, ``tag``,
``achievementType``) and ``validFrom``/``validUntil`` (VC 2.0, context
``https://www.w3.org/ns/credentials/v2``; VC 1.1 documents: ``issuanceDate``/
``expirationDate``). VC 2.0 names may be language values (``{"@value", "@language"}``).
A 1EdTech CLR 2.0 ``ClrCredential`` wraps such credentials in
``credentialSubject.verifiableCredential``; each is read with its own issuer.

Nothing is fetched: a badge that only points to a hosted URL is reported, not
followed (showcase never uses the network).
"""

from __future__ import annotations

from typing import Any

from showcase.importers.dates import date_field
from showcase.importers.result import DESCRIPTION, PLACEHOLDER, Imported, ImportFailed


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
