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
importers match a profile's credentials to it with `match` and read
`renewal_rule`, `successor` and `issuer_recognised`; `showcase catalog` browses it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property, lru_cache
from typing import Annotated, Any, Literal, Protocol
from urllib.parse import urlsplit

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
    if not re.fullmatch(r"https://[^\s/:]+\.[^\s/:]+(/\S*)?", value):
        raise ValueError(f"{value!r}: an issuer's page must be an https:// address (no port)")
    return value


def host(url: str) -> str:
    """The host of an address, lower case: ``www.scrum.org``."""
    return (urlsplit(url).hostname or "").lower()


# An exam code as issuers print them: AZ-900, SOA-C03, 220-1201, PL-300.
_EXAM_CODE = re.compile(r"\b(?:[A-Z]{2,4}-[A-Z]?\d{2,4}[A-Z]?|\d{3}-\d{3,4})\b")
_PARENTHESES = re.compile(r"\(([^)]*)\)")

HttpsUrl = Annotated[str, AfterValidator(_https)]
# The day a fact was read on the issuer's page; facts migrated from the first catalog
# (read in November 2026, day not recorded) carry the month only.
CheckedDate = Annotated[str, Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")]


def checked_day(checked: str) -> dt.date:
    """The first day `checked` may mean (``2026-11`` -> 1 November 2026): a fact is
    listed as stale as soon as it may be more than a year old."""
    year, month, *day = (int(part) for part in checked.split("-"))
    return dt.date(year, month, day[0] if day else 1)


class Level(StrEnum):
    FOUNDATIONAL = "foundational"
    ASSOCIATE = "associate"
    PROFESSIONAL = "professional"
    EXPERT = "expert"


class Lifecycle(StrEnum):
    ACTIVE = "active"
    RENAMED = "renamed"
    RETIRED = "retired"


class RenewalHow(StrEnum):
    """How a credential is kept: the main path the issuer names."""

    EXAM = "exam"  # pass the current (or a renewal, or a higher) exam
    CREDITS = "credits"  # continuing-education credits (PDUs, CEUs, CPE ...)
    ASSESSMENT = "assessment"  # an online assessment or module (Microsoft Learn, Trailhead)
    FEE = "fee"  # a fee alone
    NONE = "none"  # does not expire


class Fact(BaseModel):
    """Where a fact was read and when."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: HttpsUrl = Field(description="The issuer's page that states it (https).")
    checked: CheckedDate = Field(description="When it was read: YYYY-MM-DD (YYYY-MM if older).")
    quote: str | None = Field(None, description="The page's words, for re-checking.")


class TextFact(Fact):
    value: str = Field(min_length=1)


class UrlFact(Fact):
    value: HttpsUrl


class LevelFact(Fact):
    value: Level


class ListFact(Fact):
    value: list[str] = Field(description="Empty: the issuer says there are none.")


class StatusFact(Fact):
    value: Lifecycle
    replaced_by: str | None = Field(None, description="The id of the entry it became.")
    retired_on: dt.date | None = Field(None, description="The last day it is (was) offered.")

    @model_validator(mode="after")
    def _consistent(self) -> StatusFact:
        if self.value == Lifecycle.RENAMED and not self.replaced_by:
            raise ValueError("a renamed credential names its new entry in replaced_by")
        if self.value == Lifecycle.RETIRED and not self.retired_on:
            raise ValueError("a retired credential has its retired_on date")
        if self.value == Lifecycle.ACTIVE and (self.replaced_by or self.retired_on):
            raise ValueError("an active credential has no replaced_by or retired_on")
        return self


class Money(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    amount: float = Field(ge=0)
    currency: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217: USD, EUR ...")
    up_to: float | None = Field(None, description="The top of a range (member / non-member).")
    per: Literal["year", "cycle", "attempt"] | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _range(self) -> Money:
        if self.up_to is not None and self.up_to < self.amount:
            raise ValueError(f"up_to {self.up_to:g} is below amount {self.amount:g}")
        return self

    def __str__(self) -> str:
        symbol = {"USD": "$", "EUR": "€", "GBP": "£"}.get(self.currency)

        def one(value: float) -> str:
            number = f"{value:,.2f}".removesuffix(".00")
            return f"{symbol}{number}" if symbol else f"{number} {self.currency}"

        if self.amount == 0 and not self.up_to:
            text = "free"
        else:
            text = one(self.amount) + (f"-{one(self.up_to)}" if self.up_to else "")
        if self.per:
            text += {"year": " a year", "cycle": " per cycle", "attempt": " per attempt"}[self.per]
        return text + (f" ({self.note})" if self.note else "")


class CostFact(Fact, Money):
    """What earning it costs (the exam or the program), in the issuer's currency."""


class FeeFact(BaseModel):
    """What renewing costs; read on the rule's page unless it names its own. The amount
    stays empty when the issuer's page says a fee is due but not how much (CompTIA's
    yearly CE fee on the page read)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    amount: float | None = Field(None, ge=0, description="Empty: due, amount not stated.")
    currency: str | None = Field(None, pattern=r"^[A-Z]{3}$")
    up_to: float | None = None
    per: Literal["year", "cycle", "attempt"] | None = None
    note: str | None = None
    source: HttpsUrl | None = Field(None, description="When not the rule's page.")
    checked: CheckedDate | None = Field(None, description="When not the rule's date.")
    quote: str | None = None

    @model_validator(mode="after")
    def _dated(self) -> FeeFact:
        if (self.source is None) != (self.checked is None):
            raise ValueError("a fee with its own source has its own checked date, and back")
        if (self.amount is None) != (self.currency is None):
            raise ValueError("an amount has its currency, and a currency its amount")
        return self

    def __str__(self) -> str:
        if self.amount is None or self.currency is None:
            every = {"year": "a yearly fee", "cycle": "a fee per cycle", "attempt": "a fee"}
            return every.get(self.per or "attempt", "a fee")
        return str(
            Money(amount=self.amount, currency=self.currency, up_to=self.up_to, per=self.per)
        )


class HoursFact(Fact):
    value: float = Field(gt=0)
    kind: Literal["learning", "eligibility"] = Field(
        description="learning: typical study time; eligibility: training hours required to sit."
    )
    note: str | None = None


class RenewalFact(Fact):
    how: RenewalHow
    period_years: float | None = Field(None, gt=0, description="How long it stays valid.")
    credits: float | None = Field(None, gt=0, description="Credits per period (how: credits).")
    fee: FeeFact | None = Field(None, description="What renewing costs, when the issuer says.")
    text: str = Field(min_length=1, description="The rule in one sentence.")

    @model_validator(mode="after")
    def _consistent(self) -> RenewalFact:
        if self.how == RenewalHow.NONE and self.period_years is not None:
            raise ValueError("a credential that does not expire has no period_years")
        return self

    @property
    def expires(self) -> bool:
        return self.how != RenewalHow.NONE

    def summary(self) -> str:
        """``every 3 years: 60 credits``, ``yearly: free assessment``, ``does not expire``."""
        if self.how == RenewalHow.NONE:
            return "does not expire"
        how = {
            RenewalHow.EXAM: "exam",
            RenewalHow.CREDITS: f"{self.credits:g} credits" if self.credits else "credits",
            RenewalHow.ASSESSMENT: "online assessment",
            RenewalHow.FEE: "fee",
        }[self.how]
        if self.fee is not None:
            how += f" + {self.fee}" if self.how != RenewalHow.FEE else f" {self.fee}"
        if self.period_years is None:
            return how
        every = "yearly" if self.period_years == 1 else f"every {self.period_years:g} years"
        return f"{every}: {how}"


class Facts(BaseModel):
    """The sourced facts of one credential; a fact not found on an issuer's page is absent."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    url: UrlFact | None = Field(None, description="The official page.")
    status: StatusFact | None = Field(None, description="Absent: active, as far as known.")
    level: LevelFact | None = None
    exam_code: TextFact | None = None
    prerequisites: ListFact | None = None
    renewal: RenewalFact | None = None
    cost: CostFact | None = None
    hours: HoursFact | None = None
    post_nominal: TextFact | None = None

    def items(self) -> Iterator[tuple[str, Fact]]:
        """(name, fact) for every fact present, in the field order."""
        for name in type(self).model_fields:
            fact = getattr(self, name)
            if fact is not None:
                yield name, fact


FACT_NAMES: tuple[str, ...] = tuple(Facts.model_fields)


class Entry(BaseModel):
    """One credential: who issues it, how it is earned, and the sourced facts about it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str = Field(min_length=1)
    issuer: str = Field(min_length=1)
    platform: str | None = Field(None, description="Where it is earned, when not the issuer.")
    kind: Kind
    assessment: Assessment | None = Field(None, description="exam, graded, project or none.")
    terms: list[str] = Field(min_length=1, description="Vocabulary terms it evidences.")
    requires: list[str] = Field(
        default_factory=list,
        description="Ids of entries one of which must be held first (A-CSM: a CSM); the "
        "issuer's page that says so is named beside it in the data.",
    )
    aliases: list[str] = Field(
        default_factory=list, description="Other names it is held under (an earlier name)."
    )
    facts: Facts = Field(default_factory=Facts)

    # --- the facts as the rest of showcase reads them -------------------------------------

    @property
    def status(self) -> Lifecycle:
        return self.facts.status.value if self.facts.status else Lifecycle.ACTIVE

    @property
    def replaced_by(self) -> str | None:
        return self.facts.status.replaced_by if self.facts.status else None

    @property
    def retired_on(self) -> dt.date | None:
        return self.facts.status.retired_on if self.facts.status else None

    def offered(self, today: dt.date | None = None) -> bool:
        """Whether one can still earn it: active, or retiring after `today`."""
        if self.status == Lifecycle.RENAMED:
            return False
        if self.status == Lifecycle.RETIRED:
            return today is not None and self.retired_on is not None and self.retired_on > today
        return True

    @property
    def url(self) -> str | None:
        return self.facts.url.value if self.facts.url else None

    @property
    def level(self) -> Level | None:
        return self.facts.level.value if self.facts.level else None

    @property
    def exam_code(self) -> str | None:
        return self.facts.exam_code.value if self.facts.exam_code else None

    @property
    def hours(self) -> float | None:
        """Typical learning hours (eligibility hours are not learning time: None)."""
        fact = self.facts.hours
        return fact.value if fact is not None and fact.kind == "learning" else None

    @property
    def hours_text(self) -> str | None:
        """ "about 20 hours", or "35 hours of training required before the exam"."""
        fact = self.facts.hours
        if fact is None:
            return None
        text = (
            f"about {fact.value:g} hours"
            if fact.kind == "learning"
            else (f"{fact.value:g} hours of training required before the exam")
        )
        return text + (f" ({fact.note})" if fact.note else "")

    @property
    def cost(self) -> str | None:
        """The cost as people read it, with the day checked and the issuer's note:
        "$99 (checked 2026-12-06)", "$495 (checked ...); per exam part", "free (...)"."""
        fact = self.facts.cost
        if fact is None:
            return None
        text = Money.__str__(fact.model_copy(update={"note": None}))
        note = f"; {fact.note}" if fact.note else ""
        return f"{text} (checked {fact.checked}){note}"

    @property
    def validity_years(self) -> float | None:
        return self.facts.renewal.period_years if self.facts.renewal else None

    @property
    def renewal(self) -> str | None:
        return self.facts.renewal.text if self.facts.renewal else None

    @property
    def post_nominal(self) -> str | None:
        return self.facts.post_nominal.value if self.facts.post_nominal else None

    @property
    def source(self) -> list[str]:
        """Every page the facts come from, each once."""
        return list(dict.fromkeys(fact.source for _, fact in self.facts.items()))

    @property
    def short_name(self) -> str:
        """The name without its parenthetical: "Certified ScrumMaster" for "... (CSM)"."""
        return re.sub(r"\s*\([^)]*\)\s*", " ", self.name).strip()


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
    ("PMP", "SHRM-CP") when the issuers agree: an id or an acronym alone may belong to
    something else.
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
    """How long a credential stays valid and how it is renewed, with where that is said.

    `entry_id` is the entry the rule was read from: a renamed credential's successor
    when the old entry has none of its own. `retired_on`: the day the credential (and
    with it the renewal path) ends, when the issuer has announced one.
    """

    entry_id: str
    validity_years: float | None
    renewal: str | None
    source: tuple[str, ...]
    fact: RenewalFact | None = None
    retired_on: dt.date | None = None

    @property
    def does_not_expire(self) -> bool:
        return self.fact is not None and self.fact.how == RenewalHow.NONE

    @property
    def summary(self) -> str | None:
        return self.fact.summary() if self.fact else None

    @property
    def checked(self) -> str | None:
        return self.fact.checked if self.fact else None


def renewal_rule(credential: CredentialLike | Entry | str) -> RenewalRule | None:
    """The renewal rule of a credential (a profile's, a catalog entry, or a name or id);
    None when unknown. A renamed credential without a rule of its own has its successor's."""
    if isinstance(credential, Entry):
        entry: Entry | None = credential
    elif isinstance(credential, str):
        entry = find(credential)
    else:
        entry = find(credential.name) or find(credential.id)
    if entry is None:
        return None
    retired_on = entry.retired_on
    fact = entry.facts.renewal
    if fact is None and entry.status == Lifecycle.RENAMED:
        later = successor(entry)
        if later is not None and later.facts.renewal is not None:
            entry, fact = later, later.facts.renewal
            retired_on = retired_on or later.retired_on
    if fact is None:
        return None
    return RenewalRule(entry.id, fact.period_years, fact.text, (fact.source,), fact, retired_on)
