"""The LinkedIn kit: posts to copy, "Licenses & Certifications" fields, a headline."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from showcase.artifacts import Artifact
from showcase.errors import ShowcaseError
from showcase.files import (
    LINKEDIN_ABOUT,
    LINKEDIN_CERTIFICATIONS,
    LINKEDIN_HEADLINE,
    LINKEDIN_PLAN,
    post_file,
)
from showcase.profile import LoadedProfile
from showcase.render.templates import render
from showcase.views.about import ABOUT_LIMIT, about_view
from showcase.views.linkedin import (
    CertificationEntry,
    Post,
    PostDraft,
    certification_entries,
    fit_post,
    headline,
    post_drafts,
)
from showcase.views.linkedin.announce import select
from showcase.views.linkedin.plan import KitPlan, kit_plan
from showcase.views.linkedin.posts import PostKind

if TYPE_CHECKING:
    from showcase.strategy.tailor import Tailoring


@dataclass
class LinkedInKit(Artifact):
    posts: list[Post] = field(default_factory=list)
    headline: str = ""
    notes: list[str] = field(default_factory=list)  # tips, not problems
    entries: list[CertificationEntry] = field(default_factory=list)
    plan: KitPlan | None = None
    about: str = ""  # the About section, as written to linkedin/about.txt


def _schedule(drafts: list[PostDraft]) -> list[tuple[str, tuple[str, ...]]]:
    """One line per announcement, in the drafts' order: its title and the files to choose
    from (the story first, as it says more)."""
    lines: dict[str, tuple[str, list[str]]] = {}
    for draft in drafts:
        base = draft.slug.removesuffix("-short").removesuffix("-story")
        title = draft.title.removesuffix(" (short)").removesuffix(" (story)")
        title = title.removesuffix(" (stack)")
        files = lines.setdefault(base, (title, []))[1]
        name = post_file(draft.slug).removeprefix("linkedin/")
        files.insert(0, name) if draft.variant == PostKind.STORY else files.append(name)
    return [(title, tuple(files)) for title, files in lines.values()]


def _tidy(text: str) -> str:
    """No trailing spaces, at most one blank line in a row, one final newline."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)) + "\n"


def render_linkedin(
    loaded: LoadedProfile,
    *,
    credential_ids: tuple[str, ...] = (),
    stack_names: tuple[str, ...] = (),
    templates_dir: Path | None = None,
    tailor: Tailoring | None = None,
    all_posts: bool = False,
) -> LinkedInKit:
    profile = loaded.profile
    known = {c.id for c in profile.credentials}
    unknown = [cid for cid in credential_ids if cid not in known]
    if unknown:
        raise ShowcaseError(
            f"--credential {', '.join(unknown)}: no such credential id; "
            f"the profile has {', '.join(sorted(known)) or 'none'}"
        )
    stacks = {s.name.casefold() for s in profile.stacks}
    bad_stacks = [n for n in stack_names if n.casefold() not in stacks]
    if bad_stacks:
        raise ShowcaseError(
            f"--stack {', '.join(bad_stacks)}: no such stack; the profile has "
            f"{', '.join(s.name for s in profile.stacks) or 'none'}"
        )

    def render_post(draft: PostDraft) -> str:
        return _tidy(render("linkedin/post.txt.j2", {"post": draft, "p": draft}, templates_dir))

    kit = LinkedInKit(origin=loaded.file, label="LinkedIn kit")
    for credential in profile.credentials:
        if credential.id in credential_ids and not loaded.is_valid(credential):
            kit.warn(f"{credential.id} has expired; no post was written for it")
    drafts = post_drafts(
        loaded,
        credential_ids=credential_ids,
        stack_names=stack_names,
        tailor=tailor,
        all_posts=all_posts,
    )
    if not credential_ids:
        for credential in loaded.valid_credentials:
            if credential.is_completion_only:
                kit.notes.append(
                    f"{credential.id}: completion only, so no post of its own (a stack post "
                    f"may name it); `--credential {credential.id}` writes one"
                )
    with_story = {d.slug.removesuffix("-story") for d in drafts if d.variant == PostKind.STORY}
    for draft in drafts:
        base = draft.slug.removesuffix("-short")
        if draft.variant == PostKind.SHORT and base not in with_story:
            kit.notes.append(
                f"{base}: only a short post; add `why:`, `learned:` or `applied:` to the "
                "credential for a story post"
            )
        post = fit_post(draft, render_post)
        kit.posts.append(post)
        kit.add(post_file(post.slug), post.text)
        for warning in post.warnings:
            kit.warn(f"{post.slug}: {warning}")
    entries = certification_entries(loaded)
    kit.entries = entries
    kit.add(
        LINKEDIN_CERTIFICATIONS,
        _tidy(
            render(
                "linkedin/certifications.md.j2",
                {"entries": entries, "name": profile.name},
                templates_dir,
            )
        ),
    )
    chosen = select(
        loaded, credential_ids=credential_ids, stack_names=stack_names, all_posts=all_posts
    )
    kit.plan = kit_plan(loaded, _schedule(drafts), chosen.held_back)
    kit.add(
        LINKEDIN_PLAN,
        _tidy(
            render("linkedin/plan.md.j2", {"plan": kit.plan, "name": profile.name}, templates_dir)
        ),
    )
    head = headline(loaded, tailor)
    kit.headline = head.text
    kit.add(
        LINKEDIN_HEADLINE,
        _tidy(render("linkedin/headline.txt.j2", {"headline": head, "h": head}, templates_dir)),
    )
    about = about_view(loaded, tailor)
    kit.about = _tidy(render("linkedin/about.txt.j2", {"about": about}, templates_dir))
    kit.add(LINKEDIN_ABOUT, kit.about)
    if len(kit.about.rstrip("\n")) > ABOUT_LIMIT:
        kit.warn(f"about.txt is over LinkedIn's {ABOUT_LIMIT:,} characters: shorten it by hand")
    return kit
