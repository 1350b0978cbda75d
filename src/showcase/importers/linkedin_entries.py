"""Each row of LinkedIn's data export as a profile entry: positions, schools, languages,
certifications, projects, awards, volunteering and publications (`READERS` names the
reader of each file), with the export's dates and descriptions read on the way.

A date written but unreadable becomes a TODO, with a warning; a description is split into
prose and bulleted points as the user wrote it.
"""

from __future__ import annotations

import re
from typing import Any

from showcase.importers.linkedin import certification
from showcase.importers.linkedin_csv import Table
from showcase.importers.rendercv.credentials import resume_date
from showcase.importers.result import PLACEHOLDER, WHERE, ProfileImport

# A bullet at the start of a line ("• ", "- ", "1. "), and bullets inside one line (not
# the middle dot: "Python · SQL" is one list, as LinkedIn itself writes lists).
_BULLET = re.compile(r"^\s*(?:[•●▪■◦‣∙·►➢✓✔]\s*|[*–—-]\s+|\d{1,2}[.)]\s+)")
_INLINE_BULLETS = re.compile(r"\s+[•●▪■◦‣►➢]\s+")


def export_date(cell: str, where: str, warnings: list[str], *, end: bool = False) -> str | None:
    """``Nov 2022`` -> ``2022-11``, ``2019`` -> ``2019``; None when empty; TODO (warned)
    when written but unreadable, so that a date is never silently lost or made up."""
    if not cell:
        return None
    if end and cell.casefold() == "present":
        return "present"
    date = resume_date(cell)
    if date is None:
        warnings.append(f"{where}: `{cell[:40]}` is not a date showcase can read; fill in the TODO")
        return PLACEHOLDER
    return date


def points(text: str) -> list[str]:
    """A description split at its line breaks and bullets, the bullets themselves dropped."""
    items = []
    for line in text.split("\n"):
        for part in _INLINE_BULLETS.split(line):
            part = _BULLET.sub("", part).strip()
            if part:
                items.append(part)
    return items


def story(text: str) -> tuple[str | None, list[str]]:
    """A description as (its prose, its bulleted points): prose alone is kept whole."""
    if not text:
        return None, []
    lines = [line for line in text.split("\n") if line.strip()]
    bulleted = [line for line in lines if _BULLET.match(line) or _INLINE_BULLETS.search(line)]
    if not bulleted:
        return text, []
    prose = " ".join(line.strip() for line in lines if line not in bulleted)
    return prose or None, points("\n".join(bulleted))


def _at(table: Table, line: int, section: str, result: ProfileImport) -> str:
    return f"{table.name}:{line} {section}[{len(result.data.get(section) or [])}]"


def _position(table: Table, row: Any, result: ProfileImport) -> dict[str, Any]:
    where = _at(table, row.line, "experience", result)
    warn = f"{result.source}: {where}"
    start = export_date(row["start"], f"{warn}.start", result.warnings)
    end = export_date(row["end"], f"{warn}.end", result.warnings, end=True)
    return {
        WHERE: where,
        "title": row["title"],
        "organization": row["organization"] or PLACEHOLDER,
        "location": row["location"] or None,
        "start": start or PLACEHOLDER,
        "end": end or "present",  # LinkedIn leaves Finished On empty for the current job
        "highlights": points(row["description"]),
    }


def _school(table: Table, row: Any, result: ProfileImport) -> dict[str, Any]:
    where = _at(table, row.line, "education", result)
    warn = f"{result.source}: {where}"
    for key, column in (("notes", "Notes"), ("activities", "Activities")):
        if row[key]:
            result.not_carried.append(f"Education.csv: {column} (education has no place for them)")
    return {
        WHERE: where,
        "institution": row["institution"],
        "degree": row["degree"] or None,
        "field": row["field"] or None,
        "start": export_date(row["start"], f"{warn}.start", result.warnings),
        "end": export_date(row["end"], f"{warn}.end", result.warnings, end=True),
    }


def _language(table: Table, row: Any, result: ProfileImport) -> dict[str, Any]:
    where = _at(table, row.line, "languages", result)
    item: dict[str, Any] = {WHERE: where, "language": row["language"]}
    level = _level(row["level"])
    if level is not None:
        item["level"] = level
    elif row["level"]:
        result.warnings.append(
            f"{result.source}: {where}: `{row['level'][:40]}` is not one of LinkedIn's five "
            "proficiency levels; fill in `level:`"
        )
    return item


def languages_once(items: list[dict[str, Any]], result: ProfileImport) -> list[dict[str, Any]]:
    """Each language once (the first row's level): a profile lists a language once."""
    seen: set[str] = set()
    kept: list[dict[str, Any]] = []
    for item in items:
        key = " ".join(str(item["language"]).split()).casefold()
        if key and key in seen:
            result.warnings.append(
                f"{result.source}: {item[WHERE]}: `{str(item['language'])[:40]}` is listed "
                "again; kept the first row's level"
            )
            continue
        seen.add(key)
        kept.append(item)
    return kept


def _level(said: str) -> str | None:
    """LinkedIn's label of a level (``Native or bilingual proficiency``, or its API's
    ``NATIVE_OR_BILINGUAL``) as the profile writes it, read by the profile's own rule."""
    from pydantic import ValidationError

    from showcase.profile.models import Language

    try:
        return Language.model_validate({"language": "-", "level": said}).level.value
    except ValidationError:
        return None


def _certification(table: Table, row: Any, result: ProfileImport) -> dict[str, Any]:
    return credential(row, f"{result.source}: {table.name}:{row.line}", result.warnings)


def credential(row: Any, where: str, warnings: list[str]) -> dict[str, Any]:
    return certification(
        row["name"],
        authority=row["authority"],
        started=row["start"],
        finished=row["end"],
        number=row["number"],
        url=row["url"],
        where=where,
        warnings=warnings,
    )


def _project(table: Table, row: Any, result: ProfileImport) -> dict[str, Any]:
    situation, actions = story(row["description"])
    if row["start"] or row["end"]:
        result.not_carried.append("Projects.csv: Started On, Finished On (projects have no dates)")
    return {
        WHERE: _at(table, row.line, "projects", result),
        "title": row["title"],
        "situation": situation,
        "actions": actions,
        "url": row["url"] or None,
    }


def _award(table: Table, row: Any, result: ProfileImport) -> dict[str, Any]:
    where = _at(table, row.line, "awards", result)
    return {
        WHERE: where,
        "title": row["title"],
        "awarder": row["awarder"] or None,
        "date": export_date(row["date"], f"{result.source}: {where}.date", result.warnings),
        "summary": row["description"] or None,
    }


def _volunteer(table: Table, row: Any, result: ProfileImport) -> dict[str, Any]:
    where = _at(table, row.line, "volunteer", result)
    warn = f"{result.source}: {where}"
    summary, highlights = story(row["description"])
    if row["cause"]:
        result.not_carried.append("Volunteering.csv: Cause")
    start = export_date(row["start"], f"{warn}.start", result.warnings)
    end = export_date(row["end"], f"{warn}.end", result.warnings, end=True)
    return {
        WHERE: where,
        "organization": row["organization"],
        "role": row["role"] or None,
        "start": start,
        "end": end,  # empty while it goes on: the profile leaves `end` out then
        "summary": summary,
        "highlights": highlights,
    }


def _publication(table: Table, row: Any, result: ProfileImport) -> dict[str, Any]:
    where = _at(table, row.line, "publications", result)
    return {
        WHERE: where,
        "title": row["title"],
        "publisher": row["publisher"] or None,
        "date": export_date(row["date"], f"{result.source}: {where}.date", result.warnings),
        "url": row["url"] or None,
        "summary": row["description"] or None,
    }


READERS = (
    ("Positions.csv", "experience", _position),
    ("Education.csv", "education", _school),
    ("Languages.csv", "languages", _language),
    ("Certifications.csv", "credentials", _certification),
    ("Projects.csv", "projects", _project),
    ("Honors.csv", "awards", _award),
    ("Volunteering.csv", "volunteer", _volunteer),
    ("Publications.csv", "publications", _publication),
)
