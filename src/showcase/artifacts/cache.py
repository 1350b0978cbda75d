"""Layouts kept between builds: a PDF is laid out again only when its HTML changed.

A build renders every artifact's HTML and text in a few milliseconds; the PDF
layouts (WeasyPrint, ~0.4 s each) and the Word documents are what take time.
`RenderCache` keeps their bytes in ``.showcase-cache/`` inside the output folder,
so `showcase watch` and a plain `showcase build` after an edit only redo the
ones whose input changed.

Safe by construction:

* Keyed by content: the SHA-256 of everything the bytes depend on — the HTML
  (or a canonical dump of a DOCX's view), the paper, the template folder's
  files, showcase's and WeasyPrint's versions, SOURCE_DATE_EPOCH. Nothing is
  keyed by time or file name.
* Verified: each entry carries the digest of its bytes and is used only when
  they still match and look like the right kind of file.
* Never an error: a missing, damaged or unwritable cache is a miss, and the
  work is simply done again. ``SHOWCASE_NO_CACHE=1`` turns it off.
* Small: the least recently used entries beyond `KEEP` are dropped.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import enum
import hashlib
import os
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from functools import lru_cache
from pathlib import Path
from typing import Any

from showcase import __version__
from showcase.artifacts import PdfJob

CACHE_DIR = ".showcase-cache"
KEEP = 24  # entries; a profile's build uses four (two PDFs, two DOCX)
_MAGIC = b"showcase-cache 1\n"
_SIGNATURES = {"pdf": b"%PDF-", "docx": b"PK\x03\x04"}
_LIMIT = 64 * 1024 * 1024  # bytes; a larger file in the cache folder is not ours


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
def _library_versions() -> str:
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
    may use, so any change there is a new key.
    """
    if folder is None:
        return ""
    digest = hashlib.sha256()
    try:
        files = sorted(p for p in folder.rglob("*") if p.is_file())
        for path in files:
            digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    except OSError:
        return "unreadable:" + os.urandom(8).hex()  # a key that matches nothing
    return digest.hexdigest()


class RenderCache:
    """PDF and DOCX bytes by the SHA-256 of their inputs, in `folder` (None: memory only).

    `hits` and `misses` count what a build reused and what it laid out again.
    """

    def __init__(self, folder: Path | None, *, templates_dir: Path | None = None) -> None:
        off = os.environ.get("SHOWCASE_NO_CACHE") or (folder is not None and folder.is_symlink())
        self.folder = None if off else folder
        self.salt = "\0".join(
            [__version__, _library_versions(), os.environ.get("SOURCE_DATE_EPOCH", "")]
        )
        self.templates = folder_fingerprint(templates_dir)
        self.hits: list[str] = []
        self.misses: list[str] = []

    def key(self, kind: str, *parts: str | bytes) -> str:
        digest = hashlib.sha256()
        for part in (kind, self.salt, self.templates, *parts):
            data = part.encode("utf-8") if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "big") + data)
        return f"{kind}-{digest.hexdigest()}"

    def _path(self, key: str) -> Path | None:
        return self.folder / key if self.folder is not None else None

    def get(self, key: str) -> bytes | None:
        """The verified bytes stored under `key`, or None (a damaged entry is removed)."""
        path = self._path(key)
        if path is None:
            return None
        try:
            if path.is_symlink() or not path.is_file() or path.stat().st_size > _LIMIT:
                return None
            raw = path.read_bytes()
        except OSError:
            return None
        header, _, body = raw.partition(b"\n\n")
        expected = _MAGIC + hashlib.sha256(body).hexdigest().encode("ascii")
        kind = key.split("-", 1)[0]
        if header != expected or not body.startswith(_SIGNATURES.get(kind, b"")):
            with contextlib.suppress(OSError):
                path.unlink()
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: pruned last
        return body

    def put(self, key: str, data: bytes) -> None:
        """Store `data` under `key`; a failure only means the next build does the work again."""
        path = self._path(key)
        if path is None or not data:
            return
        from showcase.output import atomic_write

        header = _MAGIC + hashlib.sha256(data).hexdigest().encode("ascii") + b"\n\n"
        with contextlib.suppress(OSError):
            atomic_write(path, header + data)
            self._prune()

    def _prune(self) -> None:
        assert self.folder is not None
        entries = []
        for path in self.folder.iterdir():
            if path.name.startswith(".") and path.name.endswith(".tmp"):
                continue  # another build's write under way
            with contextlib.suppress(OSError):
                entries.append((path.stat().st_mtime_ns, path))
        entries.sort(reverse=True)
        for _, path in entries[KEEP:]:
            with contextlib.suppress(OSError):
                path.unlink()

    def cached(self, kind: str, parts: tuple[str | bytes, ...], make: Callable[[], bytes]) -> bytes:
        """The stored bytes for `parts`, or `make()`'s (then stored)."""
        key = self.key(kind, *parts)
        found = self.get(key)
        if found is not None:
            self.hits.append(kind)
            return found
        self.misses.append(kind)
        data = make()
        self.put(key, data)
        return data

    def docx(
        self,
        template: Path,
        context: Mapping[str, Any],
        extra: tuple[Any, ...],
        make: Callable[[], bytes],
    ) -> bytes:
        """A Word document from the cache when its template, view (`context`) and `extra`
        are the same as when it was made."""
        try:
            view = repr(canonical([dict(context), list(extra)])).encode("utf-8")
            template_digest = hashlib.sha256(template.read_bytes()).hexdigest()
        except (Uncacheable, OSError):
            self.misses.append("docx")
            return make()
        return self.cached("docx", (template_digest, view), make)

    def pdf_job(self, inner: PdfJob) -> PdfJob:
        """`inner`, laying out only HTML it has not laid out before (with these inputs)."""

        def job(
            html: str, *, allowed: list[Path], paper: str, base_url: Path | None
        ) -> bytes | Future[bytes]:
            key = self.key("pdf", html, paper, str(base_url), *(str(p) for p in allowed))
            found = self.get(key)
            if found is not None:
                self.hits.append("pdf")
                return found
            self.misses.append("pdf")
            made = inner(html, allowed=allowed, paper=paper, base_url=base_url)
            if isinstance(made, bytes):
                self.put(key, made)
                return made
            return _stored_when_done(made, lambda data: self.put(key, data))

        return job


def _stored_when_done(future: Future[bytes], store: Callable[[bytes], None]) -> Future[bytes]:
    """A Future of the same bytes that stores them first (in whichever thread finishes it)."""
    outer: Future[bytes] = Future()

    def done(inner: Future[bytes]) -> None:
        if inner.cancelled():
            outer.cancel()
            outer.set_running_or_notify_cancel()
            return
        error = inner.exception()
        if error is not None:
            outer.set_exception(error)
            return
        data = inner.result()
        with contextlib.suppress(Exception):
            store(data)
        outer.set_result(data)

    future.add_done_callback(done)
    return outer
