"""LinkedIn announcement posts: what each says, its hashtags, and fitting it to the limits.

Limits, as LinkedIn applies them (docs/profile-format.md and the README cite them):
* a post holds at most 3,000 characters;
* the "...see more" fold falls near 210 characters on desktop (~140 on mobile), so
  the credential's name and issuer must come first;
* 3 hashtags at the end (tags.py).

A post announces news (announce.py chooses which); its wording comes from the phrase
banks in templates/linkedin/phrases.yaml, and the user's own words are placed by the
builders of views/grammar.py (lower case after a label's colon, skills as terms).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from showcase.profile import Credential, LoadedProfile, Stack
from showcase.profile.loaded import proven_by_exam
from showcase.profile.models import Assessment, Kind
from showcase.views.common import (
    CredentialFacts,
    a_or_an,
    credential_facts,
    file_slug,
    join_words,
    of_issuer,
    one_stop,
    org_name,
    possessive,
    sentence,
    spoken,
    titled,
    with_issuer,
)
from showcase.views.grammar import after_colon, term
from showcase.views.linkedin.tags import (
    kind_tag,
    program_tag,
    three_hashtags,
)
from showcase.views.linkedin.wording import Wording, bank, label_bank, openings

POST_LIMIT = 3000  # LinkedIn's maximum post length
FOLD = 210  # "...see more" on desktop


class PostKind(StrEnum):
    """What a post announces: one credential (a short post, or a story with what was
    learned and built), a completed stack, or a recap of older learning."""

    SHORT = "short"
    STORY = "story"
    STACK = "stack"
    RECAP = "recap"


@dataclass(frozen=True)
class PostDraft:
    """A post's parts; a template lays them out. Paragraphs may be shortened to fit."""

    slug: str  # file name without extension: "google-ads-search-short"
    title: str  # what the table shows: "Google Ads Search Certification (short)"
    variant: PostKind
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
    variant: PostKind
    text: str
    warnings: tuple[str, ...] = ()

    @property
    def characters(self) -> int:
        return len(self.text)


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
    name, issuer = spoken(credential)
    badge = name if name.casefold().endswith("badge") else f"the {name} badge"
    return {
        "name": name,
        "the": titled(credential),
        "the_from": with_issuer(credential, titled(credential)),
        "name_from": with_issuer(credential, name),
        "badge_from": with_issuer(credential, badge),
        "issuer": org_name(issuer),
        "issuer_s": possessive(org_name(issuer)),
        "month": credential.issued.long(),
        "proof": _PROOF.get(credential.assessment, "the coursework")
        if credential.assessment
        else "the coursework",
        "badge": badge,
        "first": earlier.issued.long() if earlier else credential.issued.long(),
        "until": f" until {credential.expires.long()}" if credential.expires else "",
    }


def _role(loaded: LoadedProfile, stack: Stack | None) -> str | None:
    """The role a post may name: only when the person looks for work in public."""
    if not loaded.seeks_publicly:
        return None
    if stack is not None and stack.target_role:
        return stack.target_role
    return loaded.open_roles[0]


def _credential_tags(loaded: LoadedProfile, credential: Credential) -> tuple[str, ...]:
    stack = _stack_of(loaded, credential)
    program = [program_tag(credential), *credential.skills[:1], credential.issuer]
    kind = kind_tag(credential)
    field = [stack.name if stack else None, *credential.skills, kind]
    role = [_role(loaded, stack), kind]
    return tuple(three_hashtags(program, field, role))


def _call(loaded: LoadedProfile, words: Wording, key: str) -> str | None:
    roles = loaded.open_roles
    if not loaded.seeks_publicly:
        return None
    text = join_words(list(roles), "or")
    return words.pick("call", key, bank("calls")).format(roles=text, a_role=a_or_an(text))


def _stack_of(loaded: LoadedProfile, credential: Credential) -> Stack | None:
    for stack in loaded.profile.stacks:
        if credential.id in stack.credentials:
            return stack
    return None


def _stack_sentence(loaded: LoadedProfile, credential: Credential, words: Wording) -> str | None:
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
    said = words.pick("stack-sentence", credential.id, bank("stack_sentences")).format(
        others=join_words([of_issuer(o) for o in others]),
        stack=stack.name,
        goal=goal,
        number=_NUMBERS.get(count, str(count)),
    )
    return one_stop(said)


def _closing(
    facts: CredentialFacts, thanked: list[str], words: Wording, key: str
) -> tuple[str, str | None]:
    thanks = (
        words.pick("thanks", key, bank("thanks")).format(thanked=join_words(thanked))
        if thanked
        else ""
    )
    verify = (
        words.pick("verify", key, bank("verify")).format(url=facts.verify.url)
        if facts.verify
        else None
    )
    return thanks, verify


def _credential_posts(
    loaded: LoadedProfile, credential: Credential, words: Wording
) -> list[PostDraft]:
    facts = credential_facts(loaded, credential)
    kind = post_kind(loaded, credential)
    fields = _fields(loaded, credential)
    tags = _credential_tags(loaded, credential)
    must = spoken(credential)  # as the post says them: "Basic Life Support (BLS)" for "BLS"
    # Thanks go to the people the user names in `thanks`: a company is not thanked
    # ("Thanks go to Amazon Web Services." reads as a form letter), and a platform
    # (Coursera, Credly ...) never as if it had issued the credential.
    thanked = list(credential.thanks)
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
                words.pick("skills", credential.id, bank("skills")).format(
                    skills=join_words([term(s) for s in facts.skills])
                )
            )
        if facts.hours and not proven_by_exam(credential):
            # An exam certification is earned by the exam, not the hours: "35 hours of
            # study" undersells a PMP (35 contact hours is PMI's eligibility rule).
            facts_paragraph.append(
                words.pick("effort", credential.id, bank("effort")).format(hours=facts.hours)
            )
        elif kind not in ("exam", "renewal", "license") and credential.assessment in _HOW:
            facts_paragraph.append(
                words.pick("how", credential.id, bank("how")).format(
                    how=_HOW[credential.assessment]
                )
            )
    short_paragraphs = [" ".join(facts_paragraph)] if facts_paragraph else []
    with_story = bool(own) and not credential.is_completion_only
    if credential.is_completion_only:
        # One post, told in the user's words if they gave any.
        short_paragraphs += [
            f"{words.pick(label, credential.id, label_bank(label))} {after_colon(text)}"
            for label, text in own
        ]
    if stack_sentence and not with_story:
        short_paragraphs.append(stack_sentence)
    thanks, verify = _closing(facts, thanked, words, f"{credential.id}-short")
    short = PostDraft(
        slug=f"{slug}-short",
        title=f"{facts.name} (short)",
        variant=PostKind.SHORT,
        hook=sentence(one_stop(words.opening(kind, credential.id).format(**fields))),
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
    lead = words.pick("lead", credential.id, bank("leads"))
    story = [
        f"{words.pick(label, credential.id, label_bank(label))} {after_colon(text)}"
        for label, text in own
    ]
    if stack_sentence:
        story.append(stack_sentence)
    call = _call(loaded, words, credential.id)
    if call:
        story.append(call)
    thanks, verify = _closing(facts, thanked, words, f"{credential.id}-story")
    story_post = PostDraft(
        slug=f"{slug}-story",
        title=f"{facts.name} (story)",
        variant=PostKind.STORY,
        hook=f"{sentence(one_stop(opening.format(**fields)))} {lead}",
        paragraphs=tuple(story),
        bullets=(),
        closing=thanks,
        link=verify,
        hashtags=tags,
        must_show=must,
    )
    return [short, story_post]


def _stack_post(loaded: LoadedProfile, stack: Stack, words: Wording) -> PostDraft:
    members = [loaded.profile.credential(cid) for cid in stack.credentials]
    facts = [credential_facts(loaded, c) for c in members]
    dates = sorted(c.issued for c in members)
    count = len(members)
    number = _NUMBERS.get(count, str(count))
    if dates[0] == dates[-1]:
        period = f"In {dates[0].long()}"
    else:
        period = f"Between {dates[0].long()} and {dates[-1].long()}"
    hook = words.pick("opening-stack", stack.name, openings("stack")).format(
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
            words.pick("stack-skills", stack.name, bank("stack_skills")).format(
                skills=join_words([term(s) for s in skills])
            )
        )
    call = _call(loaded, words, stack.name)
    if call:
        paragraphs.append(call)
    thanked = list(dict.fromkeys(t for c in members for t in c.thanks))
    first_skill = members[0].skills[:1] if members and members[0].skills else []
    tags = three_hashtags([stack.name], [*first_skill, *skills], [role])
    return PostDraft(
        slug=f"stack-{file_slug(stack.slug)}",
        title=f"{stack.name} (stack)",
        variant=PostKind.STACK,
        hook=hook,
        paragraphs=tuple(paragraphs),
        bullets=bullets,
        closing=words.pick("thanks", f"stack-{stack.name}", bank("thanks")).format(
            thanked=join_words(thanked)
        )
        if thanked
        else "",
        link=None,
        hashtags=tuple(tags),
        must_show=(stack.name,),
    )
