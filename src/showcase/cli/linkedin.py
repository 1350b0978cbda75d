"""`showcase linkedin`: posts, "Licenses & Certifications" fields and a headline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from showcase.cli.options import (
    aim_option,
    output_option,
    strict_option,
    templates_option,
    today_option,
)
from showcase.cli.report import run_artifact
from showcase.files import post_file

if TYPE_CHECKING:
    from showcase.artifacts import Artifact
    from showcase.output import WriteReport
    from showcase.profile import LoadedProfile


@click.command(short_help="Write the LinkedIn kit: posts, headline and About section.")
@click.argument("profile", type=click.Path(path_type=Path))
@output_option(".")
@click.option(
    "--credential",
    "credential_ids",
    multiple=True,
    metavar="ID",
    help="Only posts for this credential id (repeatable), however old. Default: what is news.",
)
@click.option(
    "--stack",
    "stack_names",
    multiple=True,
    metavar="NAME",
    help="Only posts for this stack and its credentials (repeatable).",
)
@click.option(
    "--all-posts",
    is_flag=True,
    help="A post for every valid credential and complete stack, however old. Default: "
    "only what was earned within `linkedin.announce_within` days (90), plus one "
    "learning recap of older credentials in a stack.",
)
@aim_option
@today_option
@templates_option
@strict_option
def linkedin(
    profile: Path,
    output: Path,
    force: bool,
    credential_ids: tuple[str, ...],
    stack_names: tuple[str, ...],
    all_posts: bool,
    for_posting: Path | None,
    today: dt.date | None,
    templates_dir: Path | None,
    strict: bool,
) -> None:
    """Write LinkedIn posts, "Licenses & Certifications" fields and a headline.

    Under DIR/linkedin/: posts/<id>-short.txt and <id>-story.txt for each valid
    credential earned within linkedin.announce_within days (90) of --today (a
    completion-only course only with --credential), posts/stack-<name>.txt for
    each complete stack whose newest credential is that recent,
    posts/learning-recap.txt looking back at older credentials of a stack,
    plan.md (what to post first, one a week; LinkedIn's recruiters-only "Open to
    work" setting when open_to is not public), certifications.md with every field
    of LinkedIn's "Add license or certification" form and an add-to-profile link,
    and headline.txt. Posts stay under 3,000 characters, name the credential and
    issuer before the "...see more" fold, and end with 3 CamelCase hashtags.

    With --for POSTING, the posts of what shares most with the posting come first,
    and the headline leads with its title when a stack aims at that role.

    \b
    Example:
      showcase linkedin profile.yaml -o out
      showcase linkedin profile.yaml --credential google-ads-search -o - | xclip
    """
    from showcase.artifacts.linkedin import LinkedInKit, render_linkedin

    tailor = None
    if for_posting is not None:
        from showcase.strategy.tailor import read_for

        tailor = read_for(for_posting)

    def describe(kit: Artifact, report: WriteReport) -> None:
        assert isinstance(kit, LinkedInKit)
        counts = {post_file(p.slug): p.characters for p in kit.posts}
        width = max((len(str(path)) for path in report.written), default=0)
        for path in report.written:
            key = path.relative_to(output).as_posix()
            count = f"{counts[key]:>5,} characters" if key in counts else ""
            click.echo(f"wrote {path!s:<{width}}  {count}".rstrip())
        click.echo(f"headline ({len(kit.headline)}/220): {kit.headline}")

    def render(loaded: LoadedProfile, _pdf: object) -> LinkedInKit:
        kit = render_linkedin(
            loaded,
            credential_ids=credential_ids,
            stack_names=stack_names,
            templates_dir=templates_dir,
            tailor=tailor,
            all_posts=all_posts,
        )
        for note in kit.notes:  # tips, not problems
            click.echo(f"note: {note}", err=True)
        return kit

    run_artifact(
        profile,
        render,
        output=output,
        force=force,
        today=today,
        strict=strict,
        stdout_ok=True,
        describe=describe,
    )
