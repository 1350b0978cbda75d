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

import contextlib
import io
import json
import re
import signal
import stat
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TypeVar

from showcase.files import POSTING_KINDS
from showcase.reading import TooLarge, read_bounded
from showcase.strategy.header import html_heading, site_name, text_header

MAX_BYTES = 5 * 1024 * 1024  # per posting; a real one is a few kilobytes, a saved page < 1 MiB
MAX_STDIN_BYTES = 50 * 1024 * 1024  # pasted postings, all together
TIME_LIMIT = 10.0  # seconds to parse one PDF, DOCX or HTML file
MAX_PDF_PAGES = 30
SUFFIXES = {".txt", ".md", ".markdown", ".text", ".docx", ".pdf", ".html", ".htm"}
T = TypeVar("T")
SEPARATOR = re.compile(r"^---[ \t]*$", re.MULTILINE)  # between pasted postings


@dataclass(frozen=True)
class Posting:
    """One job posting's text, with its title and company when they could be read."""

    source: str  # as shown in reports: a file's name, or "stdin #2"
    text: str
    title: str | None = None
    company: str | None = None


@dataclass(frozen=True)
class Skipped:
    """A posting that could not be read, and why."""

    source: str
    reason: str


@dataclass
class Postings:
    read: list[Posting] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


class Unreadable(Exception):
    """Why one posting cannot be used; becomes a `Skipped`."""


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
            ours = _written_by_showcase(path)
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in SUFFIXES
                and p.is_file()
                and not p.name.startswith(".")
                and p.resolve() not in ours
            )
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


def _written_by_showcase(folder: Path) -> set[Path]:
    """Files showcase wrote under `folder` (its manifests say which): never postings.

    Without this, `gaps jobs/ -o jobs/` read its own report as a posting the next time.
    """
    import json

    from showcase.output import MANIFEST, MANIFEST_LIMIT

    ours: set[Path] = set()
    for manifest in folder.rglob(MANIFEST):
        # Only a regular file, and only MANIFEST_LIMIT bytes of it: a link to /dev/zero was
        # read whole (24 GB), a named pipe waited forever.
        try:
            if not stat.S_ISREG(manifest.stat().st_mode):
                continue
            listed = json.loads(read_bounded(manifest, MANIFEST_LIMIT).decode("utf-8"))
        except (OSError, ValueError, RecursionError, TooLarge):
            continue
        if isinstance(listed, dict):
            ours.update((manifest.parent / str(key)).resolve() for key in listed)
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
        return _from_pdf(name, data)
    if suffix == ".docx" or (data.startswith(b"PK\x03\x04") and suffix not in {".txt", ".md"}):
        return _from_docx(name, data)
    text = decode(data)
    if suffix in {".html", ".htm"} or re.match(r"\s*<(!doctype html|html)", text[:500], re.I):
        return _from_html(name, text)
    return from_text(name, text)


def decode(data: bytes) -> str:
    """Text from bytes: UTF-8 (with or without a BOM), else Windows-1252; never binary."""
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Unreadable(f"binary, not text (a posting is one of {POSTING_KINDS})")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("utf-16") if head.startswith((b"\xff\xfe", b"\xfe\xff")) else ""
        except UnicodeDecodeError:
            text = ""
        text = text or data.decode("cp1252", errors="replace")
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(8, len(text[:8192]) // 50):
        raise Unreadable(f"binary, not text (a posting is one of {POSTING_KINDS})")
    if not text.strip():
        raise Unreadable("empty")
    return text.replace("\r\n", "\n").replace("\r", "\n")


@contextlib.contextmanager
def time_limit(seconds: float, what: str) -> Iterator[None]:
    """Stop a parser that runs longer than `seconds` (main thread on POSIX; else unbounded)."""
    in_main = threading.current_thread() is threading.main_thread()
    if not hasattr(signal, "setitimer") or not in_main:
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise Unreadable(f"{what} took longer than {seconds:g} s to read; skipped")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


PARSE_MEMORY = 512 * 2**20  # bytes a PDF or DOCX parser may add; a real posting needs < 50 MiB


def _bounded(what: str, parse: Callable[[], T]) -> T:
    """`parse()` in a child with PARSE_MEMORY and TIME_LIMIT (see showcase.bounded)."""
    from showcase.bounded import OverBudget, run_bounded

    try:
        return run_bounded(parse, memory=PARSE_MEMORY, seconds=TIME_LIMIT, expected=(Unreadable,))
    except OverBudget as exc:
        if exc.kind == "time":
            raise Unreadable(f"{what} took longer than {TIME_LIMIT:g} s to read; skipped") from None
        raise Unreadable(
            f"{what} needs more than {PARSE_MEMORY // 2**20} MiB of memory to read "
            "(a compressed bomb?); skipped"
        ) from None


def _from_pdf(name: str, data: bytes) -> Posting:
    import pdfminer.high_level  # noqa: F401 - imported here, so that each child does not

    text = _bounded("this PDF", lambda: _pdf_text(data))
    if not text.strip():
        raise Unreadable("a PDF without text (a scan?); save the posting as text instead")
    return from_text(name, text)


def _pdf_text(data: bytes) -> str:
    """The text of a PDF's first MAX_PDF_PAGES pages (runs in a bounded child)."""
    try:
        from pdfminer.high_level import extract_text
        from pdfminer.pdfdocument import PDFEncryptionError

        with time_limit(TIME_LIMIT, "this PDF"):
            return extract_text(io.BytesIO(data), maxpages=MAX_PDF_PAGES)
    except (Unreadable, MemoryError, RecursionError):
        raise
    except PDFEncryptionError:
        raise Unreadable(
            "an encrypted PDF (it needs a password); save the posting as text instead"
        ) from None
    except Exception:  # a damaged PDF can fail anywhere inside pdfminer
        raise Unreadable("not a readable PDF (damaged or truncated?)") from None


UNZIPPED_LIMIT = 50 * 2**20  # bytes a posting's .docx may hold once unzipped (images too)
XML_LIMIT = 8 * 2**20  # bytes of XML in it; a ten-page Word document has about 1 MiB
TAG_LIMIT = 400_000  # XML tags in it; a ten-page Word document has about 40,000


def _check_unzipped_size(data: bytes) -> None:
    """Refuse a zip bomb, or XML too large or too dense to parse, before python-docx reads
    it: a posting is a few pages. (47 MB of XML in a 107 KB file took 1.76 GB to parse.)

    The declared sizes bound what zipfile will inflate, so they are trusted; the tags are
    counted while inflating, at most XML_LIMIT bytes."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            total = sum(item.file_size for item in members)
            xml = [m for m in members if m.filename.lower().endswith((".xml", ".rels"))]
            xml_size = sum(item.file_size for item in xml)
            if total > UNZIPPED_LIMIT:
                raise Unreadable(
                    f"unzips to {total / 2**20:,.0f} MiB, too much for a job posting (a zip bomb?)"
                )
            if xml_size > XML_LIMIT:
                raise Unreadable(
                    f"holds {xml_size / 2**20:,.0f} MiB of XML, too much for a job posting "
                    f"(at most {XML_LIMIT // 2**20} MiB)"
                )
            tags = 0
            for member in xml:
                with archive.open(member) as handle:
                    while chunk := handle.read(1 << 16):
                        tags += chunk.count(b"<")
                if tags > TAG_LIMIT:
                    raise Unreadable(
                        f"holds more than {TAG_LIMIT:,} XML elements, too many for a job posting"
                    )
    except Unreadable:
        raise
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        raise Unreadable("not a readable Word document (damaged, or not .docx?)") from None


def _from_docx(name: str, data: bytes) -> Posting:
    _check_unzipped_size(data)
    import docx  # noqa: F401 - imported here, so that each child does not

    title, text = _bounded("this DOCX", lambda: _docx_text(data))
    if not text.strip():
        raise Unreadable("empty")
    posting = from_text(name, text)
    return Posting(name, posting.text, title or posting.title, posting.company)


def _docx_text(data: bytes) -> tuple[str | None, str]:
    """A Word document's first heading and its text (runs in a bounded child)."""
    try:
        import docx

        with time_limit(TIME_LIMIT, "this DOCX"):
            document = docx.Document(io.BytesIO(data))
            title = None
            lines = []
            for paragraph in document.paragraphs:
                style = (paragraph.style.name if paragraph.style is not None else "") or ""
                text = paragraph.text.strip()
                if text and title is None and style.startswith(("Title", "Heading")):
                    title = text
                lines.append(("- " if "List" in style else "") + paragraph.text)
            for table in document.tables:
                for row in table.rows:
                    lines.append(" | ".join(cell.text for cell in row.cells))
    except (Unreadable, MemoryError, RecursionError):
        raise
    except Exception:  # python-docx raises many kinds on a damaged or foreign file
        raise Unreadable("not a readable Word document (damaged, or not .docx?)") from None
    return title, "\n".join(lines)


def _from_html(name: str, html: str) -> Posting:
    """The posting's main content only: never navigation, sidebars or footers."""
    try:
        import trafilatura

        with time_limit(TIME_LIMIT, "this page"):
            document = trafilatura.bare_extraction(
                html, with_metadata=True, include_comments=False, favor_precision=True
            )
    except Unreadable:
        raise
    except Exception:
        raise Unreadable("not a readable web page") from None
    text = getattr(document, "text", None) or ""
    if not text.strip():
        raise Unreadable("a web page without a posting in it (only navigation?)")
    job_title, company = _job_posting_metadata(html)
    posting = from_text(name, text)
    page_title = _page_title(getattr(document, "title", None))
    title = job_title or html_heading(html) or posting.title or page_title
    company = company or posting.company or site_name(html) or getattr(document, "sitename", None)
    return Posting(name, posting.text, title, company)


def _json_ld_blocks(html: str) -> Iterator[str]:
    """The text of each ``<script type="application/ld+json">`` of `html`, in one pass.

    A scan with ``str.find``, not a regex: ``<script ...>(.*?)</script>`` went back over the
    rest of the page for every unclosed ``<script`` (400 KB of them: 58 s)."""
    lower = html.lower()
    at = 0
    while (start := lower.find("<script", at)) != -1:
        tag_end = lower.find(">", start)
        if tag_end == -1:
            return
        close = lower.find("</script", tag_end)
        if close == -1:
            return  # no closing tag anywhere after: no complete block left
        if "application/ld+json" in lower[start:tag_end]:
            block = html[tag_end + 1 : close]
            if len(block) <= JSON_LD_LIMIT:
                yield block
        at = close + 8


JSON_LD_LIMIT = 2**20  # characters of one JSON-LD block; job boards embed a few KB


def _job_posting_metadata(html: str) -> tuple[str | None, str | None]:
    """Title and employer from a page's schema.org JobPosting (job boards embed one)."""
    for block in _json_ld_blocks(html):
        try:
            data = json.loads(block)
        except (ValueError, RecursionError):
            continue
        # JSON-LD is an object, a list of them or an object with a @graph; anything else
        # (a string, a number, deep lists) says nothing about the job.
        if isinstance(data, dict):
            graph = data.get("@graph", [data])
            items = graph if isinstance(graph, list) else [data]
        else:
            items = data if isinstance(data, list) else []
        for item in items:
            if not isinstance(item, dict):
                continue
            kind = item.get("@type")
            if kind == "JobPosting" or (isinstance(kind, list) and "JobPosting" in kind):
                org = item.get("hiringOrganization")
                company = org.get("name") if isinstance(org, dict) else org
                title = item.get("title")
                return (
                    _clean(title) if isinstance(title, str) else None,
                    _clean(company) if isinstance(company, str) else None,
                )
    return None, None


def _page_title(title: str | None) -> str | None:
    """ "Marketing Manager - Acme | JobBoard" -> "Marketing Manager - Acme"."""
    if not title:
        return None
    return _clean(re.split(r"\s+[|–—]\s+", title)[0])


def from_text(name: str, text: str) -> Posting:
    """A posting from plain text or Markdown, with the title and company of its top lines
    (see `showcase.strategy.header`)."""
    text = text.strip("\n")
    title, company = text_header(text)
    return Posting(name, text, title, company)


def _clean(value: str) -> str:
    return re.sub(r"[*_`#]+", "", re.sub(r"\s+", " ", value)).strip()[:120]
