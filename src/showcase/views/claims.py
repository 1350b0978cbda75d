"""What the cover letter and the About section must not say, beyond the claim checker.

They speak for the person, so they go through the one claim checker of the project
(`showcase.strategy.claims.unsupported`: every skill, tool, certification, issuer,
percentage and amount in the profile). `unheld` adds what a letter says that the other
artifacts do not: every number ("a team of 40", "in 2025") is in the profile, and every
organisation named after "at" or "from" is an employer, issuer or school of the profile
(or the posting's company, passed in `names`).

`copied` finds the posting's own phrases in a text: a letter names what a posting asks
for by the vocabulary's names, never in the posting's words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from showcase.profile import LoadedProfile
from showcase.strategy.claims import profile_text, unsupported
from showcase.strategy.matcher import matcher

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_ORG_WORD = r"[A-Z][\w&'’.+-]*"
_ORG = re.compile(rf"\b(?:at|from) (?:the )?({_ORG_WORD}(?: (?:{_ORG_WORD}|of|for|and|&)){{0,6}})")
COPY_WORDS = 5  # this many of the posting's words in a row, not in the profile, is copying


def unheld(text: str, loaded: LoadedProfile, *, names: Iterable[str] = ()) -> list[str]:
    """What `text` presents as the person's that the profile does not hold: the claim
    checker's findings ("term: Salesforce"), then numbers and organisations."""
    names = [n for n in names if n.strip()]
    out = [f"{claim.kind}: {claim.text}" for claim in unsupported(text, loaded, names=names)]
    source = "\n".join([profile_text(loaded), *names])
    digits = {n.replace(",", "") for n in _NUMBER.findall(source)}
    said = " ".join(out)
    for number in _NUMBER.findall(text):
        if number.replace(",", "").rstrip(".") not in digits and number not in said:
            out.append(f"number: {number}")
    folded = source.casefold()
    for org in _ORG.findall(text):
        name = _organisation(org)
        if name and name.casefold() not in folded and f"issuer: {name}" not in said:
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
