"""Load a profile file: parse, validate, cross-check, and explain every mistake.

Every problem found in a file is reported at once, each as
``FILE:LINE:COLUMN: field.path: message``; then loading stops with one
`ProfileError`.  Warnings (expiring credentials and the like) do not stop
anything; they travel with the loaded profile.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

from pydantic import ValidationError

from showcase import heap
from showcase.errors import Problem, ProfileError, shown
from showcase.profile.cross_check import cross_check
from showcase.profile.explain import explain
from showcase.profile.loaded import LoadedProfile, Status, earns_letters
from showcase.profile.models import RESUME_LANGUAGES, Assessment, Experience, Profile, Section
from showcase.profile.source import Path_, Source, parse_source, read_source
from showcase.profile.types import PartialDate, describe_value


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
        problems.extend(explain(exc, source))
    problems.extend(cross_check(data, source))
    if problems:
        raise ProfileError(_dedupe(problems))
    assert profile is not None
    loaded = LoadedProfile.build(profile, today=today, path=source.path, file=source.file)
    # The warnings need the derived facts; the statuses are not worked out a second time.
    loaded = dataclasses.replace(loaded, warnings=tuple(_warnings(loaded, source)))
    heap.settle()  # once, when the CLI asked (see showcase.heap)
    return loaded


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[int, int, str, str]] = set()
    out = []
    for p in problems:
        key = (p.line, p.column, p.field, p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


# These run on the raw data, so they report even when other fields are invalid.


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


def _oldest_first(loaded: LoadedProfile, source: Source) -> list[Problem]:
    """A job listed above one that both started and ended later (or is still held), when
    the resume shows the jobs: it keeps the profile's order. Jobs that overlap or tie are
    in no order, so they are never a reason."""
    jobs = loaded.profile.experience
    if Section.EXPERIENCE not in loaded.profile.resume.sections:
        return []

    def ended(job: Experience) -> dt.date:
        return job.end.last_day if isinstance(job.end, PartialDate) else loaded.today

    for i, older in enumerate(jobs):
        for j, newer in enumerate(jobs[i + 1 :], start=i + 1):
            if newer.start.first_day > older.start.first_day and ended(newer) > ended(older):
                return [
                    source.problem(
                        ("experience", j),
                        f"your jobs are listed oldest first ({older.title} before "
                        f"{newer.title}), and the resume keeps the profile's order; recruiters "
                        "and the parsers that read resumes expect the newest first: put "
                        f"{newer.title} at {newer.organization} above it",
                    )
                ]
    return []


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
    warnings.extend(_oldest_first(loaded, source))
    for i, credential in enumerate(profile.credentials):
        loc: Path_ = ("credentials", i)
        status = loaded.status(credential)
        expires = credential.expires
        if status == Status.EXPIRING and expires is not None:
            days = (expires.last_day - loaded.today).days
            when = "today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"
            warnings.append(
                source.problem(
                    (*loc, "expires"),
                    f"`{credential.name}` expires {expires.short()} ({when}); plan the renewal",
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
        if _words(credential.name) == _words(credential.issuer):  # "Google" from Google
            warnings.append(
                source.problem(
                    (*loc, "name"),
                    f"`{shown(credential.name)}` is the issuer's name, not the credential's: "
                    "write the credential's own name, as its certificate gives it (posts and "
                    "letters say you earned it by this name)",
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
                what = "is not a file" if target.exists() else "does not exist"
                warnings.append(
                    source.problem((*loc, "badge_image"), f"the badge image `{image}` {what}")
                )
    return warnings


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.casefold())
