"""What a layout cache entry is keyed by: the content a layout is made from, written out
canonically (`canonical`), the library versions, the fonts and templates
(`folder_fingerprint`), and the local files an HTML document names (`referenced_files`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import os
import re
from collections.abc import Mapping
from functools import lru_cache
from html import unescape as html_unescape
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

_LIMIT = 64 * 1024 * 1024  # bytes; a larger file is not hashed (nor a template of ours)
FINGERPRINT_ENTRIES = 10_000  # names under a template folder, for its key
FINGERPRINT_BYTES = 256 * 1024 * 1024  # content under a template folder, for its key
_NO_KEY = "unreadable:"


class Uncacheable(Exception):
    """A value with no canonical form: the work is done without the cache."""


def canonical(value: Any) -> Any:
    """`value` as plain JSON-like data that says everything about it, or `Uncacheable`.

    Views are frozen dataclasses of strings, numbers, dates, enums and tuples; their
    canonical form names each type and field, so two views with the same form render
    the same document. Anything else (an object whose repr could hide its content)
    is refused rather than guessed at.
    """
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, enum.Enum):
        return [type(value).__qualname__, canonical(value.value)]
    if isinstance(value, dt.date | dt.datetime):  # datetime is a date
        return ["date", value.isoformat()]
    if isinstance(value, bytes):
        return ["bytes", hashlib.sha256(value).hexdigest()]
    if isinstance(value, list | tuple):
        return [canonical(v) for v in value]
    if isinstance(value, frozenset | set):
        return ["set", sorted((canonical(v) for v in value), key=repr)]
    if isinstance(value, Mapping):
        return ["map", sorted(([canonical(k), canonical(v)] for k, v in value.items()), key=repr)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [
            type(value).__module__ + "." + type(value).__qualname__,
            [[f.name, canonical(getattr(value, f.name))] for f in dataclasses.fields(value)],
        ]
    dump = getattr(value, "model_dump", None)  # a pydantic model
    if callable(dump):
        return [type(value).__qualname__, canonical(dump(mode="json"))]
    raise Uncacheable(type(value).__qualname__)


@lru_cache(maxsize=1)
def library_versions() -> str:
    from importlib import metadata

    found = []
    for name in ("weasyprint", "pydyf", "python-docx", "docxtpl"):
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=none")
    return ",".join(found)


def folder_fingerprint(folder: Path | None) -> str:
    """The SHA-256 of every file under `folder` (names and content); "" for none.

    A user's template folder holds the templates, stylesheets and images a layout
    may use, so any change there is a new key. Within bounds (`--templates ~` would
    read a home folder): past FINGERPRINT_ENTRIES names or FINGERPRINT_BYTES of
    content, or what cannot be read, the key matches nothing and the cache is not used.
    """
    if folder is None:
        return ""
    digest = hashlib.sha256()
    left = FINGERPRINT_BYTES
    files: list[Path] = []
    try:
        seen = 0
        for root, dirs, names in os.walk(folder, onerror=_raise):
            seen += len(dirs) + len(names)
            if seen > FINGERPRINT_ENTRIES:
                return _NO_KEY + os.urandom(8).hex()
            files.extend(p for name in names if (p := Path(root, name)).is_file())
        for path in sorted(files):
            digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
            one = hashlib.sha256()
            with path.open("rb") as stream:
                while chunk := stream.read(1 << 20):
                    left -= len(chunk)
                    if left < 0:
                        return _NO_KEY + os.urandom(8).hex()
                    one.update(chunk)
            digest.update(one.digest())
    except OSError:
        return _NO_KEY + os.urandom(8).hex()  # a key that matches nothing
    return digest.hexdigest()


def _raise(error: OSError) -> None:
    raise error


@lru_cache(maxsize=1)
def bundled_fingerprint() -> str:
    """The bundled templates, stylesheets and fonts (a development checkout edits them
    without a new version number)."""
    from showcase.render.templates import bundled_templates_dir

    return folder_fingerprint(bundled_templates_dir())


# What a layout may fetch: src="...", href="..." and CSS url(...) values.
_REFERENCE_RE = re.compile(
    r"""(?:\b(?:src|href)\s*=\s*["']([^"']+)["']|url\(\s*["']?([^"')]+)["']?\s*\))""",
    re.IGNORECASE,
)
_REMOTE = ("http:", "https:", "data:", "mailto:", "tel:", "#", "cid:")


def referenced_files(html: str, base_url: Path | None) -> str:
    """The SHA-256 of each local file `html` names (an image in the profile's folder a
    user template shows), so that replacing the file is a new key; "" when none."""
    digest = hashlib.sha256()
    found = False
    for match in _REFERENCE_RE.finditer(html):
        url = html_unescape(match[1] or match[2]).strip()
        if not url or url.lower().startswith(_REMOTE):
            continue
        if url.lower().startswith("file:"):
            path = Path(unquote(urlsplit(url).path))
        elif base_url is not None:
            path = base_url / unquote(url.split("?")[0].split("#")[0])
        else:
            continue
        found = True
        digest.update(url.encode("utf-8") + b"\0")
        try:
            if path.is_file() and path.stat().st_size <= _LIMIT:
                digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            digest.update(os.urandom(8))  # unreadable now: a key that matches nothing
    return digest.hexdigest() if found else ""
