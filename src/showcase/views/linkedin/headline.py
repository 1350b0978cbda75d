"""The LinkedIn headline: at most 220 characters, written as a person would.

Who you are, the credentials behind it and (only with a public search) the role you want,
each said once: a credential that puts letters after your name is named by its letters
only ("PMP"), never also by its issuer or full name. Without a complete stack, at most
the two strongest credentials in the person's field are named, or none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from showcase.profile import Credential, LoadedProfile
from showcase.profile.loaded import earns_letters, proven_by_exam
from showcase.profile.models import Assessment
from showcase.views.common import join_words, letters_unsaid, org_name, sentence, shorten

if TYPE_CHECKING:
    from showcase.strategy.tailor import Tailoring

HEADLINE_LIMIT = 220  # characters LinkedIn allows in a headline


@dataclass(frozen=True)
class Headline:
    text: str


def _credentials_part(loaded: LoadedProfile, base: str) -> tuple[str | None, list[str]]:
    """``Digital Marketing certified by Google, HubSpot Academy and Meta``, or the names of
    the best credentials when there is no complete stack; and the letters it says.

    "X from ORG" names the issuer of every credential it stands for: a stack with a
    lettered member says its letters inside ("Agile Project Management with PSM I and
    credentials from Google"), never "Agile Project Management credentials from Google"
    for a Scrum.org and a Google credential (issue #22).
    """
    lettered = {c.id for c in loaded.valid_credentials if c.post_nominal and earns_letters(c)}
    complete = loaded.complete_stacks
    if complete:
        stack = complete[0]
        members = [loaded.profile.credential(cid) for cid in stack.credentials]
        rest = [c for c in members if c.id not in lettered and not c.is_completion_only]
        if not rest:
            return None, []
        issuers = join_words(list(dict.fromkeys(org_name(c.issuer) for c in rest)))
        exams = all(proven_by_exam(c) for c in rest)
        letters = [str(c.post_nominal) for c in members if c.id in lettered]
        if letters:
            kind = "certifications" if exams else "credentials"
            said = f"{join_words(letters)} and {kind} from {issuers}"
            if stack.name.casefold() in base.casefold():
                return sentence(said), letters
            return f"{stack.name} with {said}", letters
        said = "certified by" if exams else "credentials from"
        if stack.name.casefold() in base.casefold():  # "moving into Digital Marketing ..."
            return sentence(f"{said} {issuers}"), []
        return f"{stack.name} {said} {issuers}", []
    best = strongest_in_field(
        loaded,
        [
            c
            for c in loaded.valid_credentials
            if not c.is_completion_only and c.id not in lettered and c.name not in base
        ],
    )
    if not best:
        return None, []
    names = join_words([c.name for c in best])
    named = any("certif" in c.name.casefold() for c in best)  # "... Certification certified"
    exams = all(proven_by_exam(c) for c in best)
    return (f"{names} certified" if exams and not named else names), []


_STRENGTH = {Assessment.EXAM: 0, Assessment.PROJECT: 1, Assessment.GRADED: 2}


def strongest_in_field(loaded: LoadedProfile, candidates: list[Credential]) -> list[Credential]:
    """At most the two strongest of `candidates` in the person's field (the first of
    `strategy.field.person_field`, read from the person before the credentials),
    exam-proven first, then project, then graded, newest first among equals; or none: a
    headline of unrelated courses reads as a collector's."""
    from showcase.strategy.field import credential_terms, fields_of, person_field

    fields = person_field(loaded)
    if not fields:
        return []
    related = [c for c in candidates if fields[0] in fields_of(credential_terms(c))]
    ranked = sorted(
        related,
        key=lambda c: (
            0 if proven_by_exam(c) else 1 + _STRENGTH.get(c.assessment or Assessment.NONE, 3),
            -c.issued.first_day.toordinal(),
        ),
    )
    return ranked[:2]


def _role_part(loaded: LoadedProfile, base: str) -> str | None:
    """``Open to X roles``, only when the person says so in public (`open_to.visibility`);
    a stack's target role alone never implies a search."""
    if not loaded.seeks_publicly:
        return None
    roles = [r for r in loaded.open_roles if r.casefold() not in base.casefold()]
    return f"Open to {join_words(roles, 'or')} roles" if roles else None


def headline(loaded: LoadedProfile, tailor: Tailoring | None = None) -> Headline:
    """At most 220 characters: who you are, your letters, your stack, the role you want.

    Aimed at a posting whose title is a complete stack's target role, it leads with
    that title (the role is then not said again at the end).
    """
    profile = loaded.profile
    jobs = loaded.jobs_newest_first
    base = profile.headline or (jobs[0].title if jobs else "")
    stack_part, said = _credentials_part(loaded, base)
    letters = [n for n in letters_unsaid(loaded, base) if n not in said]
    lead = ""
    if (
        tailor is not None
        and tailor.posting.title
        and any(tailor.names_role(s.target_role) for s in loaded.complete_stacks)
    ):
        lead = tailor.posting.title
    parts = [
        lead,
        base,
        ", ".join(letters),
        stack_part or "",
        "" if lead else _role_part(loaded, base) or "",
    ]
    parts = [p for p in parts if p]
    # Drop from the end, keeping who you are, until it fits.
    while len(parts) > 1 + bool(lead) and len(" | ".join(parts)) > HEADLINE_LIMIT:
        parts.pop()
    text = " | ".join(parts)
    if len(text) > HEADLINE_LIMIT:
        text = shorten(text, HEADLINE_LIMIT)
    return Headline(text)
