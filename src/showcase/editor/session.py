"""One profile file as the editor sees it: read, checked, saved, never overwritten blindly.

Every save is compare-and-swap on the file's content: the page sends the ETag (a
SHA-256 of the bytes) of the version it edited, and a file changed meanwhile by
another editor is a `Conflict`, never overwritten; two writers at once (two imports, an
import and the editor) take turns on a lock, so the later one sees the first's version.
What the user typed is always saved, valid or not: the problems come back with the save,
each with its field.
The previous version is kept beside the profile (``profile.yaml.showcase.bak``): a
name of its own, so a ``profile.yaml.bak`` the user made is never replaced.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import os
import stat
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from showcase.editor.yamledit import EditError, apply_edit, load_document, to_plain
from showcase.errors import Problem, ProfileError, ShowcaseError
from showcase.output import new_file_mode
from showcase.profile.loaded import LoadedProfile
from showcase.profile.source import MAX_FILE_BYTES
from showcase.reading import TooLarge, read_bounded

BACKUP_SUFFIX = ".showcase.bak"  # never a .bak of the user's own


@dataclass(frozen=True)
class Snapshot:
    """The profile as it is on disk: its version, its data for the form, its problems."""

    etag: str
    text: str
    data: dict[str, Any] | None  # None: the YAML cannot be shown as a form
    problems: list[dict[str, Any]] = field(default_factory=list)
    loaded: LoadedProfile | None = field(default=None, compare=False)  # None: errors

    def as_json(self) -> dict[str, Any]:
        return {"profile": self.data, "problems": self.problems, "etag": self.etag}


class Conflict(ShowcaseError):
    """The file changed on disk since the page read it."""

    def __init__(self, current: Snapshot) -> None:
        super().__init__("the profile changed on disk since this page read it")
        self.current = current


BOM = b"\xef\xbb\xbf"


def encoded(text: str, like: bytes) -> bytes:
    """`text` as UTF-8 bytes, with the byte order mark the file had (`like`), if it had one."""
    return (BOM if like.startswith(BOM) else b"") + text.encode("utf-8")


def etag_of(raw: bytes) -> str:
    return '"' + hashlib.sha256(raw).hexdigest() + '"'


def _problem(problem: Problem, severity: str) -> dict[str, Any]:
    return {
        "severity": severity,
        "field": problem.field,
        "line": problem.line,
        "column": problem.column,
        "message": problem.message,
        "text": problem.format(severity=severity),
    }


LOCK_WAIT_SECONDS = 10.0


@contextlib.contextmanager
def _exclusive(real: Path) -> Iterator[None]:
    """No other showcase writes the profile meanwhile: its check and its rename, and ours,
    come one after the other (an advisory lock on the file; a writer that waited then sees
    the new version, a `Conflict`). Without `fcntl` (Windows), the check alone."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - POSIX here
        yield
        return
    fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK)  # a pipe put in its place never waits
    try:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise OSError(errno.EAGAIN, "another program keeps it locked") from None
                time.sleep(0.02)
        yield
    finally:
        os.close(fd)  # and the lock with it


class ProfileFile:
    """The profile at `path`, read and written by one editor session (thread-safe)."""

    def __init__(self, path: Path, *, today: dt.date | None = None) -> None:
        self.path = path
        self.today = today
        self._lock = threading.Lock()

    @property
    def backup(self) -> Path:
        return self.path.with_name(self.path.name + BACKUP_SUFFIX)

    def read_raw(self) -> bytes:
        try:
            return read_bounded(self.path, MAX_FILE_BYTES)
        except FileNotFoundError:
            raise ShowcaseError(f"{self.path}: the profile is gone (moved or deleted?)") from None
        except TooLarge:
            raise ShowcaseError(
                f"{self.path}: larger than {MAX_FILE_BYTES // 1024:,} KiB, too large to edit"
            ) from None
        except OSError as exc:
            raise ShowcaseError(f"{self.path}: cannot read it ({exc.strerror or exc})") from None

    def check(self, text: str) -> tuple[list[dict[str, Any]], LoadedProfile | None]:
        """The errors and warnings `showcase validate` would print for `text`, and the
        profile when it has no error."""
        from showcase.profile.loader import load_source
        from showcase.profile.source import parse_source

        try:
            loaded = load_source(parse_source(text, str(self.path), self.path), today=self.today)
        except ProfileError as exc:
            return [_problem(p, "error") for p in exc.problems], None
        return [_problem(p, "warning") for p in loaded.warnings], loaded

    def snapshot(self, raw: bytes | None = None) -> Snapshot:
        raw = self.read_raw() if raw is None else raw
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            problem = Problem(str(self.path), 0, 0, "", "the file is not UTF-8 text")
            return Snapshot(etag_of(raw), "", None, [_problem(problem, "error")], None)
        try:
            document, _ = load_document(text)
            data: dict[str, Any] | None = to_plain(document)
        except EditError:
            data = None
        problems, loaded = self.check(text)
        return Snapshot(etag_of(raw), text, data, problems, loaded)

    def save(self, data: dict[str, Any], if_match: str | None) -> Snapshot:
        """Write `data` over the version `if_match` names; a `Conflict` if it is not on disk."""
        with self._lock:
            raw = self.read_raw()
            if if_match != etag_of(raw):
                raise Conflict(self.snapshot(raw))
            try:
                text = raw.decode("utf-8-sig", errors="strict")
            except UnicodeDecodeError:
                raise EditError(
                    "the file is not UTF-8 text: save it as UTF-8 in a text editor first"
                ) from None
            new_text = apply_edit(text, data)
            new_raw = encoded(new_text, raw)
            if len(new_raw) > MAX_FILE_BYTES:
                raise EditError(
                    f"the profile would be larger than {MAX_FILE_BYTES // 1024:,} KiB, "
                    "too large to read back; nothing was written"
                )
            if new_raw != raw:
                try:
                    self.replace(raw, new_raw)
                except OSError as exc:
                    raise ShowcaseError(
                        f"{self.path}: cannot write it ({exc.strerror or exc}); nothing was "
                        "changed, and what you typed is still in the page"
                    ) from None
            return self.snapshot(new_raw)

    def replace(self, old: bytes, new: bytes) -> None:
        """The previous version to the backup, then the new one over the profile, atomically.

        A profile that is a symbolic link is written where it points (the link stays a
        link), so the file the user keeps elsewhere gets the edit. A read-only one (no
        write permission, for its owner or for this user) is never replaced: a rename
        needs only the folder's permission, and root has every permission. Nor is one
        with another name (a hard link): the rename would leave that name the old version,
        as `import --into` already refuses."""
        real = Path(os.path.realpath(self.path))
        try:
            status = os.stat(real)
            mode, names = stat.S_IMODE(status.st_mode), status.st_nlink
        except OSError:
            mode, names = new_file_mode(), 1
        if not mode & stat.S_IWUSR or not os.access(real, os.W_OK):
            raise PermissionError(errno.EACCES, "the file is read-only", str(real))
        if names > 1:  # the new file would be this name's only: the other keeps the old one
            raise PermissionError(
                errno.EMLINK,
                "the file has another name (a hard link), which would keep the old version; "
                "edit a copy of it",
                str(real),
            )
        with _exclusive(real):
            self._write(real, mode, old, new)

    def _write(self, real: Path, mode: int, old: bytes, new: bytes) -> None:
        if (now := self.read_raw()) != old:  # written meanwhile: the backup stays as it is
            raise Conflict(self.snapshot(now))
        for target, data in ((self.backup, old), (real, new)):
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.chmod(tmp, mode)
                if target == real and (now := self.read_raw()) != old:
                    # Another editor saved while the edit was made (turning it into YAML
                    # takes ~0.06 s): theirs is offered as a reload, never overwritten.
                    raise Conflict(self.snapshot(now))
                os.replace(tmp, target)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
