"""The bundled catalog of well-known credentials, and a small API over it.

``data/catalog.yaml`` records, for each credential, its issuer, platform, kind,
how it is assessed and the vocabulary terms it evidences (editorial), and under
``facts`` what a learner weighs: official page, status (active, renamed,
retired), level, exam code, prerequisites, renewal rule, cost, hours, letters
after the name. Every fact is a mapping holding its value, the issuer's page it
was read on (``source``) and the day it was read (``checked``): facts come from
different pages checked on different days, and keeping value and provenance in
one mapping means neither can be edited without the other being in sight.
Sources are https pages on the hosts the catalog allows for that issuer
(``issuer_domains``); a fact with no such page stays out.

`gaps` suggests from it (active credentials only); `renewals`, `review` and the
importers match a profile's credentials to it with `match` and read `successor` and
`issuer_recognised` (and a renewal rule: `catalog_renewal.renewal_rule`); `showcase
catalog` browses it.

An entry is a `catalog_entry.Entry`; its facts are the types of `catalog_facts`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from functools import cached_property, lru_cache
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from showcase.profile.models import Assessment
from showcase.strategy._data import collector_paused, explain, read_data
from showcase.strategy.catalog_entry import Entry as Entry
from showcase.strategy.catalog_facts import FACT_NAMES as FACT_NAMES
from showcase.strategy.catalog_facts import CheckedDate as CheckedDate
from showcase.strategy.catalog_facts import CostFact as CostFact
from showcase.strategy.catalog_facts import Fact as Fact
from showcase.strategy.catalog_facts import Facts as Facts
from showcase.strategy.catalog_facts import FeeFact as FeeFact
from showcase.strategy.catalog_facts import HoursFact as HoursFact
from showcase.strategy.catalog_facts import HttpsUrl as HttpsUrl
from showcase.strategy.catalog_facts import Level as Level
from showcase.strategy.catalog_facts import LevelFact as LevelFact
from showcase.strategy.catalog_facts import Lifecycle as Lifecycle
from showcase.strategy.catalog_facts import ListFact as ListFact
from showcase.strategy.catalog_facts import Money as Money
from showcase.strategy.catalog_facts import RenewalFact as RenewalFact
from showcase.strategy.catalog_facts import RenewalHow as RenewalHow
from showcase.strategy.catalog_facts import StatusFact as StatusFact
from showcase.strategy.catalog_facts import TextFact as TextFact
from showcase.strategy.catalog_facts import UrlFact as UrlFact
from showcase.strategy.catalog_facts import checked_day as checked_day
from showcase.strategy.catalog_facts import host as host
from showcase.strategy.vocabulary import TermKind, normalize, vocabulary

# An exam code as issuers print them: AZ-900, SOA-C03, 220-1201, PL-300.
_EXAM_CODE = re.compile(r"\b(?:[A-Z]{2,4}-[A-Z]?\d{2,4}[A-Z]?|\d{3}-\d{3,4})\b")
_PARENTHESES = re.compile(r"\(([^)]*)\)")


class Catalog(BaseModel):
    """The catalog file: recognised issuers, the hosts each issuer publishes on, the credentials."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int = Field(ge=2)
    recognised_issuers: list[str] = Field(
        description="Issuers employers know by name; their credentials are suggested first."
    )
    issuer_domains: dict[str, list[str]] = Field(
        description="Per issuer, the hosts of its own pages: the only allowed sources."
    )
    credentials: list[Entry]

    @model_validator(mode="after")
    def _references(self) -> Catalog:
        ids = {e.id for e in self.credentials}
        for entry in self.credentials:
            if entry.replaced_by is not None and entry.replaced_by not in ids:
                raise ValueError(f"{entry.id}: replaced_by {entry.replaced_by!r} is not an id")
        return self

    @cached_property
    def _index(self) -> dict[str, Entry]:
        index: dict[str, Entry] = {}
        for entry in self.credentials:
            keys = [entry.id, entry.name, entry.short_name, *entry.aliases]
            for key in keys:
                index.setdefault(normalize(key), entry)
        for entry in self.credentials:  # exam codes last: a name always wins
            if entry.exam_code:
                index.setdefault(normalize(entry.exam_code), entry)
        return index

    @cached_property
    def _by_code(self) -> dict[str, list[Entry]]:
        """Exam codes: the sourced `exam_code`, or the code in the name's "(AZ-104)"."""
        index: dict[str, list[Entry]] = {}
        for entry in self.credentials:
            codes = [entry.exam_code] if entry.exam_code else []
            codes += [c for c in _PARENTHESES.findall(entry.name) if _EXAM_CODE.fullmatch(c)]
            for code in codes:
                index.setdefault(normalize(code), []).append(entry)
        return index

    @cached_property
    def _by_id(self) -> dict[str, Entry]:
        return {e.id: e for e in self.credentials}

    @cached_property
    def _term_keys(self) -> dict[str, frozenset[str]]:
        return {e.id: frozenset(normalize(t) for t in e.terms) for e in self.credentials}

    @cached_property
    def _by_term(self) -> dict[str, list[Entry]]:
        index: dict[str, list[Entry]] = {}
        for entry in self.credentials:
            for key in self._term_keys[entry.id]:
                index.setdefault(key, []).append(entry)
        return index

    @cached_property
    def by_letters(self) -> dict[str, list[Entry]]:
        """Letters (after a name, or in it) -> the entries with them, in order."""
        index: dict[str, list[Entry]] = {}
        for entry in self.credentials:
            for key in _letters(entry):
                index.setdefault(key, []).append(entry)
        return index

    @cached_property
    def _recognised(self) -> frozenset[str]:
        return frozenset(normalize(issuer) for issuer in self.recognised_issuers)

    def get(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    def find(self, name_or_id: str) -> Entry | None:
        """The entry with this id, name, earlier name or exam code (any case; with or
        without its "(PMP)")."""
        key = normalize(name_or_id)
        found = self._index.get(key) or self._index.get(
            normalize(re.sub(r"\s*\([^)]*\)\s*", " ", name_or_id))
        )
        if found is None:  # "Microsoft Certified: Azure Fundamentals (AZ-900)": the code
            plain = name_or_id.strip()
            codes = [plain.upper()] if _EXAM_CODE.fullmatch(plain.upper()) else []
            for code in codes + _EXAM_CODE.findall(name_or_id):
                for entry in self._by_code.get(normalize(code), ()):
                    return entry
        return found

    def allowed_hosts(self, issuer: str) -> frozenset[str]:
        return frozenset(h.lower() for h in self.issuer_domains.get(issuer, ()))

    def is_issuer_page(self, issuer: str, url: str) -> bool:
        """Whether `url` is an https page on one of `issuer`'s own hosts."""
        return url.startswith("https://") and host(url) in self.allowed_hosts(issuer)

    def successor(self, entry: Entry) -> Entry | None:
        """The entry a renamed credential became (following renames to the current one)."""
        seen = {entry.id}
        current = entry
        while current.replaced_by is not None and current.replaced_by not in seen:
            nxt = self._by_id.get(current.replaced_by)
            if nxt is None:
                break
            seen.add(nxt.id)
            current = nxt
        return current if current is not entry else None

    def is_recognised(self, entry: Entry) -> bool:
        return normalize(entry.issuer) in self._recognised

    def for_terms(
        self, terms: Iterable[str], exclude: Iterable[str] = (), today: dt.date | None = None
    ) -> list[Entry]:
        """Entries one can still earn evidencing any of `terms`, best first, leaving out
        the ids in `exclude` (and what they were renamed to).

        Never a retired or renamed credential (a credential retiring after `today` is
        still offered). Best: the credential a posting names (a gap "PMP" is met by the
        PMP itself), then exam- or project-assessed before graded before completion-only,
        then recognised issuers, then the one that covers more of `terms`.
        """
        wanted = {normalize(t) for t in terms}
        skip = set(exclude)
        for entry_id in list(skip):
            held_entry = self._by_id.get(entry_id)
            later = self.successor(held_entry) if held_entry else None
            if later is not None:
                skip.add(later.id)
        by_term = self._by_term
        candidates = {
            e.id: e
            for key in wanted
            for e in by_term.get(key, ())
            if e.id not in skip and e.offered(today)
        }
        scored = []
        for entry in candidates.values():
            keys = self._term_keys[entry.id] & wanted
            is_named = any(_is_credential_term(key) for key in keys)
            key = (
                not is_named,
                ASSESSMENT_RANK[entry.assessment],
                not self.is_recognised(entry),
                -len(keys),
                entry.name.casefold(),
            )
            scored.append((key, entry))
        return [entry for _, entry in sorted(scored, key=lambda pair: pair[0])]


# Stronger evidence first: an exam or a graded project, then graded quizzes, then completion.
ASSESSMENT_RANK: dict[Assessment | None, int] = {
    Assessment.EXAM: 0,
    Assessment.PROJECT: 0,
    Assessment.GRADED: 1,
    Assessment.NONE: 2,
    None: 3,
}


def _is_credential_term(name: str) -> bool:
    term = vocabulary().find(name)
    return term is not None and term.kind == TermKind.CERTIFICATION


def load_catalog(data: Any, name: str = "catalog.yaml") -> Catalog:
    try:
        return Catalog.model_validate(data)
    except ValidationError as exc:
        raise explain(name, exc, data) from None


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    """The bundled catalog, loaded and checked once per process."""
    with collector_paused():
        return load_catalog(read_data("catalog"))


def find(name_or_id: str) -> Entry | None:
    """The catalog entry with this id, name, earlier name or exam code, or None."""
    return catalog().find(name_or_id)


def for_terms(
    terms: Iterable[str], exclude: Iterable[str] = (), today: dt.date | None = None
) -> list[Entry]:
    """Catalog entries evidencing any of `terms`, best first (see `Catalog.for_terms`)."""
    return catalog().for_terms(terms, exclude, today)


def successor(entry: Entry) -> Entry | None:
    """What a renamed credential is called now (its entry), or None."""
    return catalog().successor(entry)


class CredentialLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...


class ProfileCredential(CredentialLike, Protocol):
    @property
    def issuer(self) -> str: ...
    @property
    def post_nominal(self) -> str | None: ...


def _issuer_names(issuer: str) -> set[str]:
    """The ways an issuer is written: whole, without its "(SHRM)", and that acronym alone."""
    names = {normalize(issuer), normalize(_PARENTHESES.sub(" ", issuer))}
    for inside in _PARENTHESES.findall(issuer):
        names.update(normalize(part) for part in inside.split("/") if part.strip())
    return {name for name in names if name}


def same_issuer(a: str, b: str) -> bool:
    """Whether two issuer names mean the same body: "Society for Human Resource Management"
    and "... (SHRM)" or "SHRM"; "HubSpot Academy" and "HubSpot" (a name and its first words)."""
    names_a, names_b = _issuer_names(a), _issuer_names(b)
    if names_a & names_b:
        return True
    return any(x.startswith(y + " ") or y.startswith(x + " ") for x in names_a for y in names_b)


def issuer_recognised(issuer: str) -> bool:
    """Whether employers know `issuer` by name: one of the catalog's recognised issuers."""
    return any(same_issuer(issuer, known) for known in catalog().recognised_issuers)


def _letters(entry: Entry) -> set[str]:
    found = {normalize(entry.post_nominal)} if entry.post_nominal else set()
    found.update(normalize(inside) for inside in _PARENTHESES.findall(entry.name))
    return found


def match(credential: ProfileCredential) -> Entry | None:
    """The catalog entry a profile's credential is, or None.

    By name, short name, earlier name or exam code, then by the issuer and name together
    ("CompTIA" + "Security+": the issuer's product), then by id or letters after the name
    ("PMP", "SHRM-CP"), or a name that is an entry's letters ("BLS"), when the issuers
    agree: an id or an acronym alone may belong to something else. A name other bodies
    give too (the catalog's `shared_name`: "ACLS Provider" from the Red Cross) is the
    entry only when the issuers agree.
    """
    entry = find(credential.name) or find(f"{credential.issuer} {credential.name}")
    if entry is not None:
        if entry.shared_name and not same_issuer(entry.issuer, credential.issuer):
            return None
        return entry
    entry = find(credential.id)
    if entry is not None and same_issuer(entry.issuer, credential.issuer):
        return entry
    # Letters: the credential's own (PMP), or its name when that is the letters of an
    # entry's name ("BLS" from the AHA, whose "Basic Life Support (BLS)" it is).
    for letters in (credential.post_nominal, credential.name):
        if letters and (entry := by_letters(letters, credential.issuer)) is not None:
            return entry
    return None


def by_letters(letters: str, issuer: str, *, own: bool = False) -> Entry | None:
    """The entry whose letters (after the name, or in its name) `letters` are, from an
    issuer that agrees with `issuer`: an acronym alone may belong to something else. With
    `own`, the issuer is the entry's, whole or by its letters, never its first words."""
    names = _issuer_names(issuer)
    for candidate in catalog().by_letters.get(normalize(letters), ()):
        if not same_issuer(candidate.issuer, issuer):
            continue
        if not own or _issuer_names(candidate.issuer) & names:
            return candidate
    return None


def held(credentials: Sequence[CredentialLike]) -> list[Entry]:
    """The catalog entries a profile's credentials are (matched by id, then by name)."""
    found: list[Entry] = []
    for credential in credentials:
        entry = find(credential.name) or find(credential.id)
        if entry is not None and entry not in found:
            found.append(entry)
    return found
