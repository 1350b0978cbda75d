"""`showcase signature`: HTML for Gmail and Outlook, and plain text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from showcase.cli.options import output_option, strict_option, templates_option, today_option
from showcase.cli.report import report_written, run_artifact
from showcase.files import SIGNATURE_PREVIEW


@click.command(short_help="Write an email signature for Gmail and Outlook.")
@click.argument("profile", type=click.Path(path_type=Path))
@output_option(".")
@click.option(
    "--variant",
    type=click.Choice(["full", "compact"]),
    default="full",
    show_default=True,
    help="full: job line, website and badges too; compact: name, contact, credentials.",
)
@click.option(
    "--max-credentials",
    type=click.IntRange(0, 10),
    default=2,
    show_default=True,
    help="At most this many featured credentials.",
)
@click.option(
    "--badge-base-url",
    metavar="URL",
    default=None,
    help="https:// folder where you uploaded your badge images; local badge_image files "
    "become URL/<file name>.",
)
@today_option
@templates_option
@strict_option
def signature(
    profile: Path,
    output: Path,
    force: bool,
    variant: str,
    max_credentials: int,
    badge_base_url: str | None,
    today: dt.date | None,
    templates_dir: Path | None,
    strict: bool,
) -> None:
    """Write an email signature that survives Gmail and Outlook, and a plain-text one.

    Under DIR/signature/: signature.html (tables and inline CSS, under Gmail's
    10,000 characters, at most 600px wide), signature.txt (the "-- " line, then at
    most 4 lines of 70 characters) and preview.html, a page with "Copy signature"
    buttons and instructions for Gmail, Outlook and Apple Mail. Your name carries
    the letters of valid certifications ("Priya Raman, PMP"); featured credentials
    that expired are left out.

    \b
    Example:
      showcase signature profile.yaml -o out --badge-base-url https://example.com/badges
    """
    from showcase.artifacts.signature import render_signature

    def describe(_artifact: object, report: object) -> None:
        report_written(getattr(report, "written", []))
        click.echo(
            f"Open {output / SIGNATURE_PREVIEW} in a browser to copy the signature "
            "into your mail app."
        )

    run_artifact(
        profile,
        lambda loaded, _pdf: render_signature(
            loaded,
            variant=variant,
            max_credentials=max_credentials,
            badge_base_url=badge_base_url,
            templates_dir=templates_dir,
        ),
        output=output,
        force=force,
        today=today,
        strict=strict,
        stdout_ok=True,
        describe=describe,
    )
