"""Layouts kept between runs: a PDF is laid out again only when its inputs changed.

A build renders every artifact's HTML and text in a few milliseconds; the PDF
layouts (WeasyPrint, ~0.4 s each, and the resume's fit passes) and the Word
documents are what take time. `RenderCache` keeps their bytes, and each fit
pass's result (pages, wrapped lines, how much of the pages it fills), in the user's cache folder
(`default_folder()`: ``$XDG_CACHE_HOME/showcase/layouts`` on Linux, through
platformdirs), shared by every command that writes a PDF (`build`, `watch`,
`resume`, `interview`): a rebuild with unchanged content lays nothing out and,
since the lookup comes first, never imports WeasyPrint.

Safe by construction:

* Keyed by content: the SHA-256 of everything the bytes depend on — the HTML
  (or a canonical dump of a DOCX's view), the paper, the bundled templates and
  fonts, the template folder's files, the local files the HTML names (an image
  of the profile's folder), showcase's and WeasyPrint's versions,
  SOURCE_DATE_EPOCH. Nothing is keyed by time or file name.
* Verified: each entry carries the digest of its bytes and is used only when
  they still match and look like the right kind of file.
* Safe under concurrent runs: an entry is written to a temporary file and
  renamed into place, so a reader sees a whole entry or none; pruning skips
  other runs' temporary files, and an entry removed under a reader is a miss.
* Never an error: a missing, damaged or unwritable cache is a miss, and the
  work is simply done again. ``--no-cache`` (or ``SHOWCASE_NO_CACHE=1``) turns
  it off; ``showcase cache clear`` empties it.
* Bounded: beyond `MAX_BYTES` (or `MAX_ENTRIES`) the least recently used
  entries are dropped (a hit refreshes an entry's time).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from showcase import __version__
from showcase.artifacts import PageCounter, PdfJob
from showcase.artifacts.cache_keys import (
    Uncacheable,
    bundled_fingerprint,
    canonical,
    folder_fingerprint,
    library_versions,
    referenced_files,
)

MAX_BYTES = 64 * 1024 * 1024  # the whole cache; a build's layouts take about 0.3 MiB
MAX_ENTRIES = 2000  # and at most this many entries (a fit pass's entry is a few bytes)
_MAGIC = b"showcase-cache 1\n"
_SIGNATURES = {"pdf": b"%PDF-", "docx": b"PK\x03\x04", "layout": b"{", "fit": b"{"}
_LIMIT = 64 * 1024 * 1024  # bytes; a larger file in the cache folder is not ours
_TMP_SUFFIX = ".tmp"


def default_folder() -> Path:
    """Where layouts are kept: the user's cache folder (platformdirs; on Linux
    ``$XDG_CACHE_HOME/showcase/layouts``, else ``~/.cache/showcase/layouts``)."""
    from platformdirs import user_cache_path

    return user_cache_path("showcase", appauthor=False) / "layouts"


def clear(folder: Path | None = None) -> tuple[int, int]:
    """Remove every entry of the cache: (entries, bytes) removed. Only files the cache
    writes are touched (entry names and its temporary files); anything else is left."""
    folder = folder or default_folder()
    removed = size = 0
    try:
        entries = list(folder.iterdir())
    except OSError:
        return 0, 0
    for path in entries:
        if not _is_entry_name(path.name) and not (
            path.name.startswith(".") and path.name.endswith(_TMP_SUFFIX)
        ):
            continue
        try:
            if path.is_symlink() or not path.is_file():
                continue
            length = path.stat().st_size
            path.unlink()
        except OSError:
            continue
        removed += 1
        size += length
    return removed, size


def usage(folder: Path | None = None) -> tuple[int, int]:
    """The cache's entries and their total size in bytes."""
    folder = folder or default_folder()
    entries = size = 0
    try:
        paths = [p for p in folder.iterdir() if _is_entry_name(p.name)]
    except OSError:
        return 0, 0
    for path in paths:
        with contextlib.suppress(OSError):
            size += path.stat().st_size
            entries += 1
    return entries, size


def _is_entry_name(name: str) -> bool:
    kind, _, digest = name.partition("-")
    return (
        kind in _SIGNATURES and len(digest) == 64 and all(c in "0123456789abcdef" for c in digest)
    )


class RenderCache:
    """PDF and DOCX bytes, and fit passes, by the SHA-256 of their inputs, in `folder`
    (None: nothing is kept).

    `hits` and `misses` count the PDFs and DOCX a build reused and made anew;
    `passes_reused` and `passes_made` the resume's fit passes.
    """

    def __init__(self, folder: Path | None, *, templates_dir: Path | None = None) -> None:
        off = os.environ.get("SHOWCASE_NO_CACHE") or (folder is not None and folder.is_symlink())
        self.folder = None if off else folder
        self.salt = "\0".join(
            [__version__, library_versions(), os.environ.get("SOURCE_DATE_EPOCH", "")]
        )
        self.templates_dir = templates_dir
        self.templates = folder_fingerprint(templates_dir) if self.folder is not None else ""
        self.hits: list[str] = []
        self.misses: list[str] = []
        self.passes_reused = 0
        self.passes_made = 0

    @classmethod
    def for_user(cls, *, enabled: bool = True, templates_dir: Path | None = None) -> RenderCache:
        """The cache every command shares (`default_folder()`), or one that keeps nothing."""
        return cls(default_folder() if enabled else None, templates_dir=templates_dir)

    def key(self, kind: str, *parts: str | bytes) -> str:
        digest = hashlib.sha256()
        for part in (kind, self.salt, self.templates, *parts):
            data = part.encode("utf-8") if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "big") + data)
        return f"{kind}-{digest.hexdigest()}"

    def _layout_key(
        self, kind: str, html: str, *, allowed: list[Path], paper: str, base_url: Path | None
    ) -> str:
        return self.key(
            kind,
            bundled_fingerprint(),
            html,
            paper,
            str(base_url),
            referenced_files(html, base_url),
            *(str(p) for p in allowed),
        )

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
            os.utime(path)  # recently used: evicted last
        return body

    def put(self, key: str, data: bytes) -> None:
        """Store `data` under `key`; a failure only means the next run does the work again."""
        path = self._path(key)
        if path is None or not data:
            return
        from showcase.output import atomic_write

        header = _MAGIC + hashlib.sha256(data).hexdigest().encode("ascii") + b"\n\n"
        with contextlib.suppress(OSError):
            atomic_write(path, header + data)
            self._prune()

    def _prune(self) -> None:
        """Drop the least recently used entries beyond `MAX_BYTES` or `MAX_ENTRIES`."""
        assert self.folder is not None
        entries = []
        for path in self.folder.iterdir():
            if not _is_entry_name(path.name):
                continue  # another run's write under way, or not ours
            with contextlib.suppress(OSError):
                info = path.stat()
                entries.append((info.st_mtime_ns, info.st_size, path))
        entries.sort(reverse=True)
        total = 0
        for count, (_, size, path) in enumerate(entries):
            total += size
            if total > MAX_BYTES or count >= MAX_ENTRIES:
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
            html: str,
            *,
            allowed: list[Path],
            paper: str,
            base_url: Path | None,
            tighter: str | None = None,
        ) -> bytes | Future[bytes]:
            if self.folder is None:
                return inner(html, allowed=allowed, paper=paper, base_url=base_url, tighter=tighter)
            # With a closer setting to fall back on, the PDF depends on both documents.
            both = html if tighter is None else f"{html}\0{tighter}"
            key = self._layout_key("pdf", both, allowed=allowed, paper=paper, base_url=base_url)
            found = self.get(key)
            if found is not None:
                self.hits.append("pdf")
                return found
            self.misses.append("pdf")
            made = inner(html, allowed=allowed, paper=paper, base_url=base_url, tighter=tighter)
            if isinstance(made, bytes):
                self.put(key, made)
                return made
            return _stored_when_done(made, lambda data: self.put(key, data))

        return job

    def fit_hint(self, resume: str) -> int | None:
        """The fit level the last build of `resume` (a profile file with its options)
        chose: the one to try first. A hint only: any level is checked before use."""
        found = self.get(self.key("fit", resume))
        if found is None:
            return None
        with contextlib.suppress(ValueError, TypeError, KeyError):
            return int(json.loads(found)["level"])
        return None

    def remember_fit(self, resume: str, level: int) -> None:
        if self.fit_hint(resume) != level:
            self.put(self.key("fit", resume), json.dumps({"level": level}).encode())

    def page_counter(self, inner: PageCounter) -> PageCounter:
        """`inner`, measuring only HTML it has not measured before: the resume's fit then
        lays nothing out when the content is unchanged."""
        from showcase.render.pdf import Layout

        def counter(html: str, *, allowed: list[Path], paper: str, base_url: Path | None) -> Layout:
            if self.folder is None:
                return inner(html, allowed=allowed, paper=paper, base_url=base_url)
            key = self._layout_key("layout", html, allowed=allowed, paper=paper, base_url=base_url)
            found = self.get(key)
            if found is not None:
                with contextlib.suppress(ValueError, TypeError, KeyError):
                    data = json.loads(found)
                    extent = data.get("extent")
                    layout = Layout(
                        pages=int(data["pages"]),
                        wrapped=int(data["wrapped"]),
                        extent=float(extent) if extent is not None else None,
                    )
                    self.passes_reused += 1
                    return layout
            self.passes_made += 1
            layout = inner(html, allowed=allowed, paper=paper, base_url=base_url)
            measured = {"pages": layout.pages, "wrapped": layout.wrapped, "extent": layout.extent}
            self.put(key, json.dumps(measured).encode())
            return layout

        return counter


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
