"""`showcase import SOURCES --into PROFILE`: the credentials the profile lacks, added to its
file as a round-trip edit (`yamledit`), so the user's comments, order and formatting stay.

What is new, held or another issue is `importers.against`'s to say. The file is read as
`showcase edit` reads it (`session.ProfileFile`), must load without an error before, and
the result must load without an error (the same loader as every command) before it is
written; else nothing is written. The profile must be a regular file: a link or a pipe is
refused (a link's target may be a file the user did not mean, and a pipe cannot be
replaced). The write is `showcase edit`'s: compare-and-swap on the content, atomic, the
previous version kept as ``PROFILE.showcase.bak``. Importing the same files again adds
nothing and leaves the file's bytes as they were.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from showcase.editor.session import Conflict, ProfileFile, encoded
from showcase.editor.yamledit import EditError, apply_edit
from showcase.errors import ShowcaseError
from showcase.importers import ImportFailed, import_files
from showcase.importers.against import Decision, Verdict, decide, profile_entry
from showcase.profile.source import MAX_FILE_BYTES


class IntoRefused(ShowcaseError):
    """The profile cannot be imported into as it is; nothing was written."""


@dataclass
class IntoResult:
    """What an import into a profile did (or, `dry_run`, would do)."""

    path: Path
    decisions: list[Decision]
    warnings: list[str]
    failures: list[ImportFailed]
    before: str
    after: str
    written: bool = False
    backup: Path | None = None
    dry_run: bool = False
    added: list[Decision] = field(default_factory=list)

    def diff(self) -> str:
        """The change to the file, as a unified diff ("" when there is none)."""
        lines = difflib.unified_diff(
            self.before.splitlines(keepends=True),
            self.after.splitlines(keepends=True),
            str(self.path),
            f"{self.path} (with the import)",
        )
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _regular(path: Path) -> None:
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        raise IntoRefused(
            f"{path}: no such profile; start one with `showcase init`, or import with "
            "`-o FILE` and paste the entries"
        ) from None
    except OSError as exc:
        raise IntoRefused(f"{path}: cannot read it ({exc.strerror or exc})") from None
    if stat.S_ISLNK(mode):
        raise IntoRefused(
            f"{path}: a symbolic link; --into writes only a regular file, so give the file "
            f"it points to ({os.path.realpath(path)}) if that is the profile you mean"
        )
    if not stat.S_ISREG(mode):
        kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file (a pipe or a device)"
        raise IntoRefused(f"{path}: {kind}; --into adds to a profile file")
    if os.lstat(path).st_nlink > 1:
        raise IntoRefused(
            f"{path}: the file has another name (a hard link), which would keep the old "
            "version; nothing was changed; import into a copy of it instead"
        )


def _errors(problems: list[dict[str, object]]) -> list[str]:
    return [str(p["text"]) for p in problems if p["severity"] == "error"]


def import_into(
    path: Path, sources: Sequence[Path], *, dry_run: bool = False, today: dt.date | None = None
) -> IntoResult:
    """Add to the profile at `path` the credentials of `sources` it does not hold.

    Raises `IntoRefused` (nothing written) when the profile is not a regular file, does
    not load, or would not load with the new entries.
    """
    _regular(path)
    profile = ProfileFile(path, today=today)
    raw = profile.read_raw()
    before = profile.snapshot(raw)
    if before.loaded is None or before.data is None:
        errors = "\n".join("  " + line for line in _errors(before.problems))
        raise IntoRefused(
            f"{path}: the profile has errors, so nothing was imported into it; fix them "
            f"first (`showcase validate {path}`):\n{errors}"
        )
    results, failures = import_files(sources)
    decisions, warnings = decide(results, before.loaded.profile.credentials)
    added = [d for d in decisions if d.verdict is Verdict.NEW]
    result = IntoResult(path, decisions, warnings, failures, before.text, before.text)
    result.added, result.dry_run = added, dry_run
    if not added:
        return result
    data = dict(before.data)
    held = data.get("credentials")
    data["credentials"] = [*(held if isinstance(held, list) else [])]
    data["credentials"] += [profile_entry(d.entry) for d in added]
    try:
        result.after = apply_edit(before.text, data)
    except EditError as exc:
        raise IntoRefused(f"{path}: {exc}; nothing was written") from None
    problems, loaded = profile.check(result.after)
    if loaded is None or len(loaded.profile.credentials) != len(
        before.loaded.profile.credentials
    ) + len(added):
        errors = "\n".join("  " + line for line in _errors(problems))
        raise IntoRefused(
            f"{path}: with the imported entries the profile would not load, so nothing was "
            f"written:\n{errors}"
        )
    new_raw = encoded(result.after, raw)
    if len(new_raw) > MAX_FILE_BYTES:
        raise IntoRefused(
            f"{path}: with the imported entries the profile would be larger than "
            f"{MAX_FILE_BYTES // 1024:,} KiB, too large to read back; nothing was written"
        )
    if dry_run:
        return result
    _regular(path)  # still a regular file: never a link put in its place meanwhile
    try:
        profile.replace(raw, new_raw)
    except Conflict:
        raise IntoRefused(
            f"{path}: the profile changed on disk during the import; nothing was written; "
            "run the import again"
        ) from None
    except OSError as exc:
        raise IntoRefused(
            f"{path}: cannot write it ({exc.strerror or exc}); nothing was changed"
        ) from None
    result.written, result.backup = True, profile.backup
    return result
