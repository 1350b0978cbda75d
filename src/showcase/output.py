"""Writing artifacts to disk safely.

* Atomic: each file is written to a temporary file in the same folder and
  renamed over the target, so an interrupted run never leaves half a PDF in
  place of a good one.  (No fsync: that guards against power loss, not
  interruption, and costs more than the rest of a small build's writes.)
* Never clobbers the user's work: showcase records what it wrote in
  ``.showcase-manifest.json`` in the output folder (path -> SHA-256).  A file
  it did not write, or one edited since, is only replaced with ``--force``.
* Never locks the user out after an interruption: before any file is renamed
  into place, the manifest already accepts both its old and its new content
  (a journal), so whatever moment a ``kill -9`` or a full disk strikes, every
  file is one the next run recognises.  Stray temporary files are cleaned.
* One run at a time: a lock on the output folder makes a second run wait,
  then say the folder is in use, instead of mixing its files with the first.
* One refusal does not stop the rest: every file that can be written is, and
  each refused one is named with its fix (`WriteReport`).
* A file that already holds exactly the new content is left alone, so a
  rebuild after a small edit touches only the files that changed (their
  modification times tell a browser or a sync tool what is new).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import stat
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from showcase.errors import OutputExistsError, ShowcaseError, shown

MANIFEST = ".showcase-manifest.json"
OWNER_KEY = ".owner"  # in the manifest: whose build the folder holds (never a file name)
LOCK = ".showcase-lock"
LOCK_WAIT_SECONDS = 30.0
MANIFEST_LIMIT = 4 * 1024 * 1024  # bytes; a manifest lists a few dozen files per profile
_TMP_SUFFIX = ".tmp"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def occupied(path: Path) -> bool:
    """Whether something is at `path`: a file, a folder, or a link, even one to nothing.

    `Path.exists()` follows links, so a dangling link looked free and was replaced by
    a file (`init`, `import`, `schema -o`)."""
    return path.exists() or path.is_symlink()


def atomic_write(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write `data` to `path` through a temporary file and a rename; the file gets `mode`
    (0o600 for what only its owner should read, as the applications database), by default
    the one any new file of this user gets (`new_file_mode`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=_TMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, new_file_mode() if mode is None else mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@functools.cache
def new_file_mode() -> int:
    """The permissions a new file gets: read and write for all, less the user's umask
    (0o644 under 022; 0o600 under 077, set on shared machines so nobody else reads one's
    files). A temporary file is made 0o600, so a file written through one would otherwise
    get whatever mode showcase chose. The umask is read from Linux's /proc (unchanged),
    else set and put back at once, before any file of this process is written."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text("ascii").splitlines():
            if line.startswith("Umask:"):
                return 0o666 & ~int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _clean_strays(path: Path) -> None:
    """Remove temporary files an interrupted write of `path` left behind."""
    with contextlib.suppress(OSError):
        for stray in path.parent.glob(f".{path.name}.*{_TMP_SUFFIX}"):
            if stray.is_file() and not stray.is_symlink():
                stray.unlink()


class OutputBusyError(ShowcaseError):
    """Another showcase run is writing into the same folder."""


@contextlib.contextmanager
def folder_lock(root: Path, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold the output folder's lock; wait up to `wait` seconds for another run to finish.

    An advisory `flock` on ``.showcase-lock``: the kernel drops it when a process
    dies, so a killed run never leaves the folder locked. Where there is no
    `fcntl` (Windows), runs are not serialised.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX
        yield
        return
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ShowcaseError(cannot_write(root, exc)) from None
    lock = root / LOCK
    try:
        # Never through a link: one planted at the lock's name made showcase create
        # (and lock) a file wherever it pointed, outside the output folder.
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK, 0o644)
        handle = os.fdopen(fd, "a+")
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            handle.close()
            raise IsADirectoryError(lock)  # not a file: said as such below
    except OSError as exc:
        if lock.is_symlink() or (lock.exists() and not lock.is_file()):
            raise ShowcaseError(
                f"{lock} is not showcase's lock file (a link, or not a file); remove it"
            ) from None
        raise ShowcaseError(cannot_write(root, exc)) from None
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise OutputBusyError(
                        f"{root} is in use by another showcase run (waited {wait:.0f} s); "
                        "wait for it to finish or choose another -o folder"
                    ) from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    finally:
        handle.close()


@dataclass
class WriteReport:
    """What a `write_all` did: files written, and files refused with the reason and fix."""

    written: list[Path] = field(default_factory=list)  # every file now in place
    refused: list[str] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)  # of `written`: already held that

    @property
    def ok(self) -> bool:
        return not self.refused


def _inside(relative: str | Path) -> None:
    """Refuse a file name that is not a path inside the folder (``..``, absolute, empty)."""
    parts = Path(relative).parts
    if not parts or Path(relative).is_absolute() or ".." in parts or parts == (".",):
        raise ShowcaseError(
            f"{str(relative)!r} is not a file name inside the output folder; showcase writes "
            "only there"
        )


class OutputDir:
    """A folder showcase writes into, keeping track of which files are its own."""

    def __init__(
        self,
        root: Path,
        *,
        force: bool = False,
        protect: Iterable[Path] = (),
        owner: str | None = None,
    ) -> None:
        self.root = root
        self.force = force
        # Which profile file the folder holds the build of (`build` sets it): another
        # profile's build into the same folder would mix two people's files under one
        # index.html. The file, not the name: editing your own name is not a new owner.
        self.owner = owner
        self._owner_found: str | None = None
        self.protect = {p.resolve() for p in protect}
        self.written: list[Path] = []
        self._manifest_path = root / MANIFEST
        # path -> the digests of content showcase wrote there (two while a write is under
        # way); read under the folder's lock, when writing starts.
        self._manifest: dict[str, list[str]] = {}

    def recorded_owner(self) -> str | None:
        """Whose build the folder holds, as its manifest says; None when it says nothing
        or cannot be read (writing there then reports why)."""
        try:
            self._read_manifest()
        except ShowcaseError:
            return None
        return self._owner_found

    def _read_manifest(self) -> dict[str, list[str]]:
        path = self._manifest_path
        if not path.exists() and not path.is_symlink():
            return {}
        fix = f"delete {path} (showcase then treats the files there as not its own) or pass --force"
        if not path.is_file():
            raise ShowcaseError(f"{path} is not a file, so showcase cannot keep its records; {fix}")
        try:
            from showcase.reading import TooLarge, read_bounded

            raw = read_bounded(path, MANIFEST_LIMIT)
            loaded = json.loads(raw.decode("utf-8"))
        except (OSError, ValueError, RecursionError, TooLarge):
            if self.force:
                return {}
            raise ShowcaseError(
                f"{path} is damaged (not showcase's list of files); {fix}"
            ) from None
        if not isinstance(loaded, dict):
            if self.force:
                return {}
            raise ShowcaseError(f"{path} is damaged (not showcase's list of files); {fix}")
        manifest: dict[str, list[str]] = {}
        owner = loaded.pop(OWNER_KEY, None)
        self._owner_found = owner if isinstance(owner, str) else None
        for key, value in loaded.items():
            digests = value if isinstance(value, list) else [value]
            manifest[str(key)] = [str(d) for d in digests if isinstance(d, str)]
        return manifest

    def _key(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def check(self, path: Path) -> str | None:
        """Raise if writing `path` would destroy something the user made.

        Returns the digest of what is there now (None when nothing is).
        """
        if path.resolve() in self.protect:
            raise OutputExistsError(path, "It is an input of this run; choose another -o folder.")
        if path.is_symlink():
            raise ShowcaseError(f"{path} is a link; showcase will not write through it.")
        if not path.exists():
            return None
        if path.is_dir():
            raise ShowcaseError(f"{path} is a folder; showcase needs to write a file there.")
        if not path.is_file():
            raise ShowcaseError(f"{path} is not a regular file; showcase will not replace it.")
        try:
            current = _digest(path.read_bytes())
        except OSError as exc:
            raise ShowcaseError(f"cannot read {path}: {exc.strerror or exc}") from None
        if self.force:
            return current
        recorded = self._manifest.get(self._key(path))
        if not recorded:
            raise OutputExistsError(
                path, "showcase did not write it; move it away or pass --force to replace it."
            )
        if current not in recorded:
            raise OutputExistsError(
                path, "It was changed since showcase wrote it; pass --force to replace it."
            )
        return current

    def write(self, relative: str | Path, data: bytes | str) -> Path:
        """Write one file (raising if it is refused); see `write_all` for many."""
        report = self.write_all({str(relative): data})
        if report.refused:
            raise ShowcaseError(report.refused[0])
        return report.written[0]

    def write_all(
        self, files: Mapping[str, bytes | str], pending: Mapping[str, Any] | None = None
    ) -> WriteReport:
        """Write every file that can be written; name each refused one and its fix.

        All of it happens under the folder's lock, so two runs never mix their
        files. `pending` is an artifact's map of files still being rendered:
        writing while any is left would write placeholders, so it is a bug to try.
        """
        if pending:
            raise RuntimeError(f"unfinished files: {', '.join(pending)}; resolve() them first")
        report = WriteReport()
        with folder_lock(self.root):
            self._manifest = self._read_manifest()
            found = self._owner_found
            if self.owner and found and found != self.owner and not self.force:
                report.refused.append(
                    f"{self.root} holds what showcase built from {shown(found, path=True)}; "
                    f"build {shown(self.owner, path=True)} into another folder (-o), or pass "
                    "--force to mix them"
                )
                return report
            payloads: dict[Path, tuple[str | None, bytes]] = {}
            recorded: dict[str, list[str]] = {}
            for relative, data in files.items():
                path = self.root / relative
                try:
                    _inside(relative)
                    current = self.check(path)
                except ShowcaseError as exc:
                    report.refused.append(exc.format_message())
                    continue
                payload = data.encode("utf-8") if isinstance(data, str) else data
                if current is not None and current == _digest(payload):
                    report.unchanged.append(path)
                    # Recorded as showcase's own (with --force it may not have been yet).
                    recorded[self._key(path)] = [current]
                    continue
                payloads[path] = (current, payload)
            if any(self._manifest.get(key) != digests for key, digests in recorded.items()):
                self._manifest.update(recorded)
                if not payloads:
                    self._save()
            if payloads:
                self._write(payloads, report)
            order = {self.root / relative: i for i, relative in enumerate(files)}
            report.written = sorted([*report.unchanged, *report.written], key=order.__getitem__)
        self.written.extend(report.written)
        return report

    def _write(self, payloads: dict[Path, tuple[str | None, bytes]], report: WriteReport) -> None:
        # The journal: before anything is renamed into place, the manifest accepts both
        # what is there now and what will be, so an interruption at any moment leaves
        # only files the next run recognises.
        for path, (current, payload) in payloads.items():
            accepted = [current] if current else []
            self._manifest[self._key(path)] = [*accepted, _digest(payload)]
        self._save()
        for path, (_, payload) in payloads.items():
            _clean_strays(path)
            try:
                atomic_write(path, payload)
            except OSError as exc:
                report.refused.append(f"cannot write {path}: {_write_advice(exc)}")
                continue
            self._manifest[self._key(path)] = [_digest(payload)]
            report.written.append(path)
        self._save()

    def _save(self) -> None:
        entries: dict[str, object] = {
            k: v[0] if len(v) == 1 else v for k, v in sorted(self._manifest.items()) if v
        }
        owner = self.owner or self._owner_found
        if owner:
            entries = {OWNER_KEY: owner, **entries}
        text = json.dumps(entries, indent=1)
        try:
            _clean_strays(self._manifest_path)
            atomic_write(self._manifest_path, (text + "\n").encode("utf-8"))
        except OSError as exc:
            raise ShowcaseError(
                f"cannot write {self._manifest_path}: {exc.strerror or exc}; "
                f"choose another -o folder ({shown(self.root)})"
            ) from None


def _write_advice(exc: OSError) -> str:
    """Why a file could not be written, with the fix that fits the reason."""
    import errno

    reason = exc.strerror or str(exc)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"{reason}; free some space or choose another -o folder"
    if exc.errno in (errno.ENOTDIR, errno.EISDIR, errno.EEXIST):
        return f"{reason}; a file and a folder of that name are in the way of each other"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{reason}; choose a folder you may write to (-o)"
    return f"{reason}; choose another -o folder"


def cannot_write(folder: Path, exc: OSError) -> str:
    """Why `folder` cannot be written into, in words: a file where the folder should be
    said "File exists" before."""
    if folder.exists() and not folder.is_dir():
        return f"{folder} is a file, not a folder; choose another -o folder"
    return f"cannot write into {folder}: {exc.strerror or exc}; choose another -o folder"
