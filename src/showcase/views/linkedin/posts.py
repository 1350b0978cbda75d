"""LinkedIn announcement posts: what each says, its hashtags, and fitting it to the limits.

Limits, as LinkedIn applies them (docs/profile-format.md and the README cite them):
* a post holds at most 3,000 characters;
* the "...see more" fold falls near 210 characters on desktop (~140 on mobile), so
  the credential's name and issuer must come first;
* 3 to 5 hashtags, at the end, in CamelCase (screen readers read them word by word);
  we write 3, chosen for reach: the credential or program, the field, the target role.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace

from showcase.profile import Credential, LoadedProfile, Stack
from showcase.profile.loaded import earns_letters
from showcase.profile.models import Assessment, Kind
from showcase.views.common import (
    CredentialFacts,
    a_or_an,
    credential_facts,
    file_slug,
    in_sentence,
    join_words,
    of_issuer,
    org_name,
    possessive,
    sentence,
    shorten,
    stable_index,
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


# --- wording ---------------------------------------------------------------------------
# Several openings and closings for each kind of post. A kit picks one per post by a
# stable hash of the credential id and never the same one twice (`_Wording`), so posts
# about different credentials never open or close the same way, and the same profile
# always gives the same posts. Fields: {name}, {the} ("the X", or "X" for a course),
# {issuer}, {issuer_s} (possessive), {month} ("February 2026"), {proof} ("a capstone
# project"), {badge} ("the X badge"), {first}, {until}.

OPENINGS: dict[str, tuple[str, ...]] = {
    "exam": (
        "I passed {issuer_s} exam for {the}.",
        "New certification: {name}, from {issuer}.",
        "Exam passed: {the} from {issuer} is now on my profile.",
        "Good news from {issuer}: I passed the exam and earned {the}.",
        "One exam, one new credential: {the} from {issuer}.",
        "I'm pleased to share that I passed the exam for {the} from {issuer}.",
        "As of {month}, I hold {the}, awarded by {issuer} on passing its exam.",
        "Certified: {name}, awarded by {issuer} after an exam.",
    ),
    "certification": (  # a certification whose assessment the profile does not say
        "I've earned {the} from {issuer}.",
        "Now certified: {name}, from {issuer}.",
        "Certification earned: {the} from {issuer}.",
        "I hold a new certification: {the} from {issuer}.",
    ),
    "project": (
        "I've completed {the} from {issuer}, including {proof}.",
        "{issuer} has awarded me {the}, earned through {proof}.",
        "Finished and submitted: {the} from {issuer}, {proof} included.",
        "A new credential on my profile: {name} from {issuer}.",
        "In {month} I completed {the} from {issuer}.",
        "Now on my profile: {the} from {issuer}, earned through {proof}.",
    ),
    "course": (
        "I've finished {name}, a course from {issuer}.",
        "Course complete: {name} from {issuer}.",
        "{name} from {issuer}: done, {proof} included.",
        "I took {name}, a course from {issuer}, and completed {proof}.",
        "Learning update: I completed {name}, a course from {issuer}.",
        "Back to class: {name}, a course from {issuer}, is complete.",
    ),
    "short-course": (
        "I finished {name}, a short course from {issuer}.",
        "A short course, well spent: {name} from {issuer}.",
        "Worth the time: {name}, a short course from {issuer}.",
    ),
    "badge": (
        "New badge: {name}, issued by {issuer}.",
        "I've earned {badge} from {issuer}.",
        "{issuer} has issued me {badge}.",
        "Adding a badge to my profile: {name} from {issuer}.",
        "Badge earned: {name}, from {issuer}.",
        "A small milestone: {badge} from {issuer}.",
    ),
    "renewal": (
        "I've renewed {the} from {issuer}.",
        "Recertified: {the}, from {issuer}, first earned in {first}.",
        "Renewed{until}: {the} from {issuer}.",
        "Keeping it current: I've recertified for {the} from {issuer}.",
    ),
    "license": (
        "I'm now licensed: {name}, from {issuer}.",
        "Licensed: {name}, issued by {issuer}.",
        "{issuer} has granted me {the}.",
    ),
    "stack": (
        "{count} credentials, one direction: {stack}.",
        "{stack} is where I'm heading, and these {number} credentials are how I'm getting there.",
        "I've been building a {stack} skill set one credential at a time; here are the {number}.",
        "{period} I earned {number} credentials that add up to one field: {stack}.",
    ),
}
# When a kit has more posts of one kind than that kind has openings, these follow; they
# claim nothing about how the credential was earned.
GENERAL_OPENINGS = (
    "Adding to my profile: {the} from {issuer}.",
    "Just added: {the}, from {issuer}.",
    "Latest credential: {name} from {issuer}.",
    "Sharing a milestone: {the} from {issuer}.",
    "Proud of this one: {the} from {issuer}.",
    "Worth sharing: {the} from {issuer}.",
    "Update from my learning: {the} from {issuer}.",
    "To my network: {the} from {issuer} is now on my profile.",
)
# The second sentence of a story post's hook.
LEADS = (
    "Here is what it taught me and where I'm using it.",
    "A few notes on what it changed for me.",
    "Some notes on the learning, and on putting it to use.",
    "What follows is what I took from it.",
    "Here is the short version of what it gave me.",
)
# Labels that let the user's own words stand as written: a fragment ("Used a charter
# to ...") or a noun phrase ("The ADKAR model ...") reads right after a colon.
LABELS: dict[str, tuple[str, ...]] = {
    "why": ("Why I took it:", "Why this one:", "What I wanted from it:", "The reason I signed up:"),
    "learned": (
        "What I learned:",
        "What stuck with me:",
        "The most useful part:",
        "What I took away:",
    ),
    "applied": (
        "How I'm applying it:",
        "Already in practice:",
        "Where it shows up in my work:",
        "Put to work:",
    ),
}
SKILLS = (
    "It covers {skills}.",
    "The syllabus: {skills}.",
    "Topics included {skills}.",
    "The ground it covers: {skills}.",
    "It spans {skills}.",
    "Focus areas: {skills}.",
)
EFFORT = (  # only for credentials that test something: never a completion-only course
    "It took {hours} of study.",
    "About {hours} of study went into it.",
    "Behind it: {hours} of study.",
    "The preparation took {hours}.",
)
HOW = (
    "It is earned through {how}.",
    "It is awarded only after {how}.",
    "Earning it takes {how}.",
)
STACK_SENTENCES = (
    "It joins {others} in the {stack} skill set I'm building{goal}.",
    "Together with {others}, it rounds out my {stack} skill set{goal}.",
    "With {others}, it makes {number} {stack} credentials{goal}.",
    "Alongside {others}, it is part of my {stack} skill set{goal}.",
)
STACK_SKILLS = ("Together they cover {skills}.", "Between them: {skills}.")
THANKS = (
    "Thank you to {thanked}.",
    "My thanks to {thanked}.",
    "With thanks to {thanked}.",
    "Thanks to {thanked} for the learning.",
    "Grateful to {thanked}.",
    "A thank-you to {thanked}.",
    "Many thanks to {thanked}.",
    "Thanks go to {thanked}.",
    "I'm grateful to {thanked}.",
)
VERIFY = (
    "Verify it here: {url}",
    "You can verify it at {url}",
    "Verification: {url}",
    "Credential link: {url}",
    "To check it: {url}",
    "The record is public: {url}",
    "See the credential: {url}",
    "It can be verified at {url}",
)
CALLS = (  # with `open_to.visibility: public`, story and stack posts close with a call
    "I'm open to {roles} roles; if your team is hiring, I'd be glad to talk.",
    "Next, I'm looking for {roles} roles. If you're hiring, let's talk.",
    "If you know of {a_role} opening, I'd love to hear about it.",
    "I'm now looking for {roles} roles, and messages are welcome.",
    "Hiring for {a_role}? I'd be glad to hear from you.",
    "My next step is {a_role} role; I'm happy to talk.",
)
_NUMBERS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight"}
_PROOF = {
    Assessment.EXAM: "an exam",
    Assessment.PROJECT: "a capstone project",
    Assessment.GRADED: "graded assessments",
}
_HOW = {
    Assessment.EXAM: "a certification exam",
    Assessment.PROJECT: "a hands-on project",
    Assessment.GRADED: "graded assessments",
}


class _Wording:
    """Chooses a phrasing per post: by a stable hash of the post's key, skipping what the
    kit has already used, so a kit repeats a phrasing only once every option is taken."""

    def __init__(self) -> None:
        self.used: dict[str, set[int]] = {}

    def free(self, slot: str, key: str, options: tuple[str, ...]) -> str | None:
        """An option this kit has not used in `slot` yet (marking it used), or None."""
        used = self.used.setdefault(slot, set())
        start = stable_index(f"{slot}:{key}", len(options))
        for step in range(len(options)):
            index = (start + step) % len(options)
            if index not in used:
                used.add(index)
                return options[index]
        return None

    def pick(self, slot: str, key: str, options: tuple[str, ...]) -> str:
        """An unused option if there is one; else the one the hash points at."""
        chosen = self.free(slot, key, options)
        return (
            chosen if chosen is not None else options[stable_index(f"{slot}:{key}", len(options))]
        )

    def opening(self, kind: str, key: str) -> str:
        """An opening of this kind of post, then a general one, before any repeats."""
        chosen = self.free(f"opening-{kind}", key, OPENINGS[kind])
        if chosen is None:
            chosen = self.pick("opening-general", key, GENERAL_OPENINGS)
        return chosen


def post_kind(loaded: LoadedProfile, credential: Credential) -> str:
    """Which openings a credential's posts draw from."""
    if loaded.renews(credential) is not None:
        return "renewal"
    if credential.is_completion_only:
        return "short-course"
    if credential.kind == Kind.LICENSE:
        return "license"
    if credential.kind == Kind.BADGE:
        return "badge"
    if credential.assessment == Assessment.EXAM:
        return "exam"
    if credential.kind == Kind.CERTIFICATION and credential.assessment is None:
        return "certification"
    if credential.kind == Kind.COURSE:
        return "course"
    return "project"


def _fields(loaded: LoadedProfile, credential: Credential) -> dict[str, str]:
    earlier = loaded.renews(credential)
    name = credential.name
    badge = name if name.casefold().endswith("badge") else f"the {name} badge"
    return {
        "name": name,
        "the": titled(credential),
        "issuer": org_name(credential.issuer),
        "issuer_s": possessive(org_name(credential.issuer)),
        "month": credential.issued.long(),
        "proof": _PROOF.get(credential.assessment, "the coursework")
        if credential.assessment
        else "the coursework",
        "badge": badge,
        "first": earlier.issued.long() if earlier else credential.issued.long(),
        "until": f" until {credential.expires.long()}" if credential.expires else "",
    }


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


def _program_tag(credential: Credential) -> str | None:
    """The credential's own tag: its letters (``PMP``), or its name without the generic
    words (``GoogleDataAnalytics``); None when that would mangle it (``CompTIA A+``)."""
    if credential.post_nominal and earns_letters(credential):
        return hashtag(credential.post_nominal)
    name = re.sub(r"\([^)]*\)", " ", credential.name)
    if re.search(r"[^\w\s.,&'’:-]", name):
        return None
    words = [w for w in name.split() if w.casefold().strip(".,:") not in _GENERIC_NAME_WORDS]
    tag = hashtag(" ".join(words))
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


def _role(loaded: LoadedProfile, stack: Stack | None) -> str | None:
    """The role a post may name: only when the person looks for work in public."""
    if not loaded.seeks_publicly:
        return None
    if stack is not None and stack.target_role:
        return stack.target_role
    return loaded.open_roles[0]


def _credential_tags(loaded: LoadedProfile, credential: Credential) -> tuple[str, ...]:
    stack = _stack_of(loaded, credential)
    program = [_program_tag(credential), *credential.skills[:1], credential.issuer]
    field = [stack.name if stack else None, *credential.skills, _KIND_TAGS[credential.kind]]
    role = [_role(loaded, stack), _KIND_TAGS[credential.kind]]
    return tuple(three_hashtags(program, field, role))


def _call(loaded: LoadedProfile, words: _Wording, key: str) -> str | None:
    roles = loaded.open_roles
    if not loaded.seeks_publicly:
        return None
    text = join_words(list(roles), "or")
    return words.pick("call", key, CALLS).format(roles=text, a_role=a_or_an(text))


def _stack_of(loaded: LoadedProfile, credential: Credential) -> Stack | None:
    for stack in loaded.profile.stacks:
        if credential.id in stack.credentials:
            return stack
    return None


def _stack_sentence(loaded: LoadedProfile, credential: Credential, words: _Wording) -> str | None:
    stack = _stack_of(loaded, credential)
    if stack is None:
        return None
    others = [
        loaded.profile.credential(cid)
        for cid in stack.credentials
        if cid != credential.id and loaded.is_valid(loaded.profile.credential(cid))
    ]
    if not others:
        return None
    role = _role(loaded, stack)
    goal = f", on the way to {a_or_an(role)} role" if role else ""
    count = len(others) + 1
    return words.pick("stack-sentence", credential.id, STACK_SENTENCES).format(
        others=join_words([of_issuer(o) for o in others]),
        stack=stack.name,
        goal=goal,
        number=_NUMBERS.get(count, str(count)),
    )


def _closing(
    facts: CredentialFacts, thanked: list[str], words: _Wording, key: str
) -> tuple[str, str | None]:
    thanks = words.pick("thanks", key, THANKS).format(thanked=join_words(thanked))
    verify = (
        words.pick("verify", key, VERIFY).format(url=facts.verify.url) if facts.verify else None
    )
    return thanks, verify


def _credential_posts(
    loaded: LoadedProfile, credential: Credential, words: _Wording
) -> list[PostDraft]:
    facts = credential_facts(loaded, credential)
    kind = post_kind(loaded, credential)
    fields = _fields(loaded, credential)
    tags = _credential_tags(loaded, credential)
    must = (facts.name, facts.issuer)
    # Thanks go to the issuer and the people the user names: never to the platform
    # (Coursera, Credly ...) as if it had issued the credential.
    thanked = [org_name(credential.issuer), *credential.thanks]
    slug = file_slug(credential.id)
    own = [
        (label, text)
        for label, text in (
            ("why", credential.why),
            ("learned", credential.learned),
            ("applied", credential.applied),
        )
        if text
    ]
    stack_sentence = _stack_sentence(loaded, credential, words)

    facts_paragraph: list[str] = []
    if not credential.is_completion_only:  # a short course is announced, not advertised
        if facts.skills:
            facts_paragraph.append(
                words.pick("skills", credential.id, SKILLS).format(
                    skills=join_words([in_sentence(s) for s in facts.skills])
                )
            )
        if facts.hours:
            facts_paragraph.append(
                words.pick("effort", credential.id, EFFORT).format(hours=facts.hours)
            )
        elif kind not in ("exam", "renewal", "license") and credential.assessment in _HOW:
            facts_paragraph.append(
                words.pick("how", credential.id, HOW).format(how=_HOW[credential.assessment])
            )
    short_paragraphs = [" ".join(facts_paragraph)] if facts_paragraph else []
    with_story = bool(own) and not credential.is_completion_only
    if credential.is_completion_only:
        # One post, told in the user's words if they gave any.
        short_paragraphs += [
            f"{words.pick(label, credential.id, LABELS[label])} {text}" for label, text in own
        ]
    if stack_sentence and not with_story:
        short_paragraphs.append(stack_sentence)
    thanks, verify = _closing(facts, thanked, words, f"{credential.id}-short")
    short = PostDraft(
        slug=f"{slug}-short",
        title=f"{facts.name} (short)",
        variant="short",
        hook=sentence(words.opening(kind, credential.id).format(**fields)),
        paragraphs=tuple(short_paragraphs),
        bullets=(),
        closing=thanks,
        link=verify,
        hashtags=tags,
        must_show=must,
    )
    if not with_story:
        return [short]
    opening = words.opening(kind, f"{credential.id}-story")
    lead = words.pick("lead", credential.id, LEADS)
    story = [f"{words.pick(label, credential.id, LABELS[label])} {text}" for label, text in own]
    if stack_sentence:
        story.append(stack_sentence)
    call = _call(loaded, words, credential.id)
    if call:
        story.append(call)
    thanks, verify = _closing(facts, thanked, words, f"{credential.id}-story")
    story_post = PostDraft(
        slug=f"{slug}-story",
        title=f"{facts.name} (story)",
        variant="story",
        hook=f"{sentence(opening.format(**fields))} {lead}",
        paragraphs=tuple(story),
        bullets=(),
        closing=thanks,
        link=verify,
        hashtags=tags,
        must_show=must,
    )
    return [short, story_post]


def _stack_post(loaded: LoadedProfile, stack: Stack, words: _Wording) -> PostDraft:
    members = [loaded.profile.credential(cid) for cid in stack.credentials]
    facts = [credential_facts(loaded, c) for c in members]
    dates = sorted(c.issued for c in members)
    count = len(members)
    number = _NUMBERS.get(count, str(count))
    if dates[0] == dates[-1]:
        period = f"In {dates[0].long()}"
    else:
        period = f"Between {dates[0].long()} and {dates[-1].long()}"
    hook = words.pick("opening-stack", stack.name, OPENINGS["stack"]).format(
        count=number.capitalize(), number=number, stack=stack.name, period=period
    )
    role = _role(loaded, stack)
    if role:
        hook += f" The goal: {a_or_an(role)} role."
    bullets = tuple(f"{f.name} – {f.issuer}, {f.issued}" for f in facts)
    paragraphs: list[str] = []
    skills: list[str] = []
    for credential in members:
        skills.extend(credential.skills[:2])
    skills = list(dict.fromkeys(skills))
    if skills:
        paragraphs.append(
            words.pick("stack-skills", stack.name, STACK_SKILLS).format(
                skills=join_words([in_sentence(s) for s in skills])
            )
        )
    call = _call(loaded, words, stack.name)
    if call:
        paragraphs.append(call)
    issuers = list(dict.fromkeys(org_name(c.issuer) for c in members))
    thanked = list(dict.fromkeys([*issuers, *(t for c in members for t in c.thanks)]))
    first_skill = members[0].skills[:1] if members and members[0].skills else []
    tags = three_hashtags([stack.name], [*first_skill, *skills], [role])
    return PostDraft(
        slug=f"stack-{file_slug(stack.slug)}",
        title=f"{stack.name} (stack)",
        variant="stack",
        hook=hook,
        paragraphs=tuple(paragraphs),
        bullets=bullets,
        closing=words.pick("thanks", f"stack-{stack.name}", THANKS).format(
            thanked=join_words(thanked)
        ),
        link=None,
        hashtags=tuple(tags),
        must_show=(stack.name,),
    )


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
