"""`showcase schema`: the profile's JSON Schema, for editors."""

from __future__ import annotations

from pathlib import Path

import click

from showcase.cli.report import report_written, write_file


@click.command()
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
    from showcase.profile.schema import SCHEMA_ID

    if output.exists() and not force:
        try:
            ours = SCHEMA_ID in output.read_text("utf-8", errors="replace")
        except OSError:
            ours = False
        if not ours:
            raise OutputExistsError(output, "It is not a showcase schema; pass --force.")
    write_file(output, text.encode("utf-8"))
    report_written([output])
