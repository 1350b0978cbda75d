"""`showcase schema`: the profile's JSON Schema, for editors."""

from __future__ import annotations

from pathlib import Path

import click

from showcase.cli.report import report_written, write_file


@click.command(short_help="Print the profile's JSON Schema.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    default="-",
    help="File to write the schema to (default: standard output).",
)
@click.option("--force", is_flag=True, help="Replace FILE even if it is not a showcase schema.")
def schema(output: Path, force: bool) -> None:
    """Print the profile's JSON Schema, for editor autocompletion.

    \b
    Example (then point your editor at it, as `showcase init` does):
      showcase schema -o showcase-profile.schema.json
    """
    from showcase.profile.schema import schema_text

    text = schema_text()
    if str(output) == "-":
        click.echo(text, nl=False)
        return
    from showcase.errors import OutputExistsError
    from showcase.output import occupied
    from showcase.profile.schema import SCHEMA_ID
    from showcase.reading import TooLarge, read_bounded

    if occupied(output) and not force:
        try:  # only a regular file of a schema's size can be ours (never /dev/zero or a pipe)
            ours = output.is_file() and SCHEMA_ID in read_bounded(output, 2**20).decode(
                "utf-8", errors="replace"
            )
        except (OSError, TooLarge):
            ours = False
        if not ours:
            raise OutputExistsError(output, "It is not a showcase schema; pass --force.")
    write_file(output, text.encode("utf-8"))
    report_written([output])
