"""RenderCV's YAML (``cv:`` with name, contact fields, social networks and sections).

RenderCV (https://docs.rendercv.com) keeps a CV as ``cv.sections``: a mapping of
section titles to lists of entries, whose shape says what they are:
ExperienceEntry (``company``, ``position``), EducationEntry (``institution``,
``area``), NormalEntry (``name``), OneLineEntry (``label``, ``details``),
BulletEntry (``bullet``), PublicationEntry (``title``, ``authors``) and
TextEntry (plain text). Dates are ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ``present``.

Certifications have no entry type of their own: people write them as text,
bullets, one-line or normal entries. A section whose title says certifications,
licenses, credentials or courses becomes credentials, with the issuer, platform,
dates, credential ID and link read from the text where it says them plainly
("issued by ...", "via Coursera", "Mar 2024", "expires 2027-03") and ``TODO``
where it does not. ``design``, ``locale`` and ``rendercv_settings`` are layout.
"""

from __future__ import annotations

import re
from typing import Any

from showcase.errors import ProfileError
from showcase.importers.dates import to_profile_date
from showcase.importers.result import PLACEHOLDER, WHERE, ImportFailed, ProfileImport

# Where people earn credentials without the place being the issuer (DESIGN.md).
PLATFORMS = (
    "Coursera",
    "edX",
    "Udacity",
    "Udemy",
    "LinkedIn Learning",
    "Credly",
    "Pluralsight",
    "DataCamp",
    "Skillshop",
    "Trailhead",
    "Microsoft Learn",
    "Codecademy",
    "FutureLearn",
)
_PLATFORM_BY_NAME = {p.casefold(): p for p in PLATFORMS}

_CREDENTIAL_TITLE = re.compile(r"certif|licen[cs]|credential|course|badge", re.IGNORECASE)
_SKILLS_TITLE = re.compile(r"skill|technolog|tools", re.IGNORECASE)
_SUMMARY_TITLE = re.compile(r"summary|about|profile|objective", re.IGNORECASE)
_PROJECT_TITLE = re.compile(r"project", re.IGNORECASE)

NETWORK_URLS = {
    "linkedin": "https://www.linkedin.com/in/{}",
    "github": "https://github.com/{}",
}


# ruamel's scanner takes time quadratic in the depth of nested flow collections: 1,000
# `[` took 1.4 s, 5,000 took 10 s. They are counted first, in one linear pass.
MAX_FLOW_DEPTH = 64


def _flow_depth_at(text: str) -> int | None:
    """The offset where `[`/`{` nest deeper than `MAX_FLOW_DEPTH`, or None.

    Quoted text and comments are skipped; a bracket inside plain text may count
    too, which only matters for text no CV holds (64 unclosed brackets).
    """
    depth, index, size = 0, 0, len(text)
    while index < size:
        char = text[index]
        if char in "[{":
            depth += 1
            if depth > MAX_FLOW_DEPTH:
                return index
        elif char in "]}":
            depth = max(0, depth - 1)
        elif char == '"':
            index += 1
            while index < size and text[index] != '"':
                index += 2 if text[index] == "\\" else 1
        elif char == "'":
            end = text.find("'", index + 1)
            index = size if end < 0 else end
        elif char == "#" and (index == 0 or text[index - 1] in " \t\n"):
            end = text.find("\n", index)
            index = size if end < 0 else end
        index += 1
    return None


def parse_yaml(text: str, name: str) -> Any:
    """YAML text as plain data, with the profile's bounds (size, depth, aliases)."""
    from showcase.profile.source import parse_source

    deep = _flow_depth_at(text)
    if deep is not None:
        line = text.count("\n", 0, deep) + 1
        raise ImportFailed(
            f"{name}:{line}: brackets nest more than {MAX_FLOW_DEPTH} levels deep; "
            "not a CV (read as RenderCV YAML)"
        )
    try:
        return parse_source(text, name).data
    except ProfileError as exc:
        first = exc.problems[0] if getattr(exc, "problems", None) else None
        detail = first.format() if first is not None else f"{name}: {exc}"
        detail = detail.replace("a profile needs four", "a CV needs a few")
        raise ImportFailed(f"{detail} (read as RenderCV YAML)") from None


# --- dates and text -------------------------------------------------------------------------

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"  # Mar, March, Sept.
_DATE = rf"(?:{_MONTH}\s+\d{{4}}|\d{{4}}-\d{{2}}(?:-\d{{2}})?|\d{{1,2}}/\d{{4}}|\b\d{{4}}\b)"


def resume_date(value: Any) -> str | None:
    """A CV's date (``2024-03``, ``Mar 2024``, ``03/2024``, 2024) in the profile's form."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and 1000 <= value <= 9999:
        return str(value)
    if not isinstance(value, str):
        return None
    text = value.strip().rstrip(".")
    if match := re.fullmatch(r"(\d{1,2})/(\d{4})", text):
        month = int(match[1])
        return f"{match[2]}-{month:02d}" if 1 <= month <= 12 else None
    text = re.sub(r"^(sept)\b\.?", "Sep", text, flags=re.IGNORECASE)
    text = re.sub(r"^([A-Za-z]{3})[a-z]*\.?\s", r"\1 ", text)
    return to_profile_date(text)


def _plain(text: str) -> tuple[str, str | None]:
    """Markdown made plain, and the first web link in it."""
    url = None
    link = re.search(r"\[([^\]]*)\]\((https?://[^)\s]+)\)", text)
    if link:
        url = link[2]
    text = re.sub(r"\[([^\]]*)\]\((?:[^)\s]+)\)", r"\1", text)
    bare = re.search(r"https?://\S+", text)
    if bare:
        url = url or bare[0].rstrip(".,;)")
        text = text.replace(bare[0], " ")
    text = re.sub(r"\*\*|__|(?<!\w)[*_]|[*_](?!\w)", "", text)
    return " ".join(text.split()), url


_CREDENTIAL_ID = re.compile(
    r"\(?\b(?:credential|certificate|cert\.?|license|licence)\s*(?:id|no\.?|number|#)\s*[:#]?\s*"
    r"([A-Za-z0-9][A-Za-z0-9-]{2,63})\)?",
    re.IGNORECASE,
)
_EXPIRES = re.compile(
    rf"\(?\b(?:expires?|expiry|expiration|exp\.|valid\s+(?:until|through|to))\s*(?:on|in)?\s*:?\s*"
    rf"({_DATE})\)?",
    re.IGNORECASE,
)
_ISSUED = re.compile(
    rf"\(?\b(?:issued|earned|awarded|completed|obtained)\s*(?:on|in)?\s*:?\s*({_DATE})\)?",
    re.IGNORECASE,
)
_RANGE = re.compile(rf"\(?({_DATE})\s*(?:–|—|-|to)\s*({_DATE})\)?", re.IGNORECASE)
_ANY_DATE = re.compile(rf"\(?({_DATE})\)?", re.IGNORECASE)
_ISSUED_BY = re.compile(r"\b(?:issued\s+by|awarded\s+by|offered\s+by)\s+", re.IGNORECASE)
_VIA = re.compile(r"^(?:via|on|through|from|by)\s+", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s+[—–|·]\s+|\s*[,;]\s+|\s*\(\s*|\s*\)\s*")


def parse_credential(text: str, *, has_name: bool = False) -> dict[str, Any]:
    """Name, issuer, platform, dates, credential ID and link, as far as `text` says them.

    With `has_name`, `text` is what follows a name given elsewhere (a label, a
    NormalEntry's name), so its first part is not taken for the name.
    """
    text, url = _plain(text)
    found: dict[str, Any] = {}
    if url:
        found["url"] = url
    if match := _CREDENTIAL_ID.search(text):
        found["credential_id"] = match[1]
        text = text.replace(match[0], " ")
    if match := _EXPIRES.search(text):
        found["expires"] = resume_date(match[1])
        text = text.replace(match[0], " ")
    if match := _ISSUED.search(text):
        found["issued"] = resume_date(match[1])
        text = text.replace(match[0], " ")
    if "issued" not in found and (match := _RANGE.search(text)):
        found["issued"], found["expires"] = resume_date(match[1]), resume_date(match[2])
        text = text.replace(match[0], " ")
    if "issued" not in found and (match := _ANY_DATE.search(text)):
        found["issued"] = resume_date(match[1])
        text = text.replace(match[0], " ")
    text = _ISSUED_BY.sub(", by ", text)
    # "... on Udemy", "... via Coursera" without a comma before it: still the platform.
    platforms = "|".join(re.escape(p) for p in PLATFORMS)
    if match := re.search(rf"\s+(?:via|on|through)\s+({platforms})\b", text, re.IGNORECASE):
        found["platform"] = _PLATFORM_BY_NAME[match[1].casefold()]
        text = text.replace(match[0], " , ")
    # "(PMP)" is part of the name, not a separate piece: kept out of the split.
    text = re.sub(r"\(([A-Z][A-Z0-9-]{1,9})\)", "\ue000\\1\ue001", text)
    parts = [
        p.strip(" -–—:").replace("\ue000", "(").replace("\ue001", ")")
        for p in _SEPARATORS.split(text)
    ]
    parts = [p for p in parts if p]
    if not has_name and parts:
        found["name"] = parts.pop(0)
    for part in parts:
        bare = _VIA.sub("", part).strip()
        platform = _PLATFORM_BY_NAME.get(bare.casefold())
        if platform and "platform" not in found:
            found["platform"] = platform
        elif "issuer" not in found and bare:
            found["issuer"] = bare
    return {k: v for k, v in found.items() if v is not None}


# --- the CV -----------------------------------------------------------------------------------


def _words(title: str) -> str:
    return title.replace("_", " ").strip()


def _credential(entry: Any) -> dict[str, Any] | None:
    """A credential from one entry of a certifications section (text, bullet, one-line, normal)."""
    if isinstance(entry, str | int | float) and not isinstance(entry, bool):
        return parse_credential(str(entry))
    if not isinstance(entry, dict):
        return None
    if "bullet" in entry:
        return parse_credential(str(entry.get("bullet") or ""))
    if "label" in entry:
        parsed = parse_credential(str(entry.get("details") or ""), has_name=True)
        return {"name": entry.get("label"), **parsed}
    if "name" in entry:
        text = " ; ".join(
            str(part)
            for part in [entry.get("summary"), *(entry.get("highlights") or [])]
            if isinstance(part, str | int | float)
        )
        parsed = parse_credential(text, has_name=True) if text else {}
        issued = resume_date(entry.get("date")) or resume_date(entry.get("start_date"))
        end = entry.get("end_date")
        expires = resume_date(end) if end != "present" else None
        item = {"name": entry.get("name"), **parsed}
        if issued:
            item["issued"] = issued
        if expires:
            item["expires"] = expires
        if isinstance(entry.get("url"), str):
            item.setdefault("url", entry["url"])
        return item
    return None


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
