"""`showcase renewals`: when each credential lapses, and what renewing it takes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from showcase.cli.options import strict_option, templates_option, today_option
from showcase.cli.report import finish, load, print_warnings, report_written


@click.command()
@click.argument("profile", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Also write DIR/renewals/renewals.ics (for your calendar) and DIR/renewals/renewals.md.",
)
@click.option("--force", is_flag=True, help="Replace files showcase did not write.")
@today_option
@templates_option
@strict_option
def renewals(
    profile: Path,
    output: Path | None,
    force: bool,
    today: dt.date | None,
    templates_dir: Path | None,
    strict: bool,
) -> None:
    """List every credential that expires: the date, the days left, what renewing takes.

    Expired ones come first (with what renewing or earning them again takes),
    then the others by date. The renewal rules come from showcase's catalog
    (PMP: 60 PDUs every 3 years; CompTIA: CE credits or a newer exam; AWS:
    recertify every 3 years); where it has none, it says so. With -o, also
    writes a calendar with an all-day event on each expiry date and reminders
    90 and 30 days before; importing it again updates the events.

    \b
    Example:
      showcase renewals profile.yaml -o out
    """
    from showcase.strategy import renewals as views

    loaded = load(profile, today)
    print_warnings(loaded.warnings)
    report = views.renewals(loaded)
    click.echo(views.text(report), nl=False)
    refused = False
    if output is not None:
        from showcase.output import OutputDir

        written = OutputDir(output, force=force, protect=[profile]).write_all(
            views.files(report, templates_dir)
        )
        report_written(written.written)
        for refusal in written.refused:
            click.secho(f"Error: {refusal}", err=True, fg="red")
        refused = bool(written.refused)
    finish(refused=refused, warnings=loaded.warnings, strict=strict)
