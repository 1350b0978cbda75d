"""A posting's title and company, from the lines at its top and a page's metadata.

People save postings as they find them. The top usually reads:

    Project Coordinator                       <- the title (or "# Title", "Title: ...")
    Trailhead Home & Garden                   <- the company ...
    Denver, CO · Full-time                    <- ... or a place, a type of contract

or "Company — Place", "Company · Place · Full-time", "Company | Remote", "Title at
Company". A line that is a place ("Austin, TX", "Remote"), a contract type, a date or a
salary is never the company. On a web page, the schema.org JobPosting says both; else
the page's ``<h1>`` is the title, and the top lines of its text or the site's name
(``og:site_name``) the company.
"""

from __future__ import annotations

import re

HEADER_LINES = 4  # the title and up to three lines under it
_COMPANY_LINE = re.compile(
    r"^\W*(?:company|employer|organi[sz]ation|hiring company)\s*:\s*(.+)$", re.I | re.M
)
_TITLE_LINE = re.compile(r"^\W*(?:job title|title|position|role)\s*:\s*(.+)$", re.I | re.M)
_SEPARATORS = re.compile(r"\s+(?:[·•|–—-])\s+|\s*[·•|]\s*")
_NOT_COMPANY = re.compile(
    r"\b(?:remote|hybrid|on-?site|in-office|full[- ]time|part[- ]time|contract(?:or)?|"
    r"temporary|temp|internship|freelance|permanent|posted|apply|salary|per hour|an hour|"
    r"location|job id|req(?:uisition)?\b|ago|today|united states|usa|anywhere)\b|\$|\d{4}-\d\d|"
    r"^[A-Z][\w.' -]+,\s*(?:[A-Z]{2}|[A-Z][a-z]+)\b|"
    r"^(?:we|we're|our|join|are you|looking|about|you|this|the role|hiring|now hiring)\b",
    re.I,
)
_SECTION = re.compile(
    r"^\W*(?:about|requirements|responsibilities|qualifications|what you|duties|overview|"
    r"summary|benefits|the role|skills|job description|description)\b",
    re.I,
)
_CITY_STATE = re.compile(r"^[A-Z][\w.' -]+,\s*[A-Z]{2}\b")
# A company's legal form ends its name: "Contoso GmbH, Berlin" is a company and a city, not
# a place like "Austin, TX".
_LEGAL_FORM = re.compile(
    r"\s(?:GmbH|AG|SE|KG|Inc\.?|LLC|LLP|Ltd\.?|Limited|plc|PLC|Corp\.?|Corporation|"
    r"S\.A\.|SA|S\.p\.A\.|SpA|SAS|SARL|S\.L\.|B\.V\.|BV|N\.V\.|NV|Pty(?: Ltd\.?)?|"
    r"Oy|AB|ApS|A/S|AS)$"
)
_SENTENCE_END = re.compile(r"[.!?:]\s*$")


def text_header(text: str) -> tuple[str | None, str | None]:
    """(title, company) from the top of a plain-text or Markdown posting."""
    head = text[:3000]
    title = company = None
    if match := _TITLE_LINE.search(head):
        title = clean(match[1])
    if match := _COMPANY_LINE.search(head):
        company = clean(match[1])
    lines = [line.strip() for line in head.splitlines() if line.strip()][:HEADER_LINES]
    if title is None and lines:
        heading = re.search(r"^#{1,3}\s+(.+)$", head, re.M)
        if heading and _SECTION.match(heading[1]):  # "## About us" under a plain title line
            heading = None
        candidate = heading[1] if heading else lines[0]
        if not heading and _wrapped_title(lines):  # a PDF's "Brand and Communications\nManager"
            candidate, lines = f"{lines[0]} {lines[1]}", [f"{lines[0]} {lines[1]}", *lines[2:]]
        if candidate and len(candidate) <= 120 and not candidate.endswith((".", ":")):
            title = clean(candidate.lstrip("#").strip())
    if title and company is None:
        at = re.match(r"(.+?)\s+(?:at|@|[|–—])\s+(.+)$", title)
        if at:
            title, company = clean(at[1]), clean(at[2])
    if company is None:
        company = _company_line(lines[1:], title)
    if title and company:  # "Senior Manager, Growth - Bluebird Health": the title is the head
        title = re.sub(rf"\s+[-–—|@]\s+{re.escape(company)}$", "", title) or title
    return title or None, company or None


_ROLE_NOUN = re.compile(
    r"\b(?:manager|specialist|coordinator|analyst|engineer|developer|lead|director|assistant|"
    r"associate|administrator|technician|representative|officer|consultant|designer|"
    r"generalist|recruiter|scientist|architect|intern|supervisor|planner|accountant|"
    r"bookkeeper|clerk|advisor|adviser|strategist|writer|editor|partner|agent|owner|master)$",
    re.I,
)


def _wrapped_title(lines: list[str]) -> bool:
    """Whether the first two lines are one title broken in two: the first does not end
    with a role noun, the second is one or two words that do."""
    if len(lines) < 2 or _ROLE_NOUN.search(lines[0]) or len(lines[0]) > 80:
        return False
    second = lines[1].split()
    return 1 <= len(second) <= 2 and _ROLE_NOUN.search(lines[1]) is not None


def _company_line(lines: list[str], title: str | None) -> str | None:
    """The company from the lines under the title: the first part of the first line that
    is not a place, a contract type, a date, a salary or a sentence."""
    for line in lines:
        bare = clean(line)
        sentence = _SENTENCE_END.search(line) and (len(bare.split()) > 6 or line.endswith(":"))
        if _SECTION.match(bare):
            return None  # the body starts: no company line at the top
        if not bare or sentence or len(bare) > 80 or ":" in bare:
            continue
        if title and bare == title:
            continue
        first = _SEPARATORS.split(bare)[0].strip()
        named, comma, _ = first.partition(",")
        if comma and _LEGAL_FORM.search(named.strip()) and len(named.split()) <= 6:
            return named.strip()
        if len(first.split()) > 6 or _NOT_COMPANY.search(first) or _CITY_STATE.match(first):
            continue
        return first
    return None


def html_heading(html: str) -> str | None:
    """The text of a page's first ``<h1>`` (bounded: a page is read once, up to 1 MiB)."""
    lower = html[: 2**20].lower()
    start = lower.find("<h1")
    if start == -1:
        return None
    open_end = lower.find(">", start)
    close = lower.find("</h1", open_end)
    if open_end == -1 or close == -1 or close - open_end > 500:
        return None
    inner = re.sub(r"<[^>]*>", " ", html[open_end + 1 : close])
    return clean(_unescape(inner)) or None


def site_name(html: str) -> str | None:
    """The site's name from ``<meta property="og:site_name" content="...">``."""
    match = re.search(
        r"<meta\s+[^>]*?property=[\"']og:site_name[\"'][^>]*?content=[\"']([^\"'<>]{1,120})",
        html[: 2**20],
        re.I,
    )
    return clean(_unescape(match[1])) if match else None


def _unescape(text: str) -> str:
    import html as html_module

    return html_module.unescape(text)


# Control characters but tab and newline: none can be written to a Word file (XML 1.0
# forbids them) and, printed, they drive the terminal (a colour, a window title). And
# the bidirectional embeddings, overrides and isolates: a posting's U+202E reached the
# cover letter the person sends, its words shown reversed (QA, 2026-12-06); a profile's
# own are checked where the profile is read.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BREAKS = re.compile(r"[\x0b\x0c\r\x85\u2028\u2029]")  # a page break is a line break


def without_controls(text: str) -> str:
    """`text` with line breaks of every kind as newlines and no other control character."""
    return _CONTROLS.sub("", _BREAKS.sub("\n", text))


def clean(value: str) -> str:
    """A title or a company name: one line, no Markdown marks, no control characters."""
    return re.sub(r"[*_`#]+", "", re.sub(r"\s+", " ", without_controls(value))).strip()[:120]
