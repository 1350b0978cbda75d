"""Which posts a kit writes: news only.

A credential earned within `linkedin.announce_within` days (default 90) of `today` gets
its own announcement; a complete stack gets its post when its newest credential is news.
Older credentials are not news ("New certification:" about a 2023 badge misleads): those
in a stack (or, with a public search, any) go into one learning recap post, the rest
nowhere. `all_posts` brings every announcement back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from showcase.profile import Credential, LoadedProfile, Stack
from showcase.views.common import file_slug, in_sentence, join_words
from showcase.views.linkedin.posts import (
    _NUMBERS,
    PostDraft,
    PostKind,
    _call,
    _credential_posts,
    _stack_post,
)
from showcase.views.linkedin.tags import three_hashtags
from showcase.views.linkedin.wording import Wording

if TYPE_CHECKING:
    from showcase.strategy.tailor import Tailoring

RECAP_SLUG = "learning-recap"


def is_news(loaded: LoadedProfile, credential: Credential) -> bool:
    """Issued within `linkedin.announce_within` days of `today` (a partial date counts
    from the end of its month or year, so it is never called old too early)."""
    age = (loaded.today - credential.issued.last_day).days
    return age <= loaded.profile.linkedin.announce_within


def _newest(loaded: LoadedProfile, stack: Stack) -> dt.date:
    return max(loaded.profile.credential(cid).issued.last_day for cid in stack.credentials)


@dataclass(frozen=True)
class Selection:
    """What a kit announces, and what it leaves out (with why)."""

    credentials: tuple[Credential, ...]  # each gets its own posts
    stacks: tuple[Stack, ...]  # each gets a stack post
    recap: tuple[Credential, ...]  # in the one learning recap post
    held_back: tuple[str, ...]  # a line per old credential: where it went, or that it did not


def select(
    loaded: LoadedProfile,
    *,
    credential_ids: tuple[str, ...] = (),
    stack_names: tuple[str, ...] = (),
    all_posts: bool = False,
) -> Selection:
    profile = loaded.profile
    wanted = {n.casefold() for n in stack_names}
    chosen_stacks = [s for s in profile.stacks if not wanted or s.name.casefold() in wanted]
    if credential_ids:  # asked for by id: written whatever their age
        picked = [profile.credential(cid) for cid in credential_ids]
        return Selection(tuple(c for c in picked if loaded.is_valid(c)), (), (), ())
    if stack_names:
        ids = {cid for s in chosen_stacks for cid in s.credentials}
        candidates = [c for c in profile.credentials if c.id in ids]
    else:
        candidates = list(profile.credentials)
    candidates = [c for c in candidates if loaded.is_valid(c) and not c.is_completion_only]
    complete = {s.name for s in loaded.complete_stacks}
    stacks = [
        s
        for s in chosen_stacks
        if s.name in complete
        and (all_posts or _newest(loaded, s) >= loaded.today - _window(loaded))
    ]
    if all_posts:
        return Selection(tuple(candidates), tuple(stacks), (), ())
    news = [c for c in candidates if is_news(loaded, c)]
    told = {cid for s in stacks for cid in s.credentials}  # a stack post names them
    old = [c for c in candidates if not is_news(loaded, c) and c.id not in told]
    stacked = {cid for s in profile.stacks for cid in s.credentials}
    recap = [c for c in old if c.id in stacked or loaded.seeks_publicly]
    window = loaded.profile.linkedin.announce_within
    held = []
    for c in old:
        where = (
            "it is in the learning recap post"
            if c in recap
            else "it is in no stack, so it gets no post"
        )
        held.append(
            f"{c.name}, {c.issued.long()}: earned more than {window} days ago, so not news; "
            f"{where} (--all-posts writes its own)"
        )
    return Selection(tuple(news), tuple(stacks), tuple(recap), tuple(held))


def _window(loaded: LoadedProfile) -> dt.timedelta:
    return dt.timedelta(days=loaded.profile.linkedin.announce_within)


def recap_post(loaded: LoadedProfile, members: tuple[Credential, ...], words: Wording) -> PostDraft:
    """One post looking back at older learning, tied to its stack (or, with a public
    search, to the role); it announces nothing as new."""
    profile = loaded.profile
    stacks = [s for s in profile.stacks if any(c.id in s.credentials for c in members)]
    names = [s.name for s in stacks]
    ordered = sorted(members, key=lambda c: c.issued.first_day)
    first, last = ordered[0].issued, ordered[-1].issued
    period = first.long() if first == last else f"{first.long()} and {last.long()}"
    since = f"in {period}" if first == last else f"between {period}"
    count = len(members)
    stacked = {cid for st in stacks for cid in st.credentials}
    all_stacked = all(c.id in stacked for c in members)
    what = (
        f"my {join_words(names)} learning" if names and all_stacked else "what I've been learning"
    )
    credentials = "one credential" if count == 1 else f"{_NUMBERS.get(count, count)} credentials"
    hook = f"A look back at {what}: {credentials}, earned {since}."
    bullets = tuple(f"{c.name} – {c.issuer}, {c.issued.short()}" for c in ordered)
    skills = list(dict.fromkeys(s for c in ordered for s in c.skills[:2]))
    paragraphs = []
    if skills:
        paragraphs.append(f"Together they cover {join_words([in_sentence(s) for s in skills])}.")
    role = loaded.open_roles[0] if loaded.seeks_publicly else None
    call = _call(loaded, words, RECAP_SLUG)
    if call:
        paragraphs.append(call)
    people = list(dict.fromkeys(t for c in ordered for t in c.thanks))
    closing = f"Thank you to {join_words(people)}." if people else ""
    tags = three_hashtags([*names[:1]], [*skills], [role])
    return PostDraft(
        slug=file_slug(RECAP_SLUG),
        title="Learning recap",
        variant=PostKind.RECAP,
        hook=hook,
        paragraphs=tuple(paragraphs),
        bullets=bullets,
        closing=closing,
        link=None,
        hashtags=tuple(tags),
        must_show=tuple(names[:1]),
    )


def post_drafts(
    loaded: LoadedProfile,
    *,
    credential_ids: tuple[str, ...] = (),
    stack_names: tuple[str, ...] = (),
    tailor: Tailoring | None = None,
    all_posts: bool = False,
) -> list[PostDraft]:
    """Drafts for what is news (see the module), newest first; with `all_posts`, for every
    valid credential that tests something and every complete stack.

    Aimed at a posting (`tailor`), the posts of what shares most with it come first.
    A completion-only credential (watched videos) gets no post of its own, though a stack
    post may name it: `--credential ID` still writes one.
    """
    chosen = select(
        loaded, credential_ids=credential_ids, stack_names=stack_names, all_posts=all_posts
    )
    words = Wording()
    # (relevance, date, drafts): the newest news first, a stack just after its newest member
    ranked: list[tuple[int, dt.date, int, list[PostDraft]]] = []
    for credential in chosen.credentials:
        score = tailor.relevance([credential.name, *credential.skills]) if tailor else 0
        drafts = _credential_posts(loaded, credential, words)
        ranked.append((score, credential.issued.last_day, 1, drafts))
    for stack in chosen.stacks:
        members = [loaded.profile.credential(cid) for cid in stack.credentials]
        texts = [t for c in members for t in (c.name, *c.skills)]
        score = tailor.relevance([stack.name, *texts]) if tailor else 0
        ranked.append((score, _newest(loaded, stack), 0, [_stack_post(loaded, stack, words)]))
    if not credential_ids:
        ranked.sort(key=lambda row: (row[1], row[2]), reverse=True)
    if tailor is not None:
        ranked.sort(key=lambda row: -row[0])  # stable: the usual order among equals
    drafts = [draft for *_, group in ranked for draft in group]
    if chosen.recap:
        drafts.append(recap_post(loaded, chosen.recap, words))
    return drafts
