"""Job postings saved as PDF, Word or web pages, read within bounds: a PDF or DOCX is
parsed in a forked child with `PARSE_MEMORY` bytes of address space and `TIME_LIMIT`
seconds; a .docx is refused when it unzips to too much XML; a web page's title and
company come from its JSON-LD, its heading and its site name."""

from __future__ import annotations

import contextlib
import io
import json
import re
import signal
import threading
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from showcase.reading import oversized_docx
from showcase.strategy.header import html_heading, site_name, without_controls
from showcase.strategy.posting import Posting, Unreadable, clean, from_text

TIME_LIMIT = 10.0  # seconds to parse one PDF, DOCX or HTML file
MAX_PDF_PAGES = 30
T = TypeVar("T")


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


def from_pdf(name: str, data: bytes) -> Posting:
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


def _check_unzipped_size(data: bytes) -> None:
    """Refuse a zip bomb, or XML too large or too dense to parse, before python-docx reads
    it (`oversized_docx`): a posting is a few pages."""
    import zipfile

    try:
        problem = oversized_docx(io.BytesIO(data), "a job posting")
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        raise Unreadable("not a readable Word document (damaged, or not .docx?)") from None
    if problem is not None:
        raise Unreadable(problem)


def from_docx(name: str, data: bytes) -> Posting:
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
            names: dict[str | None, str] = {}  # a style's id -> its name
            for paragraph in document.paragraphs:
                style = _style_name(paragraph, names)
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


def _style_name(paragraph: Any, names: dict[str | None, str]) -> str:
    """A paragraph's style name, looked up once per style: python-docx finds a
    paragraph's style by reading every style of the document (and, for one without its
    own, every style again for the default), 0.4 ms each: a posting of 2,000 paragraphs
    took 1.7 s, and ran past the parse's time limit on a busy machine."""
    style_id = paragraph._p.style
    if style_id not in names:
        style = paragraph.style
        names[style_id] = (style.name if style is not None else "") or ""
    return names[style_id]


# A character reference (`&#7;`, `&#x1B;`) in a page: the HTML parser turns one naming a
# control character into text that XML (and so trafilatura's tree) refuses.
_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")


def _control_free(html: str) -> str:
    """`html` without control characters, raw or written as character references (a page
    with one `&#7;` was read as having no posting at all)."""

    def keep(match: re.Match[str]) -> str:
        hexadecimal, decimal = match.groups()
        code = int(hexadecimal, 16) if hexadecimal else int(decimal)
        control = (code < 32 and code not in (9, 10, 13)) or 127 <= code <= 159
        return " " if control else match[0]

    return _CHARACTER_REFERENCE.sub(keep, without_controls(html))


def from_html(name: str, html: str) -> Posting:
    """The posting's main content only: never navigation, sidebars or footers.

    Read in a bounded child, as a PDF is: libxml2's HTML parser slows down with the
    square of a tag's attributes (60,000 of them in a 0.5 MB page: over 20 s; 400,000:
    still running after 15 minutes), inside one C call that neither the alarm nor Ctrl+C
    interrupts."""
    import trafilatura  # noqa: F401 - imported here, so that each child does not

    html = _control_free(html)
    text, page_title, sitename = _bounded("this page", lambda: _page_text(html))
    if not text.strip():
        raise Unreadable("a web page without a posting in it (only navigation?)")
    job_title, company = _job_posting_metadata(html)
    posting = from_text(name, text)
    title = job_title or html_heading(html) or posting.title or _page_title(page_title)
    company = company or posting.company or site_name(html) or sitename
    return Posting(name, posting.text, title, company)


def _page_text(html: str) -> tuple[str, str | None, str | None]:
    """The main text, title and site name of a page (runs in a bounded child)."""
    try:
        import trafilatura

        with time_limit(TIME_LIMIT, "this page"):
            document = trafilatura.bare_extraction(
                html, with_metadata=True, include_comments=False, favor_precision=True
            )
    except (Unreadable, MemoryError, RecursionError):
        raise
    except Exception:
        raise Unreadable("not a readable web page") from None
    title, sitename = getattr(document, "title", None), getattr(document, "sitename", None)
    return (
        getattr(document, "text", None) or "",
        title if isinstance(title, str) else None,
        sitename if isinstance(sitename, str) else None,
    )


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
                    clean(title) if isinstance(title, str) else None,
                    clean(company) if isinstance(company, str) else None,
                )
    return None, None


def _page_title(title: str | None) -> str | None:
    """ "Marketing Manager - Acme | JobBoard" -> "Marketing Manager - Acme"."""
    if not title:
        return None
    return clean(re.split(r"\s+[|–—]\s+", title)[0])
