"""`showcase validate`: every mistake with its place; valid means it builds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from showcase.cli.options import strict_option, templates_option, today_option
from showcase.cli.report import finish, load, print_warnings


@click.command(short_help="Check profiles and explain every mistake.")
@click.argument("profiles", nargs=-1, required=True, type=click.Path(path_type=Path))
@today_option
@templates_option
@strict_option
@click.option("-q", "--quiet", is_flag=True, help="Print only errors and warnings.")
def validate(
    profiles: tuple[Path, ...],
    today: dt.date | None,
    templates_dir: Path | None,
    strict: bool,
    quiet: bool,
) -> None:
    """Check PROFILES and explain every mistake with its file, line and column.

    Prints a short summary of each valid profile and every warning (credentials
    that expire soon, expired ones, featured completion-only ones). A valid
    profile is then rendered in memory, every artifact in every format but the
    PDF layout (with your --templates, if given), so a profile that passes
    always builds. Exits 1 if any profile is invalid or would not build (or,
    with --strict, has warnings).

    \b
    Example:
      showcase validate profile.yaml --today 2026-11-28
    """
    from showcase.artifacts.build import check_builds
    from showcase.errors import ProfileError
    from showcase.profile.summary import summarize

    failed = 0
    warned: list[object] = []
    for path in profiles:
        try:
            loaded = load(path, today)
        except ProfileError as exc:
            exc.show()
            failed += 1
            continue
        failures, rendering = check_builds(loaded, templates_dir=templates_dir)
        for failure in failures:
            click.secho(f"{path}: error: {failure}", err=True, fg="red")
        if failures:
            failed += 1
            continue
        every = [*loaded.warnings, *rendering]
        warned.extend(every)
        if not quiet:
            click.echo(summarize(loaded, str(path), len(every)))
            for warning in every:
                click.secho("    " + warning.format(severity="warning"), fg="yellow")
        else:
            print_warnings(every)
    finish(refused=bool(failed), warnings=warned, strict=strict)
