"""A posting's title and company, from the lines at its top and a page's metadata.

People save postings as they find them. The top usually reads:

    Project Coordinator                       <- the title (or "# Title", "Title: ...")
    Trailhead Home & Garden                   <- the company ...
    Denver, CO · Full-time                    <- ... or a place, a type of contract

or "Company — Place", "Company · Place · Full-time", "Company | Remote", "Title at
Company". A line that is a place ("Austin, TX", "Remote", a city of 400,000 people or
more: "London"), a contract type ("Work from home"), a date or a salary is never the
company, nor part of the title ("Data Analyst - London" is a "Data Analyst"). On a web
page, the schema.org JobPosting says both; else the page's ``<h1>`` is the title, and
the top lines of its text or the site's name (``og:site_name``) the company.
"""

from __future__ import annotations

import re

from showcase.exporters.location import is_city

HEADER_LINES = 4  # the title and up to three lines under it
# "[^\w\n]*", never "\W*": at each line start that ran over every blank line after it.
_COMPANY_LINE = re.compile(
    r"^[^\w\n]*(?:company|employer|organi[sz]ation|hiring company)\s*:\s*(.+)$", re.I | re.M
)
_TITLE_LINE = re.compile(r"^[^\w\n]*(?:job title|title|position|role)\s*:\s*(.+)$", re.I | re.M)
_SEPARATORS = re.compile(r"\s+(?:[·•|–—-])\s+|\s*[·•|]\s*")
_NOT_COMPANY = re.compile(
    r"\b(?:remote|hybrid|on-?site|in-office|full[- ]time|part[- ]time|contract(?:or)?|"
    r"temporary|temp|internship|freelance|permanent|posted|apply|salary|per hour|an hour|"
    r"work(?:ing)? (?:from|at) home|wfh|"
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
_ABBREVIATED = re.compile(r"\b(?:Inc|Co|Ltd|Corp|L\.L\.C|S\.A|B\.V|N\.V|S\.L|S\.p\.A)\.$")
_LABEL = re.compile(r":(?:\s|$)")  # "Salary: ...", never "first shift starts 5:00 am"


def text_header(text: str) -> tuple[str | None, str | None]:
    """(title, company) from the top of a plain-text or Markdown posting."""
    head = _plain(text[:3000])
    title = company = None
    if match := _TITLE_LINE.search(head):
        title = clean(match[1])
    if match := _COMPANY_LINE.search(head):
        company = clean(match[1])
    # A line of no word ("===" under a title, a rule "---") is no title or company.
    lines = [line.strip() for line in head.splitlines() if _WORDED.search(line)]
    while lines and _PAGE_HEADING.match(lines[0]):  # a job board's "About the job" on top
        lines = lines[1:]
    lines = lines[:HEADER_LINES]
    if title is None and lines:
        heading = re.search(r"^#{1,3}\s+(.+)$", head, re.M)
        if heading and _SECTION.match(heading[1]):  # "## About us" under a plain title line
            heading = None
        candidate = heading[1] if heading else lines[0]
        if company is None and (found := _company_first(candidate, lines)):
            return found
        if not heading and company is None and _company_above(lines, head):
            company, candidate, lines = clean(lines[0]), lines[1], lines[1:]
        elif not heading and _wrapped_title(lines):  # "Brand and Communications\nManager"
            candidate, lines = f"{lines[0]} {lines[1]}", [f"{lines[0]} {lines[1]}", *lines[2:]]
        ends = candidate.endswith((":", "!")) or (
            candidate.endswith(".") and not _ABBREVIATED.search(candidate)
        )
        if candidate and len(candidate) <= 120 and not ends:  # "Staff Accountant - Globex Inc."
            title = clean(candidate.lstrip("#").strip())
    if title and company is None:
        title, company = _title_and_company(title, _company_line(lines[1:], title), head)
    elif title and company:  # "Title: Analyst - Bluebird" and "Employer: Bluebird"
        title = _title_alone(title, company)
    return title or None, company or None


_WORDED = re.compile(r"[^\W_]")
# A careers page's banner: "Careers at Acme Corp", "Join our team at Acme".
_BANNER = re.compile(
    r"^(?:careers?|jobs?|job openings|open (?:roles|positions)|opportunities|"
    r"join (?:us|our team|the team)|work(?:ing)? (?:with us|here))\s+(?:at|@)\s+(.{1,80})$",
    re.I,
)


def _company_first(line: str, lines: list[str]) -> tuple[str | None, str | None] | None:
    """(title, company) when the top line names the company before any title: "Globex
    Inc." alone, "Careers at Acme Corp", "Acme Corp - Data Analyst"; else None."""
    bare = clean(line)
    below = [other for other in lines if clean(other) != bare]
    if banner := _BANNER.match(bare):
        return _under_company(banner[1], below)
    if _only_company(bare):
        return _under_company(bare, below)
    first, *rest = _TITLE_SEPARATOR.split(bare, maxsplit=1)
    if rest and _only_company(first) and _ROLE_IN.search(rest[0]):
        return clean(_without_note(rest[0])), first
    return None


def _only_company(line: str) -> bool:
    """Whether a top line is a company's name and nothing else: it ends with a legal form
    or a word companies are named with ("Acme Corp", "Globex Inc.", "Harbor Health"; see
    `_surely_company`) and names no role, so it is never the title. A name the posting
    only repeats ("Cashier ... As a Cashier") is no company on its own: `_company_above`
    takes it only with a title under it."""
    bare = clean(line)
    return (
        bare[:1].isupper()
        and len(bare.split()) <= 6
        and _surely_company(bare)
        and not _ROLE_IN.search(bare)
        and not _TITLE_SEPARATOR.search(bare)
        and not re.search(r"\s(?:at|@)\s", bare)
    )


def _under_company(company: str, below: list[str]) -> tuple[str | None, str | None]:
    """(title, company) when the top line names the company: the title is the line under
    it when that names a role and is no sentence, place or terms; else there is none."""
    title = clean(below[0]) if below else None
    if (
        title is None
        or len(title) > 120
        or not _ROLE_IN.search(title)
        or (_SENTENCE_END.search(title) and not _ABBREVIATED.search(title))
        or _place_or_terms(title)
    ):
        return None, company
    return title, company


_ROLE_NOUN = re.compile(
    r"\b(?:manager|specialist|coordinator|analyst|engineer|developer|lead|director|assistant|"
    r"associate|administrator|technician|representative|officer|consultant|designer|"
    r"generalist|recruiter|scientist|architect|intern|supervisor|planner|accountant|"
    r"bookkeeper|clerk|advisor|adviser|strategist|writer|editor|partner|agent|owner|master)$",
    re.I,
)


# What a job board puts above a posting's title when the page is copied.
_PAGE_HEADING = re.compile(
    r"^\W*(?:about the (?:job|role|position)|job (?:description|details|posting)|"
    r"position (?:description|details))\W*$",
    re.I,
)


def _company_above(lines: list[str], text: str) -> bool:
    """Whether the top reads company, then title, as a job board's page copied does:
    "Northwind Logistics\nCloud Engineer\nDenver, CO · 2 weeks ago". The first line is
    a company surely (see `_company_name`) and names no role; the second is a title."""
    if len(lines) < 2 or _ROLE_IN.search(lines[0]) or _SENTENCE_END.search(lines[1]):
        return False
    second = lines[1].split()
    return (
        2 <= len(second) <= 8
        and _ROLE_IN.search(lines[1]) is not None
        and _company_name(clean(lines[0]), text)
    )


def _wrapped_title(lines: list[str]) -> bool:
    """Whether the first two lines are one title broken in two: the first does not end
    with a role noun, the second is one or two words that do."""
    if len(lines) < 2 or _ROLE_NOUN.search(lines[0]) or len(lines[0]) > 80:
        return False
    if re.search(r"[.!?]$", lines[0]) and not _ABBREVIATED.search(lines[0]):
        return False  # "Acme Corp is hiring!" over "Data Analyst": a sentence, then a title
    second = lines[1].split()
    return 1 <= len(second) <= 2 and _ROLE_NOUN.search(lines[1]) is not None


def _company_line(lines: list[str], title: str | None) -> str | None:
    """The company from the lines under the title: the first part of the first line that
    is not a place, a contract type, a date, a salary or a sentence."""
    for line in lines:
        bare = clean(line)
        # "At Aspenly we hire for hospitals." is a sentence; "Acme Outdoor Co." a name.
        sentence = _SENTENCE_END.search(bare) and not _ABBREVIATED.search(bare)
        if _SECTION.match(bare) or line.startswith("#"):
            return None  # the body starts ("## Your day"): no company line at the top
        if not bare or sentence or (title and bare == title):
            continue
        # Its first part: "**Prairie Kidney Care** · Wichita, KS · Full-time · first shift
        # starts 5:00 am" is the company, the line's length and the time's colon aside.
        first = re.sub(r"^at\s+", "", _SEPARATORS.split(bare)[0].strip())  # "at Acme Corp"
        terms_at = re.match(r"(.+?)\s+(?:at|@)\s+(.+)$", first)  # "Work from home at Acme"
        if terms_at and _place_or_terms(terms_at[1]) and not _place_or_terms(terms_at[2]):
            first = terms_at[2]
        if len(first) > 80 or _LABEL.search(first):
            continue
        named, comma, _ = first.partition(",")
        if comma and _LEGAL_FORM.search(named.strip()) and len(named.split()) <= 6:
            return named.strip()
        if len(first.split()) > 6 or _place_or_terms(first):  # "London · Full-time"
            continue
        return first
    return None


def _title_and_company(line: str, below: str | None, head: str) -> tuple[str, str | None]:
    """The title line read with the company line under it (None: there is none).

    "Buyer at Corner Shop" names its company, whatever the lines under it say. "Cloud
    Engineer - Northwind Logistics (Remote, US)" does too, when nothing under it is a
    company and the last part could only be one: "Registered Nurse – ICU" and "Senior
    Manager – Digital Marketing" are titles (a unit, a field), and a letter that said
    "at ICU" would be worse than one that says "your company" and warns. So a part
    after a dash or a bar is the company only when it carries a legal form or a word
    companies are named with ("Logistics", "Health", "Labs"), or the posting names it
    again below its top line; a place or terms after the title ("| Remote",
    "(Contract)", "- London") leave it."""
    at = re.match(r"(.+?)\s+(?:at|@)\s+(.+)$", line)
    if at and not _place_or_terms(company := _without_note(at[2])):
        title = _title_alone(_without_note(at[1]), company)  # "... - Work From Home"
        if _place_or_terms(title) and not _ROLE_IN.search(title):
            title = ""  # "Work from home at Acme Corp": no title
        return clean(title), clean(company)
    title = _without_note(line)
    while (parts := list(_TITLE_SEPARATOR.finditer(title))) and len(title) > parts[-1].end():
        last = parts[-1]
        head_part, tail = title[: last.start()].strip(), _without_note(title[last.end() :])
        if _place_or_terms(tail):  # "Data Analyst | Remote", "Nurse - Full-time"
            title = head_part
            continue
        if below is not None:
            if tail.casefold() == below.casefold():  # the company again
                title = head_part
            break
        if _company_name(tail, head) and _ROLE_IN.search(head_part):
            return clean(head_part), clean(tail)
        break
    return clean(title), below


def _title_alone(title: str, company: str) -> str:
    """The title without the company it repeats and a place or terms after it."""
    return _title_and_company(title, company, "")[0]


_TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+|\s+[·•]\s+")
# A note in brackets at the end that is a place or terms: "(Remote, US)", "(Contract)".
_NOTE = re.compile(r"\s*\(([^()]{1,60})\)\s*$")


def _without_note(part: str) -> str:
    part = part.strip()
    note = _NOTE.search(part)
    if note and _place_or_terms(note[1]):
        return part[: note.start()].strip()
    return part


def _place_or_terms(part: str) -> bool:
    """A place ("Austin, TX", a big city: "London"), a contract type, a date or a salary
    (never a company, nor part of a title)."""
    part = clean(part)
    return bool(_NOT_COMPANY.search(part) or _CITY_STATE.match(part) or is_city(part))


_ROLE_IN = re.compile(_ROLE_NOUN.pattern.removesuffix("$") + r"\b|\b(?:nurse|RN|LPN)\b", re.I)
# Words a company is named with, and no unit, field or place is.
_COMPANY_WORD = re.compile(
    r"\b(?:co|company|corp|group|holdings|partners|associates|labs?|laboratories|systems|"
    r"solutions|technologies|technology|software|services|consulting|logistics|health|"
    r"healthcare|hospitals?|clinics?|medical center|university|college|foundation|bank|"
    r"credit union|district|insurance|financial|capital|media|studios?|agency|retail|foods|brands|"
    r"industries|manufacturing|energy|networks|pharma(?:ceuticals)?|therapeutics|"
    r"outfitters|goods|stores|markets|bakery|roasters|builders|construction)\b\.?$",
    re.I,
)


def _surely_company(part: str) -> bool:
    """A legal form ("Globex Inc.") or a word companies are named with ("Northwind
    Logistics") ends it: a company's name by itself, wherever it stands."""
    return _LEGAL_FORM.search(" " + part) is not None or _COMPANY_WORD.search(part) is not None


def _company_name(part: str, text: str) -> bool:
    """Whether `part`, after a dash in the title line, is surely a company's name."""
    words = part.split()
    if not 1 <= len(words) <= 6 or not part[:1].isupper() or _ROLE_IN.search(part):
        return False
    if _surely_company(part):
        return True
    rest = text.split("\n", 1)[1] if "\n" in text else ""
    return re.search(rf"(?<!\w){re.escape(part)}(?!\w)", rest) is not None


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


# What a posting saved as text may carry around its words: HTML (a script's or a style's
# content with it), a Markdown link's address, and marks that show nothing (right-to-left,
# left-to-right, zero width, a byte order mark, a word joiner).
_SCRIPT = re.compile(r"<(script|style)\b[^>]{0,300}>.{0,3000}?</\1\s*>", re.I | re.S)
_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,300}>")
_MD_LINK = re.compile(r"!?\[([^\[\]\n]{0,300})\]\([^()\s]{0,2000}(?:\s+\"[^\"\n]{0,300}\")?\)")
_INVISIBLE = re.compile("[\u200b\u200e\u200f\u061c\u2060\ufeff]")


def _plain(text: str) -> str:
    """`text` without HTML tags, Markdown links' addresses and invisible marks."""
    text = _SCRIPT.sub(" ", text)
    return _INVISIBLE.sub("", _MD_LINK.sub(r"\1", _TAG.sub(" ", text)))


def clean(value: str) -> str:
    """A title or a company name: one line, no Markdown marks, HTML or control characters."""
    plain = _plain(without_controls(value))
    return re.sub(r"[*_`#]+", "", re.sub(r"\s+", " ", plain)).strip()[:120]
