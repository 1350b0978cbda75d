"""`showcase renewals`: when each credential lapses, and what renewing it takes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from showcase.cli.options import print_format_option, strict_option, templates_option, today_option
from showcase.cli.report import finish, load, print_warnings, report_written


@click.command(short_help="List what expires when, and what renewing takes.")
@click.argument("profile", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Also write DIR/renewals/renewals.ics (for your calendar) and DIR/renewals/renewals.md.",
)
@click.option("--force", is_flag=True, help="Replace files showcase did not write.")
@print_format_option(
    ["text", "json"], 'What to print: the table, or JSON ({"renewals": [...]}) for other tools.'
)
@today_option
@templates_option
@strict_option
def renewals(
    profile: Path,
    output: Path | None,
    force: bool,
    output_format: str,
    today: dt.date | None,
    templates_dir: Path | None,
    strict: bool,
) -> None:
    """List every credential that expires: the date, the days left, what renewing takes.

    Expired ones come first (with what renewing or earning them again takes),
    then the others by date. The renewal rules come from showcase's catalog
    (CompTIA: CE credits or a newer exam every 3 years; AWS: recertify every 3
    years; Microsoft fundamentals: do not expire), each with the issuer's page;
    where it has none, it says so. A credential without `expires` whose rule
    gives a period gets an estimated date (issued + period, marked ~) and a
    request to add `expires`; one that does not expire is said to. With -o,
    also writes a calendar with an all-day event on each expiry date and
    reminders 90 and 30 days before; importing it again updates the events.

    \b
    Example:
      showcase renewals profile.yaml -o out
      showcase renewals profile.yaml --format json
    """
    from showcase.strategy.renewals import renewals as analyse
    from showcase.strategy.renewals import to_json
    from showcase.views.renewals import text

    loaded = load(profile, today)
    print_warnings(loaded.warnings)
    report = analyse(loaded)
    if output_format == "json":
        click.echo(json.dumps(to_json(report), indent=2, ensure_ascii=False))
    else:
        click.echo(text(report), nl=False)
    refused = False
    if output is not None:
        from showcase.artifacts import renewals as files
        from showcase.output import OutputDir

        written = OutputDir(output, force=force, protect=[profile]).write_all(
            files.files(report, templates_dir)
        )
        report_written(written.written)
        for refusal in written.refused:
            click.secho(f"Error: {refusal}", err=True, fg="red")
        refused = bool(written.refused)
    finish(refused=refused, warnings=loaded.warnings, strict=strict)
