"""`showcase watch`: build once, serve the folder, and rebuild on every saved edit.

Watch only decides *when* to build and what to tell: each rebuild is
`showcase.batch.build_one`, the same as `showcase build`. What makes a rebuild
cheap lives there: the layout cache lays a PDF out again only when its HTML
changed (and a DOCX only when its view did), and `OutputDir` leaves a file alone
when its content is the same, so only the changed files are rewritten.

Editors save in three ways, and all three must be seen:

* write in place (the file's inode stays);
* write a temporary file and rename it over the profile (a new inode: a watch
  on the file itself would be lost, so the *folder* is watched and events are
  filtered by path);
* swap and backup files beside it (``.profile.yaml.swp``, ``profile.yaml~``,
  vim's ``4913``), which are ignored.

Changes are gathered until none has come for `STEP_MS` (watchfiles' step), then
one build runs; changes made during a build are kept and start the next one.
Builds never overlap: the loop is one thread.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from showcase.batch import BuildOptions, BuildOutcome

if TYPE_CHECKING:
    from showcase.helper import Helper
    from showcase.preview import BuildStatus

STEP_MS = 100  # quiet time after the last change before building (the debounce)

# Editors' swap, backup and lock files: never a reason to rebuild.
_JUNK_SUFFIXES = (".swp", ".swo", ".swx", ".swpx", ".tmp", ".bak", ".crswap", ".part", "~")
_JUNK_NAMES = {"4913", ".DS_Store"}


def is_editor_junk(name: str) -> bool:
    return name.startswith((".", "#")) or name.endswith(_JUNK_SUFFIXES) or name in _JUNK_NAMES


@dataclass
class Rebuild:
    """One build of the watch loop, as the terminal and the page are told about it."""

    outcome: BuildOutcome
    seconds: float
    changed: list[Path] = field(default_factory=list)  # files rewritten by this build
    trigger: list[Path] = field(default_factory=list)  # the saved files that started it

    @property
    def errors(self) -> list[str]:
        return self.outcome.errors + self.outcome.refused


class Watcher:
    """Watches one profile, its templates folder and its postings; rebuilds `folder`."""

    def __init__(
        self,
        profile: Path,
        folder: Path,
        options: BuildOptions,
        *,
        helper: Helper | None = None,
        on_build: Callable[[Rebuild], None] | None = None,
        step_ms: int = STEP_MS,
    ) -> None:
        self.profile = profile.absolute()
        self.folder = folder
        self.options = options
        self.helper = helper
        self.on_build = on_build
        self.step_ms = step_ms
        self._profile_names = {os.path.normcase(self.profile), os.path.normcase(profile.resolve())}

    # What to watch -------------------------------------------------------------------

    @property
    def _postings(self) -> list[Path]:
        """The postings of --postings and the one of --for: inputs too."""
        extra = [self.options.for_posting] if self.options.for_posting is not None else []
        return [*self.options.postings, *extra]

    def _trees(self) -> list[Path]:
        """Folders whose whole content is an input: the templates and posting folders."""
        trees = [self.options.templates_dir] if self.options.templates_dir else []
        trees += [p.absolute() for p in self._postings if p.is_dir()]
        return [t for t in trees if t is not None]

    def folders(self) -> set[Path]:
        """Every folder to watch, each without its subfolders (they are listed too).

        Not recursive: the profile's folder may be a home folder with the output
        folder inside it, and only the profile matters there.
        """
        found = {self.profile.parent}
        found.update(p.absolute().parent for p in self._postings if p.is_file())
        for tree in self._trees():
            if not tree.is_dir():
                continue
            found.add(tree)
            for root, dirs, _ in os.walk(tree):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found.update(Path(root) / d for d in dirs)
        return {f for f in found if f.is_dir()}

    def relevant(self, path: str) -> bool:
        """Whether a change of `path` is a change of an input (not a swap file, not output)."""
        if os.path.normcase(path) in self._profile_names:
            return True
        changed = Path(path)
        if is_editor_junk(changed.name):
            return False
        if any(changed == p.absolute() for p in self._postings):
            return True
        return any(changed.is_relative_to(tree) for tree in self._trees())

    # Building ------------------------------------------------------------------------

    def build(self, trigger: Sequence[Path] = ()) -> Rebuild:
        """One build, as `showcase build` does it; never raises for the user's mistakes."""
        from showcase.batch import build_one
        from showcase.errors import ProfileError, ShowcaseError
        from showcase.profile import load_profile

        started = time.perf_counter()
        # "Today" is decided per build: a session left open overnight shows tomorrow's expiries.
        options = replace(self.options, today=self.options.today or dt.date.today())
        outcome = BuildOutcome(source=self.profile, name=self.profile.name)
        try:
            loaded = load_profile(self.profile, today=options.today)
        except ProfileError as exc:
            outcome.errors = [p.format(severity="error") for p in exc.problems]
        except ShowcaseError as exc:
            outcome.errors = [exc.format_message()]
        except Exception as exc:  # a bug: say so, and keep watching
            outcome.errors = [f"internal error: {type(exc).__name__}: {exc} (a bug in showcase)"]
        else:
            outcome = build_one(loaded, self.folder, options, self.profile, self.helper)
        unchanged = set(outcome.unchanged)
        rebuild = Rebuild(
            outcome,
            time.perf_counter() - started,
            changed=[p for p in outcome.written if p not in unchanged],
            trigger=list(trigger),
        )
        if self.on_build:
            self.on_build(rebuild)
        return rebuild

    def changes(self, stop: threading.Event) -> Iterator[list[Path]]:
        """The inputs that changed, one list per quiet moment, until `stop` is set.

        The folders are listed again after each change, so a folder created under
        the templates folder is watched from then on.
        """
        import watchfiles

        while not stop.is_set():
            folders = self.folders()
            for batch in watchfiles.watch(
                *sorted(folders),
                watch_filter=lambda _change, path: self.relevant(path),
                step=self.step_ms,
                stop_event=stop,
                recursive=False,
                rust_timeout=500,
                ignore_permission_denied=True,
            ):
                yield sorted({Path(path) for _, path in batch})
                if self.folders() != folders:
                    break  # watch the new set of folders

    def run(self, stop: threading.Event) -> None:
        """Rebuild after every change until `stop` is set (the first build is the caller's)."""
        for changed in self.changes(stop):
            if stop.is_set():
                return
            if not self.profile.exists():
                # Mid-save (vim moves the old file away first): the next event brings it back.
                continue
            self.build(changed)


def run_watch(
    profile: Path,
    folder: Path,
    options: BuildOptions,
    *,
    stop: threading.Event,
    on_build: Callable[[Rebuild], None] | None = None,
    on_ready: Callable[[str], None] | None = None,
    status: BuildStatus | None = None,
    step_ms: int = STEP_MS,
) -> None:
    """Build, serve `folder` on 127.0.0.1, rebuild on every change until `stop` is set.

    Everything it starts (the PDF helper process, the server thread, the file
    watcher) is stopped before it returns, also on KeyboardInterrupt.
    """
    from showcase.helper import started_helper
    from showcase.preview import BuildStatus, PreviewServer

    status = status or BuildStatus()

    def built(rebuild: Rebuild) -> None:
        if rebuild.outcome.ok:
            status.built(
                rebuild.errors, [p.relative_to(folder).as_posix() for p in rebuild.changed]
            )
        else:
            status.failed(rebuild.errors)
        if on_build:
            on_build(rebuild)

    # The helper forks first, before the server's and the watcher's threads exist.
    with started_helper() as helper:
        watcher = Watcher(profile, folder, options, helper=helper, on_build=built, step_ms=step_ms)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # as `build` says it
            from showcase.errors import ShowcaseError
            from showcase.output import cannot_write

            raise ShowcaseError(cannot_write(folder, exc)) from None
        server = PreviewServer(folder, status)
        try:
            watcher.build()
            server.start()
            if on_ready:
                on_ready(server.url)
            watcher.run(stop)
        finally:
            stop.set()
            server.stop()
