"""`showcase init`: a commented starter profile and the schema beside it."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from showcase.errors import OutputExistsError, ShowcaseError
from showcase.output import atomic_write, occupied
from showcase.profile.schema import SCHEMA_FILE_NAME, schema_text


def starter_text() -> str:
    return (resources.files("showcase") / "data" / "starter.yaml").read_text("utf-8")


def write_starter(path: Path) -> tuple[list[Path], list[str]]:
    """Write the starter profile at `path` (never over an existing file) and its schema."""
    if occupied(path):
        raise OutputExistsError(path, "Choose another name, e.g. `showcase init new-profile.yaml`.")
    written = []
    notes = []
    try:  # a folder it may not write to is a user's error, as for every file written
        atomic_write(path, starter_text().encode("utf-8"))
        written.append(path)
        schema_path = path.parent / SCHEMA_FILE_NAME
        if occupied(schema_path) and not _is_current_schema(schema_path):
            notes.append(f"left {schema_path} as it was (refresh it with `showcase schema -o ...`)")
        else:
            atomic_write(schema_path, schema_text().encode("utf-8"))
            written.append(schema_path)
    except OSError as exc:
        raise ShowcaseError(
            f"cannot write {path}: {exc.strerror or exc}; choose another file name or folder"
        ) from None
    return written, notes


def _is_current_schema(path: Path) -> bool:
    """Whether `path` is a regular file holding exactly the current schema (read bounded)."""
    from showcase.reading import TooLarge, read_bounded

    try:
        return path.is_file() and read_bounded(path, 2**20) == schema_text().encode("utf-8")
    except (OSError, TooLarge):
        return False
