"""One credential of the catalog (`Entry`): issuer, platform, kind, assessment and the
vocabulary terms it evidences (editorial), its facts, and what follows from them (status on
a day, successor, letters).
"""

from __future__ import annotations

import datetime as dt
import re

from pydantic import BaseModel, ConfigDict, Field

from showcase.profile.models import Assessment, Kind
from showcase.profile.models.base import new_list
from showcase.strategy.catalog_facts import Facts, Level, Lifecycle, Money


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
        default_factory=new_list,
        description="Ids of entries one of which must be held first (A-CSM: a CSM); the "
        "issuer's page that says so is named beside it in the data.",
    )
    aliases: list[str] = Field(
        default_factory=new_list, description="Other names it is held under (an earlier name)."
    )
    shared_name: bool = Field(
        False,
        description="Other bodies give a credential of this name too (Basic Life Support: "
        "the AHA, the Red Cross): a profile's credential is this entry only when this "
        "entry's issuer issued it.",
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
