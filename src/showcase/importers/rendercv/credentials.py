"""A credential written as text in a RenderCV entry, and RenderCV's dates.

People write certifications as text, bullets, one-line or normal entries; the issuer,
platform, dates, credential ID and link are read where the text says them plainly
("issued by ...", "via Coursera", "Mar 2024", "expires 2027-03"), ``TODO`` elsewhere."""

from __future__ import annotations

import re
from typing import Any

from showcase.importers.dates import to_profile_date

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
