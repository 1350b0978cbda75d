"""The claim check: what a text showcase wrote names that the profile does not hold.

The cover letter and the About section speak for the person, so everything they
name must be the person's: every skill, tool or certification (a vocabulary term)
is one the profile shows, or one the vocabulary says it evidences (Local SEO: SEO;
PSM I: a Scrum certification); every number is in the profile; every organisation
named after "at" or "from" is an employer, issuer or school of the profile. What
the caller allows besides (the posting's title and company, which a letter names
as the posting's) counts as held.

`copied` finds the posting's own phrases in a text: a letter names what a posting
asks for by the vocabulary's names, never in the posting's words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from showcase.profile import LoadedProfile
from showcase.strategy.coverage import expand
from showcase.strategy.matcher import matcher
from showcase.strategy.vocabulary import Term

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_ORG_WORD = r"[A-Z][\w&'’.+-]*"
_ORG = re.compile(rf"\b(?:at|from) (?:the )?({_ORG_WORD}(?: (?:{_ORG_WORD}|of|for|and|&)){{0,6}})")
COPY_WORDS = 5  # this many of the posting's words in a row, not in the profile, is copying


def profile_text(loaded: LoadedProfile) -> str:
    """Every value the profile holds, as one text (in-progress credentials included)."""
    values: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif value is not None:
            values.append(str(value))

    walk(json.loads(loaded.profile.model_dump_json()))
    return "\n".join(values)


def held_terms(loaded: LoadedProfile, allowed: Iterable[str] = ()) -> frozenset[Term]:
    """The terms the profile (and `allowed`) shows, and what they evidence."""
    match = matcher()
    found: set[Term] = set()
    for text in [*profile_text(loaded).split("\n"), *allowed]:
        term = match.vocab.find(text)
        found |= {term} if term is not None else set(match.terms(text, context=False))
    return frozenset(expand(found, match))


def unheld(text: str, loaded: LoadedProfile, *, allowed: Iterable[str] = ()) -> list[str]:
    """What `text` names that the profile does not hold (see the module docstring)."""
    allowed = list(allowed)
    source = "\n".join([profile_text(loaded), *allowed])
    held = held_terms(loaded, allowed)
    out: list[str] = []
    for term in matcher().terms(text, context=False):
        if term not in held:
            out.append(f"term: {term.name}")
    digits = {n.replace(",", "") for n in _NUMBER.findall(source)}
    for number in _NUMBER.findall(text):
        if number.replace(",", "").rstrip(".") not in digits:
            out.append(f"number: {number}")
    folded = source.casefold()
    for org in _ORG.findall(text):
        name = _organisation(org)
        if name and name.casefold() not in folded:
            out.append(f"organisation: {name}")
    return out


def _organisation(found: str) -> str:
    """A name as `_ORG` found it, cut where a sentence ends ("Co. The" -> "Co.") and without
    a trailing "and"; its own last dot left off."""
    words: list[str] = []
    for word in found.split(" "):
        words.append(word)
        if word.endswith("."):
            break
    while words and words[-1] in ("of", "for", "and", "&"):
        words.pop()
    name = " ".join(words)
    return name[:-1] if name.endswith(".") and not name.endswith("Co.") else name


def copied(
    text: str,
    posting: str,
    loaded: LoadedProfile,
    *,
    allowed: Iterable[str] = (),
    words: int = COPY_WORDS,
) -> list[str]:
    """The posting's runs of `words` words that `text` repeats and the profile does not have.

    Skill names count as one word each and are not copying on their own ("Google Ads and
    Meta Ads Manager" is a list of names); a run must have at least `words` - 2 words of
    the posting's own. `allowed` (its title and company) is never copying.
    """
    own = _runs(_masked(profile_text(loaded), allowed), words)
    theirs = _runs(_masked(posting, allowed), words) - own
    found = _runs(_masked(text, allowed), words) & theirs
    return [" ".join(run) for run in sorted(found) if sum(w != _MASK for w in run) >= words - 2]


_MASK = "§"


def _masked(text: str, allowed: Iterable[str]) -> str:
    """`text` with each vocabulary term, and each of `allowed`, replaced by one mark."""
    for phrase in allowed:
        if phrase:
            text = text.replace(phrase, f" {_MASK} ")
    spans = matcher().spans(text)
    for start, end in sorted(spans, reverse=True):
        text = f"{text[:start]} {_MASK} {text[end:]}"
    return text


def _runs(text: str, size: int) -> set[tuple[str, ...]]:
    tokens = re.findall(r"[\w'’+#/§-]+", text.casefold())
    return {tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}
