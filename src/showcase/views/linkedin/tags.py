"""Hashtags: 3 to 5, at the end, in CamelCase (screen readers read them word by word);
a post gets 3, chosen for reach: the credential or program, the field, the target role
(only with a public search). A tag names only what is true: #ProfessionalCertificate
only for a Professional Certificate.
"""

from __future__ import annotations

import re
import unicodedata

from showcase.profile import Credential
from showcase.profile.loaded import earns_letters
from showcase.profile.models import Kind

MIN_HASHTAGS, MAX_HASHTAGS = 3, 5

_GENERIC_TAGS = ("ProfessionalDevelopment", "LifelongLearning", "Upskilling")
_KIND_TAGS = {
    Kind.CERTIFICATION: "Certification",
    Kind.CERTIFICATE: "ProfessionalCertificate",
    Kind.BADGE: "DigitalBadge",
    Kind.NANODEGREE: "Nanodegree",
    Kind.COURSE: "OnlineLearning",
    Kind.LICENSE: "ProfessionalLicense",
}


def kind_tag(credential: Credential) -> str | None:
    """The tag of what the credential is, only where it is true: #ProfessionalCertificate
    only for a Professional Certificate (not every certificate), #OnlineLearning only for a
    course taken on a platform; a certification, badge, licence or nanodegree is one."""
    if credential.kind == Kind.CERTIFICATE:
        return (
            _KIND_TAGS[Kind.CERTIFICATE]
            if "professional certificate" in (credential.name.casefold())
            else None
        )
    if credential.kind == Kind.COURSE:
        return _KIND_TAGS[Kind.COURSE] if credential.platform else None
    return _KIND_TAGS[credential.kind]


def hashtag(text: str) -> str | None:
    """``search campaigns`` -> ``SearchCampaigns``; ``C++`` -> ``C``; nothing usable -> None.

    Letters outside ASCII are folded (``Café`` -> ``Cafe``) so every tag matches
    ``#[A-Za-z0-9]+``; words keep their own capitals (``HubSpot``, ``SEO``).
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[A-Za-z0-9]+", ascii_text)
    tag = "".join(w[:1].upper() + w[1:] for w in words)
    if not tag or tag.isdigit() or len(tag) > 40:
        return None
    return tag


def hashtags(candidates: list[str], kind: Kind | None = None) -> list[str]:
    """3 to 5 unique CamelCase hashtags from skills and issuers, padded with general ones."""
    tags: list[str] = []
    seen: set[str] = set()
    pool = list(candidates)
    if kind is not None:
        pool.append(_KIND_TAGS[kind])
    for text in [*pool, *_GENERIC_TAGS]:
        tag = hashtag(text)
        if tag and tag.lower() not in seen:
            seen.add(tag.lower())
            tags.append(tag)
        if len(tags) == MAX_HASHTAGS:
            break
        if len(tags) >= MIN_HASHTAGS and text in _GENERIC_TAGS:
            break
    return tags


_GENERIC_NAME_WORDS = {
    "certification",
    "certificate",
    "certified",
    "professional",
    "associate",
    "course",
    "badge",
    "program",
    "programme",
    "specialization",
    "specialisation",
    "the",
}
PROGRAM_TAG_LIMIT = 25  # longer CamelCase tags are hard to read and nobody follows them


def program_tag(credential: Credential) -> str | None:
    """The credential's own tag: its letters (``PMP``), or its name without the generic
    words (``GoogleDataAnalytics``); None when that would mangle it (``CompTIA A+``)."""
    if credential.post_nominal and earns_letters(credential):
        return hashtag(credential.post_nominal)
    name = re.sub(r"\([^)]*\)", " ", credential.name)
    if re.search(r"[^\w\s.,&'’:-]", name):
        return None
    words = [w for w in name.split() if w.casefold().strip(".,:") not in _GENERIC_NAME_WORDS]
    tag = hashtag(" ".join(words))
    if tag is None or len(tag) > PROGRAM_TAG_LIMIT:
        # "Google IT Automation with Python": the program is what comes before its
        # "with", "for" or "in" (#GoogleITAutomation); the whole name was too long a tag,
        # and the post's first tag became a skill.
        head = re.split(r"\s(?:with|for|in|using)\s", " ".join(words), maxsplit=1)[0]
        tag = hashtag(head) if len(head.split()) >= 2 else None
    return tag if tag and len(tag) <= PROGRAM_TAG_LIMIT else None


def three_hashtags(
    program: list[str | None], field: list[str | None], role: list[str | None]
) -> list[str]:
    """Three tags chosen for reach: the credential or program, the field, the target role;
    each slot takes its first usable candidate, and general tags fill what is left."""
    tags: list[str] = []
    seen: set[str] = set()

    def take(candidates: list[str | None]) -> None:
        for text in candidates:
            tag = hashtag(text) if text else None
            if tag and tag.lower() not in seen:
                seen.add(tag.lower())
                tags.append(tag)
                return

    for slot in (program, field, role):
        take(slot)
    for generic in _GENERIC_TAGS:
        if len(tags) >= MIN_HASHTAGS:
            break
        take([generic])
    return tags
