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

import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from showcase.errors import ShowcaseError

# What is written for a required field (name, issuer, issue date) that the source
# lacks. Exactly this text, everywhere: the profile refuses it, so a forgotten one
# cannot slip into a resume.
PLACEHOLDER = "TODO"

# Not a profile field: the issuer's own description of a credential. It is not the
# user's `learned:`; the suggested YAML shows it as a comment above the entry.
DESCRIPTION = "description"


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
