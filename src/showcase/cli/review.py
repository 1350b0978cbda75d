"""`showcase review`: what a careful recruiter would think of the credentials section."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path

import click

from showcase.cli.options import print_format_option, strict_option, today_option
from showcase.cli.report import finish, load, print_warnings
from showcase.files import POSTING_KINDS
from showcase.views.review.table import codes_sentence

# The codes wrapped here, never at a hyphen (click would print "public-" / "search").
_CODES = "\n      ".join(
    textwrap.wrap(codes_sentence(), 70, break_on_hyphens=False, break_long_words=False)
)

_HELP = f"""Review the credentials section the way a careful recruiter would.

    Each finding has a code, a severity, the credentials involved and a concrete fix.
    Then, for each credential: assessed or not, hands-on project or not, recognised
    issuer, expiry. With --for, relatedness is measured against that posting.

    \b
    Codes:
      {_CODES}

    \b
    Example:
      showcase review profile.yaml
      showcase review profile.yaml --for postings/acme.pdf --format json
    """


@click.command(help=_HELP, short_help="Review the credentials as a careful recruiter would.")
@click.argument("profile", type=click.Path(path_type=Path))
@click.option(
    "--for",
    "posting",
    type=click.Path(path_type=Path),
    default=None,
    metavar="POSTING",
    help=f"Judge relatedness against this one job posting ({POSTING_KINDS}).",
)
@print_format_option(
    ["text", "json"], "What to print: findings and signals, or JSON for other tools."
)
@today_option
@strict_option
def review(
    profile: Path,
    posting: Path | None,
    output_format: str,
    today: dt.date | None,
    strict: bool,
) -> None:
    from showcase.strategy.tailor import read_for
    from showcase.views.review import checks, words

    loaded = load(profile, today)
    print_warnings(loaded.warnings)
    found = checks.review(loaded, read_for(posting).posting if posting else None)
    if output_format == "json":
        click.echo(json.dumps(words.to_json(found), indent=2, ensure_ascii=False))
    else:
        click.echo(words.text(found), nl=False)
    serious = [f for f in found.findings if f.severity != "info"]
    finish(warnings=[*loaded.warnings, *serious], strict=strict)
