"""A profile as a JSON Resume (schema 1.3.1), for its themes and the tools around it.

JSON Resume's ``certificates`` define only name, date, issuer and url, but allow
extra properties: expiry, credential ID and skills go there as ``expiryDate``,
``credentialId`` and ``skills`` (read back by the importer). Stacks, STAR stories
and the rest have no place, which is why showcase keeps its own format and
exports to this one. Languages, awards, volunteer work and publications map one to
one; a language's level becomes LinkedIn's label in ``fluency`` ("Native or
bilingual proficiency"). Expired credentials are left out, as on the resume.

``basics.name`` is the name alone: letters after it (PMP) are a showcase view of
the credentials, and a theme printing them would print them twice. The location
is split into city, region and countryCode where it parses unambiguously
(`showcase.exporters.location`); otherwise it is kept as one line in ``address``.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from showcase.exporters.location import parse_location
from showcase.profile import LoadedProfile
from showcase.profile.models import LINKEDIN_LEVELS
from showcase.profile.types import PRESENT, PartialDate

SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"


def _date(value: PartialDate | str | None) -> str | None:
    if isinstance(value, PartialDate):
        return value.iso()
    return None  # absent or `present`: JSON Resume leaves endDate out for ongoing work


def _drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


def _location(text: str | None) -> dict[str, str] | None:
    if not text:
        return None
    place = parse_location(text)
    if place is None:
        return {"address": text}
    parts = {"city": place.city, "region": place.region, "countryCode": place.country_code}
    return {k: v for k, v in parts.items() if v}


def to_json_resume(loaded: LoadedProfile) -> dict[str, Any]:
    profile = loaded.profile
    contact = profile.contact
    profiles = []
    for network, url in (("LinkedIn", contact.linkedin), ("GitHub", contact.github)):
        if url:
            username = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
            profiles.append({"network": network, "username": username, "url": url})
    basics = _drop_empty(
        {
            "name": profile.name,
            "label": profile.headline,
            "email": contact.email,
            "phone": contact.phone,
            "url": contact.website,
            "summary": profile.summary,
            "location": _location(contact.location),
            "profiles": profiles,
        }
    )
    work = [
        _drop_empty(
            {
                "name": job.organization,
                "position": job.title,
                "location": job.location,
                "startDate": _date(job.start),
                "endDate": _date(job.end) if job.end != PRESENT else None,
                "highlights": list(job.highlights),
            }
        )
        for job in profile.experience
    ]
    education = [
        _drop_empty(
            {
                "institution": school.institution,
                "area": school.field,
                "studyType": school.degree,
                "startDate": _date(school.start),
                "endDate": _date(school.end),
            }
        )
        for school in profile.education
    ]
    certificates = [
        _drop_empty(
            {
                "name": c.name,
                "date": c.issued.iso(),
                "issuer": c.issuer,
                "url": c.url,
                "expiryDate": c.expires.iso() if c.expires else None,
                "credentialId": c.credential_id,
                "skills": list(c.skills),
            }
        )
        for c in loaded.valid_credentials
    ]
    projects = [
        _drop_empty(
            {
                "name": p.title,
                # The outcome reads best on a resume; an imported project has only its context.
                "description": p.result or p.task or p.situation,
                "highlights": list(p.actions),
                "keywords": list(p.tools),
                "url": p.url,
            }
        )
        for p in profile.projects
    ]
    skills = [{"name": g.group, "keywords": list(g.items)} for g in profile.skills]
    volunteer = [
        _drop_empty(
            {
                "organization": v.organization,
                "position": v.role,
                "startDate": _date(v.start),
                "endDate": _date(v.end),
                "summary": v.summary,
                "highlights": list(v.highlights),
            }
        )
        for v in profile.volunteer
    ]
    awards = [
        _drop_empty(
            {"title": a.title, "date": _date(a.date), "awarder": a.awarder, "summary": a.summary}
        )
        for a in profile.awards
    ]
    publications = [
        _drop_empty(
            {
                "name": p.title,
                "publisher": p.publisher,
                "releaseDate": _date(p.date),
                "url": p.url,
                "summary": p.summary,
            }
        )
        for p in profile.publications
    ]
    languages = [
        {"language": item.language, "fluency": LINKEDIN_LEVELS[item.level]}
        for item in profile.languages
    ]
    return _drop_empty(
        {
            "$schema": SCHEMA_URL,
            "basics": basics,
            "work": work,
            "education": education,
            "certificates": certificates,
            "skills": skills,
            "projects": projects,
            "volunteer": volunteer,
            "awards": awards,
            "publications": publications,
            "languages": languages,
            "meta": {"lastModified": f"{loaded.today.isoformat()}T00:00:00"},
        }
    )


def json_resume_text(loaded: LoadedProfile) -> str:
    return json.dumps(to_json_resume(loaded), indent=2, ensure_ascii=False) + "\n"
