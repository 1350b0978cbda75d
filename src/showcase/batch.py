"""`showcase build` for many profiles: load all, render in parallel, report each.

Profiles are loaded (and validated) in the parent first, which is cheap and
gives each person a distinct folder; then each valid profile is rendered and
written by a worker.  Workers are forked after WeasyPrint has been imported, so
they start warm instead of importing it once each.  One bad profile is
reported with its errors and never stops the others.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from showcase.errors import Problem, ProfileError, ShowcaseError
from showcase.output import OutputDir

if TYPE_CHECKING:  # imported when used: the helper process must fork before pydantic loads
    from concurrent.futures import Future

    from showcase.helper import Helper
    from showcase.profile import LoadedProfile
    from showcase.strategy.tailor import Tailoring
    from showcase.tracker.board import Board


@dataclass
class BuildOutcome:
    """What happened to one profile."""

    source: Path
    name: str
    folder: Path | None = None
    written: list[Path] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # Artifacts or files that were not written (the rest were), each with its fix.
    refused: list[str] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)  # of `written`: already up to date
    # Layouts ("pdf", "docx") taken from the cache, and those made anew.
    reused: list[str] = field(default_factory=list)
    made: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Built at all: the profile was valid and the folder writable."""
        return not self.errors

    @property
    def complete(self) -> bool:
        """Built and every file written."""
        return not self.errors and not self.refused


@dataclass(frozen=True)
class BuildOptions:
    today: dt.date | None = None
    templates_dir: Path | None = None
    force: bool = False
    paper: str = "auto"  # Letter in the US, Canada, Mexico ..., A4 elsewhere
    postings: tuple[Path, ...] = ()  # job postings: each profile also gets its gaps report
    for_posting: Path | None = None  # one posting: everything is aimed at it (--for)
    # With `for_posting`: its job title and company as the user gave them (`apply
    # --title/--company`), over what was read from the posting (the cover letter names them).
    posting_title: str | None = None
    posting_company: str | None = None
    cache: bool = True  # keep layouts in the user's cache folder (see artifacts.cache)
    show_ids: bool = False  # credential IDs on the resume's PDF, DOCX, HTML and Markdown too
    theme: str | None = None  # the resume's theme (--theme); else the profile's resume.theme
    # The applications database whose board index.html shows (see tracker.board);
    # None: showcase.db beside the profile, when there is one.
    db: str | None = None


def with_names(tailor: Tailoring, options: BuildOptions) -> Tailoring:
    """`tailor` with the job title and company the user gave for its posting, if any."""
    from dataclasses import replace

    if options.posting_title is None and options.posting_company is None:
        return tailor
    posting = replace(
        tailor.posting,
        title=options.posting_title or tailor.posting.title,
        company=options.posting_company or tailor.posting.company,
    )
    return replace(tailor, posting=posting)


def build_one(
    loaded: LoadedProfile,
    folder: Path,
    options: BuildOptions,
    source: Path,
    helper: Helper | None = None,
) -> BuildOutcome:
    """Render every artifact of `loaded` and write what can be written under `folder`.

    An artifact that fails to render, or a file the user edited, is named in
    `refused` with its fix; everything else is still written.
    """
    from showcase.artifacts.build import build_profile
    from showcase.artifacts.cache import default_folder

    outcome = BuildOutcome(source=source, name=loaded.display_name, folder=folder)
    try:
        tailor = None
        if options.for_posting is not None:
            from showcase.strategy.tailor import read_for

            tailor = with_names(read_for(options.for_posting), options)
            folder = outcome.folder = folder / f"for-{tailor.stem}"
        board, board_error = _board(loaded, options, source, tailored=tailor is not None)
        result = build_profile(
            loaded,
            templates_dir=options.templates_dir,
            paper=options.paper,
            helper=helper,
            postings=options.postings,
            tailor=tailor,
            cache=default_folder() if options.cache else None,
            show_ids=options.show_ids,
            theme=options.theme,
            board=board,
        )
        if board_error:
            result.failures.append(board_error)
        out = OutputDir(
            folder,
            force=options.force,
            protect=[source],
            owner=_owner(source),
        )
        report = out.write_all(result.files, result.pending)
        outcome.written = report.written
        outcome.unchanged = report.unchanged
        outcome.reused, outcome.made = result.reused, result.made
        outcome.refused = result.failures + report.refused
        outcome.warnings = [*loaded.warnings, *result.warnings]
    except ShowcaseError as exc:
        outcome.errors = [exc.format_message()]
    except Exception as exc:  # a bug: report it against this profile, keep the others going
        outcome.errors = [f"internal error: {type(exc).__name__}: {exc} (a bug in showcase)"]
    return outcome


def _owner(source: Path) -> str | None:
    """Whose build a folder holds: the profile's file; none for a pipe (`<(cat p.yaml)`),
    whose name no other run has."""
    try:
        return str(source.resolve()) if source.resolve().is_file() else None
    except (OSError, RuntimeError):
        return None


def _board(
    loaded: LoadedProfile, options: BuildOptions, source: Path, *, tailored: bool
) -> tuple[Board | None, str | None]:
    """The applications board for index.html: from --db, else from showcase.db beside the
    profile when it exists; none for a --for kit. It shows this person's applications
    (a cohort's database holds many people's). An unreadable database is a failure of
    the board alone (the rest is still built)."""
    from showcase.tracker import DEFAULT_NAME

    if tailored:
        return None, None
    db = options.db or (
        str(source.absolute().parent / DEFAULT_NAME)
        if (source.absolute().parent / DEFAULT_NAME).is_file()
        else None
    )
    if db is None:
        return None, None
    from showcase.tracker.board import read_board

    try:
        return read_board(db, loaded.today, person=loaded.profile.name), None
    except ShowcaseError as exc:
        return None, f"applications board: not shown: {exc.format_message()}"


def _folders(
    loaded: Sequence[LoadedProfile], sources: Sequence[Path], root: Path, single: bool
) -> list[Path]:
    from showcase.output import OutputDir
    from showcase.views.common import file_stem

    if single:
        return [root] if loaded else []
    # Names that make one stem ("Jordan Rivera", "Jordan Rivera!") get -2, -3 ...; a name
    # whose own stem ends in -2 ("Jordan Rivera 2") takes the next free one instead.
    # Case-insensitive, for file systems that are. A profile whose build a folder already
    # holds keeps that folder, whatever order the profiles are given in this time (two
    # Sam Lees given the other way round swapped folders, and both were refused).
    stems = [file_stem(item.profile.name) for item in loaded]
    shared = {stem.lower() for stem in stems if [s.lower() for s in stems].count(stem.lower()) > 1}
    kept: dict[int, str] = {}
    for index, stem in enumerate(stems):
        if stem.lower() not in shared:
            continue
        owner = _owner(sources[index])
        for count in range(1, len(stems) + 1):
            candidate = stem if count == 1 else f"{stem}-{count}"
            folder = root / candidate
            if candidate.lower() in {k.lower() for k in kept.values()}:
                continue
            if owner and folder.is_dir() and OutputDir(folder).recorded_owner() == owner:
                kept[index] = candidate
                break
    used = {name.lower() for name in kept.values()}
    folders = []
    for index, stem in enumerate(stems):
        if index in kept:
            folders.append(root / kept[index])
            continue
        candidate, count = stem, 1
        while candidate.lower() in used:
            count += 1
            candidate = f"{stem}-{count}"
        used.add(candidate.lower())
        folders.append(root / candidate)
    return folders


def run_build(
    sources: Sequence[Path],
    root: Path,
    options: BuildOptions,
    *,
    jobs: int | None = None,
    on_done: Callable[[BuildOutcome], None] | None = None,
) -> list[BuildOutcome]:
    """Build every profile in `sources` under `root`; returns one outcome per source."""
    from dataclasses import replace

    from showcase.helper import started_helper

    # "Today" is decided once, so a batch built across midnight has one date.
    options = replace(options, today=options.today or dt.date.today())
    # A lone profile splits its work with a helper process, which starts importing
    # WeasyPrint now, while the profile is still being read.
    with started_helper(len(sources) == 1, lanes=2) as helper:
        return _run(sources, root, options, jobs, on_done, helper)


def _run(
    sources: Sequence[Path],
    root: Path,
    options: BuildOptions,
    jobs: int | None,
    on_done: Callable[[BuildOutcome], None] | None,
    helper: Helper | None,
) -> list[BuildOutcome]:
    from showcase.helper import die_with_parent, usable_cores, warm_up
    from showcase.profile import load_profile

    outcomes: dict[int, BuildOutcome] = {}
    valid: list[tuple[int, LoadedProfile]] = []
    for index, source in enumerate(sources):
        try:
            valid.append((index, load_profile(source, today=options.today)))
        except ProfileError as exc:
            outcome = BuildOutcome(
                source=source, name=source.name, errors=[p.format() for p in exc.problems]
            )
            outcomes[index] = outcome
            if on_done:
                on_done(outcome)
        except ShowcaseError as exc:
            outcomes[index] = BuildOutcome(
                source=source, name=source.name, errors=[exc.format_message()]
            )
            if on_done:
                on_done(outcomes[index])
    single = len(sources) == 1
    folders = _folders(
        [item for _, item in valid], [sources[index] for index, _ in valid], root, single
    )
    jobs = max(1, min(jobs or usable_cores(), len(valid)))

    if jobs == 1:
        for (index, loaded), folder in zip(valid, folders, strict=True):
            outcome = build_one(loaded, folder, options, sources[index], helper)
            outcomes[index] = outcome
            if on_done:
                on_done(outcome)
    else:
        # Imported here: a lone profile's build needs no pool (~20 ms of imports).
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed

        context = (
            multiprocessing.get_context("fork")
            if "fork" in multiprocessing.get_all_start_methods()
            else multiprocessing.get_context("spawn")
        )
        if context.get_start_method() == "fork":
            warm_up(everything=True)  # forked workers inherit the imports
        with ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=context,
            initializer=die_with_parent,  # a killed `build --jobs` leaves no workers
            initargs=(os.getpid(),),
        ) as pool:
            futures: dict[Future[BuildOutcome], int] = {
                pool.submit(build_one, loaded, folder, options, sources[index]): index
                for (index, loaded), folder in zip(valid, folders, strict=True)
            }
            for future in as_completed(futures):
                index = futures[future]
                try:
                    outcome = future.result()
                except Exception as exc:  # the worker died (killed, out of memory)
                    outcome = BuildOutcome(
                        sources[index], sources[index].name, errors=[f"the worker failed: {exc}"]
                    )
                outcomes[index] = outcome
                if on_done:
                    on_done(outcome)
    return [outcomes[i] for i in range(len(sources))]


def write_batch_index(root: Path, outcomes: Sequence[BuildOutcome], options: BuildOptions) -> Path:
    """The top-level index.html of a multi-profile build."""
    from showcase.artifacts.build import BatchIndex, ProfileSummary

    index = BatchIndex(
        [
            ProfileSummary(
                name=o.name,
                folder=o.folder.relative_to(root).as_posix() if o.ok and o.folder else None,
                errors=tuple(o.errors + o.refused),
                warnings=len(o.warnings),
                files=len(o.written),
            )
            for o in outcomes
        ]
    )
    today = (options.today or dt.date.today()).isoformat()
    out = OutputDir(root, force=options.force)
    return out.write("index.html", index.html(today, options.templates_dir))
