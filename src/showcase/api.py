"""showcase's Python API: the functions other programs may call, and the only ones whose
names and signatures are kept stable (everything else in the package is internal).

    from showcase import api

    person = api.load("profile.yaml")
    files = api.build(person)                     # {"Jordan-Rivera-Resume.pdf": b"%PDF-...", ...}
    api.write(files, "out")                       # never over a file it did not write
    text = api.render(person, "signature")["signature/signature.txt"]
    report = api.gaps(person, ["postings/"])      # what postings ask for, against the profile
    match = api.match(person, "postings/acme.txt")  # coverage of one posting by the resume

Errors are `showcase.errors.ShowcaseError` (a readable message; `ProfileError` lists
each problem with its line). docs/api.md describes each function.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from showcase.errors import ProfileError, ShowcaseError
from showcase.files import AUTO_PAPER, PAPERS

if TYPE_CHECKING:
    from showcase.profile import LoadedProfile
    from showcase.strategy.gaps import GapReport
    from showcase.strategy.match import MatchReport

__all__ = [
    "ProfileError",
    "ShowcaseError",
    "artifacts",
    "build",
    "gaps",
    "load",
    "match",
    "render",
    "write",
]


def load(path: str | Path, *, today: dt.date | None = None) -> LoadedProfile:
    """Read and check a profile; raises `ProfileError` with every problem and its line."""
    from showcase.profile import load_profile

    if isinstance(today, dt.datetime):
        today = today.date()  # datetime.now() is a date too: its day
    elif today is not None and not isinstance(today, dt.date):
        raise ShowcaseError(f"today: a date (datetime.date(2026, 11, 28)), not {today!r}")
    return load_profile(_path(path, "path", "a profile's path"), today=today)


def artifacts() -> list[str]:
    """The names `render` takes, in the order `build` makes them."""
    from showcase.artifacts.registry import REGISTRY

    return [spec.name for spec in REGISTRY]


def build(
    person: LoadedProfile,
    *,
    posting: str | Path | None = None,
    postings: Sequence[str | Path] | str | Path = (),
    paper: str = "auto",
    theme: str | None = None,
    templates: str | Path | None = None,
) -> dict[str, bytes]:
    """Every artifact and index.html, as `showcase build` writes them: file name -> bytes.

    `posting` aims everything at one job posting (as `--for`, adding the cover letter
    and the match report); `postings` adds the gaps report. Raises `ShowcaseError` if
    any artifact could not be made.
    """
    from showcase.artifacts.build import build_profile
    from showcase.strategy.tailor import read_for

    person = _person(person)
    tailor = read_for(_path(posting, "posting")) if posting is not None else None
    result = build_profile(
        person,
        templates_dir=_path(templates, "templates") if templates is not None else None,
        paper=_paper(paper),
        tailor=tailor,
        postings=_many(postings),
        theme=theme,
    )
    if result.failures:
        raise ShowcaseError("; ".join(result.failures))
    return dict(result.files)


# What an artifact that is not always made needs (`ArtifactSpec.applies`).
_NEEDS = {
    "letter": "`posting`, the job posting it answers",
    "gaps": "`postings`, the job postings to read",
    "renewals": "a credential that expires",
}


def _paper(paper: str) -> str:
    if not isinstance(paper, str) or paper.lower() not in (AUTO_PAPER, *PAPERS):
        raise ShowcaseError(f"paper {paper!r}: choose {AUTO_PAPER}, {' or '.join(PAPERS)}")
    return paper.lower()


def _many(paths: Sequence[str | Path] | str | Path) -> list[Path]:
    """A sequence of paths; one path given alone is one (a string is not its letters)."""
    if isinstance(paths, str | Path):
        return [Path(paths)]
    if not isinstance(paths, Iterable) or isinstance(paths, bytes):
        raise ShowcaseError(f"postings: a list of files and folders, not {paths!r}")
    return [_path(p, "postings", "a list of files and folders") for p in paths]


def _path(value: str | Path, name: str, what: str = "a path") -> Path:
    """`value` as a path; anything else is a ShowcaseError naming the argument."""
    if not isinstance(value, str | Path):
        raise ShowcaseError(f"{name}: {what}, not {value!r}")
    return Path(value)


def _person(person: LoadedProfile) -> LoadedProfile:
    from showcase.profile import LoadedProfile

    if not isinstance(person, LoadedProfile):
        raise ShowcaseError(f"person: a profile from api.load(...), not {person!r}")
    return person


def render(
    person: LoadedProfile,
    artifact: str,
    *,
    posting: str | Path | None = None,
    postings: Sequence[str | Path] | str | Path = (),
    paper: str = "auto",
    theme: str | None = None,
    templates: str | Path | None = None,
) -> dict[str, bytes]:
    """One artifact's files (`artifacts()` lists the names): file name -> bytes.

    The cover letter needs `posting`, the gaps report `postings`, the renewals a
    credential that expires."""
    from showcase.artifacts.registry import REGISTRY, spec
    from showcase.artifacts.spec import BuildRequest, RenderSettings
    from showcase.strategy.tailor import read_for

    person = _person(person)
    try:
        chosen = spec(artifact)
    except KeyError:
        known = ", ".join(s.name for s in REGISTRY)
        raise ShowcaseError(f"no artifact called {artifact!r}; showcase makes {known}") from None
    settings = RenderSettings(
        templates_dir=_path(templates, "templates") if templates is not None else None,
        paper=_paper(paper),
        theme=theme,
    )
    tailor = read_for(_path(posting, "posting")) if posting is not None else None
    request = BuildRequest(person, settings, tailor, tuple(_many(postings)))
    if not chosen.applies(request):
        needs = _NEEDS.get(chosen.name, "other options or another profile")
        raise ShowcaseError(f"{chosen.label}: needs {needs}")
    made = chosen.make(request)
    made.resolve()
    return dict(made.files)


def gaps(person: LoadedProfile, postings: Sequence[str | Path] | str | Path) -> GapReport:
    """What the postings (files or folders) ask for, against the profile: the terms,
    which ones the profile shows and where, and credentials that would fill the gaps."""
    from showcase.strategy.gaps import gap_report

    return gap_report(_person(person), list(_many(postings)))


def match(person: LoadedProfile, posting: str | Path) -> MatchReport:
    """How much of one posting the resume aimed at it covers, before and after tailoring
    (read from the PDF as an applicant tracking system reads it)."""
    from showcase.artifacts.match import render_tailored_resume
    from showcase.strategy.tailor import read_for

    made = render_tailored_resume(_person(person), read_for(_path(posting, "posting")))
    assert made.match is not None
    return made.match


def write(files: dict[str, bytes], folder: str | Path, *, force: bool = False) -> list[Path]:
    """Write `files` into `folder` atomically; a file showcase did not write is never
    replaced unless `force`. Returns the paths written; raises `ShowcaseError` listing
    any it refused."""
    from showcase.output import OutputDir

    if not isinstance(files, Mapping):
        raise ShowcaseError(f"files: a dict of file names to bytes (as build gives), not {files!r}")
    for name, content in files.items():
        if not isinstance(name, str):
            raise ShowcaseError(f"files: a file name, not {name!r}")
        if not isinstance(content, bytes | str):
            raise ShowcaseError(f"files[{name!r}]: bytes, not {content!r}"[:200])
    written = OutputDir(_path(folder, "folder"), force=force).write_all(files)
    if written.refused:
        raise ShowcaseError("; ".join(str(r) for r in written.refused))
    return list(written.written)
