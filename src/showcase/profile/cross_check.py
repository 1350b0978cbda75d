"""Checks across fields that one field's validator cannot make: unique ids and stack names,
references to credentials that exist, dates in order, a badge image that stays beside the
profile, each language once.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from showcase.errors import Problem, shown
from showcase.profile.source import Path_, Source
from showcase.profile.types import PartialDate, slugify


def _raw_ids(items: Any, id_from: str) -> list[tuple[int, str, bool]]:
    """(index, id, explicit) of every item that has or implies an id."""
    out: list[tuple[int, str, bool]] = []
    if not isinstance(items, list):
        return out
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        explicit = item.get("id")
        if isinstance(explicit, str) and explicit:
            out.append((i, explicit, True))
        elif isinstance(item.get(id_from), str):
            out.append((i, slugify(item[id_from]) or id_from, False))
    return out


def cross_check(data: dict[str, Any], source: Source) -> list[Problem]:
    problems: list[Problem] = []
    credential_ids: set[str] = set()
    for section, id_from in (("credentials", "name"), ("projects", "title")):
        seen: dict[str, int] = {}
        for index, item_id, explicit in _raw_ids(data.get(section), id_from):
            if section == "credentials":
                credential_ids.add(item_id)
            loc: Path_ = (section, index, "id") if explicit else (section, index, id_from)
            # Compared without case: ids name files, and Caps-short.txt and caps-short.txt
            # are one file on macOS and Windows.
            if item_id.casefold() in seen:
                first_line = source.where((section, seen[item_id.casefold()]))[0]
                how = "" if explicit else f" (made from its {id_from})"
                problems.append(
                    source.problem(
                        loc,
                        f"the id `{item_id}`{how} is already used at line {first_line}; "
                        "give each one a unique `id:`",
                    )
                )
            else:
                seen[item_id.casefold()] = index

    known = ", ".join(sorted(credential_ids)) or "(none)"

    def check_ref(loc: Path_, ref: Any) -> None:
        if isinstance(ref, str) and ref not in credential_ids:
            close = difflib.get_close_matches(ref, list(credential_ids), n=1)
            hint = f"did you mean `{close[0]}`?" if close else f"known ids: {known}"
            problems.append(source.problem(loc, f"no credential has the id `{shown(ref)}`; {hint}"))

    stacks = data.get("stacks")
    if isinstance(stacks, list):
        slugs: dict[str, int] = {}
        for i, stack in enumerate(stacks):
            if not isinstance(stack, dict):
                continue
            name = stack.get("name")
            if isinstance(name, str) and name.strip():
                # Posts and index anchors are named after the slug: two stacks with one
                # slug would write one file over the other.
                slug = slugify(name) or "stack"
                if slug in slugs:
                    first_line = source.where(("stacks", slugs[slug], "name"))[0]
                    problems.append(
                        source.problem(
                            ("stacks", i, "name"),
                            f"`{shown(name)}` is too like the stack name at line {first_line} "
                            f"(both become `{slug}`); give the stacks distinct names",
                        )
                    )
                else:
                    slugs[slug] = i
            if isinstance(stack.get("credentials"), list):
                listed: dict[str, int] = {}
                for j, ref in enumerate(stack["credentials"]):
                    check_ref(("stacks", i, "credentials", j), ref)
                    if isinstance(ref, str) and ref in listed:
                        first_line = source.where(("stacks", i, "credentials", listed[ref]))[0]
                        problems.append(
                            source.problem(
                                ("stacks", i, "credentials", j),
                                f"`{shown(ref)}` is already in this stack (line {first_line}); "
                                "list each credential once",
                            )
                        )
                    elif isinstance(ref, str):
                        listed[ref] = j
    projects = data.get("projects")
    if isinstance(projects, list):
        for i, project in enumerate(projects):
            if isinstance(project, dict):
                check_ref(("projects", i, "credential"), project.get("credential"))

    resume = data.get("resume")
    if isinstance(resume, dict) and isinstance(resume.get("hide"), list):
        for i, ref in enumerate(resume["hide"]):
            check_ref(("resume", "hide", i), ref)

    credentials = data.get("credentials")
    if isinstance(credentials, list):
        for i, credential in enumerate(credentials):
            if isinstance(credential, dict):
                problems.extend(
                    _check_order(
                        source,
                        ("credentials", i),
                        credential,
                        "issued",
                        "expires",
                        "expires before it was issued",
                    )
                )
                problems.extend(
                    _check_badge(
                        source, ("credentials", i, "badge_image"), credential.get("badge_image")
                    )
                )
    languages = data.get("languages")
    if isinstance(languages, list):
        spoken: dict[str, int] = {}
        for i, item in enumerate(languages):
            name = item.get("language") if isinstance(item, dict) else None
            if not isinstance(name, str) or not name.strip():
                continue
            key = " ".join(name.split()).casefold()
            if key in spoken:
                first_line = source.where(("languages", spoken[key], "language"))[0]
                problems.append(
                    source.problem(
                        ("languages", i, "language"),
                        f"`{shown(name)}` is already listed at line {first_line}; "
                        "list each language once, with one level",
                    )
                )
            else:
                spoken[key] = i
    for section in ("experience", "education", "volunteer"):
        items = data.get(section)
        if isinstance(items, list):
            for i, item in enumerate(items):
                if isinstance(item, dict):
                    problems.extend(
                        _check_order(
                            source, (section, i), item, "start", "end", "ends before it starts"
                        )
                    )
    return problems


def _date_or_none(value: Any) -> PartialDate | None:
    try:
        return PartialDate.parse(value)
    except (ValueError, TypeError):
        return None


def _check_order(
    source: Source, loc: Path_, item: dict[str, Any], first: str, second: str, what: str
) -> list[Problem]:
    start, end = _date_or_none(item.get(first)), _date_or_none(item.get(second))
    if start is None or end is None:
        return []
    if end.last_day < start.first_day:
        return [
            source.problem(
                (*loc, second), f"{end.iso()} is before {first} {start.iso()}: this {what}"
            )
        ]
    return []


def _check_badge(source: Source, loc: Path_, value: Any) -> list[Problem]:
    if not isinstance(value, str) or not value.strip():
        return []
    value = value.strip()
    lowered = value.lower()
    if lowered.startswith(("http://", "https://")):
        return []
    if ":" in value.split("/")[0] and not (len(value) > 1 and value[1] == ":"):
        scheme = value.split(":")[0]
        return [
            source.problem(
                loc,
                f"`{shown(scheme, 20)}:` is not allowed; give a file path next to "
                "the profile or an https:// URL",
            )
        ]
    relative = Path(value)
    if relative.is_absolute() or (len(value) > 1 and value[1] == ":"):
        return [
            source.problem(
                loc,
                f"`{shown(value)}` is an absolute path; give a path relative to "
                "the profile's folder, e.g. badges/google-ads.png",
            )
        ]
    folder = (source.path.parent if source.path else Path.cwd()).resolve()
    target = (folder / relative).resolve()
    if not target.is_relative_to(folder):
        return [
            source.problem(
                loc,
                f"`{shown(value)}` leaves the profile's folder; keep badge images "
                "in (a sub-folder of) the folder of the profile",
            )
        ]
    return []
