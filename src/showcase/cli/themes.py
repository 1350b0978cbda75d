"""`showcase themes`: the resume themes there are, bundled and your own."""

from __future__ import annotations

import json
from pathlib import Path

import click

from showcase.cli.options import templates_option


@click.command(short_help="List the resume themes, bundled and your own.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="A list to read, or JSON (name, description, paper, parent, source) for other tools.",
)
@templates_option
def themes(output_format: str, templates_dir: Path | None) -> None:
    """List the resume themes: the bundled ones and yours under --templates.

    Pick one with `showcase resume --theme NAME` or `resume: {theme: NAME}` in the
    profile. A theme of your own is a folder DIR/resume/themes/NAME/ with a
    theme.yaml (name, description, and optionally paper and parent), and a
    resume.css added after its parent's and/or a resume.docx Word template.

    \b
    Example:
      showcase themes
      showcase themes --templates my-templates --format json
    """
    from showcase.render.themes import DEFAULT_THEME, available_themes, theme_chain

    found = available_themes(templates_dir)
    for name in found:
        theme_chain(name, templates_dir)  # a missing parent or a loop is named, not listed
    if output_format == "json":
        click.echo(json.dumps([t.as_json() for t in found.values()], indent=2, ensure_ascii=False))
        return
    width = max(len(name) for name in found)
    for theme in found.values():
        notes = []
        if theme.name == DEFAULT_THEME:
            notes.append("default")
        if theme.parent:
            notes.append(f"builds on {theme.parent}")
        if theme.paper:
            notes.append(f"{theme.paper} when the profile does not say")
        if not theme.bundled:
            notes.append(f"yours: {theme.folder}")
        extra = f" ({'; '.join(notes)})" if notes else ""
        click.echo(f"{theme.name:<{width}}  {theme.description}{extra}")
