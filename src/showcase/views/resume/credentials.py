"""Which credentials the resume lists and how: curated and ordered (resume_credentials),
grouped by relevance to a posting, each entry's detail line, the coursework closing line,
and the keywords they add.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from showcase.profile import LoadedProfile
from showcase.profile.models import Credential, Stack
from showcase.views import curate
from showcase.views.common import CredentialFacts, credential_facts, newest_first
from showcase.views.locale import ENGLISH, Words
from showcase.views.resume.model import ClosingLine, CredentialGroup, Detail, ResumeCredential

if TYPE_CHECKING:
    from showcase.strategy.tailor import Tailoring


def _details(
    facts: CredentialFacts, credential: Credential, words: Words, *, show_id: bool
) -> tuple[Detail, ...]:
    """Dates, the ID (when `show_id`), where to verify it, and "Completion" for a course.

    A credential ID is for a verification form, not for the page a recruiter scans:
    the page leaves it out unless asked (``--show-ids``); the text resume, pasted into
    forms, always has it.
    """
    details = [Detail(words.issued.format(words.date(credential.issued)))]
    expires = words.date(credential.expires) if credential.expires else None
    if facts.expired and expires:
        details.append(Detail(words.expired.format(expires), flag=True))
    elif expires:
        details.append(Detail(words.valid_until.format(expires)))
    if facts.credential_id and show_id:
        details.append(Detail(words.credential_id.format(facts.credential_id)))
    if facts.verify:
        details.append(Detail(facts.verify.text, url=facts.verify.url, prefix=words.verify))
    if facts.completion_only:  # never its hours: "1 hour" undersells everything near it
        details.append(Detail(words.completion))
    return tuple(details)


def listed_skills(loaded: LoadedProfile) -> set[str]:
    """The skills the Skills section lists, case-folded."""
    return {item.casefold() for group in loaded.profile.skills for item in group.items}


def _entry(
    loaded: LoadedProfile,
    credential: Credential,
    *,
    show_ids: bool,
    listed: set[str],
    words: Words = ENGLISH,
) -> ResumeCredential:
    """One credential. Its "Skills:" line names only what the Skills section does not:
    each skill is on the page once, and the line says what this credential adds."""
    facts = credential_facts(loaded, credential)
    return ResumeCredential(
        facts,
        details=_details(facts, credential, words, show_id=show_ids),
        text_details=_details(facts, credential, words, show_id=True),
        skills=tuple(s for s in facts.skills if s.casefold() not in listed),
    )


ADDITIONAL = ENGLISH.additional
RELATED = ENGLISH.related


def resume_credentials(
    loaded: LoadedProfile,
    *,
    include_expired: bool = False,
    tailor: Tailoring | None = None,
) -> list[Credential]:
    """The credentials the resume lists, in its order: stacks first, then the rest
    (curated: assessed first, then by relevance to the person's field, then newest;
    `resume.curate: false`: newest first, completion-only last); aimed at a posting,
    those that show more of it first; with `include_expired`, the expired ones after all
    the others (one led the section, above the valid licence). A curated resume names
    some of them in its closing line only (`credential_groups`).

    The profile's `resume.hide` leaves credentials out and `resume.max_credentials` cuts
    the list, here, so that every format (PDF, DOCX, HTML, Markdown, text) follows.
    """
    profile = loaded.profile
    hidden = set(profile.resume.hide)
    shown = [
        c
        for c in profile.credentials
        if c.id not in hidden and (include_expired or loaded.is_valid(c))
    ]
    shown_ids = {c.id for c in shown}
    stacked: list[Credential] = []
    placed: set[str] = set()
    for stack in profile.stacks:
        for cid in stack.credentials:
            if cid in shown_ids and cid not in placed:
                placed.add(cid)
                stacked.append(profile.credential(cid))
    rest = [c for c in shown if c.id not in placed]
    if profile.resume.curate:
        rest = curate.ranked(rest, curate.person_fields(loaded))
    else:
        rest = newest_first(rest)
    if tailor is not None:  # stable: the usual order among equally relevant ones
        rest.sort(key=lambda c: (c.is_completion_only, -_relevance(tailor, c)))
    if include_expired:  # stable: an expired credential after every valid one
        rest.sort(key=lambda c: not loaded.is_valid(c))
    ordered = stacked + rest
    limit = profile.resume.max_credentials
    return ordered[:limit] if limit is not None else ordered


def _relevance(tailor: Tailoring, credential: Credential) -> int:
    return tailor.relevance([credential.name, *credential.skills])


def credential_groups(
    loaded: LoadedProfile,
    include_expired: bool,
    tailor: Tailoring | None = None,
    only_relevant: bool = False,
    show_ids: bool = False,
    max_entries: int = curate.MAX_FULL_ENTRIES,
    words: Words = ENGLISH,
) -> tuple[tuple[CredentialGroup, ...], ClosingLine | None]:
    """Stacks first, then the rest (see `resume_credentials`).

    Aimed at a posting (`tailor`): stacks whose target role is the posting's title
    come first, each group's credentials are ordered by how many of the posting's
    terms they show, and credentials that share none move to "Additional
    credentials" (left out with `only_relevant`). Order and selection only.
    """
    profile = loaded.profile
    listed = resume_credentials(loaded, include_expired=include_expired, tailor=tailor)
    closing: list[Credential] = []
    if profile.resume.curate:
        stacked = {cid for stack in profile.stacks for cid in stack.credentials}
        curated = curate.split(listed, stacked, max_entries)
        listed, closing = curated.full, curated.collapsed
    listed_ids = {c.id for c in listed}
    in_skills = listed_skills(loaded)

    def entries(credentials: list[Credential]) -> tuple[ResumeCredential, ...]:
        return tuple(
            _entry(loaded, c, show_ids=show_ids, listed=in_skills, words=words) for c in credentials
        )

    def relevance(credential: Credential) -> int:
        return _relevance(tailor, credential) if tailor else 0

    def by_relevance(credentials: list[Credential]) -> list[Credential]:
        return sorted(credentials, key=lambda c: -relevance(c)) if tailor else credentials

    placed: set[str] = set()
    stacks: list[tuple[Stack, list[Credential]]] = []
    for stack in profile.stacks:
        members = [
            profile.credential(cid)
            for cid in stack.credentials
            if cid in listed_ids and cid not in placed
        ]
        if members:
            placed.update(c.id for c in members)
            stacks.append((stack, members))
    if tailor is not None:
        stacks.sort(
            key=lambda pair: (
                not tailor.names_role(pair[0].target_role),
                -sum(relevance(c) for c in pair[1]),
            )
        )
    groups = [
        CredentialGroup(
            title=stack.name,
            target_role=stack.target_role,
            entries=entries(by_relevance(members)),
        )
        for stack, members in stacks
    ]
    rest = [c for c in listed if c.id not in placed]
    if tailor is None:
        if rest:
            title = words.additional if groups else None
            groups.append(CredentialGroup(title, None, entries(rest)))
        return tuple(groups), _closing_line(loaded, closing, words)
    related = [c for c in rest if relevance(c) > 0]
    unrelated = [c for c in rest if relevance(c) == 0]
    if related:
        title = words.related if groups else None
        groups.append(CredentialGroup(title, None, entries(related)))
    if unrelated and not only_relevant:
        title = words.additional if groups else None
        groups.append(CredentialGroup(title, None, entries(unrelated)))
    if only_relevant:
        closing = [c for c in closing if relevance(c) > 0]
    return tuple(groups), _closing_line(loaded, closing, words)


COURSEWORK = ENGLISH.coursework


def _closing_line(
    loaded: LoadedProfile, credentials: list[Credential], words: Words = ENGLISH
) -> ClosingLine | None:
    """``Additional coursework: Excel Essential Training (LinkedIn Learning, 2023); ...``."""
    if not credentials:
        return None
    completion = all(c.is_completion_only for c in credentials)
    label = words.coursework if completion else words.additional
    items = []
    for credential in credentials:
        facts = credential_facts(loaded, credential)
        items.append(f"{facts.name} ({facts.issuer}, {credential.issued.year})")
    return ClosingLine(label, tuple(items))


def resume_keywords(loaded: LoadedProfile, include_expired: bool) -> tuple[str, ...]:
    words: list[str] = []
    for credential in resume_credentials(loaded, include_expired=include_expired):
        words.extend(credential.skills)
    for group in loaded.profile.skills:
        words.extend(group.items)
    seen: dict[str, str] = {}
    for word in words:
        seen.setdefault(word.casefold(), word)
    return tuple(seen.values())
