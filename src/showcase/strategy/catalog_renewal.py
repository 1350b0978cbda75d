"""A credential's renewal rule from the catalog: how long it stays valid and how it is
renewed, with where that is said (a renamed credential without a rule of its own has its
successor's)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from showcase.strategy.catalog import CredentialLike, find, successor
from showcase.strategy.catalog_entry import Entry
from showcase.strategy.catalog_facts import Lifecycle, RenewalFact, RenewalHow


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
