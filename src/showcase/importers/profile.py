"""A whole profile from another resume tool: JSON Resume 1.x or RenderCV YAML.

`import_profile` reads the source and maps it to the profile's fields
(`showcase.importers.jsonresume`, `showcase.importers.rendercv`); `profile_yaml`
checks every value with the profile's own validators and writes the YAML.

What it writes loads as it is, except where the source lacks a required value:
there it writes exactly ``TODO`` (`PLACEHOLDER`), which the profile refuses, and
lists the line, so that `showcase validate` points at each one and none can slip
into a resume. A value the profile would refuse (an ``ftp://`` link, a date it
cannot read) is left out with a warning rather than written.
"""

from __future__ import annotations

import functools
import re
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from showcase.importers.reading import parse_json, read_limited
from showcase.importers.result import PLACEHOLDER, Imported, ImportFailed
from showcase.importers.result import WHERE as WHERE
from showcase.importers.result import ProfileImport as ProfileImport
from showcase.profile.models import (
    Award,
    Contact,
    Credential,
    Education,
    Experience,
    Language,
    Profile,
    Project,
    Publication,
    SkillGroup,
    Volunteer,
)
from showcase.profile.types import PartialDate, Text, check_line, slugify

# RenderCV and JSON Resume files are hand-written text; 1 MiB is far more than any.
MAX_PROFILE_SOURCE_BYTES = 1024 * 1024

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Placeholder:
    """A ``TODO`` written into the profile: its line and the field it stands for."""

    line: int
    field: str


def import_profile(path: Path) -> ProfileImport:
    """Read `path` as a JSON Resume (JSON or YAML), a RenderCV file, or LinkedIn's data
    export (its ZIP, or the folder it unpacks to)."""
    from showcase.importers import jsonresume, rendercv
    from showcase.importers.linkedin_archive import is_export_file, is_zip
    from showcase.importers.linkedin_export import profile_from_export

    if path.is_dir() or path.suffix.lower() == ".zip" or is_zip(path):
        return profile_from_export(path)
    if is_export_file(path):
        raise ImportFailed(
            f"{path}: one file of LinkedIn's data export; a whole profile is read from all "
            f"of them: give the ZIP as downloaded, or the folder ({path.parent})"
        )
    name = str(path)
    data = read_limited(path, MAX_PROFILE_SOURCE_BYTES)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportFailed(
            f"{name}:{line}: not UTF-8 text (byte {exc.start}); save it as UTF-8"
        ) from None
    if text.lstrip().startswith(("{", "[")):
        document = parse_json(text, name)
    else:
        document = rendercv.parse_yaml(text, name)
    if isinstance(document, dict) and isinstance(document.get("cv"), dict):
        return rendercv.profile_from_rendercv(document, name)
    if isinstance(document, dict) and jsonresume.looks_like_resume(document):
        return jsonresume.profile_from_json_resume(document, name)
    raise ImportFailed(
        f"{name}: not a JSON Resume (an object with `basics`, `work` ...) nor a RenderCV "
        "file (YAML with a `cv:` mapping); `--profile` reads those two"
    )


# --- checking values with the profile's own validators --------------------------------


@functools.cache
def _adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    info = model.model_fields[name]
    annotation: Any = info.annotation
    if info.metadata:
        annotation = Annotated[(annotation, *info.metadata)]
    return TypeAdapter(annotation)


_TEXT: TypeAdapter[Any] = TypeAdapter(Text)


def _why_not(adapter: TypeAdapter[Any], value: Any) -> str | None:
    try:
        adapter.validate_python(value)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        return str((error.get("ctx") or {}).get("error", error["msg"]))
    return None


@functools.cache
def _is_list(model: type[BaseModel], name: str) -> bool:
    annotation = model.model_fields[name].annotation
    return typing.get_origin(annotation) is list


@functools.cache
def _is_line(model: type[BaseModel], name: str) -> bool:
    """Whether the field is printed on one line (a name, a title): see `types.check_line`."""
    info = model.model_fields[name]
    found = [*info.metadata, *getattr(info.annotation, "__metadata__", ())]
    args = typing.get_args(info.annotation)
    for arg in args:
        found.extend(getattr(arg, "__metadata__", ()))
    return any(getattr(item, "func", None) is check_line for item in found)


def one_line(value: Any) -> Any:
    """A value for a one-line field: its line breaks and runs of spaces made one space."""
    return " ".join(value.split()) if isinstance(value, str) else value


def clean_text(value: Any) -> Any:
    """Text without the control characters the profile refuses, stripped; others as they are."""
    if isinstance(value, str):
        return _CONTROL.sub("", value).strip()
    return value


def checked(
    model: type[BaseModel],
    values: dict[str, Any],
    where: str,
    warnings: list[str],
    only: tuple[str, ...] = (),
) -> dict[str, Any]:
    """`values` as fields of `model` (or its fields `only`): each checked, refused ones left
    out, a required one missing or refused written as TODO."""
    out: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if only and name not in only:
            continue
        if name not in values:
            if info.is_required():
                out[name] = PLACEHOLDER
            continue
        raw = values[name]
        if _is_line(model, name):
            raw = one_line(raw)
        if _is_list(model, name):
            items = raw if isinstance(raw, list) else [raw]
            kept = []
            for index, item in enumerate(items):
                item = clean_text(one_line(item) if _is_line(model, name) else item)
                if item in (None, ""):
                    continue
                problem = _why_not(_TEXT, item)
                if problem is None:
                    kept.append(item)
                else:
                    warnings.append(f"{where}.{name}[{index}]: left out ({problem})")
            if kept or info.is_required():
                out[name] = kept
            continue
        value = clean_text(raw)
        if value in (None, "", PLACEHOLDER):
            if info.is_required() or value == PLACEHOLDER:  # a TODO put there stays one
                out[name] = PLACEHOLDER
            continue
        problem = _why_not(_adapter(model, name), value)
        if problem is None:
            out[name] = value
        elif info.is_required():
            warnings.append(f"{where}.{name}: {problem}; fill in the TODO")
            out[name] = PLACEHOLDER
        else:
            warnings.append(f"{where}.{name}: left out ({problem})")
    for first, second in (("start", "end"), ("issued", "expires")):
        start, end = out.get(first), out.get(second)
        if (
            start not in (None, PLACEHOLDER)
            and end not in (None, PLACEHOLDER, "present")
            and PartialDate.parse(end).last_day < PartialDate.parse(start).first_day
        ):
            # Left out, an end would read as `present` (a job still held, a credential that
            # never lapses): a claim the source does not make. A TODO asks instead.
            warnings.append(f"{where}.{second}: {end} is before {first} {start}; fill in the TODO")
            out[second] = PLACEHOLDER
    return out


def _enrich(entry: dict[str, Any], where: str, warnings: list[str]) -> dict[str, Any]:
    """Kind and assessment (and the issuer when unknown) from showcase's catalog, which
    recognises a credential by its name, an earlier name, its exam code ("AZ-104") or its
    issuer and product ("CompTIA" + "Security+"). With no `expires`, says what
    `renewals` will do with the catalog's renewal rule."""
    from showcase.strategy.catalog import by_letters, find, same_issuer
    from showcase.strategy.catalog_renewal import renewal_rule

    name = entry.get("name")
    if not isinstance(name, str) or name == PLACEHOLDER:
        return entry
    issuer = entry.get("issuer")
    stated = issuer if isinstance(issuer, str) and issuer != PLACEHOLDER else None
    known = find(name)
    if known is None and stated:
        known = find(f"{stated} {name}") or by_letters(name, stated)  # "BLS" from the AHA
    if known is None:
        return entry
    if known.shared_name and not (stated and same_issuer(known.issuer, stated)):
        return entry  # "BLS Provider": the AHA's or the Red Cross's, only its issuer says
    entry = dict(entry)
    if entry.get("issuer") in (None, "", PLACEHOLDER):
        entry["issuer"] = known.issuer
        warnings.append(f"{where}: issuer `{known.issuer}` taken from showcase's catalog; check it")
    if not entry.get("platform") and known.platform:
        entry["platform"] = known.platform
    entry.setdefault("kind", known.kind.value)
    if known.assessment is not None:
        entry.setdefault("assessment", known.assessment.value)
    rule = renewal_rule(known)
    if not entry.get("expires") and rule is not None and rule.validity_years:
        warnings.append(
            f"{where}: no `expires`; {known.issuer} gives {rule.validity_years:g} year"
            f"{'s' if rule.validity_years != 1 else ''} of validity, so `showcase renewals` "
            "estimates the date: add the one on your certificate as `expires:`"
        )
    return entry


_SECTIONS: tuple[tuple[str, type[BaseModel]], ...] = (
    ("projects", Project),
    ("experience", Experience),
    ("education", Education),
    ("skills", SkillGroup),
    ("languages", Language),
    ("awards", Award),
    ("volunteer", Volunteer),
    ("publications", Publication),
)


def complete(result: ProfileImport) -> dict[str, Any]:
    """The profile's data, every value checked, in the profile's order."""
    from showcase.importers.suggest import suggestions

    data, warnings = result.data, result.warnings
    out: dict[str, Any] = {}
    where = f"{result.source}: {data.get(WHERE, 'basics')}"
    out.update(checked(Profile, data, where, warnings, only=("name", "headline")))
    contact = checked(Contact, data.get("contact") or {}, where, warnings)
    if contact:
        out["contact"] = contact
    out.update(checked(Profile, data, where, warnings, only=("summary",)))
    credentials = [
        _enrich(entry, f"{result.source}: `{entry.get('name')}`", warnings)
        for entry in data.get("credentials") or []
    ]
    if credentials:
        imported = Imported(result.source, result.format, credentials)
        entries, credential_warnings = suggestions([imported])
        warnings.extend(credential_warnings)
        out["credentials"] = [
            {k: v for k, v in entry.items() if k in Credential.model_fields} for entry in entries
        ]
    for section, model in _SECTIONS:
        items = []
        for index, item in enumerate(data.get(section) or []):
            item = dict(item)
            where = f"{result.source}: {item.pop(WHERE, f'{section}[{index}]')}"
            items.append(checked(model, item, where, warnings))
        if section == "projects":
            _unique_ids(items)
        if items:
            out[section] = items
    _later_sections(result, out)
    return out


def _later_sections(result: ProfileImport, out: dict[str, Any]) -> None:
    """Sections a source may carry beyond `_SECTIONS` (languages, awards, volunteer,
    publications): each checked with its model where the profile has one, else reported."""
    for section in ("languages", "awards", "volunteer", "publications"):
        entries = [entry for entry in result.data.get(section) or () if entry]
        if not entries:
            continue
        info = Profile.model_fields.get(section)
        args = typing.get_args(info.annotation) if info is not None else ()
        model = args[0] if args and isinstance(args[0], type) else None
        if model is None or not issubclass(model, BaseModel):
            result.not_carried.append(f"{section} ({len(entries)})")
            continue
        items = []
        for index, entry in enumerate(entries):
            entry = dict(entry)
            where = f"{result.source}: {entry.pop(WHERE, f'{section}[{index}]')}"
            items.append(checked(model, entry, where, result.warnings))
        out[section] = items


def _unique_ids(projects: list[dict[str, Any]]) -> None:
    used: dict[str, int] = {}
    for index, project in enumerate(projects):
        slug = slugify(str(project.get("title", ""))) or "project"
        count = used[slug] = used.get(slug, 0) + 1
        if count > 1:
            projects[index] = {"id": f"{slug}-{count}", **project}


# --- the YAML ------------------------------------------------------------------------------


def _lines(
    value: Any, path: str, indent: str, lines: list[str], placeholders: list[tuple[int, str]]
) -> None:
    """Append the YAML lines of the mapping `value` at `indent`."""
    from showcase.importers.suggest import _scalar

    for key, item in value.items():
        where = f"{path}.{key}" if path else key
        if isinstance(item, dict):
            lines.append(f"{indent}{key}:")
            _lines(item, where, indent + "  ", lines, placeholders)
        elif isinstance(item, list) and item and isinstance(item[0], dict):
            lines.append(f"{indent}{key}:")
            for index, entry in enumerate(item):
                start = len(lines)
                _lines(entry, f"{where}[{index}]", indent + "    ", lines, placeholders)
                lines[start] = f"{indent}  - {lines[start][len(indent) + 4 :]}"
        elif isinstance(item, list):
            if not item:
                lines.append(f"{indent}{key}: []")
                continue
            lines.append(f"{indent}{key}:")
            for entry in item:
                lines.append(f"{indent}  - {_scalar(entry)}")
        else:
            if item == PLACEHOLDER:
                placeholders.append((len(lines), where))
            lines.append(f"{indent}{key}: {_scalar(item)}")


def profile_yaml(result: ProfileImport) -> tuple[str, list[Placeholder]]:
    """The profile as YAML text, and where each ``TODO`` in it is (line numbers from 1)."""
    data = complete(result)
    header = [
        f"# Imported by showcase from {' '.join(_CONTROL.sub(' ', result.source).split())} "
        f"({result.format}).",
        "# Fill in every TODO, then check it with: showcase validate <this file>",
    ]
    lines: list[str] = list(header)
    found: list[tuple[int, str]] = []
    _lines(data, "", "", lines, found)
    placeholders = [Placeholder(index + 1, where) for index, where in found]
    if not placeholders:
        lines[1] = "# Review it, then check it with: showcase validate <this file>"
    return "\n".join(lines) + "\n", placeholders


def not_carried_lines(result: ProfileImport) -> list[str]:
    """What the source holds that the profile has no place for, one line each, counted."""
    counts: dict[str, int] = {}
    for item in result.not_carried:
        counts[item] = counts.get(item, 0) + 1
    if not counts:
        return []
    lines = [f"{result.source}: not carried over (a profile has no place for them):"]
    lines += [f"  {item}" + (f" (x{n})" if n > 1 else "") for item, n in counts.items()]
    return lines
