"""`showcase apply`: build the kit for one posting and record the application."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from showcase.cli.options import TEXT, TodayType, paper_option, templates_option, today_option
from showcase.cli.tracker_options import StatusType, db_option


@click.command(short_help="Build the kit for one job and record the application.")
@click.argument("profile", type=click.Path(path_type=Path))
@click.argument("posting", type=click.Path(path_type=Path))
@click.option("--url", type=TEXT, default=None, help="Where the posting is online (kept with it).")
@click.option(
    "--status",
    type=StatusType(),
    default="applied",
    show_default=True,
    help="Its first status: `saved` for a kit not sent yet.",
)
@click.option(
    "--on",
    type=TodayType(),
    default=None,
    help="The day of that status (default: today).",
)
@click.option(
    "--title",
    type=TEXT,
    default=None,
    help="The job title, when the posting does not say it (or not as you would); the cover "
    "letter names it too.",
)
@click.option(
    "--company",
    type=TEXT,
    default=None,
    help="The company, when the posting does not say it (or not as you would); the cover "
    "letter names it too.",
)
@click.option(
    "--again",
    is_flag=True,
    help="Record it even if this job (title and company) is already tracked.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("showcase-out"),
    show_default=True,
    help="Folder of the kit: it goes into DIR/for-<posting>/.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace kit files even if showcase did not write them or they were edited.",
)
@db_option("showcase.db beside PROFILE")
@paper_option
@today_option
@templates_option
def apply(
    profile: Path,
    posting: Path,
    url: str | None,
    status: str,
    on: dt.date | None,
    title: str | None,
    company: str | None,
    again: bool,
    output: Path,
    force: bool,
    db: str | None,
    paper: str,
    today: dt.date | None,
    templates_dir: Path | None,
) -> None:
    """Build the kit for one job POSTING and record that you applied.

    Builds (or reuses, when nothing changed) the same kit as `showcase build
    PROFILE --for POSTING`, then stores the application in the tracker's
    database: the job title and company, a copy of the posting's text, a copy
    of the PDF and DOCX resumes sent with their SHA-256, the match coverage,
    and the status with its date. Follow it with `showcase applications`.

    The database is SQLite, showcase.db beside PROFILE (readable by you
    only: it holds contacts), unless --db or SHOWCASE_DB names another file or
    a PostgreSQL URL.

    \b
    Example:
      showcase apply profile.yaml acme-analyst.pdf --url https://acme.example/jobs/42
      showcase apply profile.yaml acme-analyst.pdf --status saved
    """
    from showcase.apply import record_application

    if str(output) == "-":
        raise click.BadParameter("apply writes the kit's files; give a folder", param_hint="-o")
    done = record_application(
        profile,
        posting,
        output=output,
        db=db,
        url=url,
        status=status,
        on=on,
        title=title,
        company=company,
        again=again,
        force=force,
        paper=paper.lower(),
        templates_dir=templates_dir,
        today=today,
    )
    match = "" if done.coverage is None else f", match {done.coverage:.0%}"
    when = f" on {done.applied_on}" if done.applied_on else ""
    click.echo(f"Application {done.id}: {done.title} at {done.company}, {done.status}{when}{match}")
    click.echo(f"  kit: {done.kit}" + (" (already built: reused as it was)" if done.reused else ""))
    for name in done.files:
        click.echo(f"  kept a copy of {name}")
    click.echo(f"  database: {done.db}")
    click.echo(f"Next: showcase applications update {done.id} --status interview")
