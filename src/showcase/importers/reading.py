"""Reading a file to import within bounds: its bytes (a regular file, size-limited) and JSON."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from showcase.importers.result import ImportFailed

MAX_IMPORT_BYTES = 5 * 1024 * 1024  # a badge image or an export; larger is not one


def read_limited(path: Path, limit: int = MAX_IMPORT_BYTES) -> bytes:
    """The bytes of the regular file `path`, refused clearly if it is not one or is too large.

    The size on disk is not trusted (a file may grow, ``/proc`` files say 0): at most
    `limit` + 1 bytes are ever read, so memory stays bounded whatever `path` is.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        # Non-blocking, so that opening a FIFO without a writer does not hang.
        fd = os.open(path, flags)
    except OSError as exc:
        raise ImportFailed(f"{path}: cannot read it ({exc.strerror})") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise ImportFailed(
                f"{path}: a folder, not a file; name the files to import "
                f"(for example {path / '*.json'})"
            )
        if not stat.S_ISREG(mode):
            raise ImportFailed(
                f"{path}: not a regular file (a device, pipe or socket); save what you want "
                "to import to a file first"
            )
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise ImportFailed(f"{path}: cannot read it ({exc.strerror})") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise ImportFailed(
            f"{path}: larger than {limit / 1024 / 1024:g} MiB, too large for an import "
            "(a badge image or an export is far smaller)"
        )
    return data


def parse_json(text: str, name: str, what: str = "not valid JSON") -> Any:
    """`text` as JSON, or an `ImportFailed` naming the place (and never a RecursionError)."""
    import json

    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFailed(f"{name}:{exc.lineno}:{exc.colno}: {what}: {exc.msg}") from None
    except ValueError:  # Python's limit of 4,300 digits in an integer
        raise ImportFailed(
            f"{name}: {what}: it holds a number thousands of digits long; not imported"
        ) from None
    except RecursionError:
        raise ImportFailed(
            f"{name}: JSON nested too deeply to be a badge or a resume; not imported"
        ) from None
