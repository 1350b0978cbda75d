"""A person's field, read from the person before their credentials.

A customer success specialist who collected a dozen short marketing courses is in
customer success: his title says so, the badges do not outvote it. So the field is
scored from what the person *does and aims at*, and the credentials only break ties
(or decide alone, for a profile that says nothing else):

=============================  ======  ==================================================
source                         weight  read how
=============================  ======  ==================================================
current title(s)               10      job-title words (``roles:`` in vocabulary.yaml)
headline                       8       title words, else the vocabulary terms it names
stacks' target roles           6       title words, else terms
stacks' names                  4       title words, else terms
past titles, newest first      3, 2, 1 title words
highlights and summary         0.5     the vocabulary terms they name, per term
credentials                    --      their names' and skills' terms: ties, and fields
                                       nothing above shows, come after
=============================  ======  ==================================================

In a title, the head noun decides: "Marketing Data Analyst" is data (the last title
words win; earlier ones count half), and "Data Analyst, Marketing team" is data too
(the first part of a title split at ``, | · —`` and " at " is the title, the rest
counts half). A title without title words falls back to the vocabulary terms it names
("Salesforce admin" is sales).

`person_field(loaded)` is what `review` focuses on, and what ranks suggestions and
tailoring for a person.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import cache, lru_cache

from showcase.profile import Credential, LoadedProfile
from showcase.profile.models import Profile
from showcase.profile.types import PRESENT
from showcase.strategy.matcher import matcher
from showcase.strategy.vocabulary import Field_, Term, vocabulary

CURRENT_TITLE = 10.0
HEADLINE = 8.0
TARGET_ROLE = 6.0
STACK_NAME = 4.0
PAST_TITLES = (3.0, 2.0, 1.0)  # the newest past job first; older ones weigh 1
TEXT_TERM = 0.5  # each term a highlight or the summary names
_SEGMENTS = re.compile(r"\s*(?:[|,;·•—–]|\s-\s|\bat\b|@)\s*", re.IGNORECASE)
_EDGE = r"[\w&+#-]"  # what a title word may not touch (so "IT" is not in "ITIL")


def person_field(loaded: LoadedProfile) -> tuple[Field_, ...]:
    """The fields of the person in `loaded`, the most likely first (never "general").

    From the current title, headline, stacks' target roles and names, past titles,
    highlights and summary; then the credentials, for ties and for fields nothing
    else shows. Empty for a profile that shows no field at all.
    """
    profile = loaded.profile
    person: dict[Field_, float] = defaultdict(float)
    for text, weight in _titled(profile):
        for value, share in title_fields(text).items():
            person[value] += weight * share
    for text in _prose(profile):
        for term in matcher().terms(text, context=True):
            for rank, value in enumerate(term.fields):
                person[value] += TEXT_TERM if rank == 0 else TEXT_TERM / 2
    held: dict[Field_, float] = defaultdict(float)
    for credential in profile.credentials:
        for rank, value in enumerate(fields_of(credential_terms(credential))):
            held[value] += 1.0 if rank == 0 else 0.25
    found = (set(person) | set(held)) - {Field_.GENERAL}
    order = list(Field_)
    return tuple(sorted(found, key=lambda f: (-person[f], -held[f], order.index(f))))


def title_fields(title: str) -> dict[Field_, float]:
    """The fields a job title or headline names, each with its share (1 or 0.5).

    ``"Marketing Data Analyst"`` -> data 1, marketing 0.5 (see the module docstring).
    """
    shares: dict[Field_, float] = {}
    head_found = False
    for segment in _SEGMENTS.split(title):
        if not segment.strip():
            continue
        named = _title_words(segment) or _term_fields(segment)
        if not named:
            continue
        for index, value in enumerate(named):
            head = not head_found and index == len(named) - 1
            shares[value] = max(shares.get(value, 0.0), 1.0 if head else 0.5)
        head_found = True
    return shares


def credential_terms(credential: Credential) -> list[Term]:
    """The vocabulary terms a credential's name and skills show."""
    match = matcher()
    found: dict[Term, None] = {}
    for text in (credential.name, *credential.skills):
        term = match.vocab.find(text)
        for t in [term] if term is not None else match.terms(text, context=False):
            found[t] = None
    return list(found)


def fields_of(terms: list[Term]) -> tuple[Field_, ...]:
    """The fields of `terms` (not "general"), the main field of most of them first."""
    counts: Counter[Field_] = Counter()
    for term in terms:
        for rank, value in enumerate(term.fields):
            if value != Field_.GENERAL:
                counts[value] += 2 if rank == 0 else 1  # a term's first field is its home
    return tuple(value for value, _ in counts.most_common())


# --- Reading the profile -------------------------------------------------------------------


def _titled(profile: Profile) -> Iterator[tuple[str, float]]:
    """Title-like texts with their weights."""
    jobs = sorted(profile.experience, key=lambda job: job.start.iso(), reverse=True)
    current = [job for job in jobs if job.end is None or job.end == PRESENT]
    past = [job for job in jobs if job not in current]
    for job in current:
        yield job.title, CURRENT_TITLE
    if profile.headline:
        yield profile.headline, HEADLINE
    for stack in profile.stacks:
        if stack.target_role:
            yield stack.target_role, TARGET_ROLE
        yield stack.name, STACK_NAME
    for index, job in enumerate(past):
        yield job.title, PAST_TITLES[min(index, len(PAST_TITLES) - 1)]


def _prose(profile: Profile) -> Iterator[str]:
    if profile.summary:
        yield profile.summary
    for job in profile.experience:
        yield from job.highlights


def _title_words(segment: str) -> list[Field_]:
    """The fields of the title words in `segment`, in order, overlaps resolved leftmost-longest."""
    hits = sorted(
        (m.start(), m.start() - m.end(), m.end(), value)
        for pattern, value in _roles(segment)
        for m in pattern.finditer(segment)
    )
    named: list[Field_] = []
    last_end = -1
    for start, _, end, value in hits:
        if start >= last_end:
            named.append(value)
            last_end = end
    return named


def _term_fields(segment: str) -> list[Field_]:
    """The home fields of the vocabulary terms `segment` names, the last one last."""
    named: list[Field_] = []
    for term in matcher().terms(segment, context=False):
        if term.fields[0] != Field_.GENERAL:
            named.append(term.fields[0])
    return named


def _roles(segment: str) -> Iterator[tuple[re.Pattern[str], Field_]]:
    """The title-word patterns that may match `segment`, each compiled when first needed.

    Every field's, except that an ASCII segment skips the fields none of whose words
    starts with text the segment holds (in any case): a match needs it there, and with
    ASCII on both sides a case-insensitive match is a lower-case one. Compiling all 14
    costs ~5 ms, and a title names one or two fields.
    """
    folded = segment.lower() if segment.isascii() else None
    for value, starts in _role_starts().items():
        if folded is None or starts is None or any(start in folded for start in starts):
            yield _role_pattern(value), value


@lru_cache(maxsize=1)
def _role_starts() -> dict[Field_, tuple[str, ...] | None]:
    """Each field's title words' first parts, lower-cased (None: always tried, as for a
    word that is not ASCII)."""
    return {
        value: tuple({(word.split() or [""])[0].lower() for word in words})
        if words and all(word.isascii() for word in words)
        else None
        for value, words in vocabulary().roles.items()
    }


@cache
def _role_pattern(value: Field_) -> re.Pattern[str]:
    """One pattern per field: its title words, longest first; capitals match in capitals."""
    parts = []
    for word in sorted(vocabulary().roles[value], key=len, reverse=True):
        body = r"\s+".join(re.escape(part) for part in word.split())
        exact = word.isupper() or not any(c.islower() for c in word)
        parts.append(body if exact else f"(?i:{body})")
    return re.compile(rf"(?<!{_EDGE})(?:{'|'.join(parts)})(?!{_EDGE})")
