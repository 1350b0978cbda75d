"""`showcase init`: a commented starter profile and the schema beside it."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from showcase.errors import OutputExistsError
from showcase.output import atomic_write
from showcase.profile.schema import SCHEMA_FILE_NAME, schema_text


def starter_text() -> str:
    return (resources.files("showcase") / "data" / "starter.yaml").read_text("utf-8")


def write_starter(path: Path) -> tuple[list[Path], list[str]]:
    """Write the starter profile at `path` (never over an existing file) and its schema."""
    if path.exists():
        raise OutputExistsError(path, "Choose another name, e.g. `showcase init new-profile.yaml`.")
    written = []
    notes = []
    atomic_write(path, starter_text().encode("utf-8"))
    written.append(path)
    schema_path = path.parent / SCHEMA_FILE_NAME
    if schema_path.exists() and schema_path.read_text("utf-8") != schema_text():
        notes.append(f"left {schema_path} as it was (refresh it with `showcase schema -o ...`)")
    else:
        atomic_write(schema_path, schema_text().encode("utf-8"))
        written.append(schema_path)
    return written, notes
