"""`showcase build`: everything for one or many profiles, and an index page."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from showcase.cli.options import (
    cache_option,
    for_option,
    output_option,
    paper_option,
    postings_option,
    show_ids_option,
    strict_option,
    templates_option,
    theme_option,
    today_option,
)
from showcase.cli.report import build_options, finish, print_warnings
from showcase.cli.tracker_options import db_option

if TYPE_CHECKING:
    from showcase.batch import BuildOutcome


@click.command(short_help="Write everything for one or more profiles.")
@click.argument("profiles", nargs=-1, required=True, type=click.Path(path_type=Path))
@output_option("showcase-out")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 64),
    default=None,
    help="Profiles to render at once (default: the cores this process may use).",
)
@postings_option(
    "Job postings (files or a folder, as for `showcase gaps`): also write each "
    "profile's gaps report and link it from index.html."
)
@for_option
@db_option("showcase.db beside each profile, when it exists")
@paper_option
@show_ids_option
@theme_option
@cache_option
@today_option
@templates_option
@strict_option
def build(
    profiles: tuple[Path, ...],
    output: Path,
    force: bool,
    jobs: int | None,
    postings: tuple[Path, ...],
    for_posting: Path | None,
    db: str | None,
    paper: str,
    show_ids: bool,
    theme: str | None,
    no_cache: bool,
    today: dt.date | None,
    templates_dir: Path | None,
    strict: bool,
) -> None:
    """Write everything for PROFILES: resume, LinkedIn kit, signature, interview prep.

    Also writes index.html, a page that shows it all: the resume files, each
    LinkedIn post with its character count and a Copy button, every "Licenses &
    Certifications" field with its own Copy button, the signature with its copy
    buttons, and the warnings. With --for POSTING, everything is aimed at that job
    and written into DIR/for-<posting>/ with a match report. With --postings, each
    profile also gets the gaps
    report (what the postings ask for, what you have, what to earn next). When
    the applications tracker has a database (showcase.db beside the profile, or
    --db), index.html shows its board: a column per status and a funnel. With
    several profiles, each gets a folder named after the person and the top
    index.html lists them; they render in parallel, and one bad profile does not
    stop the others (the exit status says so).

    \b
    Example:
      showcase build profile.yaml
      showcase build profile.yaml --postings saved-postings/
      showcase build profile.yaml --for acme-analyst.pdf
      showcase build team/*.yaml -o site --jobs 2
    """
    from showcase.batch import run_build, write_batch_index

    options, _ = build_options(
        "build",
        output=output,
        today=today,
        templates_dir=templates_dir,
        force=force,
        paper=paper,
        postings=postings,
        for_posting=for_posting,
        show_ids=show_ids,
        theme=theme,
        cache=not no_cache,
    )
    if db:
        from dataclasses import replace

        options = replace(options, db=db)
    total = len(profiles)
    done = 0
    interactive = sys.stderr.isatty() and total > 1
    bar = (
        click.progressbar(length=total, label="Building", file=sys.stderr) if interactive else None
    )

    def report(outcome: BuildOutcome) -> None:
        nonlocal done
        done += 1
        if bar is not None:
            bar.update(1)
            return
        status = "ok" if outcome.complete else "not written completely" if outcome.ok else "FAILED"
        prefix = f"[{done}/{total}] " if total > 1 else ""
        click.echo(f"{prefix}{outcome.source}: {status}", err=True)

    if bar is not None:
        bar.__enter__()
    try:
        outcomes = run_build(profiles, output, options, jobs=jobs, on_done=report)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)

    failed = [o for o in outcomes if not o.ok]
    for outcome in outcomes:
        if outcome.ok:
            assert outcome.folder is not None
            index = outcome.folder / "index.html"
            click.echo(
                f"{outcome.name}: {len(outcome.written)} files in {outcome.folder}"
                + (f"; open {index}" if index in outcome.written else "")
            )
            print_warnings(outcome.warnings, indent="  ")
            for refusal in outcome.refused:
                click.secho(f"  error: {refusal}", err=True, fg="red")
        else:
            if bar is not None:  # else its "FAILED" line was printed as it ended
                click.secho(f"{outcome.source}: failed", err=True, fg="red")
            for error in outcome.errors:
                click.secho(f"  {error}", err=True, fg="red")
    if total > 1:
        index = write_batch_index(output, outcomes, options)
        complete = sum(o.complete for o in outcomes)
        partly = total - len(failed) - complete
        click.echo(
            f"{complete} of {total} profiles built"
            + (f", {partly} not completely (see above)" if partly else "")
            + f"; open {index}"
        )
    finish(
        refused=bool(failed) or any(not o.complete for o in outcomes),
        warnings=[w for o in outcomes for w in o.warnings],
        strict=strict,
    )
