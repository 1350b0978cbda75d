"""LinkedIn announcement posts: what each says, its hashtags, and fitting it to the limits.

Limits, as LinkedIn applies them (docs/profile-format.md and the README cite them):
* a post holds at most 3,000 characters;
* the "...see more" fold falls near 210 characters on desktop (~140 on mobile), so
  the credential's name and issuer must come first;
* 3 to 5 hashtags, at the end, in CamelCase (screen readers read them word by word).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace

from showcase.profile import Credential, LoadedProfile, Stack
from showcase.profile.models import Assessment, Kind
from showcase.views.common import (
    CredentialFacts,
    credential_facts,
    file_slug,
    in_sentence,
    join_words,
    shorten,
    titled,
)

POST_LIMIT = 3000  # LinkedIn's maximum post length
FOLD = 210  # "...see more" on desktop
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


@dataclass(frozen=True)
class PostDraft:
    """A post's parts; a template lays them out. Paragraphs may be shortened to fit."""

    slug: str  # file name without extension: "google-ads-search-short"
    title: str  # what the table shows: "Google Ads Search Certification (short)"
    variant: str  # short | story | stack
    hook: str
    paragraphs: tuple[str, ...]
    bullets: tuple[str, ...]
    closing: str
    link: str | None
    hashtags: tuple[str, ...]
    must_show: tuple[str, ...]  # texts that must sit before the fold (name, issuer)


@dataclass(frozen=True)
class Post:
    slug: str
    title: str
    variant: str
    text: str
    warnings: tuple[str, ...] = ()

    @property
    def characters(self) -> int:
        return len(self.text)


def _earned_sentence(facts: CredentialFacts, credential: Credential) -> str:
    """The hook: what was earned, from whom, and how, in one sentence."""
    name, issuer = facts.name, facts.issuer
    where = f" on {facts.platform}" if facts.platform else ""
    if credential.kind == Kind.LICENSE:
        return f"I'm now licensed: {name}, from {issuer}."
    if credential.assessment == Assessment.EXAM:
        return f"I passed the exam and earned the {name} from {issuer}{where}."
    if credential.kind in (Kind.COURSE,) or credential.assessment == Assessment.NONE:
        return f"I've completed {name} from {issuer}{where}."
    if credential.kind == Kind.BADGE:
        return f"I've earned the {name} badge from {issuer}{where}."
    return f"I've earned the {name} from {issuer}{where}."


def _effort(facts: CredentialFacts, credential: Credential) -> str | None:
    how = (
        {
            Assessment.EXAM: "a certification exam",
            Assessment.GRADED: "graded assessments",
            Assessment.PROJECT: "a hands-on project",
        }.get(credential.assessment)
        if credential.assessment
        else None
    )
    if facts.hours and how:
        return f"It took {facts.hours} of study and {how}."
    if facts.hours:
        return f"It took {facts.hours} of study."
    if how:
        return f"It is earned through {how}."
    return None


def _skills_sentence(skills: tuple[str, ...] | list[str]) -> str | None:
    if not skills:
        return None
    return f"It covers {join_words([in_sentence(s) for s in skills])}."


def _thanks(facts: CredentialFacts) -> str:
    names = [facts.issuer] + ([facts.platform] if facts.platform else [])
    return f"Thank you to {join_words(names)}."


def _stack_of(loaded: LoadedProfile, credential: Credential) -> Stack | None:
    for stack in loaded.profile.stacks:
        if credential.id in stack.credentials:
            return stack
    return None


def _credential_posts(loaded: LoadedProfile, credential: Credential) -> list[PostDraft]:
    facts = credential_facts(loaded, credential)
    tags = tuple(hashtags([*credential.skills, credential.issuer], credential.kind))
    hook = _earned_sentence(facts, credential)
    must = (facts.name, facts.issuer)
    verify = f"Verify it here: {facts.verify.url}" if facts.verify else None
    short_paragraphs = [
        p for p in (_skills_sentence(facts.skills), _effort(facts, credential)) if p
    ]
    short = PostDraft(
        slug=f"{file_slug(credential.id)}-short",
        title=f"{facts.name} (short)",
        variant="short",
        hook=hook,
        paragraphs=(" ".join(short_paragraphs),) if short_paragraphs else (),
        bullets=(),
        closing=_thanks(facts),
        link=verify,
        hashtags=tags,
        must_show=must,
    )
    story: list[str] = []
    if facts.learned:
        story.append(f"What I learned: {facts.learned}")
    if facts.applied:
        story.append(f"How I'm applying it: {facts.applied}")
    if not story:
        skills = _skills_sentence(facts.skills)
        if skills:
            story.append(skills)
    effort = _effort(facts, credential)
    if effort:
        story.append(effort)
    stack = _stack_of(loaded, credential)
    if stack is not None:
        others = [
            loaded.profile.credential(cid)
            for cid in stack.credentials
            if cid != credential.id and loaded.is_valid(loaded.profile.credential(cid))
        ]
        sentence = f"It is part of the {stack.name} skill set I'm building"
        if others:
            sentence += ", alongside " + join_words([f"{titled(o)} ({o.issuer})" for o in others])
        if stack.target_role:
            sentence += f", on the way to a {stack.target_role} role"
        story.append(sentence + ".")
    if not (facts.learned or facts.applied or stack is not None):
        return [short]  # a story would only repeat the short post
    story_post = PostDraft(
        slug=f"{file_slug(credential.id)}-story",
        title=f"{facts.name} (story)",
        variant="story",
        hook=f"{hook[:-1]}, and here is what it means for my work."
        if facts.learned or facts.applied
        else hook,
        paragraphs=tuple(story),
        bullets=(),
        closing=_thanks(facts),
        link=verify,
        hashtags=tags,
        must_show=must,
    )
    return [short, story_post]


def _stack_post(loaded: LoadedProfile, stack: Stack) -> PostDraft:
    members = [loaded.profile.credential(cid) for cid in stack.credentials]
    facts = [credential_facts(loaded, c) for c in members]
    dates = sorted(c.issued for c in members)
    count = len(members)
    number = {2: "two", 3: "three", 4: "four", 5: "five"}.get(count, str(count))
    if dates[0] == dates[-1]:
        period = f"In {dates[0].long()}"
    else:
        period = f"Between {dates[0].long()} and {dates[-1].long()}"
    goal = f" on the way to a {stack.target_role} role" if stack.target_role else ""
    hook = (
        f"Not just one tool: a comprehensive understanding of {stack.name}. "
        f"{period} I earned {number} complementary credentials{goal}:"
    )
    bullets = tuple(f"{f.name} ({f.issuer}, {f.issued})" for f in facts)
    paragraphs: list[str] = []
    skills: list[str] = []
    for credential in members:
        skills.extend(credential.skills[:2])
    skills_sentence = _skills_sentence(list(dict.fromkeys(skills)))
    if skills_sentence:
        paragraphs.append("Together they cover " + skills_sentence.removeprefix("It covers "))
    for credential in members:
        if credential.applied:
            paragraphs.append(f"Already in practice: {credential.applied}")
            break
    issuers = list(dict.fromkeys(c.issuer for c in members))
    tags = hashtags([stack.name, *skills, *issuers])
    return PostDraft(
        slug=f"stack-{file_slug(stack.slug)}",
        title=f"{stack.name} (stack)",
        variant="stack",
        hook=hook,
        paragraphs=tuple(paragraphs),
        bullets=bullets,
        closing=f"Thank you to {join_words(issuers)}.",
        link=None,
        hashtags=tuple(tags),
        must_show=(stack.name,),
    )


def post_drafts(
    loaded: LoadedProfile,
    *,
    credential_ids: tuple[str, ...] = (),
    stack_names: tuple[str, ...] = (),
) -> list[PostDraft]:
    """Drafts for the chosen (default: every valid) credential, and for complete stacks."""
    profile = loaded.profile
    chosen_stacks = [
        s
        for s in profile.stacks
        if not stack_names or s.name.casefold() in {n.casefold() for n in stack_names}
    ]
    if credential_ids:
        credentials = [profile.credential(cid) for cid in credential_ids]
    elif stack_names:
        ids = {cid for s in chosen_stacks for cid in s.credentials}
        credentials = [c for c in profile.credentials if c.id in ids]
    else:
        credentials = list(profile.credentials)
    drafts: list[PostDraft] = []
    for credential in credentials:
        if loaded.is_valid(credential):
            drafts.extend(_credential_posts(loaded, credential))
    if not credential_ids:
        complete = {stack.name for stack in loaded.complete_stacks}
        for stack in chosen_stacks:
            if stack.name in complete:
                drafts.append(_stack_post(loaded, stack))
    return drafts


def fit_post(draft: PostDraft, render: Callable[[PostDraft], str]) -> Post:
    """Render `draft`, shortening its paragraphs (last first) until it fits 3,000 characters.

    Text is cut at a sentence or word boundary, never mid-word, and every cut is
    reported as a warning: a post is never shortened silently.
    """
    warnings: list[str] = []
    text = render(draft)
    current = draft
    shortened = False
    while len(text) > POST_LIMIT:
        over = len(text) - POST_LIMIT
        parts = list(current.paragraphs)
        bullets = list(current.bullets)
        if parts:
            last = parts.pop()
            cut = shorten(last, max(0, len(last) - over))
            if cut:
                parts.append(cut)
            current = replace(current, paragraphs=tuple(parts))
        elif bullets:
            bullets.pop()
            current = replace(current, bullets=tuple(bullets))
        elif current.link and len(current.link) > 0 and over > 0 and current.closing:
            current = replace(current, closing="")
        else:
            hook = shorten(current.hook, max(0, len(current.hook) - over))
            current = replace(current, hook=hook, link=None if not hook else current.link)
            if not hook:
                text = shorten(render(current), POST_LIMIT)
                shortened = True
                break
        shortened = True
        text = render(current)
    if shortened:
        warnings.append(
            f"shortened to {len(text):,} characters to fit LinkedIn's {POST_LIMIT:,}-character "
            "limit; read it before posting"
        )
    head = text[:FOLD]
    missing = [m for m in draft.must_show if m not in head]
    if missing:
        warnings.append(
            f"{join_words([repr(m) for m in missing])} does not appear before the "
            f"'...see more' fold ({FOLD} characters); readers will not see it at first"
        )
    return Post(draft.slug, draft.title, draft.variant, text, tuple(warnings))


# --- Licenses & Certifications ------------------------------------------------------------
