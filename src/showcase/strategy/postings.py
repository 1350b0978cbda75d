"""Reading job postings the way people save them: text, Markdown, Word, PDF, web pages.

Each reader is bounded: at most `MAX_BYTES` are read from a file (limit + 1, to
know it was longer), and parsing a PDF, a DOCX or a page stops after
`TIME_LIMIT` seconds. PDFs and Word documents are parsed in a forked child with
`PARSE_MEMORY` bytes of address space (pdfminer inflates a stream in one call, which
no alarm interrupts; a web page, at most 5 MiB, is parsed here: a child would cost
each page 45 ms); a .docx is first refused when it unzips to too much XML
(`XML_LIMIT`, `TAG_LIMIT`); a manifest inside a postings folder is read only when it
is a regular file, and only its first `MANIFEST_LIMIT` bytes. A posting that cannot be
used (empty, binary, damaged, too large, too slow) is not an error of the run: it is
named, with why, in `Postings.skipped`, and the others are read.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from showcase.errors import ShowcaseError
from showcase.files import POSTING_KINDS
from showcase.reading import TAG_LIMIT as TAG_LIMIT
from showcase.reading import UNZIPPED_LIMIT as UNZIPPED_LIMIT
from showcase.reading import XML_LIMIT as XML_LIMIT
from showcase.reading import TooLarge, read_bounded
from showcase.strategy.posting import Posting as Posting
from showcase.strategy.posting import Postings as Postings
from showcase.strategy.posting import Skipped as Skipped
from showcase.strategy.posting import Unreadable as Unreadable
from showcase.strategy.posting import decode as decode
from showcase.strategy.posting import from_text as from_text
from showcase.strategy.posting_formats import JSON_LD_LIMIT as JSON_LD_LIMIT
from showcase.strategy.posting_formats import MAX_PDF_PAGES as MAX_PDF_PAGES
from showcase.strategy.posting_formats import PARSE_MEMORY as PARSE_MEMORY
from showcase.strategy.posting_formats import TIME_LIMIT as TIME_LIMIT
from showcase.strategy.posting_formats import _job_posting_metadata as _job_posting_metadata
from showcase.strategy.posting_formats import _json_ld_blocks as _json_ld_blocks
from showcase.strategy.posting_formats import from_docx, from_html, from_pdf
from showcase.strategy.posting_formats import time_limit as time_limit

MAX_BYTES = 5 * 1024 * 1024  # per posting; a real one is a few kilobytes, a saved page < 1 MiB
FOLDER_ENTRIES = 100_000  # names looked at under one postings folder
MAX_STDIN_BYTES = 50 * 1024 * 1024  # pasted postings, all together
SUFFIXES = {".txt", ".md", ".markdown", ".text", ".docx", ".pdf", ".html", ".htm"}
SEPARATOR = re.compile(r"^---[ \t]*$", re.MULTILINE)  # between pasted postings


def read_postings(
    sources: Sequence[str | Path], stdin: IO[bytes] | None = None, *, limit: int = MAX_BYTES
) -> Postings:
    """Read every posting of `sources`: files, folders of files, or ``-`` for `stdin`."""
    result = Postings()
    files: list[tuple[Path, str]] = []
    for source in sources:
        if str(source) == "-":
            _read_stdin(stdin, result, limit)
            continue
        path = Path(source)
        if path.is_dir():
            candidates, manifests = _walk(path)
            ours = _written_by_showcase(manifests)
            found = sorted(p for p in candidates if _resolved(p) not in ours)
            if not found:
                kinds = POSTING_KINDS
                result.skipped.append(
                    Skipped(printable(str(source)), f"a folder with no postings ({kinds})")
                )
            files.extend((p, p.relative_to(path).as_posix()) for p in found)
        else:
            files.append((path, path.name))
    shown = _unique_names([printable(name) for _, name in files])
    for (path, _), name in zip(files, shown, strict=True):
        try:
            result.read.append(read_posting(path, name, limit=limit))
        except Unreadable as exc:
            result.skipped.append(Skipped(name, str(exc)))
    return result


def _walk(folder: Path) -> tuple[list[Path], list[Path]]:
    """The posting files under `folder` (not hidden, regular files or links to them) and
    showcase's manifests there, looking at most FOLDER_ENTRIES names: `gaps profile.yaml /`
    walked the whole disk. Links to folders are not followed; what cannot be listed or
    looked at (a loop, an entry of /proc that is gone) is passed over."""
    from showcase.output import MANIFEST

    candidates: list[Path] = []
    manifests: list[Path] = []
    seen = 0
    for root, dirs, names in os.walk(folder):
        seen += len(dirs) + len(names)
        if seen > FOLDER_ENTRIES:
            raise ShowcaseError(
                f"{printable(str(folder))}: more than {FOLDER_ENTRIES:,} files and folders; "
                "give the folder that holds your postings"
            )
        dirs.sort()
        for name in names:
            path = Path(root, name)
            if name == MANIFEST:
                manifests.append(path)
            elif path.suffix.lower() in SUFFIXES and not name.startswith("."):
                try:
                    if path.is_file():
                        candidates.append(path)
                except OSError:
                    continue
    return candidates, manifests


def _resolved(path: Path) -> Path | None:
    """`path` with every link followed; None for a loop or what cannot be looked at."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a link loop (Python 3.11, 3.12)
        return None


def _written_by_showcase(manifests: list[Path]) -> set[Path]:
    """Files showcase wrote beside `manifests` (each says which): never postings.

    Without this, `gaps jobs/ -o jobs/` read its own report as a posting the next time.
    """

    from showcase.output import MANIFEST_LIMIT

    ours: set[Path] = set()
    for manifest in manifests:
        # Only a regular file, and only MANIFEST_LIMIT bytes of it: a link to /dev/zero was
        # read whole (24 GB), a named pipe waited forever.
        try:
            if not stat.S_ISREG(manifest.stat().st_mode):
                continue
            listed = json.loads(read_bounded(manifest, MANIFEST_LIMIT).decode("utf-8"))
        except (OSError, ValueError, RecursionError, TooLarge):
            continue
        if isinstance(listed, dict):
            ours.update(r for key in listed if (r := _resolved(manifest.parent / str(key))))
    return ours


_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def printable(name: str) -> str:
    """A file name as reports show it: control characters (ESC, newlines), bidi marks and
    zero-width characters written as escapes (``\\x1b``, ``\\n``, ``\\u202e``), so that a
    name can neither drive the terminal, break a Markdown line nor hide its letters."""
    return _INVISIBLE.sub(_escape_char, name)


def _escape_char(match: re.Match[str]) -> str:
    char = match[0]
    named = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}
    if char in named:
        return named[char]
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def _unique_names(names: list[str]) -> list[str]:
    """Names as shown: two files called posting.txt in two folders must not be one."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out


def _read_stdin(stdin: IO[bytes] | None, result: Postings, limit: int) -> None:
    if stdin is None:
        result.skipped.append(Skipped("stdin", "no standard input"))
        return
    data = stdin.read(MAX_STDIN_BYTES + 1)
    if len(data) > MAX_STDIN_BYTES:
        result.skipped.append(Skipped("stdin", f"more than {MAX_STDIN_BYTES // 2**20} MiB"))
        return
    try:
        text = decode(data)
    except Unreadable as exc:
        result.skipped.append(Skipped("stdin", str(exc)))
        return
    parts = SEPARATOR.split(text)
    for number, part in enumerate(parts, 1):
        name = f"stdin #{number}" if len(parts) > 1 else "stdin"
        if len(part.encode("utf-8")) > limit:
            result.skipped.append(Skipped(name, f"larger than {limit // 2**20} MiB"))
        elif not part.strip():
            if len(parts) == 1 or number not in (1, len(parts)):  # a stray --- at an end is fine
                result.skipped.append(Skipped(name, "empty"))
        else:
            result.read.append(from_text(name, part))


def read_posting(path: Path, name: str, *, limit: int = MAX_BYTES) -> Posting:
    """One posting file; raises Unreadable with the reason."""
    try:
        data = read_bounded(path, limit)
    except TooLarge:
        raise Unreadable(f"larger than {limit // 2**20} MiB; is this a job posting?") from None
    except FileNotFoundError:
        raise Unreadable("no such file") from None
    except IsADirectoryError:  # pragma: no cover - folders are listed, not read
        raise Unreadable("a folder") from None
    except OSError as exc:
        raise Unreadable(f"cannot be read: {exc.strerror or exc}") from None
    if not data.strip():
        raise Unreadable("empty")
    suffix = path.suffix.lower()
    if suffix in {".yaml", ".yml", ".json", ".csv"}:
        # A profile, a badge or an export given by mistake: never read as a posting.
        raise Unreadable(f"a {suffix} data file, not a job posting ({POSTING_KINDS})")
    if suffix == ".pdf" or data.startswith(b"%PDF-"):
        return from_pdf(name, data)
    if suffix == ".docx" or (data.startswith(b"PK\x03\x04") and suffix not in {".txt", ".md"}):
        return from_docx(name, data)
    text = decode(data)
    if suffix in {".html", ".htm"} or re.match(r"\s*<(!doctype html|html)", text[:500], re.I):
        return from_html(name, text)
    return from_text(name, text)
