"""A catalog entry's facts, each with its provenance: the value, the issuer's https page it was
read on (`source`) and the day (`checked`); levels, lifecycle status, money (cost, yearly
fee), hours, renewal rules.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator


def _https(value: str) -> str:
    if not re.fullmatch(r"https://[^\s/:]+\.[^\s/:]+(/\S*)?", value):
        raise ValueError(f"{value!r}: an issuer's page must be an https:// address (no port)")
    return value


def host(url: str) -> str:
    """The host of an address, lower case: ``www.scrum.org``."""
    return (urlsplit(url).hostname or "").lower()


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
    COURSE = "course"  # complete the course again, with its tests (AHA's BLS, ACLS, PALS)
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
        """``every 3 years: 60 credits``, ``yearly: online assessment``, ``every 2 years: the
        course again``, ``does not expire``."""
        if self.how == RenewalHow.NONE:
            return "does not expire"
        how = {
            RenewalHow.EXAM: "exam",
            RenewalHow.COURSE: "the course again",
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
