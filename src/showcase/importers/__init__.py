"""Turn credentials recorded elsewhere into profile entries.

Sources (see docs/design.md, "Domain facts"):
* LinkedIn's data export: its ``Certifications.csv``, alone or in the export's ZIP;
* Open Badges 2.0 assertions and Open Badges 3.0 credentials (VC 1.1 and 2.0 forms,
  alone or wrapped in a CLR 2.0 credential), as JSON or baked into a badge image
  (PNG iTXt chunk, SVG element);
* JSON Resume files (their ``certificates``).

Importers never touch a profile: they return entries (plain dicts in the
profile's field names) for the user to review and paste, checked against the
profile's own rules first so that nothing invalid is suggested.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from showcase.importers.reading import MAX_IMPORT_BYTES as MAX_IMPORT_BYTES
from showcase.importers.reading import parse_json as parse_json
from showcase.importers.reading import read_limited as read_limited
from showcase.importers.result import DESCRIPTION as DESCRIPTION
from showcase.importers.result import PLACEHOLDER as PLACEHOLDER
from showcase.importers.result import Imported as Imported
from showcase.importers.result import ImportFailed as ImportFailed


def import_files(paths: Iterable[Path]) -> tuple[list[Imported], list[ImportFailed]]:
    """Import each of `paths`; one that fails does not stop the others.

    Returns what was read, in order, and the failures (each names its file).
    """
    results: list[Imported] = []
    failures: list[ImportFailed] = []
    for path in paths:
        try:
            results.append(import_file(path))
        except ImportFailed as exc:
            failures.append(exc)
    return results, failures


def import_file(path: Path) -> Imported:
    """Detect the format of `path` and read its credentials."""
    from showcase.importers import credly, jsonresume, linkedin, openbadges
    from showcase.importers.linkedin_archive import is_zip

    if is_zip(path):  # LinkedIn's whole data export, as downloaded
        from showcase.importers.linkedin_export import credentials_from_export

        return credentials_from_export(path)
    data = read_limited(path)
    name = str(path)
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return openbadges.from_png(data, name)
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return openbadges.from_svg(data, name)  # XML: its own declaration names the encoding
    text = data.decode("utf-8-sig", errors="replace")
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        document = parse_json(text, name)
        if isinstance(document, dict) and ("basics" in document or "certificates" in document):
            return jsonresume.from_json_resume(document, name)
        if isinstance(document, dict) and credly.looks_like_feed(document):
            return credly.from_feed(document, name)
        return openbadges.from_json(document, name)
    if linkedin.looks_like_export(text):
        return linkedin.from_csv(text, name)
    if re.fullmatch(r"eyJ[\w-]*\.[\w-]+\.[\w-]*", stripped.rstrip()):
        raise ImportFailed(
            f"{path}: a signed credential (a JWT, as VC 2.0 `vc+jwt` Open Badges are sent); "
            "showcase cannot read signed credentials yet. Export the unsigned JSON from the "
            "issuer or wallet and import that"
        )
    raise ImportFailed(
        f"{path}: not a format showcase can import; it reads LinkedIn's Certifications.csv, "
        "Open Badges (JSON, or baked into a .png or .svg badge) and JSON Resume files"
    )
