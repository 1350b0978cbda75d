"""Credly's feed of a user's public badges (``badges.json``).

A JSON object whose ``data`` lists badges. For each: ``badge_template.name``,
``issued_at_date``, ``expires_at_date``, ``image_url``, ``badge_template.skills[].name``
and ``issuer``: its ``entities[].entity.name`` (the primary one), or else the name in
its ``summary`` ("issued by ..."). Credly is the platform that hosts the badge, never
its issuer.
"""

from __future__ import annotations

import re
from typing import Any

from showcase.importers.dates import date_field
from showcase.importers.result import DESCRIPTION, PLACEHOLDER, Imported, ImportFailed

_BADGE_ID = re.compile(r"[A-Za-z0-9-]{1,64}")


def looks_like_feed(document: Any) -> bool:
    data = document.get("data") if isinstance(document, dict) else None
    return isinstance(data, list) and any(
        isinstance(item, dict) and "badge_template" in item for item in data
    )


def _issuer(value: Any) -> str | None:
    if not isinstance(value, dict):
        return None
    entities = value.get("entities")
    if isinstance(entities, list):
        named = [
            (bool(item.get("primary")), item["entity"].get("name"))
            for item in entities
            if isinstance(item, dict) and isinstance(item.get("entity"), dict)
        ]
        for _primary, name in sorted(named, key=lambda pair: not pair[0]):
            if isinstance(name, str) and name.strip():
                return name.strip()
    summary = value.get("summary")
    if isinstance(summary, str):
        match = re.match(r"\s*issued by\s+(.+?)\s*$", summary, re.IGNORECASE)
        if match:
            return match[1]
    return None


def from_feed(document: dict[str, Any], name: str) -> Imported:
    result = Imported(source=name, format="Credly badges.json")
    data = document.get("data")
    if not isinstance(data, list):
        raise ImportFailed(f"{name}: a Credly feed whose `data` is not a list")
    for index, badge in enumerate(data):
        where = f"{name}: data[{index}]"
        template = badge.get("badge_template") if isinstance(badge, dict) else None
        if not isinstance(template, dict):
            result.warnings.append(f"{where}: a badge without a badge_template; skipped")
            continue
        title = template.get("name")
        issuer = _issuer(badge.get("issuer")) or _issuer(template.get("issuer"))
        entry: dict[str, Any] = {
            "name": title.strip() if isinstance(title, str) and title.strip() else PLACEHOLDER,
            "issuer": issuer or PLACEHOLDER,
            "kind": "badge",
            "platform": "Credly",
            "issued": date_field(
                badge.get("issued_at_date"), f"{where}.issued_at_date", result.warnings
            )
            or PLACEHOLDER,
        }
        if issuer is None:
            result.warnings.append(f"{where}: no issuer named; fill in `issuer:` (not Credly)")
        expires = date_field(
            badge.get("expires_at_date"), f"{where}.expires_at_date", result.warnings
        )
        if expires:
            entry["expires"] = expires
        badge_id = badge.get("id")
        if isinstance(badge_id, str) and _BADGE_ID.fullmatch(badge_id):
            entry["url"] = f"https://www.credly.com/badges/{badge_id}"
        skills = template.get("skills")
        if isinstance(skills, list):
            names = [s.get("name") for s in skills if isinstance(s, dict)]
            if cleaned := [n.strip() for n in names if isinstance(n, str) and n.strip()]:
                entry["skills"] = cleaned
        image = badge.get("image_url") or template.get("image_url")
        if isinstance(image, str) and image.startswith("https://"):
            entry["badge_image"] = image
        description = template.get("description")
        if isinstance(description, str) and description.strip():
            entry[DESCRIPTION] = description.strip()
        result.credentials.append(entry)
    if not data:
        result.warnings.append(f"{name}: the feed lists no badges")
    return result
