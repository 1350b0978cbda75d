"""JSON Resume's ``certificates``: name, date, issuer, url (no expiry, no id)."""

from __future__ import annotations

from typing import Any

from showcase.importers import PLACEHOLDER, Imported
from showcase.importers.dates import date_field


def from_json_resume(document: dict[str, Any], name: str) -> Imported:
    result = Imported(source=name, format="JSON Resume")
    certificates = document.get("certificates") or []
    if not isinstance(certificates, list):
        result.warnings.append(f"{name}: `certificates` is not a list; nothing imported")
        return result
    for index, item in enumerate(certificates):
        if not isinstance(item, dict) or not item.get("name"):
            result.warnings.append(f"{name}: certificates[{index}] has no name; skipped")
            continue
        where = f"{name}: certificates[{index}].date"
        entry: dict[str, Any] = {
            "name": str(item["name"]).strip(),
            "issuer": str(item.get("issuer") or "").strip() or PLACEHOLDER,
            "issued": date_field(item.get("date"), where, result.warnings) or PLACEHOLDER,
        }
        if PLACEHOLDER in (entry["issuer"], entry["issued"]):
            result.warnings.append(
                f"{name}: certificates[{index}] `{entry['name']}` lacks an issuer or a date; "
                "fill in the TODO"
            )
        if item.get("url"):
            entry["url"] = str(item["url"]).strip()
        result.credentials.append(entry)
    if not certificates:
        result.warnings.append(f"{name}: the resume lists no certificates")
    return result
