"""JSON Resume 1.x: its ``certificates`` as credentials, or the whole resume as a profile.

``certificates`` hold name, date, issuer and url; showcase's own export adds
``expiryDate``, ``credentialId`` and ``skills`` (the schema allows extra
properties), read back here so that a round trip keeps them.
"""

from __future__ import annotations

from typing import Any

from showcase.importers.dates import date_field
from showcase.importers.result import PLACEHOLDER, WHERE, Imported, ProfileImport

# The sections of JSON Resume 1.x that have a place in a profile; the rest are reported.
CARRIED = (
    "basics",
    "work",
    "education",
    "skills",
    "projects",
    "certificates",
    "volunteer",
    "awards",
    "publications",
    "languages",
)
IGNORED = ("$schema", "meta")  # about the file, not the person
_KNOWN_SECTIONS = (*CARRIED, "volunteer", "awards", "publications", "languages", "interests")


def looks_like_resume(document: dict[str, Any]) -> bool:
    return any(key in document for key in (*_KNOWN_SECTIONS, "references"))


def _certificate(
    item: dict[str, Any], where: str, warnings: list[str], source: str
) -> dict[str, Any]:
    name = item.get("name")
    entry: dict[str, Any] = {
        "name": name.strip() if isinstance(name, str) and name.strip() else PLACEHOLDER,
        "issuer": str(item.get("issuer") or "").strip() or PLACEHOLDER,
        "issued": date_field(item.get("date"), f"{where}.date", warnings) or PLACEHOLDER,
    }
    if PLACEHOLDER in (entry["issuer"], entry["issued"]):
        warnings.append(
            f"{source}: {where} `{entry['name']}` lacks an issuer or a date; fill in the TODO"
        )
    expires = date_field(item.get("expiryDate"), f"{where}.expiryDate", warnings)
    if expires:
        entry["expires"] = expires
    if item.get("credentialId") not in (None, ""):
        entry["credential_id"] = item["credentialId"]
    if item.get("url"):
        entry["url"] = item["url"]
    skills = item.get("skills")
    if isinstance(skills, list) and skills:
        entry["skills"] = skills
    return entry


def _certificates(document: dict[str, Any], name: str, warnings: list[str]) -> list[Any]:
    certificates = document.get("certificates") or []
    if not isinstance(certificates, list):
        warnings.append(f"{name}: `certificates` is not a list; nothing imported")
        return []
    entries = []
    for index, item in enumerate(certificates):
        if not isinstance(item, dict) or not item.get("name"):
            warnings.append(f"{name}: certificates[{index}] has no name; skipped")
            continue
        where = f"certificates[{index}]"
        entries.append(_certificate(item, where, warnings, name))
    return entries


def from_json_resume(document: dict[str, Any], name: str) -> Imported:
    result = Imported(source=name, format="JSON Resume")
    result.credentials = _certificates(document, name, result.warnings)
    if not document.get("certificates"):
        result.warnings.append(f"{name}: the resume lists no certificates")
    return result


# --- the whole resume -----------------------------------------------------------------------

NETWORKS = {"linkedin": "linkedin", "github": "github"}


def _section(document: dict[str, Any], key: str, name: str, warnings: list[str]) -> list[Any]:
    """The items of a list section that are objects; the others warned about."""
    value = document.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        warnings.append(f"{name}: `{key}` is not a list; not imported")
        return []
    items = []
    for index, item in enumerate(value):
        if isinstance(item, dict):
            items.append((index, item))
        else:
            warnings.append(f"{name}: {key}[{index}] is not an object; skipped")
    return items


def _date(value: Any, where: str, name: str, warnings: list[str]) -> str | None:
    return date_field(value, f"{name}: {where}", warnings)


def _location(value: Any) -> Any:
    """``{city, region, countryCode}`` -> ``City, Region`` (the profile's form)."""
    if not isinstance(value, dict):
        return value  # text is kept as it is; anything else is refused by the check
    from showcase.exporters.location import country_name

    city, region = value.get("city"), value.get("region")
    country = value.get("countryCode")
    parts = [p.strip() for p in (city, region) if isinstance(p, str) and p.strip()]
    if isinstance(country, str) and country.strip() and len(parts) < 2:
        parts.append(country_name(country.strip()))
    return ", ".join(parts) or None


def _basics(basics: Any, name: str, data: dict[str, Any], result: ProfileImport) -> None:
    warnings, not_carried = result.warnings, result.not_carried
    if not isinstance(basics, dict):
        if basics is not None:
            warnings.append(f"{name}: `basics` is not an object; not imported")
        return
    for source_key, key in (("name", "name"), ("label", "headline"), ("summary", "summary")):
        if basics.get(source_key) not in (None, ""):
            data[key] = basics[source_key]
    contact: dict[str, Any] = {}
    for source_key, key in (("email", "email"), ("phone", "phone"), ("url", "website")):
        if basics.get(source_key) not in (None, ""):
            contact[key] = basics[source_key]
    location = _location(basics.get("location"))
    if location:
        contact["location"] = location
    location_value = basics.get("location")
    if isinstance(location_value, dict):
        for part in ("address", "postalCode"):
            if location_value.get(part):
                not_carried.append(f"basics.location.{part} (a profile keeps only city, region)")
    profiles = basics.get("profiles")
    for index, item in enumerate(profiles if isinstance(profiles, list) else []):
        if not isinstance(item, dict):
            continue
        network = str(item.get("network") or "").strip()
        field = NETWORKS.get(network.lower())
        url: Any = item.get("url")
        username = item.get("username")
        if field and not url and isinstance(username, str) and username.strip():
            base = "https://www.linkedin.com/in/" if field == "linkedin" else "https://github.com/"
            url = base + username.strip().strip("/")
        if field and url and field not in contact:
            contact[field] = url
        else:
            not_carried.append(f"basics.profiles[{index}] ({network or 'no network'})")
    if basics.get("image"):
        not_carried.append("basics.image")
    if contact:
        data["contact"] = contact


def profile_from_json_resume(document: dict[str, Any], name: str) -> ProfileImport:
    result = ProfileImport(source=name, format="JSON Resume")
    warnings = result.warnings
    data = result.data
    _basics(document.get("basics"), name, data, result)
    if "name" not in data:
        warnings.append(f"{name}: basics.name is missing; fill in the TODO")
    experience = []
    for index, job in _section(document, "work", name, warnings):
        where = f"work[{index}]"
        item: dict[str, Any] = {
            WHERE: where,
            "title": job.get("position"),
            "organization": job.get("name") or job.get("company"),  # `company` before 1.0
            "location": job.get("location"),
            "start": _date(job.get("startDate"), f"{where}.startDate", name, warnings),
            "end": _date(job.get("endDate"), f"{where}.endDate", name, warnings)
            or ("present" if job.get("endDate") in (None, "") else PLACEHOLDER),
            "highlights": job.get("highlights"),
        }
        experience.append({k: v for k, v in item.items() if v is not None})
        for extra in ("summary", "description", "url"):
            if job.get(extra):
                result.not_carried.append(f"{where.split('[')[0]}[].{extra}")
    education = []
    for index, school in _section(document, "education", name, warnings):
        where = f"education[{index}]"
        item = {
            WHERE: where,
            "institution": school.get("institution"),
            "degree": school.get("studyType"),
            "field": school.get("area"),
            "start": _date(school.get("startDate"), f"{where}.startDate", name, warnings),
            "end": _date(school.get("endDate"), f"{where}.endDate", name, warnings),
        }
        education.append({k: v for k, v in item.items() if v is not None})
        for extra in ("score", "courses", "url"):
            if school.get(extra):
                result.not_carried.append(f"{where.split('[')[0]}[].{extra}")
    skills, loose = [], []
    for index, group in _section(document, "skills", name, warnings):
        keywords = group.get("keywords")
        if isinstance(keywords, list) and keywords:
            skills.append(
                {WHERE: f"skills[{index}]", "group": group.get("name"), "items": keywords}
            )
        elif group.get("name"):
            loose.append(group["name"])
        if group.get("level"):
            result.not_carried.append("skills[].level")
    if loose:
        skills.append({WHERE: "skills", "group": "Skills", "items": loose})
        warnings.append(
            f"{name}: skills without keywords ({len(loose)}) gathered under the group `Skills`"
        )
    projects = []
    for index, project in _section(document, "projects", name, warnings):
        where = f"projects[{index}]"
        item = {
            WHERE: where,
            "title": project.get("name"),
            "situation": project.get("description"),
            "actions": project.get("highlights"),
            "tools": project.get("keywords"),
            "url": project.get("url"),
        }
        projects.append({k: v for k, v in item.items() if v is not None})
        for extra in ("startDate", "endDate", "roles", "entity", "type"):
            if project.get(extra):
                result.not_carried.append(f"{where.split('[')[0]}[].{extra}")
    data["credentials"] = _certificates(document, name, warnings)
    data.update(projects=projects, experience=experience, education=education, skills=skills)
    _more_sections(document, name, data, result)
    for key, value in document.items():
        if key not in CARRIED and key not in IGNORED and value not in (None, [], {}, ""):
            count = f" ({len(value)})" if isinstance(value, list) else ""
            result.not_carried.append(f"{key}{count}")
    return result


# JSON Resume's `fluency` is free text; these common words are read as LinkedIn's levels.
FLUENCY_WORDS = {
    "native": "native",
    "native speaker": "native",
    "mother tongue": "native",
    "bilingual": "native",
    "fluent": "full-professional",
    "full professional": "full-professional",
    "advanced": "full-professional",
    "professional": "professional-working",
    "professional working": "professional-working",
    "working": "professional-working",
    "intermediate": "limited-working",
    "conversational": "limited-working",
    "basic": "elementary",
    "beginner": "elementary",
    "elementary": "elementary",
}


def _more_sections(
    document: dict[str, Any], name: str, data: dict[str, Any], result: ProfileImport
) -> None:
    """Volunteer work, awards, publications and languages, field for field."""
    from showcase.profile.models import language_level

    warnings = result.warnings

    def clean(item: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in item.items() if v not in (None, "", [])}

    volunteer = []
    for index, entry in _section(document, "volunteer", name, warnings):
        where = f"volunteer[{index}]"
        volunteer.append(
            clean(
                {
                    WHERE: where,
                    "organization": entry.get("organization") or PLACEHOLDER,
                    "role": entry.get("position"),
                    "start": _date(entry.get("startDate"), f"{where}.startDate", name, warnings),
                    "end": _date(entry.get("endDate"), f"{where}.endDate", name, warnings),
                    "summary": entry.get("summary"),
                    "highlights": entry.get("highlights"),
                }
            )
        )
        if entry.get("url"):
            result.not_carried.append("volunteer[].url")
    awards = []
    for index, entry in _section(document, "awards", name, warnings):
        where = f"awards[{index}]"
        awards.append(
            clean(
                {
                    WHERE: where,
                    "title": entry.get("title") or PLACEHOLDER,
                    "awarder": entry.get("awarder"),
                    "date": _date(entry.get("date"), f"{where}.date", name, warnings),
                    "summary": entry.get("summary"),
                }
            )
        )
    publications = []
    for index, entry in _section(document, "publications", name, warnings):
        where = f"publications[{index}]"
        publications.append(
            clean(
                {
                    WHERE: where,
                    "title": entry.get("name") or PLACEHOLDER,
                    "publisher": entry.get("publisher"),
                    "date": _date(entry.get("releaseDate"), f"{where}.releaseDate", name, warnings),
                    "url": entry.get("url"),
                    "summary": entry.get("summary"),
                }
            )
        )
    languages = []
    for index, entry in _section(document, "languages", name, warnings):
        where = f"languages[{index}]"
        fluency = entry.get("fluency")
        level: str | None = None
        if isinstance(fluency, str) and fluency.strip():
            found = language_level(fluency)
            level = found.value if found else FLUENCY_WORDS.get(" ".join(fluency.lower().split()))
            if level is not None and found is None:
                warnings.append(f"{name}: {where}.fluency `{fluency}` read as `{level}`")
        if level is None:
            warnings.append(
                f"{name}: {where}.fluency "
                + (f"`{fluency}`" if isinstance(fluency, str) and fluency.strip() else "is missing")
                + "; write one of LinkedIn's five levels in place of the TODO"
            )
        languages.append(
            clean(
                {
                    WHERE: where,
                    "language": entry.get("language") or PLACEHOLDER,
                    "level": level or PLACEHOLDER,
                }
            )
        )
    for key, items in (
        ("volunteer", volunteer),
        ("awards", awards),
        ("publications", publications),
        ("languages", languages),
    ):
        if items:
            data[key] = items
