"""The kit's plan: which post to publish first, a week apart, and how to tell recruiters
(only them) which roles the person wants.

LinkedIn's "Open to work" (profile → Open to → Finding a new job) asks for job titles and
who may see it: all LinkedIn members (a #OpenToWork frame on the photo) or recruiters
only (no frame; LinkedIn "takes steps" to hide it from recruiters at your own company
but "can't guarantee complete privacy", in the setting's own words). Checked 2026-12.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from showcase.profile import LoadedProfile
from showcase.views.common import join_words

POST_SPACING_DAYS = 7  # one post a week: a feed full of one person's posts reads as noise


@dataclass(frozen=True)
class PlannedPost:
    week: int  # 1 = now
    date: str  # "2026-11-28": `today` + 7 days x (week - 1)
    title: str  # what it announces: a credential's or stack's name
    files: tuple[str, ...]  # post one of these: "posts/x-story.txt", "posts/x-short.txt"


@dataclass(frozen=True)
class KitPlan:
    posts: tuple[PlannedPost, ...]
    open_to_work: tuple[str, ...]  # steps for LinkedIn's recruiters-only setting; () if none
    held_back: tuple[str, ...]  # credentials too old to announce: why they have no post


def open_to_work_steps(loaded: LoadedProfile) -> tuple[str, ...]:
    """How to tell recruiters, and only them, the roles in `open_to`; nothing when the
    person has no roles or looks in public (then the posts and headline say it)."""
    roles = loaded.open_roles
    if not roles or loaded.seeks_publicly:
        return ()
    return (
        "On your LinkedIn profile, choose Open to, then Finding a new job.",
        f"Job titles: {join_words(roles)}.",
        "Where it asks who can see you're open, choose Recruiters only (no #OpenToWork frame on "
        "your photo). LinkedIn tries to hide it from recruiters at your own company but "
        "cannot guarantee it.",
        "Your posts, headline and signature say nothing about a search; to let them, add "
        "visibility: public under open_to in the profile.",
    )


def kit_plan(
    loaded: LoadedProfile,
    posts: list[tuple[str, tuple[str, ...]]],
    held_back: tuple[str, ...] = (),
) -> KitPlan:
    """`posts` are (title, files) in the order to publish them, one a week from `today`."""
    planned = tuple(
        PlannedPost(
            week=i + 1,
            date=(loaded.today + dt.timedelta(days=POST_SPACING_DAYS * i)).isoformat(),
            title=title,
            files=files,
        )
        for i, (title, files) in enumerate(posts)
    )
    return KitPlan(planned, open_to_work_steps(loaded), held_back)
