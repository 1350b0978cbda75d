"""`--for POSTING`: aim the artifacts at one job, honestly.

Tailoring is a view option (docs/design.md, "The strategy layer"): it orders and
selects what the profile already shows, by what it shares with the posting. It
never adds a skill, tool or certification, and never copies the posting's words.
The match report then says how much of what the posting asks for the resume
shows, measured on the text an applicant tracking system extracts from it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from showcase.errors import ShowcaseError
from showcase.strategy.matcher import Matcher, matcher
from showcase.strategy.postings import Posting, read_postings
from showcase.strategy.vocabulary import Term


class PostingError(ShowcaseError):
    """A --for posting that cannot be used."""


@dataclass(frozen=True)
class Tailoring:
    """One posting, and the vocabulary's terms it asks for."""

    posting: Posting
    terms: frozenset[Term]

    @property
    def stem(self) -> str:
        """The posting's file name without its extension: names the match files and the
        ``for-<stem>/`` folder.

        Distinct names give distinct stems: when cleaning the name for a file name
        changed it (``---``, ``☃☃``, ``a.b`` and ``a-b``), a short hash of the name
        itself follows, so one posting's kit never replaces another's."""
        import hashlib

        from showcase.files import file_stem

        name = Path(self.posting.source).stem
        stem = file_stem(name)
        if stem == name:
            return stem
        digest = hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:8]
        if stem.endswith(f"-{digest}"):
            return stem  # a long name, already cut and hashed by file_stem
        if not any(char.isalnum() for char in name):
            stem = "posting"  # file_stem's fallback, "Profile", would mislead here
        return f"{stem}-{digest}"

    @cached_property
    def _match(self) -> Matcher:
        return matcher()

    def shared(self, texts: Iterable[str]) -> frozenset[Term]:
        """The posting's terms that `texts` (a credential's name and skills ...) show."""
        found: set[Term] = set()
        for text in texts:
            term = self._match.vocab.find(text)
            hits = {term} if term is not None else set(self._match.terms(text, context=False))
            found |= hits & self.terms
        return frozenset(found)

    def relevance(self, texts: Iterable[str]) -> int:
        return len(self.shared(texts))

    def names_role(self, role: str | None) -> bool:
        """Whether a stack's target role is the posting's job title (either contains the other)."""
        title = (self.posting.title or "").casefold()
        wanted = (role or "").casefold().strip()
        return bool(title and wanted) and (wanted in title or title in wanted)


def read_for(path: Path, *, named: str = "--for") -> Tailoring:
    """Read the one posting of `--for` (or of what `named` calls it in the command's
    messages: `apply`'s POSTING); a folder, an empty or unreadable file is an error."""
    if str(path) != "-" and path.is_dir():
        raise PostingError(
            f"{named} {path}: a folder; give one posting (to compare many, use `showcase gaps`)"
        )
    stdin = None
    if str(path) == "-":
        import sys

        stdin = sys.stdin.buffer if sys.stdin is not None and not sys.stdin.isatty() else None
    found = read_postings([path], stdin)
    if found.skipped or not found.read:
        reason = found.skipped[0].reason if found.skipped else "nothing could be read"
        raise PostingError(f"{named} {path}: {reason}")
    if len(found.read) > 1:
        raise PostingError(
            f"{named} -: {len(found.read)} postings separated by `---`; give one posting "
            "(to compare many, use `showcase gaps`)"
        )
    posting = found.read[0]
    from showcase.strategy.requirements import asked_terms

    return Tailoring(posting, asked_terms(posting))


def kept_stdin(tailor: Tailoring) -> Path:
    """The posting `read_for("-")` read from standard input, in a file of its own,
    `stdin.txt`, for the rest of the run: a build reads its posting once per profile,
    and its name makes the same `for-stdin/` folder."""
    import atexit
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="showcase-posting-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    path = folder / "stdin.txt"
    path.write_text(tailor.posting.text, encoding="utf-8")
    return path
