"""`showcase export`: the profile as a JSON Resume."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from showcase.cli.options import new_file_option, strict_option, today_option
from showcase.cli.report import finish, load, print_warnings, write_new_file


@click.command(short_help="Export the profile as a JSON Resume.")
@click.argument("profile", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "export_format",
    type=click.Choice(["jsonresume"]),
    default="jsonresume",
    show_default=True,
    help="The format to export to.",
)
@new_file_option("A new file to write (default: standard output). Never overwritten.")
@today_option
@strict_option
def export(
    profile: Path, export_format: str, output: Path, today: dt.date | None, strict: bool
) -> None:
    """Export the profile to another format: JSON Resume (schema 1.3.1).

    Use it with JSON Resume's themes and tools. Certificates keep their expiry,
    credential ID and skills as extra properties (expiryDate, credentialId,
    skills); stacks and STAR stories stay in your showcase profile. Expired
    credentials are left out; the name is written without letters after it.

    \b
    Example:
      showcase export profile.yaml -o resume.json
    """
    from showcase.exporters.jsonresume import json_resume_text

    loaded = load(profile, today)
    print_warnings(loaded.warnings)
    write_new_file(output, json_resume_text(loaded))
    finish(warnings=loaded.warnings, strict=strict)
