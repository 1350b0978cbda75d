"""Small pieces every view shares: how a credential, a link or a date range reads."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from showcase.files import file_slug as file_slug  # re-exported for views
from showcase.files import file_stem as file_stem
from showcase.profile import Credential, LoadedProfile, Status
from showcase.profile.models import Assessment, Kind
from showcase.profile.types import PartialDate
from showcase.views.grammar import join_words as join_words  # re-exported for views
from showcase.views.grammar import term as as_term
from showcase.views.post_nominals import says_letters

if TYPE_CHECKING:
    from showcase.strategy.catalog_entry import Entry


@dataclass(frozen=True)
class Link:
    """A link written out for people and ATS parsers alike: ``linkedin.com/in/jordan``."""

    url: str
    text: str
    label: str = ""


def link(url: str, label: str = "") -> Link:
    """A link whose text is the address: ``linkedin.com/in/jordan``."""
    return Link(url=url, text=display_url(url), label=label)


def verify_link(url: str) -> Link:
    """Where a credential is verified, shown as its host alone: ``credly.com``.

    One rule for every credential: a verification address is long, often carries
    the credential's ID (``skillshop.credential.net/137442019``) and would wrap; the
    host tells a reader where it points (ATS guidance allows "links written out or
    labelled"), and the link itself keeps the whole URL.
    """
    return Link(url=url, text=display_host(url))


def display_host(url: str) -> str:
    """``https://www.credly.com/badges/5d1c`` -> ``credly.com``."""
    parts = urlsplit(url)
    return (parts.hostname or parts.netloc).removeprefix("www.")


def display_url(url: str) -> str:
    """``https://www.linkedin.com/in/jordan/`` -> ``linkedin.com/in/jordan``."""
    parts = urlsplit(url)
    host = parts.netloc.removeprefix("www.")
    rest = parts.path.rstrip("/")
    if parts.query:
        rest += f"?{parts.query}"
    return host + rest


def date_range(
    start: PartialDate | None, end: PartialDate | str | None, *, open_ended: bool = True
) -> str:
    """``May 2021 – Present``; an absent end means present when `open_ended`."""
    from showcase.views.locale import ENGLISH

    return ENGLISH.date_range(start, end, open_ended=open_ended)


@dataclass(frozen=True)
class CredentialFacts:
    """What every artifact says about one credential, already worded."""

    id: str
    name: str
    issuer: str
    platform: str | None  # only when it differs from the issuer
    issued: str
    expires: str | None
    status: Status
    credential_id: str | None
    verify: Link | None
    skills: tuple[str, ...]
    hours: str | None
    completion_only: bool
    learned: str | None
    applied: str | None

    @property
    def expired(self) -> bool:
        return self.status == Status.EXPIRED

    @property
    def issuer_line(self) -> str:
        """``Google (via Coursera)``."""
        return f"{self.issuer} (via {self.platform})" if self.platform else self.issuer


def format_hours(hours: float | None) -> str | None:
    if hours is None:
        return None
    value = f"{hours:g}"
    return f"{value} hour{'' if value == '1' else 's'}"


def credential_facts(loaded: LoadedProfile, credential: Credential) -> CredentialFacts:
    platform = credential.platform
    if platform and platform.casefold() == credential.issuer.casefold():
        platform = None
    return CredentialFacts(
        id=credential.id,
        name=credential.name,
        issuer=credential.issuer,
        platform=platform,
        issued=credential.issued.short(),
        expires=credential.expires.short() if credential.expires else None,
        status=loaded.status(credential),
        credential_id=credential.credential_id,
        verify=verify_link(credential.url) if credential.url else None,
        skills=tuple(credential.skills),
        hours=format_hours(credential.hours),
        completion_only=credential.is_completion_only,
        learned=credential.learned,
        applied=credential.applied,
    )


def newest_first(credentials: list[Credential]) -> list[Credential]:
    """Newest first, completion-only last; stable, so profile order breaks ties."""
    by_date = sorted(credentials, key=lambda c: c.issued.first_day, reverse=True)
    return sorted(by_date, key=lambda c: c.is_completion_only)


_SENTENCE_END = (". ", "! ", "? ", ".\n", "!\n", "?\n")


def shorten(text: str, limit: int, *, ellipsis: str = "…") -> str:
    """`text` in at most `limit` characters, cut at a sentence or else a word boundary.

    Never cuts inside a word: if not even the first word fits, returns "".
    """
    if len(text) <= limit:
        return text
    window = text[: limit + 1]
    sentence_cut = max(window.rfind(end) for end in _SENTENCE_END)
    if sentence_cut >= limit // 2:
        return text[: sentence_cut + 1].rstrip()
    room = limit - len(ellipsis)
    if room <= 0:
        return ""
    window = text[: room + 1]
    cut = max(window.rfind(" "), window.rfind("\n"))
    if cut <= 0:
        return ""
    return text[:cut].rstrip(" ,;:-–") + ellipsis


def in_sentence(term: str) -> str:
    """How a skill reads mid-sentence (``Copywriting`` -> ``copywriting``, ``google ads`` ->
    ``Google Ads``): the one rule, `showcase.views.grammar.term`."""
    return as_term(term)


def spoken(credential: Credential) -> tuple[str, str]:
    """The name and issuer a sentence says: the profile's own, but the catalog's where the
    profile writes only letters the catalog knows for certain from that issuer ("BLS" from
    "AHA": "Basic Life Support (BLS)" from "American Heart Association (AHA)"). A list, a
    table or a form keeps what the profile wrote."""
    entry = _spelled_out(credential.name, credential.issuer)
    if entry is None:
        return credential.name, credential.issuer
    issuer = credential.issuer
    return entry.name, entry.issuer if issuer.isupper() and " " not in issuer else issuer


_LETTERS_ONLY = re.compile(r"[A-Z][A-Z0-9&+/-]{1,9}")


@lru_cache(maxsize=256)
def _spelled_out(letters: str, issuer: str) -> Entry | None:
    """The catalog entry a credential written by its letters alone certainly is: "BLS"
    from "AHA" or the "American Heart Association" (its own issuer, never a first word of
    it, "American", nor another body), never a name of more than letters ("BLS Provider")."""
    from showcase.strategy.catalog import by_letters

    return by_letters(letters, issuer, own=True) if _LETTERS_ONLY.fullmatch(letters) else None


def titled(credential: Credential) -> str:
    """``the Google Ads Search Certification``, but ``People Analytics`` for a course."""
    name = spoken(credential)[0]
    if credential.kind == Kind.COURSE or credential.assessment == Assessment.NONE:
        return name
    return f"the {name}"


def possessive(name: str) -> str:
    """``Google's``, but ``Amazon Web Services'``: a name ending in s takes an apostrophe only."""
    if name.endswith(("s", "S")) and not name.endswith(("ss", "SS")):
        return f"{name}'"
    return f"{name}'s"


# An organisation named for what it is takes "the": a body, wherever its name puts it ("the
# American Heart Association", "the Texas Board of Nursing", "the American Red Cross", "the
# U.S. Army"), and a seat of learning or an office only "of" or "for" something ("the
# University of Pennsylvania", "the Office of Personnel Management"; "Johns Hopkins
# University", "HubSpot Academy", "Microsoft Office" and "Western Union" are names of their
# own). Its letters after it count for nothing: "the American Heart Association (AHA)".
# Nouns a company's name ends in ("Group", "Services", "Trust") are neither: "Nielsen Norman
# Group", "Amazon Web Services".
_BODIES = (
    "Institute|Society|Association|Council|Foundation|Board|Federation|Commission|Center|"
    "Centre|League|Bureau|Department|Authority|Agency|Administration|Organization|"
    "Organisation|Registry|Consortium|Committee|Ministry|Red Cross|Red Crescent|Army|Navy|"
    "Air Force|Corps|Coast Guard"
)
_SEATS = "University|Academy|College|School|Office|Union|Chamber"
_THE_ORGS = re.compile(rf"\b(?:{_BODIES}|{_SEATS}) (?:of|for)\b|\b(?:{_BODIES})(?:\s*\([^()]*\))?$")


def org_name(issuer: str) -> str:
    """How an organisation reads mid-sentence: ``the Project Management Institute``,
    ``the University of Pennsylvania``, but ``Google`` and ``HubSpot Academy``."""
    if issuer[:4].casefold() == "the " or not _THE_ORGS.search(issuer):
        return issuer
    return f"the {issuer}"


def letters_unsaid(loaded: LoadedProfile, text: str | None) -> list[str]:
    """The letters after the name that `text` does not already say: beside a headline
    "Registered Nurse, Medical-Surgical", the "RN" of a Registered Nurse License is said
    twice ("RN · Registered Nurse, ..."), and the words, which say more, are kept."""
    return [
        str(c.post_nominal)
        for c in loaded.lettered
        if not (text and says_letters(text, str(c.post_nominal), c.name))
    ]


def same_title(a: str, b: str) -> bool:
    """Whether two job titles are one, whatever their case and punctuation: "Registered
    Nurse, Medical-Surgical" is "Registered Nurse - Medical/Surgical"; a sign that is part
    of a name is not punctuation ("C++ Developer" is no "C Developer")."""

    def words(title: str) -> list[str]:
        return re.findall(r"[^\W_]+[+#]*", title.casefold())

    return words(a) == words(b)


def end_of(text: str) -> str:
    """`text` closing a sentence: "Acme Outdoor Co." and "S.A. de C.V." keep their one dot."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


_TWO_STOPS = re.compile(r"(?<!\.)\.\.(?!\.)")


def one_stop(text: str) -> str:
    """A phrase bank's sentence filled in, with a name's own dot and the sentence's as one
    ("... from Acme e.V.." -> "... e.V."); an ellipsis stays."""
    return _TWO_STOPS.sub(".", text)


def sentence(text: str) -> str:
    """`text` with its first letter in capitals, as a sentence starts."""
    return text[:1].upper() + text[1:]


def of_issuer(credential: Credential, *, article: bool = True) -> str:
    """``the Content Marketing Certification from HubSpot Academy``: a credential and its
    issuer in a sentence, never ``(PMP) (Project Management Institute`` (a bracket after a
    bracket); the issuer once, so ``the Google Ads Search Certification`` alone, when the
    name opens with it ("... Certification from Google" said Google twice)."""
    return with_issuer(credential, titled(credential) if article else spoken(credential)[0])


def with_issuer(credential: Credential, said: str) -> str:
    """`said` (the credential's name, or "the X badge") and "from" its issuer, unless the
    name opens with the issuer's name: ``the Google Ads Search Certification``."""
    name, issued_by = spoken(credential)
    words = _words(issued_by)
    if words and _words(name)[: len(words)] == words:
        return said
    return f"{said} from {org_name(issued_by)}"


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.casefold())


def stable_index(key: str, size: int) -> int:
    """A position in ``range(size)`` that depends only on `key`: the same profile always
    picks the same wording (Python's own ``hash`` changes from run to run)."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % size if size else 0


# Words spelt with a vowel that start with a "y" or "w" sound, and with a silent h.
_CONSONANT_SOUND = re.compile(
    r"(?:uni(?!nt|mp|nf|ns)|us[aeu]|uti|ur[eo]|ukr|ubi|eu|one\b|once\b)", re.I
)
_SILENT_H = re.compile(r"(?:hour|honest|honou?r|heir)", re.I)


# A word in capitals said as a word, not letter by letter ("SENIOR", "NASA", "SHRM"): four
# letters or more, opening with a consonant and then a vowel or the start of a syllable.
_SAID_AS_A_WORD = re.compile(
    r"[B-DF-HJ-NP-TV-Z][AEIOUY]|(?:SCR|SPR|STR|SPL|THR|SHR|CHR)|S[CHKLMNPTW]|[BCDFGKPT][LR]"
    r"|[CSTW]H|WR|KN|QU"
)


def a_or_an(phrase: str) -> str:
    """``a Digital Marketing Manager``, ``an HR Business Partner``, ``a UX Designer``,
    ``a User Researcher``, ``an Hourly Manager``, ``a SENIOR ACCOUNTANT``: by the sound,
    not the letter."""
    first = phrase[:1]
    word = re.match(r"[A-Z]+", phrase)
    if word and len(word[0]) >= 4 and _SAID_AS_A_WORD.match(word[0]):
        vowel_sound = bool(_SILENT_H.match(phrase))  # NASA, SHRM, SENIOR, but an HONEST
    elif phrase[:2].isupper():  # an initialism, read letter by letter: an HR, a UX, an MBA
        vowel_sound = first in "AEIOFHLMNRSX"
    else:
        vowel_sound = (first in "AEIOUaeiou" and not _CONSONANT_SOUND.match(phrase)) or bool(
            _SILENT_H.match(phrase)
        )
    return f"{'an' if vowel_sound else 'a'} {phrase}"
