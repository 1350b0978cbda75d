"""The bundled catalog of well-known credentials, and a small API over it.

``data/catalog.yaml`` records, for each credential, its issuer, platform, kind,
how it is assessed, and the facts a learner weighs (hours, cost, validity,
renewal, letters after the name), each taken from the issuer's own pages with
the source beside it, or left empty. Its `terms` are vocabulary terms, so the
catalog answers "what evidences Google Analytics?".

`gaps` suggests from it; `renewals` and `review` match a profile's credentials to
it with `match` and read `renewal_rule` and `issuer_recognised`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Annotated, Protocol

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)

from showcase.profile.models import Assessment, Kind
from showcase.strategy._data import explain, read_data
from showcase.strategy.vocabulary import TermKind, normalize, vocabulary


def _https(value: str) -> str:
    if not re.fullmatch(r"https://[^\s/]+\.[^\s]+", value):
        raise ValueError(f"{value!r}: an official page must be an https:// address")
    return value


def _web(value: str) -> str:
    if not re.fullmatch(r"https?://[^\s/]+\.[^\s]+", value):
        raise ValueError(f"{value!r}: a source must be a web address")
    return value


class Entry(BaseModel):
    """One credential: who issues it, how it is earned, and the sourced facts about it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str = Field(min_length=1)
    issuer: str = Field(min_length=1)
    platform: str | None = Field(None, description="Where it is earned, when not the issuer.")
    kind: Kind
    assessment: Assessment | None = Field(None, description="exam, graded, project or none.")
    hours: float | None = Field(None, gt=0, description="Typical learning hours.")
    cost_usd: tuple[float, float] | None = Field(None, description="[low, high] in US dollars.")
    cost_note: str | None = None
    checked: str = Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])$", description="YYYY-MM looked up.")
    validity_years: float | None = Field(None, gt=0)
    renewal: str | None = None
    post_nominal: str | None = None
    terms: list[str] = Field(min_length=1, description="Vocabulary terms it evidences.")
    requires: list[str] = Field(
        default_factory=list,
        description="Ids of entries one of which must be held first (A-CSM: a CSM), "
        "from the issuer's pages in `source`.",
    )
    url: Annotated[str, AfterValidator(_https)] | None = Field(None, description="Official page.")
    source: list[Annotated[str, AfterValidator(_web)]] | None = Field(
        None, description="The issuer's pages the facts come from."
    )

    @model_validator(mode="after")
    def _cost_range(self) -> Entry:
        if self.cost_usd is not None and not 0 <= self.cost_usd[0] <= self.cost_usd[1]:
            raise ValueError(f"cost_usd {list(self.cost_usd)}: a range [low, high] of dollars")
        return self

    @property
    def cost(self) -> str | None:
        """The cost as people read it: "$99", "$0-$150", "free", with its note."""
        text = None
        if self.cost_usd is not None:
            low, high = self.cost_usd
            if high == 0:
                text = "free"
            elif low == high:
                text = f"${low:,.0f}"
            else:
                text = f"${low:,.0f}-${high:,.0f}"
            text += f" (checked {self.checked})"
        if self.cost_note:
            text = f"{text}; {self.cost_note}" if text else self.cost_note
        return text

    @property
    def short_name(self) -> str:
        """The name without its parenthetical: "Certified ScrumMaster" for "... (CSM)"."""
        return re.sub(r"\s*\([^)]*\)\s*", " ", self.name).strip()


class Catalog(BaseModel):
    """The catalog file: recognised issuers and the credentials."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int = Field(ge=1)
    recognised_issuers: list[str] = Field(
        description="Issuers employers know by name; their credentials are suggested first."
    )
    credentials: list[Entry]

    @cached_property
    def _index(self) -> dict[str, Entry]:
        index: dict[str, Entry] = {}
        for entry in self.credentials:
            for key in (entry.id, entry.name, entry.short_name):
                index.setdefault(normalize(key), entry)
        return index

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
    def _recognised(self) -> frozenset[str]:
        return frozenset(normalize(issuer) for issuer in self.recognised_issuers)

    def find(self, name_or_id: str) -> Entry | None:
        """The entry with this id or name (any case; with or without its "(PMP)")."""
        key = normalize(name_or_id)
        return self._index.get(key) or self._index.get(
            normalize(re.sub(r"\s*\([^)]*\)\s*", " ", name_or_id))
        )

    def is_recognised(self, entry: Entry) -> bool:
        return normalize(entry.issuer) in self._recognised

    def for_terms(self, terms: Iterable[str], exclude: Iterable[str] = ()) -> list[Entry]:
        """Entries evidencing any of `terms`, best first, leaving out the ids in `exclude`.

        Best: the credential a posting names (a gap "PMP" is met by the PMP itself),
        then exam- or project-assessed before graded before completion-only, then
        recognised issuers, then the one that covers more of `terms`.
        """
        wanted = {normalize(t) for t in terms}
        skip = set(exclude)
        by_term = self._by_term
        candidates = {e.id: e for key in wanted for e in by_term.get(key, ()) if e.id not in skip}
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


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    """The bundled catalog, loaded and checked once per process."""
    data = read_data("catalog")
    try:
        return Catalog.model_validate(data)
    except ValidationError as exc:
        raise explain("catalog.yaml", exc, data) from None


def find(name_or_id: str) -> Entry | None:
    """The catalog entry with this id or name, or None."""
    return catalog().find(name_or_id)


def for_terms(terms: Iterable[str], exclude: Iterable[str] = ()) -> list[Entry]:
    """Catalog entries evidencing any of `terms`, best first (see `Catalog.for_terms`)."""
    return catalog().for_terms(terms, exclude)


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


_PARENTHESES = re.compile(r"\(([^)]*)\)")


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

    By name (or its short name), then by the issuer and name together ("CompTIA" +
    "Security+"), then by id or letters after the name ("PMP", "SHRM-CP") when the
    issuers agree: an id or an acronym alone may belong to something else.
    """
    entry = find(credential.name) or find(f"{credential.issuer} {credential.name}")
    if entry is not None:
        return entry
    entry = find(credential.id)
    if entry is not None and same_issuer(entry.issuer, credential.issuer):
        return entry
    if credential.post_nominal:
        letters = normalize(credential.post_nominal)
        for candidate in catalog().credentials:
            if letters in _letters(candidate) and same_issuer(candidate.issuer, credential.issuer):
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


@dataclass(frozen=True)
class RenewalRule:
    """How long a credential stays valid and how it is renewed, with where that is said."""

    entry_id: str
    validity_years: float | None
    renewal: str | None
    source: tuple[str, ...]


def renewal_rule(credential: CredentialLike | Entry | str) -> RenewalRule | None:
    """The renewal rule of a credential (a profile's, a catalog entry, or a name or id);
    None when unknown."""
    if isinstance(credential, Entry):
        entry: Entry | None = credential
    elif isinstance(credential, str):
        entry = find(credential)
    else:
        entry = find(credential.name) or find(credential.id)
    if entry is None or (entry.validity_years is None and entry.renewal is None):
        return None
    return RenewalRule(entry.id, entry.validity_years, entry.renewal, tuple(entry.source or ()))
