"""One claim checker: what a text presents as the user's must be in the profile.

Every artifact showcase writes speaks for the user. A text claims, as the user's:

* every vocabulary term it names (a tool, a skill, a method, a certification),
* every issuer of the catalog it names ("from Google", "certified by PMI"),
* every percentage and money amount ("raised CTR 18%", "$3M budget").

Each must be in the profile: the term shown by it (a credential, a skill, a job, the
skill a job's title names, a project, or implied by one: a HubSpot certification shows
HubSpot), the issuer one of its credentials' issuers or employers, the figure written
somewhere in it.

Not claims: text in quotation marks (a posting's line, quoted), and sentences that say
plainly they are not the user's: what a posting asks for, what the profile does not show
yet, what to learn or earn ("The posting asks for Smartsheet; your profile doesn't show
it yet"). `unsupported(text, loaded)` lists what is left; tests run it over every
artifact of generated profiles and postings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from showcase.profile import LoadedProfile
from showcase.strategy import catalog as cat
from showcase.strategy.coverage import expand
from showcase.strategy.evidence import title_terms
from showcase.strategy.matcher import matcher
from showcase.strategy.vocabulary import Term, normalize

NOT_THE_USERS = re.compile(
    r"posting (?:asks|also asks|names|wants|states|is likely)|asks for|doesn.t show|"
    r"does not show|what experience do you have|to learn|not yet|would teach|"
    r"not in your profile|missing|earn next|suggest|no story shows|prepare one",
    re.I,
)
MEDIA = ("LinkedIn",)  # where an artifact goes: named in instructions, never a claim
_CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)
_URL = re.compile(r"\]\([^)\s]*\)|https?://\S+|www\.\S+")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"|«[^»]*»")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+|\s\|\s")
_FIGURE = re.compile(
    r"(?<![\w.\d])(?:\$\s?\d[\d,.]*+\s?(?:[kKmMbB]\b|million|billion)?|\d[\d,.]*+\s?%)"
)


@dataclass(frozen=True)
class Claim:
    """Something a text presents as the user's that the profile does not show."""

    kind: str  # "term", "issuer" or "figure"
    text: str  # as written
    sentence: str  # where


def unsupported(text: str, loaded: LoadedProfile, *, names: Iterable[str] = ()) -> list[Claim]:
    """The claims of `text` that `loaded`'s profile does not support (see the docstring).

    `names` are no claims where they appear: the posting's title and company ("the
    Digital Marketing Manager role at Acme"), the question bank's competency labels.
    Nor are code (``yaml`` blocks of advice), web addresses, and LinkedIn, where the
    artifact goes.
    """
    text = _CODE.sub(" ", text)
    text = _URL.sub(" ", text)
    for name in sorted({*names, *MEDIA}, key=len, reverse=True):
        if name.strip():
            text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", text, flags=re.I)
    match = matcher()
    corpus = profile_text(loaded)
    folded = normalize(corpus)
    shown = _shown_terms(loaded, corpus)
    issuers = {normalize(c.issuer) for c in loaded.profile.credentials} | {
        normalize(job.organization) for job in loaded.profile.experience
    }
    figures = {_figure_key(f) for f in _FIGURE.findall(corpus)}
    out: list[Claim] = []
    for sentence in _SENTENCE.split(_QUOTED.sub(" ", text)):
        if not sentence.strip() or NOT_THE_USERS.search(sentence):
            continue
        for term, written in match.terms(sentence, context=False).items():
            if term not in shown and normalize(written) not in folded:
                out.append(Claim("term", written, sentence.strip()))
        # An issuer inside a product's name ("Microsoft Word") is the product, checked above.
        bare = sentence
        for start, end in reversed(match.spans(sentence)):
            bare = bare[:start] + " " + bare[end:]
        for issuer in _known_issuers():
            if not _names(issuer, bare) or normalize(issuer) in folded:
                continue
            if not any(cat.same_issuer(issuer, own) for own in issuers):
                out.append(Claim("issuer", issuer, sentence.strip()))
        for figure in _FIGURE.findall(sentence):
            if _figure_key(figure) not in figures:
                out.append(Claim("figure", figure, sentence.strip()))
    return out


def profile_text(loaded: LoadedProfile) -> str:
    """Every string the profile holds, one a line."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    walk(loaded.profile.model_dump(mode="json"))
    return "\n".join(found)


def _shown_terms(loaded: LoadedProfile, corpus: str) -> set[Term]:
    match = matcher()
    found = set(match.terms(corpus, context=False))
    for credential in loaded.profile.credentials:
        for text in (credential.name, *credential.skills):
            term = match.vocab.find(text)
            if term is not None:
                found.add(term)
    for job in loaded.profile.experience:  # "Cloud Engineer": cloud engineering
        found.update(title_terms(job.title, match))
    return expand(found, match)


@lru_cache(maxsize=1)
def _known_issuers() -> tuple[str, ...]:
    names = {entry.issuer for entry in cat.catalog().credentials}
    names.update(cat.catalog().recognised_issuers)
    return tuple(sorted(names, key=len, reverse=True))


def _names(issuer: str, sentence: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(issuer)}(?![\w-])", sentence) is not None


def _figure_key(figure: str) -> str:
    return re.sub(r"[\s,]", "", figure).casefold().rstrip(".")
