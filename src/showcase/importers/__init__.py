"""Turn credentials recorded elsewhere into profile entries.

Sources (see DESIGN.md, "Domain facts"):
* LinkedIn's data export, ``Certifications.csv``;
* Open Badges 2.0 assertions and Open Badges 3.0 credentials, as JSON or baked
  into a badge image (PNG iTXt chunk, SVG element);
* JSON Resume files (their ``certificates``).

Importers never touch a profile: they return entries (plain dicts in the
profile's field names) for the user to review and paste, checked against the
profile's own rules first so that nothing invalid is suggested.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from showcase.errors import ShowcaseError


@dataclass
class Imported:
    """Credentials read from one source, and what the user should know about them."""

    source: str
    format: str
    credentials: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class ImportFailed(ShowcaseError):
    """A file that could not be read as any known source."""


MAX_IMPORT_BYTES = 5 * 1024 * 1024  # a badge image or an export; larger is not one


def import_file(path: Path) -> Imported:
    """Detect the format of `path` and read its credentials."""
    from showcase.importers import jsonresume, linkedin, openbadges

    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportFailed(f"{path}: cannot read it ({exc.strerror})") from None
    if size > MAX_IMPORT_BYTES:
        raise ImportFailed(f"{path}: {size / 1024 / 1024:.1f} MiB is too large for an import")
    data = path.read_bytes()
    name = str(path)
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return openbadges.from_png(data, name)
    text = data.decode("utf-8-sig", errors="replace")
    stripped = text.lstrip()
    if stripped.startswith("<"):
        return openbadges.from_svg(text, name)
    if stripped.startswith(("{", "[")):
        document = _json(text, name)
        if isinstance(document, dict) and ("basics" in document or "certificates" in document):
            return jsonresume.from_json_resume(document, name)
        return openbadges.from_json(document, name)
    if linkedin.looks_like_export(text):
        return linkedin.from_csv(text, name)
    raise ImportFailed(
        f"{path}: not a format showcase can import; it reads LinkedIn's Certifications.csv, "
        "Open Badges (JSON, or baked into a .png or .svg badge) and JSON Resume files"
    )


def _json(text: str, name: str) -> Any:
    import json

    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFailed(f"{name}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from None
