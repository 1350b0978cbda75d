"""The LinkedIn headline: at most 220 characters, written as a person would.

Who you are, the credentials behind it and the role you want, each said once: a
credential that puts letters after your name is named by its letters only ("PMP"),
never also by its issuer or full name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from showcase.profile import Credential, LoadedProfile
from showcase.profile.loaded import earns_letters
from showcase.profile.models import Assessment, Kind
from showcase.views.common import join_words, sentence, shorten

if TYPE_CHECKING:
    from showcase.strategy.tailor import Tailoring

HEADLINE_LIMIT = 220  # characters LinkedIn allows in a headline


@dataclass(frozen=True)
class Headline:
    text: str


def _proven_by_exam(credential: Credential) -> bool:
    """Whether "certified by" is true of it: a certification, a licence, or an exam."""
    return (
        credential.kind in (Kind.CERTIFICATION, Kind.LICENSE)
        or credential.assessment == Assessment.EXAM
    )


def _credentials_part(loaded: LoadedProfile, base: str) -> tuple[str | None, list[str]]:
    """``Digital Marketing certified by Google, HubSpot Academy and Meta``, or the names of
    the best credentials when there is no complete stack; and the letters it says.

    "X from ORG" names the issuer of every credential it stands for: a stack with a
    lettered member says its letters inside ("Agile Project Management with PSM I and
    credentials from Google"), never "Agile Project Management credentials from Google"
    for a Scrum.org and a Google credential.
    """
    lettered = {c.id for c in loaded.valid_credentials if c.post_nominal and earns_letters(c)}
    complete = loaded.complete_stacks
    if complete:
        stack = complete[0]
        members = [loaded.profile.credential(cid) for cid in stack.credentials]
        rest = [c for c in members if c.id not in lettered and not c.is_completion_only]
        if not rest:
            return None, []
        issuers = join_words(list(dict.fromkeys(c.issuer for c in rest)))
        exams = all(_proven_by_exam(c) for c in rest)
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
    best = [
        c
        for c in loaded.valid_credentials
        if not c.is_completion_only and c.id not in lettered and c.name not in base
    ][:2]
    if not best:
        return None, []
    names = join_words([c.name for c in best])
    return (f"{names} certified" if all(_proven_by_exam(c) for c in best) else names), []


def _role_part(loaded: LoadedProfile, base: str) -> str | None:
    profile = loaded.profile
    if profile.open_to:
        roles = [r for r in profile.open_to if r.casefold() not in base.casefold()]
        return f"Open to {join_words(roles, 'or')} roles" if roles else None
    complete = loaded.complete_stacks
    target = complete[0].target_role if complete else None
    if target and target.casefold() not in base.casefold():
        return f"Working toward {target}"
    return None


def headline(loaded: LoadedProfile, tailor: Tailoring | None = None) -> Headline:
    """At most 220 characters: who you are, your letters, your stack, the role you want.

    Aimed at a posting whose title is a complete stack's target role, it leads with
    that title (the role is then not said again at the end).
    """
    profile = loaded.profile
    base = profile.headline or (profile.experience[0].title if profile.experience else "")
    stack_part, said = _credentials_part(loaded, base)
    letters = [
        n for n in loaded.post_nominals if n.casefold() not in base.casefold() and n not in said
    ]
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
