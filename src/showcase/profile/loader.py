"""Load a profile file: parse, validate, cross-check, and explain every mistake.

Every problem found in a file is reported at once, each as
``FILE:LINE:COLUMN: field.path: message``; then loading stops with one
`ProfileError`.  Warnings (expiring credentials and the like) do not stop
anything; they travel with the loaded profile.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from showcase.errors import Problem, ProfileError, shown
from showcase.profile.loaded import LoadedProfile, Status, earns_letters
from showcase.profile.models import RESUME_LANGUAGES, Assessment, Profile
from showcase.profile.source import Path_, Source, format_loc, parse_source, read_source
from showcase.profile.types import PartialDate, describe_value, slugify


def load_profile(
    path: str | Path, *, today: dt.date | None = None, display: str | None = None
) -> LoadedProfile:
    """Read, validate and cross-check the profile at `path`.

    Raises `ProfileError` listing every problem; returns the profile with its
    warnings and derived values otherwise.
    """
    path = Path(path)
    source = read_source(path, display=display)
    return load_source(source, today=today)


def load_text(
    text: str, *, name: str = "<profile>", today: dt.date | None = None, folder: Path | None = None
) -> LoadedProfile:
    """Load a profile from YAML text (for tests and for Python callers)."""
    source = parse_source(text, name, (folder / "profile.yaml") if folder else None)
    return load_source(source, today=today)


def load_source(source: Source, *, today: dt.date | None = None) -> LoadedProfile:
    today = today or dt.date.today()
    data = source.data
    if not isinstance(data, dict):
        raise ProfileError(
            [
                source.problem(
                    (),
                    f"the top of a profile must be a mapping of fields (name: ..., "
                    f"credentials: ...), not {describe_value(data)}",
                )
            ]
        )
    problems: list[Problem] = list(source.problems)
    profile: Profile | None = None
    try:
        profile = Profile.model_validate(data)
    except ValidationError as exc:
        problems.extend(_explain(exc, source))
    problems.extend(_cross_check(data, source))
    if problems:
        raise ProfileError(_dedupe(problems))
    assert profile is not None
    loaded = LoadedProfile.build(profile, today=today, path=source.path, file=source.file)
    # The warnings need the derived facts; the statuses are not worked out a second time.
    return dataclasses.replace(loaded, warnings=tuple(_warnings(loaded, source)))


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[int, int, str, str]] = set()
    out = []
    for p in problems:
        key = (p.line, p.column, p.field, p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


# --- pydantic errors, in words ------------------------------------------------------------


def _explain(exc: ValidationError, source: Source) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        loc: Path_ = tuple(error["loc"])
        kind = error["type"]
        value = error.get("input")
        message = _message(kind, error, value, loc)
        key = kind == "extra_forbidden"
        if kind == "missing":
            # Point at the mapping that lacks the field: the field has no line of its own.
            line, column = source.where(loc[:-1])
            problems.append(Problem(source.file, line, column, format_loc(loc), message))
        else:
            problems.append(source.problem(loc, message, key=key))
    return problems


def _message(kind: str, error: Any, value: Any, loc: Path_) -> str:
    ctx = error.get("ctx") or {}
    name = loc[-1] if loc else "profile"
    if kind == "missing":
        return f"missing required field `{name}`"
    if kind == "extra_forbidden":
        allowed = _allowed_fields(loc[:-1])
        close = difflib.get_close_matches(str(name), allowed, n=1, cutoff=0.6)
        if close:
            return f"unknown field `{shown(name)}`; did you mean `{close[0]}`?"
        return f"unknown field `{shown(name)}`; expected one of: {', '.join(allowed)}"
    if kind == "enum":
        expected = ctx.get("expected", "").replace("'", "")
        return f"`{shown(value)}` is not allowed here; expected one of: {expected}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a mapping of fields (`key: value` lines), got {describe_value(value)}"
    if kind == "list_type":
        return f"expected a list (`- item` lines, or [a, b]), got {describe_value(value)}"
    if kind in ("string_type", "str_type"):
        return f"expected text, got {describe_value(value)}"
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, got {describe_value(value)}"
    if kind in ("float_parsing", "float_type", "int_parsing", "int_type"):
        return f"expected a number, got {describe_value(value)}"
    if kind == "greater_than":
        return f"must be more than {ctx.get('gt')}, got {shown(value)}"
    if kind == "greater_than_equal":
        return f"must be at least {ctx.get('ge')}, got {shown(value)}"
    if kind == "less_than_equal":
        return f"must be at most {ctx.get('le')}, got {shown(value)}"
    if kind == "string_pattern_mismatch" and name == "locale":
        return (
            f"`{shown(value)}` is not a locale; write a language code, optionally with a "
            "country: en, de, fr, es, en-GB, fr-CA ..."
        )
    if kind == "string_pattern_mismatch":
        return (
            f"`{shown(value)}` is not a valid id; use letters, digits, '-', '_' or '.', "
            f"e.g. `{slugify(str(value))[:60] or 'my-credential'}`"
        )
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return str(error["msg"])


def _allowed_fields(loc: Path_) -> list[str]:
    model: Any = Profile
    for part in loc:
        model = _unwrap(model)
        if isinstance(part, int):
            args = typing.get_args(model)
            model = args[0] if args else model
            continue
        if isinstance(model, type) and issubclass(model, BaseModel):
            field = model.model_fields.get(part)
            if field is None:
                return []
            model = field.annotation
        else:
            return []
    model = _unwrap(model)
    if isinstance(model, type) and issubclass(model, BaseModel):
        return list(model.model_fields)
    return []


def _unwrap(tp: Any) -> Any:
    """Strip Optional and Annotated; keep list[...] for the caller to index."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = args[0]
        else:
            return tp


# --- checks across fields -----------------------------------------------------------------
# These run on the raw data, so they report even when other fields are invalid.


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


def _cross_check(data: dict[str, Any], source: Source) -> list[Problem]:
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


# --- warnings -----------------------------------------------------------------------------


def _future_dates(loaded: LoadedProfile, source: Source) -> list[Problem]:
    """Dates of things done that lie after today: a typo for the year, most often, and
    every artifact would state them as done."""
    profile = loaded.profile
    dated: list[tuple[Path_, PartialDate | None, str]] = [
        *(
            (("credentials", i, "issued"), c.issued, "issued")
            for i, c in enumerate(profile.credentials)
        ),
        *(
            (("experience", i, "start"), e.start, "started")
            for i, e in enumerate(profile.experience)
        ),
        *((("volunteer", i, "start"), v.start, "started") for i, v in enumerate(profile.volunteer)),
        *((("awards", i, "date"), a.date, "awarded") for i, a in enumerate(profile.awards)),
    ]
    return [
        source.problem(
            loc,
            f"{what} {date.short()}: that is after today ({loaded.today.isoformat()}), yet "
            "the resume and posts state it as done; is the year right?",
        )
        for loc, date, what in dated
        if date is not None and date.first_day > loaded.today
    ]


def _warnings(loaded: LoadedProfile, source: Source) -> list[Problem]:
    warnings: list[Problem] = []
    profile = loaded.profile
    if not profile.credentials:
        warnings.append(
            source.problem(
                (), "the profile lists no credentials yet; add them under `credentials:`"
            )
        )
    if profile.locale:
        language = profile.locale.replace("_", "-").split("-")[0].lower()
        if language not in RESUME_LANGUAGES:
            warnings.append(
                source.problem(
                    ("locale",),
                    f"showcase writes resume headings and dates in {', '.join(RESUME_LANGUAGES)}; "
                    f"for `{profile.locale}` they stay in English (the paper still follows "
                    "its country)",
                )
            )
    warnings.extend(_future_dates(loaded, source))
    for i, credential in enumerate(profile.credentials):
        loc: Path_ = ("credentials", i)
        status = loaded.status(credential)
        expires = credential.expires
        if status == Status.EXPIRING and expires is not None:
            days = (expires.last_day - loaded.today).days
            warnings.append(
                source.problem(
                    (*loc, "expires"),
                    f"`{credential.name}` expires {expires.short()} (in {days} days); "
                    "plan the renewal",
                )
            )
        elif status == Status.EXPIRED and expires is not None:
            warnings.append(
                source.problem(
                    (*loc, "expires"),
                    f"`{credential.name}` expired {expires.short()}; it is left out of the resume, "
                    "signature and posts (renew it, or update `expires:` if you already did)",
                )
            )
            if credential.featured:
                warnings.append(
                    source.problem(
                        (*loc, "featured"),
                        f"`{credential.name}` is featured but expired; "
                        "the signature will not show it",
                    )
                )
        if credential.post_nominal and not earns_letters(credential):
            warnings.append(
                source.problem(
                    (*loc, "post_nominal"),
                    f"`{shown(credential.post_nominal)}` is left off your name: only exam-based "
                    "certifications (kind: certification or license) carry letters after it",
                )
            )
        if credential.featured and credential.assessment == Assessment.NONE:
            warnings.append(
                source.problem(
                    (*loc, "featured"),
                    f"`{credential.name}` is completion-only (assessment: none); featuring it in "
                    "your signature may undersell your exam-based credentials",
                )
            )
        image = credential.badge_image
        if image and not image.lower().startswith(("http://", "https://")):
            target = loaded.folder / image
            if not target.is_file():
                warnings.append(
                    source.problem(
                        (*loc, "badge_image"), f"the badge image `{image}` does not exist"
                    )
                )
    return warnings
