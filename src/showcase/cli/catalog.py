"""`showcase catalog`: browse the credential catalog, or list its facts due for a re-check."""

from __future__ import annotations

import datetime as dt
import json

import click

from showcase.cli.options import print_format_option, today_option


@click.command("catalog", short_help="Browse the credentials showcase knows, with sourced facts.")
@click.argument("query", nargs=-1)
@print_format_option(
    ["table", "json"], "A table to read, or JSON with each fact's source and checked date."
)
@click.option(
    "--stale",
    is_flag=True,
    help="List the facts checked more than a year before --today (to read again).",
)
@today_option
def catalog(query: tuple[str, ...], output_format: str, stale: bool, today: dt.date | None) -> None:
    """Browse the credentials showcase knows: level, assessment, hours, cost, renewal.

    QUERY keeps the credentials whose name, earlier name, id, issuer, exam code,
    level or terms contain every word of it. Every fact was read on the issuer's
    own page; `--format json` gives that page and the day it was read. A renamed
    credential shows its new name; a retired one the day it retired. Unknown
    facts are "-".

    \b
    Examples:
      showcase catalog aws
      showcase catalog az-104 --format json
      showcase catalog --stale --today 2027-12-01
    """
    from showcase.strategy import browse

    day = today or dt.date.today()
    entries = browse.search(" ".join(query))
    if stale:
        facts = browse.stale(entries, day)
        if output_format == "json":
            click.echo(json.dumps(browse.stale_json(facts), indent=2, ensure_ascii=False))
        else:
            click.echo(browse.stale_text(facts, day), nl=False)
        return
    if output_format == "json":
        click.echo(json.dumps(browse.to_json(entries, day), indent=2, ensure_ascii=False))
    else:
        click.echo(browse.table(entries, day), nl=False)
