"""Reading a file to import within bounds (the one rule of `showcase.reading`), and JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from showcase.importers.result import ImportFailed
from showcase.reading import TooLarge, read_bounded

MAX_IMPORT_BYTES = 5 * 1024 * 1024  # a badge image or an export; larger is not one


def read_limited(path: Path, limit: int = MAX_IMPORT_BYTES) -> bytes:
    """The bytes of `path`, as every reader of showcase reads (`showcase.reading`): a named
    pipe as a stream with a bounded wait, at most `limit` + 1 bytes of anything; a folder,
    a silent pipe or too many bytes refused clearly."""
    if path.is_dir():
        raise ImportFailed(
            f"{path}: a folder, not a file; name the files to import "
            f"(for example {path / '*.json'})"
        )
    try:
        return read_bounded(path, limit)
    except TooLarge:
        raise ImportFailed(
            f"{path}: larger than {limit / 1024 / 1024:g} MiB, too large for an import "
            "(a badge image or an export is far smaller)"
        ) from None
    except OSError as exc:
        raise ImportFailed(f"{path}: cannot read it ({exc.strerror})") from None


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
