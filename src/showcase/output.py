"""Writing artifacts to disk safely.

* Atomic: each file is written to a temporary file in the same folder and
  renamed over the target, so an interrupted run never leaves half a PDF in
  place of a good one.  (No fsync: that guards against power loss, not
  interruption, and costs more than the rest of a small build's writes.)
* Never clobbers the user's work: showcase records what it wrote in
  ``.showcase-manifest.json`` in the output folder (path -> SHA-256).  A file
  it did not write, or one edited since, is only replaced with ``--force``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from showcase.errors import OutputExistsError, ShowcaseError

MANIFEST = ".showcase-manifest.json"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class OutputDir:
    """A folder showcase writes into, keeping track of which files are its own."""

    def __init__(self, root: Path, *, force: bool = False, protect: Iterable[Path] = ()) -> None:
        self.root = root
        self.force = force
        self.protect = {p.resolve() for p in protect}
        self.written: list[Path] = []
        self._manifest_path = root / MANIFEST
        self._manifest: dict[str, str] = {}
        if self._manifest_path.is_file():
            try:
                loaded = json.loads(self._manifest_path.read_text("utf-8"))
                if isinstance(loaded, dict):
                    self._manifest = {str(k): str(v) for k, v in loaded.items()}
            except (OSError, ValueError):
                self._manifest = {}

    def _key(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def check(self, path: Path) -> None:
        """Raise if writing `path` would destroy something the user made."""
        if path.resolve() in self.protect:
            raise OutputExistsError(path, "It is an input of this run; choose another -o folder.")
        if not path.exists() or self.force:
            return
        if path.is_dir():
            raise ShowcaseError(f"{path} is a folder; showcase needs to write a file there.")
        if not path.is_file():
            raise ShowcaseError(f"{path} is not a regular file; showcase will not replace it.")
        recorded = self._manifest.get(self._key(path))
        if recorded is None:
            raise OutputExistsError(
                path, "showcase did not write it; move it away or pass --force to replace it."
            )
        if recorded != _digest(path.read_bytes()):
            raise OutputExistsError(
                path, "It was changed since showcase wrote it; pass --force to replace it."
            )

    def write(self, relative: str | Path, data: bytes | str) -> Path:
        path = self.root / relative
        payload = data.encode("utf-8") if isinstance(data, str) else data
        self.check(path)
        try:
            atomic_write(path, payload)
        except OSError as exc:
            raise ShowcaseError(
                f"cannot write {path}: {exc.strerror or exc}; choose another -o folder"
            ) from None
        self._manifest[self._key(path)] = _digest(payload)
        self.written.append(path)
        return path

    def save_manifest(self) -> None:
        if not self.written:
            return
        text = json.dumps(dict(sorted(self._manifest.items())), indent=1) + "\n"
        try:
            atomic_write(self._manifest_path, text.encode("utf-8"))
        except OSError as exc:
            raise ShowcaseError(f"cannot write {self._manifest_path}: {exc.strerror}") from None
