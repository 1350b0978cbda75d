"""Reading a file within bounds: every reader of user input (profiles, postings,
imports, the output folder's manifest) reads through `read_bounded`, with one rule for
what is not a regular file.

- A regular file is read up to `limit` + 1 bytes (its size on disk is not trusted).
- A named pipe is read as a stream while its writer writes, waiting at most
  `PIPE_WAIT_SECONDS` for each piece (a writer may open it after us), up to `limit`.
- A device (``/dev/zero``) is read up to `limit` too: one that never ends is too large.
- A folder is an `IsADirectoryError` (an `OSError`), for the caller to word.

A cache's entry is read with `read_regular`: only a regular file, else a miss. A Word
file (a posting's .docx, a user's Word template) is checked by `oversized_docx` before it
is parsed.
"""

from __future__ import annotations

import os
import select
import stat
import zipfile
from pathlib import Path
from typing import IO


class TooLarge(Exception):
    """A file (or stream) longer than the limit its reader allows."""


def read_bounded(path: Path, limit: int) -> bytes:
    """At most `limit` bytes of `path`; raises TooLarge beyond that.

    The size is measured by reading, never by `st_size`: a FIFO or a
    process substitution has no size, and /dev/zero claims 0 bytes but never ends.
    """
    # O_NONBLOCK: opening a named pipe returns at once instead of waiting for a writer;
    # a pipe is then read as the writer writes, with a bounded wait for it.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        if stat.S_ISFIFO(os.fstat(fd).st_mode):
            data = _read_pipe(fd, path, limit)
        else:
            if hasattr(os, "set_blocking"):
                os.set_blocking(fd, True)
            with os.fdopen(fd, "rb") as handle:
                fd = -1
                data = handle.read(limit + 1)
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > limit:
        raise TooLarge(path)
    return data


PIPE_WAIT_SECONDS = 10.0  # how long a named pipe may stay silent before we give up


class PipeSilent(OSError):
    """Nothing came through a named pipe in time: nobody is writing to it."""


def _read_pipe(fd: int, path: Path, limit: int) -> bytes:
    """Up to `limit` + 1 bytes from a non-blocking pipe, waiting at most
    PIPE_WAIT_SECONDS for each piece (a writer may open it after us)."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        ready, _, _ = select.select([fd], [], [], PIPE_WAIT_SECONDS)
        if not ready:
            raise PipeSilent(
                0, f"nothing came through the pipe in {PIPE_WAIT_SECONDS:.0f} s", str(path)
            )
        try:
            chunk = os.read(fd, 1 << 16)
        except BlockingIOError:
            continue
        if not chunk:
            break  # the writer closed it
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)[: limit + 1]


def read_regular(path: Path, limit: int) -> bytes | None:
    """The bytes of the regular file at `path` (not a link), None when it is anything
    else or larger than `limit`: for a cache's entries, where anything else is a miss.
    Opened without waiting: a named pipe planted in the cache folder hung every PDF
    command (a plain `open` waits for a writer)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            return None
        raw = handle.read(limit + 1)
    return raw if len(raw) <= limit else None


# A Word file's bounds, once unzipped: a posting is a few pages, a template one or two.
UNZIPPED_LIMIT = 50 * 2**20  # bytes of all its parts (images too)
XML_LIMIT = 8 * 2**20  # bytes of XML; a ten-page Word document has about 1 MiB
TAG_LIMIT = 400_000  # XML tags; a ten-page Word document has about 40,000


def oversized_docx(source: Path | IO[bytes], what: str) -> str | None:
    """Why the Word file `source` is too large to parse (a zip bomb, or XML too large or
    too dense), said of `what` ("a job posting"); None when it is within bounds. The sizes
    its zip declares bound what zipfile inflates, so they are trusted; the tags are counted
    while inflating, at most XML_LIMIT bytes. (47 MB of XML in a 107 KB file took 1.76 GB to
    parse; a 343 KB template with 300 MB of text, 700 MB.) A file that is no zip raises
    zipfile's errors, for the caller to word."""
    with zipfile.ZipFile(source) as archive:
        members = archive.infolist()
        xml = [m for m in members if m.filename.lower().endswith((".xml", ".rels"))]
        total, xml_size = sum(m.file_size for m in members), sum(m.file_size for m in xml)
        if total > UNZIPPED_LIMIT:
            return f"unzips to {total / 2**20:,.0f} MiB, too much for {what} (a zip bomb?)"
        if xml_size > XML_LIMIT:
            return (
                f"holds {xml_size / 2**20:,.0f} MiB of XML, too much for {what} "
                f"(at most {XML_LIMIT // 2**20} MiB)"
            )
        tags = 0
        for member in xml:
            with archive.open(member) as handle:
                while chunk := handle.read(1 << 16):
                    tags += chunk.count(b"<")
            if tags > TAG_LIMIT:
                return f"holds more than {TAG_LIMIT:,} XML elements, too many for {what}"
    return None
