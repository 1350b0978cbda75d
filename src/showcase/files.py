"""What each artifact writes: its formats, paper sizes and file names, in one place.

The CLI's options, the artifact modules, `showcase build`'s index page and
Python callers all take names from here. Standard library only, so the CLI can
import it without loading pydantic before its helper process forks.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

PAPERS = ("letter", "a4")
AUTO_PAPER = "auto"  # Letter in the US, Canada, Mexico ..., A4 elsewhere (see `paper_for`)
# What a job posting may be (`gaps`, `--for`, `apply`): said once, here, for every message.
POSTING_FORMATS = (".txt", ".md", ".docx", ".pdf", ".html")
POSTING_KINDS = ", ".join(POSTING_FORMATS)  # ".txt, .md, .docx, .pdf, .html"

RESUME_FORMATS = ("pdf", "docx", "html", "md", "txt")
INTERVIEW_FORMATS = ("md", "pdf", "docx")
FORMAT_LABELS = {
    "pdf": "PDF",
    "docx": "Word (DOCX)",
    "html": "Web page",
    "md": "Markdown",
    "txt": "Plain text",
}

LINKEDIN_CERTIFICATIONS = "linkedin/certifications.md"
LINKEDIN_HEADLINE = "linkedin/headline.txt"
LINKEDIN_PLAN = "linkedin/plan.md"
LINKEDIN_ABOUT = "linkedin/about.txt"
LETTER_FORMATS = ("pdf", "docx", "md", "txt")
SIGNATURE_HTML = "signature/signature.html"
SIGNATURE_TEXT = "signature/signature.txt"
SIGNATURE_PREVIEW = "signature/preview.html"
INDEX = "index.html"
GAPS_HTML = "gaps/report.html"
GAPS_MD = "gaps/report.md"
RENEWALS_ICS = "renewals/renewals.ics"
RENEWALS_MD = "renewals/renewals.md"

# Most file systems allow 255 bytes in a name; the stem leaves room for the longest
# suffix showcase adds ("-Interview-Prep.docx") and for a temporary file's prefix and
# suffix while it is written.
STEM_BYTES = 150
SLUG_LIMIT = 100  # characters of an id or slug used in a file name


def file_stem(name: str) -> str:
    """``Jordan Rivera`` -> ``Jordan-Rivera``; keeps letters of any script, drops the rest.

    A stem longer than `STEM_BYTES` in UTF-8 (a 100-character CJK name is 300
    bytes) is cut at a character boundary and given a short hash of the whole
    name, so that it stays stable and two long names stay apart.
    """
    cleaned = "".join(ch if ch.isalnum() else " " for ch in name)
    stem = "-".join(cleaned.split()) or "Profile"
    if len(stem.encode("utf-8")) <= STEM_BYTES:
        return stem
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
    room = STEM_BYTES - len(digest) - 1
    cut = stem.encode("utf-8")[:room].decode("utf-8", errors="ignore").rstrip("-")
    return f"{cut}-{digest}"


def file_slug(slug: str, limit: int = SLUG_LIMIT) -> str:
    """An ASCII id or slug short enough for a file name, stable and distinct when cut."""
    if len(slug) <= limit:
        return slug
    digest = hashlib.sha256(slug.encode("utf-8")).hexdigest()[:8]
    return f"{slug[: limit - 9].rstrip('-._')}-{digest}"


def resume_files(name: str, formats: Iterable[str] = RESUME_FORMATS) -> dict[str, str]:
    """Format -> file name: ``{"pdf": "Jordan-Rivera-Resume.pdf", ...}``."""
    stem = file_stem(name)
    return {fmt: f"{stem}-Resume.{fmt}" for fmt in formats}


def interview_files(name: str, formats: Iterable[str] = INTERVIEW_FORMATS) -> dict[str, str]:
    """Format -> file name: ``{"md": "interview/Jordan-Rivera-Interview-Prep.md", ...}``."""
    stem = file_stem(name)
    return {fmt: f"interview/{stem}-Interview-Prep.{fmt}" for fmt in formats}


def letter_files(name: str, formats: Iterable[str] = LETTER_FORMATS) -> dict[str, str]:
    """Format -> file name: ``{"pdf": "Jordan-Rivera-Cover-Letter.pdf", ...}``."""
    stem = file_stem(name)
    return {fmt: f"{stem}-Cover-Letter.{fmt}" for fmt in formats}


def match_files(stem: str) -> dict[str, str]:
    """The match report of `--for POSTING` (``stem``: the posting's file name)."""
    return {fmt: f"match/{stem}.{fmt}" for fmt in ("md", "json")}


def post_file(slug: str) -> str:
    """``linkedin/posts/google-ads-search-short.txt``."""
    return f"linkedin/posts/{slug}.txt"
