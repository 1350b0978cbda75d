"""RenderCV's ``cv:`` mapping to a profile: name, contact fields, social networks, sections.

RenderCV (https://docs.rendercv.com) keeps a CV as ``cv.sections``: a mapping of
section titles to lists of entries, whose shape says what they are:
ExperienceEntry (``company``, ``position``), EducationEntry (``institution``,
``area``), NormalEntry (``name``), OneLineEntry (``label``, ``details``),
BulletEntry (``bullet``), PublicationEntry (``title``, ``authors``) and
TextEntry (plain text). A section whose title says certifications, licenses,
credentials or courses becomes credentials (`credentials.py` reads each).
``design``, ``locale`` and ``rendercv_settings`` are layout.
"""

from __future__ import annotations

import re
from typing import Any

from showcase.importers.rendercv.credentials import _credential, _plain, resume_date
from showcase.importers.result import PLACEHOLDER, WHERE, ProfileImport

_CREDENTIAL_TITLE = re.compile(r"certif|licen[cs]|credential|course|badge", re.IGNORECASE)
_SKILLS_TITLE = re.compile(r"skill|technolog|tools", re.IGNORECASE)
_SUMMARY_TITLE = re.compile(r"summary|about|profile|objective", re.IGNORECASE)
_PROJECT_TITLE = re.compile(r"project", re.IGNORECASE)

NETWORK_URLS = {
    "linkedin": "https://www.linkedin.com/in/{}",
    "github": "https://github.com/{}",
}


# --- the CV -----------------------------------------------------------------------------------


def _kind_of(title: str) -> str | None:
    words = title.casefold()
    if "course" in words and "certif" not in words:
        return "course"
    if "licen" in words and "certif" not in words:
        return "license"
    return None


def profile_from_rendercv(document: dict[str, Any], name: str) -> ProfileImport:
    result = ProfileImport(source=name, format="RenderCV")
    warnings, data = result.warnings, result.data
    cv = document["cv"]
    data[WHERE] = "cv"
    if cv.get("name") not in (None, ""):
        data["name"] = cv["name"]
    else:
        warnings.append(f"{name}: cv.name is missing; fill in the TODO")
    headline = cv.get("headline") or cv.get("label")
    if headline:
        data["headline"] = headline
    contact: dict[str, Any] = {}
    for key in ("email", "phone", "location", "website"):
        value = cv.get(key)
        if isinstance(value, str) and key == "phone":
            value = re.sub(r"^tel:", "", value.strip())
        if value not in (None, ""):
            contact[key] = value
    networks = cv.get("social_networks")
    for index, item in enumerate(networks if isinstance(networks, list) else []):
        network = str(item.get("network") or "") if isinstance(item, dict) else ""
        username = item.get("username") if isinstance(item, dict) else None
        pattern = NETWORK_URLS.get(network.casefold())
        if pattern and isinstance(username, str) and username.strip():
            contact.setdefault(network.casefold(), pattern.format(username.strip().strip("/")))
        else:
            result.not_carried.append(f"cv.social_networks[{index}] ({network or 'unknown'})")
    if contact:
        data["contact"] = contact
    for key in ("photo", "custom_connections"):
        if cv.get(key):
            result.not_carried.append(f"cv.{key}")

    sections = cv.get("sections")
    if sections is not None and not isinstance(sections, dict):
        warnings.append(f"{name}: cv.sections is not a mapping of titles to entries; not read")
        sections = {}
    for title, entries in (sections or {}).items():
        title = str(title)
        where = f"cv.sections.{title}"
        if not isinstance(entries, list):
            warnings.append(f"{name}: {where} is not a list of entries; not read")
            continue
        _section(result, title, where, entries)
    for key in document:
        if key != "cv":
            result.not_carried.append(f"{key} (RenderCV's layout and settings)")
    return result


def _section(result: ProfileImport, title: str, where: str, entries: list[Any]) -> None:
    data, warnings, name = result.data, result.warnings, result.source
    used = 0
    if _CREDENTIAL_TITLE.search(title):
        kind = _kind_of(title)
        for index, entry in enumerate(entries):
            item = _credential(entry)
            if item is None or not item.get("name"):
                warnings.append(f"{name}: {where}[{index}]: not a credential showcase can read")
                continue
            if kind:
                item["kind"] = kind
            for key in ("issuer", "issued"):
                if not item.get(key):
                    item[key] = PLACEHOLDER
            data.setdefault("credentials", []).append(item)
            used += 1
        if used < len(entries):
            result.not_carried.append(f"{where} ({len(entries) - used} entries)")
        return
    for index, entry in enumerate(entries):
        at = f"{where}[{index}]"
        if isinstance(entry, dict) and ("company" in entry or "position" in entry):
            item = {
                WHERE: at,
                "title": entry.get("position"),
                "organization": entry.get("company"),
                "location": entry.get("location"),
                "start": resume_date(entry.get("start_date")) or resume_date(entry.get("date")),
                "end": _end(entry.get("end_date"))  # unreadable: a TODO, not `present`
                or ("present" if entry.get("end_date") in (None, "") else PLACEHOLDER),
                "highlights": _highlights(entry),
            }
            data.setdefault("experience", []).append(_present(item))
        elif isinstance(entry, dict) and "institution" in entry:
            item = {
                WHERE: at,
                "institution": entry.get("institution"),
                "degree": entry.get("degree"),
                "field": entry.get("area"),
                "start": resume_date(entry.get("start_date")),
                "end": _end(entry.get("end_date")) or resume_date(entry.get("date")),
            }
            data.setdefault("education", []).append(_present(item))
            if entry.get("highlights"):
                result.not_carried.append(f"{at}.highlights (education has none)")
        elif isinstance(entry, dict) and "label" in entry and _SKILLS_TITLE.search(title):
            details = entry.get("details")
            items = [p.strip() for p in str(details or "").split(",") if p.strip()]
            data.setdefault("skills", []).append(
                {WHERE: at, "group": entry.get("label"), "items": items}
            )
        elif isinstance(entry, dict) and "name" in entry and _PROJECT_TITLE.search(title):
            summary = entry.get("summary")
            item = {
                WHERE: at,
                "title": entry.get("name"),
                "situation": _plain(summary)[0] if isinstance(summary, str) else summary,
                "actions": [_plain(h)[0] if isinstance(h, str) else h for h in _list(entry)],
                "url": entry.get("url"),
            }
            data.setdefault("projects", []).append(_present(item))
        elif isinstance(entry, str) and _SUMMARY_TITLE.search(title) and "summary" not in data:
            data["summary"] = _plain(entry)[0]
        else:
            continue
        used += 1
    if used < len(entries):
        left = len(entries) - used
        result.not_carried.append(f"{where} ({left} {'entry' if left == 1 else 'entries'})")


def _list(entry: dict[str, Any]) -> list[Any]:
    value = entry.get("highlights")
    return value if isinstance(value, list) else ([] if value is None else [value])


def _highlights(entry: dict[str, Any]) -> list[Any]:
    items = [_plain(h)[0] if isinstance(h, str) else h for h in _list(entry)]
    summary = entry.get("summary")
    if isinstance(summary, str) and summary.strip():
        items.insert(0, _plain(summary)[0])  # the profile's experience has no summary
    return items


def _end(value: Any) -> str | None:
    if isinstance(value, str) and value.strip().casefold() == "present":
        return "present"
    return resume_date(value)


def _present(item: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if v not in (None, [], "")}
