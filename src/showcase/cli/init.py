"""`showcase init`: a commented starter profile."""

from __future__ import annotations

from pathlib import Path

import click

from showcase.cli.report import report_written


@click.command(short_help="Write a commented starter profile.")
@click.argument("path", type=click.Path(path_type=Path), default="profile.yaml")
def init(path: Path) -> None:
    """Write a commented starter profile to PATH (default: profile.yaml).

    It never overwrites an existing file. Beside it, it writes the profile's
    JSON Schema so that editors with a YAML language server (VS Code's YAML
    extension, for one) complete and check fields as you type.

    \b
    Example:
      showcase init my-profile.yaml
    """
    from showcase.profile.starter import write_starter

    written, skipped = write_starter(path)
    report_written(written)
    for note in skipped:
        click.echo(note)
    click.echo(f"Next: edit {path}, then run `showcase validate {path}`.")
