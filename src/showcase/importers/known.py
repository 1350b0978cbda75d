"""Whether an imported credential is one the profile already holds: the rule, in one place.

`showcase import --into` and `--skip-known` ask it; `tests/importers/test_known.py`
measures it on labelled pairs. Two records are the same credential when:

1. **the same credential ID**, and the issuers and the names agree (as for a URL, below):
   IDs compared without case, spaces, dashes, dots or underscores ("137-442-019" is
   "137442019"). An ID alone is not enough: two issuers may both number a certificate
   "1001", and one issuer may give a person one ID for every exam (CompTIA's candidate
   ID on both "Security+" and "Network+");
2. **the same verification URL**, and the same name, or names that agree in their own
   words (one name's words, less the issuer's and generic ones such as "certificate", are
   all in the other's, and they name no two levels: "Associate" and "Professional") with
   the same issue month: scheme, ``www.``, the host's case, a default port, a trailing
   slash and the fragment do not count. The names must agree because a URL is sometimes
   the learner's public page (one Credly profile for every badge), not the credential's;
   a URL with no path (a home page) never identifies a credential;
3. **the same issuer, the same name and the same issue month** when both have one (the
   year when one of them gives only the year). Issuers agree as the catalog's
   `same_issuer` says ("HubSpot Academy" and "HubSpot", "Google (via Coursera)" and
   "Google": the words in brackets and a name's first words), after punctuation and a
   company suffix (Inc., LLC) are dropped; one's issuer may also be the other's
   platform (LinkedIn lists a Coursera certificate under "Coursera"). Names are the
   same when they are equal without case, spaces, punctuation or a trademark sign, or
   when both are the same entry of the catalog ("PMP" and "Project Management
   Professional (PMP)").

The same issuer and name with **another issue month** is not the same credential: it is
another issue of it (a renewal, or a retake), which `Match.another_issue` reports so the
user can decide (change the dates of the entry they have, or keep both); it is never added
or changed silently. A match by ID or URL whose dates differ says so too (`Match.dates`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from showcase.importers.result import PLACEHOLDER
from showcase.profile.models import Credential
from showcase.profile.types import PartialDate

_PUNCTUATION = re.compile(r"[^\w\s]+|_")
_BRACKETS = re.compile(r"[^\w\s()/]+|_")  # an issuer keeps its "(SHRM)" for `same_issuer`
_SUFFIX = re.compile(r"\s+(?:inc|llc|ltd|limited|gmbh|corp|corporation|co|plc|sa|ag)$")
_ID_NOISE = re.compile(r"[\s\-_.]+")
_WORD = re.compile(r"[^\W_]+")
# Words that name the kind of credential or its edition, not which one it is.
# fmt: off
_GENERIC = frozenset({
    "a", "an", "and", "the", "of", "for", "in", "on", "to", "certificate", "certification",
    "certified", "credential", "badge", "course", "program", "programme", "professional",
    "specialization", "edition",
})
# fmt: on
_MARKS = str.maketrans("", "", "®™©℠")


@dataclass(frozen=True)
class Record:
    """What the rule compares of a credential: from the profile or from an importer."""

    name: str
    issuer: str
    issued: PartialDate | None = None  # None: not known (a TODO)
    platform: str | None = None
    credential_id: str | None = None
    url: str | None = None

    @classmethod
    def of_credential(cls, credential: Credential) -> Record:
        return cls(
            credential.name,
            credential.issuer,
            credential.issued,
            credential.platform,
            credential.credential_id,
            str(credential.url) if credential.url else None,
        )

    @classmethod
    def of_entry(cls, entry: Mapping[str, Any]) -> Record:
        """An importer's entry (`suggest.suggestions`): text fields, TODO where unknown."""

        def text(field: str) -> str | None:
            value = entry.get(field)
            return value if isinstance(value, str) and value not in ("", PLACEHOLDER) else None

        issued = None
        if (raw := text("issued")) is not None:
            try:
                issued = PartialDate.parse(raw)
            except ValueError:
                issued = None
        return cls(
            text("name") or "",
            text("issuer") or "",
            issued,
            text("platform"),
            text("credential_id"),
            text("url"),
        )


@dataclass(frozen=True)
class Match:
    """How an imported credential relates to one the profile holds."""

    why: str  # "the same verification URL" ...
    another_issue: bool = False  # same issuer and name, another issue month: not the same
    dates: str = ""  # the dates differ: "issued 2026-01 here, 2025-01 in the profile"

    @property
    def same(self) -> bool:
        return not self.another_issue


def _plain(text: str, punctuation: re.Pattern[str] = _PUNCTUATION) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_MARKS).casefold()
    return " ".join(punctuation.sub(" ", text).split())


def _issuer(text: str) -> str:
    return _SUFFIX.sub("", _plain(text, _BRACKETS))


@functools.lru_cache(maxsize=4096)
def _same_body(a: str, b: str) -> bool:
    from showcase.strategy.catalog import same_issuer

    return same_issuer(_issuer(a), _issuer(b))


def issuers_agree(a: Record, b: Record) -> bool:
    """The issuers are one body; or one's issuer is the other's platform."""
    pairs = [(a.issuer, b.issuer), (a.issuer, b.platform), (a.platform, b.issuer)]
    return any(x and y and _same_body(x, y) for x, y in pairs)


@dataclass(frozen=True)
class _Named:
    """What the catalog's `match` reads of a credential."""

    id: str
    name: str
    issuer: str
    post_nominal: str | None = None


@functools.lru_cache(maxsize=4096)
def _catalog_entry(name: str, issuer: str) -> str | None:
    from showcase.strategy.catalog import match

    entry = match(_Named("", name, issuer))
    return entry.id if entry is not None else None


def same_name(a: Record, b: Record) -> bool:
    """Equal without case, spaces, punctuation or a trademark sign; or one catalog entry."""
    if not a.name or not b.name:
        return False
    if "".join(_plain(a.name).split()) == "".join(_plain(b.name).split()):
        return True
    entry = _catalog_entry(a.name, a.issuer)
    return entry is not None and entry == _catalog_entry(b.name, b.issuer)


def _words(record: Record) -> frozenset[str]:
    """The name's own words: less the issuer's, generic ones and years."""
    issuer = set(_WORD.findall(_plain(record.issuer)))
    words = _WORD.findall(_plain(record.name))
    return frozenset(
        w for w in words if w not in issuer and w not in _GENERIC and not re.fullmatch(r"\d{4}", w)
    )


# A credential's level: two names that each say one, and not the same, are two credentials
# ("Solutions Architect – Associate" and "– Professional"), however their other words nest.
_LEVELS = frozenset({
    "associate", "professional", "expert", "specialty", "foundation", "foundational",
    "practitioner", "fundamentals", "advanced", "intermediate", "beginner", "i", "ii", "iii",
    "iv",
})  # fmt: skip


def _levels(record: Record) -> frozenset[str]:
    return frozenset(_WORD.findall(_plain(record.name))) & _LEVELS


def names_agree(a: Record, b: Record) -> bool:
    """One name's own words are all in the other's (a renamed or longer title), and they
    name no two levels."""
    wa, wb = _words(a), _words(b)
    la, lb = _levels(a), _levels(b)
    if la and lb and la != lb:
        return False
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _credential_id(text: str | None) -> str:
    return _ID_NOISE.sub("", text.casefold()) if text else ""


def _url(text: str | None) -> str:
    """The URL as identity: no scheme, ``www.``, default port, trailing slash or fragment."""
    if not text:
        return ""
    try:
        parts = urlsplit(text.strip())
        host = (parts.hostname or "").removeprefix("www.")
        port = parts.port
    except ValueError:
        return ""
    path = parts.path.rstrip("/")
    if not host or not path:
        return ""  # a home page names no credential
    where = host if port in (None, 80, 443) else f"{host}:{port}"
    return where + path + (f"?{parts.query}" if parts.query else "")


def _months(date: PartialDate | None) -> str:
    return date.iso()[:7] if date is not None else "?"


def _same_issue(a: PartialDate | None, b: PartialDate | None) -> bool:
    if a is None or b is None:
        return True
    if a.month is None or b.month is None:
        return a.year == b.year
    return (a.year, a.month) == (b.year, b.month)


def _dates(imported: Record, held: Record) -> str:
    if _same_issue(imported.issued, held.issued):
        return ""
    return f"issued {_months(imported.issued)} in the import, {_months(held.issued)} in the profile"


def compare(imported: Record, held: Record) -> Match | None:
    """How `imported` relates to `held`: the same credential, another issue of it, or
    nothing (None)."""
    agree = issuers_agree(imported, held)
    ident = _credential_id(imported.credential_id)
    named = same_name(imported, held)
    if (
        ident
        and agree
        and ident == _credential_id(held.credential_id)
        and (named or names_agree(imported, held))  # one candidate ID for every exam
    ):
        return Match("the same credential ID", dates=_dates(imported, held))
    url = _url(imported.url)
    if (
        url
        and url == _url(held.url)
        and (named or (names_agree(imported, held) and _same_issue(imported.issued, held.issued)))
    ):
        return Match("the same verification URL", dates=_dates(imported, held))
    if agree and named:
        if imported.issued is None or held.issued is None:
            return Match("the same issuer and name (one has no issue date)")
        if _same_issue(imported.issued, held.issued):
            return Match("the same issuer, name and issue month")
        return Match("the same issuer and name", another_issue=True, dates=_dates(imported, held))
    return None


class Known:
    """The credentials held so far (the profile's, then each one added). `find` compares an
    imported one only with those that share its credential ID, URL, name or catalog entry:
    every rule needs one of them, so an import costs time in proportion to its size."""

    def __init__(self, records: Iterable[Record] = ()) -> None:
        self.records: list[Record] = []
        self._by_key: dict[str, list[int]] = {}
        for record in records:
            self.add(record)

    def add(self, record: Record) -> int:
        index = len(self.records)
        self.records.append(record)
        for key in _keys(record):
            self._by_key.setdefault(key, []).append(index)
        return index

    def find(self, imported: Record) -> tuple[int, Match] | None:
        """The first held credential `imported` is (its index and how), else the first it
        is another issue of, else None."""
        other: tuple[int, Match] | None = None
        candidates = {i for key in _keys(imported) for i in self._by_key.get(key, ())}
        for index in sorted(candidates):
            found = compare(imported, self.records[index])
            if found is None:
                continue
            if found.same:
                return index, found
            other = other or (index, found)
        return other


def _keys(record: Record) -> set[str]:
    """What `compare` needs two records to share: an ID, a URL, a name or a catalog entry."""
    keys = set()
    if ident := _credential_id(record.credential_id):
        keys.add(f"id:{ident}")
    if url := _url(record.url):
        keys.add(f"url:{url}")
    if record.name:
        keys.add(f"name:{''.join(_plain(record.name).split())}")
        if (entry := _catalog_entry(record.name, record.issuer)) is not None:
            keys.add(f"entry:{entry}")
    return keys
