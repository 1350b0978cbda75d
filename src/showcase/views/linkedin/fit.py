"""Fitting a post to LinkedIn's limits: 3,000 characters, and the name and issuer before
the "...see more" fold; every cut is reported, never silent."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from showcase.views.common import join_words, shorten
from showcase.views.linkedin.posts import FOLD, POST_LIMIT, Post, PostDraft


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
