"""The LinkedIn headline: at most 220 characters."""

from __future__ import annotations

from dataclasses import dataclass

from showcase.profile import LoadedProfile
from showcase.views.common import (
    join_words,
    shorten,
)

HEADLINE_LIMIT = 220  # characters LinkedIn allows in a headline


@dataclass(frozen=True)
class Headline:
    text: str


def headline(loaded: LoadedProfile) -> Headline:
    """At most 220 characters: who you are, the stack you built, the role you aim at."""
    profile = loaded.profile
    base = profile.headline or (profile.experience[0].title if profile.experience else "")
    parts: list[str] = [base] if base else []
    complete = loaded.complete_stacks
    if complete:
        stack = complete[0]
        issuers = list(dict.fromkeys(profile.credential(c).issuer for c in stack.credentials))
        parts.append(f"{stack.name}: {join_words(issuers)} certified")
        if stack.target_role and stack.target_role.casefold() not in base.casefold():
            parts.append(f"Aspiring {stack.target_role}")
    else:
        best = [c for c in loaded.valid_credentials if not c.is_completion_only][:2]
        if best:
            parts.append(join_words([c.name for c in best]))
    if loaded.post_nominals:
        parts.append(", ".join(loaded.post_nominals))
    parts = [p for p in parts if p]
    while len(parts) > 1 and len(" | ".join(parts)) > HEADLINE_LIMIT:
        parts.pop()
    text = " | ".join(parts)
    if len(text) > HEADLINE_LIMIT:
        text = shorten(text, HEADLINE_LIMIT)
    return Headline(text)
