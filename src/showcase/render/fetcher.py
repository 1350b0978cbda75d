"""The URL fetcher WeasyPrint lays a template out with: `data:` URLs and files inside the
allowed folders, nothing else (no network, no host, no /proc, no hidden files, nothing
over the size cap)."""

from __future__ import annotations

import mimetypes
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from showcase.render.weasy import import_weasyprint

# The largest file a template may embed (a font, an image): fonts are about 300 KB.
MAX_RESOURCE_BYTES = 20 * 1024 * 1024


class BlockedFetchError(Exception):
    """A template asked for a resource outside the allowed folders."""


def fetcher_class() -> Any:
    import_weasyprint()
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class ConfinedURLFetcher(URLFetcher):  # type: ignore[misc]
        """Allow ``data:`` URLs and files inside the allowed folders; nothing else.

        WeasyPrint's default fetcher follows ``file://`` and network URLs, so a
        template could embed ``/etc/passwd`` or call home.  With
        ``fail_on_errors=True`` a blocked fetch stops the render instead of being
        skipped with a warning.
        """

        def __init__(self, allowed: Iterable[Path]) -> None:
            super().__init__(fail_on_errors=True, allow_redirects=False)
            self.allowed = [p.resolve() for p in allowed]
            self.blocked: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            scheme = url.split(":", 1)[0].lower()
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme == "file":
                body = self._read_allowed(url)
                if body is not None:
                    kind = mimetypes.guess_type(url.split("?")[0])[0] or "application/octet-stream"
                    return URLFetcherResponse(url, body, {"Content-Type": kind})
            self.blocked.append(url)
            raise BlockedFetchError(f"blocked: {url}")

        def _read_allowed(self, url: str) -> bytes | None:
            """The bytes of a ``file:`` URL that names an allowed file, else None.

            Read here, never through urllib: urllib resolves a ``file://HOST/`` URL's host
            (a DNS query a template can fill with the person's name). Refused: any host,
            ``/proc`` (``/proc/self/cwd`` reaches any folder), hidden files and folders
            (``.env``, ``.git``) under the allowed roots, and files over the size cap."""
            parts = urlsplit(url)
            if parts.netloc or parts.query or parts.fragment:
                return None
            raw = Path(unquote(parts.path))
            if not raw.is_absolute() or raw.parts[1:2] == ("proc",):
                return None
            path = raw.resolve()
            for root in self.allowed:
                if path.is_relative_to(root):
                    inside = path.relative_to(root).parts
                    if inside and not any(part.startswith(".") for part in inside):
                        break
            else:
                return None
            try:
                # Non-blocking open, then a regular-file check on what was opened: a FIFO
                # or a device under the folder never blocks or streams forever.
                fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
            except OSError:
                return None
            with os.fdopen(fd, "rb") as handle:
                if not stat.S_ISREG(os.fstat(fd).st_mode):
                    return None
                body = handle.read(MAX_RESOURCE_BYTES + 1)
            return body if len(body) <= MAX_RESOURCE_BYTES else None

    return ConfinedURLFetcher
