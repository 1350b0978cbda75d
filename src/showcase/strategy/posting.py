"""One job posting as showcase reads it (`Posting`), why one could not be read
(`Unreadable`, `Skipped`), and text from bytes (`decode`, `from_text`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from showcase.files import POSTING_KINDS
from showcase.strategy.header import clean as clean
from showcase.strategy.header import text_header, without_controls


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


def from_text(name: str, text: str) -> Posting:
    """A posting from plain text or Markdown, with the title and company of its top lines
    (see `showcase.strategy.header`)."""
    text = without_controls(text).strip("\n")
    title, company = text_header(text)
    return Posting(name, text, title, company)
