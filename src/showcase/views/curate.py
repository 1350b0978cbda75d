"""Which credentials a curated resume shows in full, and in what order.

A recruiter reads the certifications section in seconds: it should lead with what
is assessed and in the person's field, not with every course ever finished. So the
resume (unless ``resume.curate: false``):

- ranks credentials by relevance to the person's field (their roles, not their
  badges), assessed before completion-only, then newest first;
- shows at most `MAX_COMPLETION_ONLY` completion-only courses as full entries and
  at most `MAX_FULL_ENTRIES` full entries in all; the rest close the section in one
  line ("Additional coursework: ...").

Stacks stay first and whole: the person grouped them on purpose.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from showcase.profile import Credential, LoadedProfile

if TYPE_CHECKING:
    from showcase.strategy.vocabulary import Field_

MAX_COMPLETION_ONLY = 2  # completion-only courses shown as full entries
MAX_FULL_ENTRIES = 6  # full credential entries in all
SECOND_FIELDS = 2  # the person's fields that make a credential related


def person_fields(loaded: LoadedProfile) -> tuple[Field_, ...]:
    """The person's field(s), the main one first: from what they do and seek (the rule
    `review`, `gaps` and tailoring share: `showcase.strategy.field.person_field`)."""
    from showcase.strategy.field import person_field

    return person_field(loaded)


def relevance(credential: Credential, fields: tuple[Field_, ...]) -> int:
    """How close `credential` is to the person's `fields`: 0 (unrelated) to 3 (main field)."""
    if not fields:
        return 0
    from showcase.strategy.field import credential_terms, fields_of

    own = fields_of(credential_terms(credential))
    if not own:
        return 0
    if own[0] == fields[0]:
        return 3
    if fields[0] in own:
        return 2
    # The person's second field counts a little; the fields only their credentials show
    # (which `person_field` lists last, for ties) do not make a credential relevant.
    return 1 if set(own) & set(fields[:SECOND_FIELDS]) else 0


def ranked(credentials: Iterable[Credential], fields: tuple[Field_, ...]) -> list[Credential]:
    """Assessed before completion-only, then the most relevant, then the newest."""
    return sorted(
        credentials,
        key=lambda c: (
            c.is_completion_only,
            -relevance(c, fields),
            -c.issued.first_day.toordinal(),
        ),
    )


@dataclass(frozen=True)
class Curated:
    full: list[Credential]  # shown as entries, in order
    collapsed: list[Credential]  # named in the closing line, in order


def split(
    ordered: list[Credential], stacked: set[str], max_entries: int = MAX_FULL_ENTRIES
) -> Curated:
    """Full entries and the closing line, from the resume's order.

    Stacked credentials are always full entries. Of the rest, completion-only
    courses beyond the first `MAX_COMPLETION_ONLY`, and anything beyond
    `max_entries` entries outside stacks, collapse into the closing line (a page
    that would not fit asks for fewer entries: see `artifacts.resume`)."""
    full: list[Credential] = []
    collapsed: list[Credential] = []
    completion = 0
    others = 0
    for credential in ordered:
        if credential.id in stacked:
            full.append(credential)
            continue
        if credential.is_completion_only:
            completion += 1
            if completion > min(MAX_COMPLETION_ONLY, max_entries):
                collapsed.append(credential)
                continue
        if others >= max_entries:
            collapsed.append(credential)
        else:
            others += 1
            full.append(credential)
    return Curated(full, collapsed)
