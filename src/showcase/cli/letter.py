"""`showcase letter`: a cover letter for one posting, from the profile's own evidence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from showcase.cli.options import (
    TEXT,
    cache_option,
    formats_option,
    output_option,
    paper_option,
    strict_option,
    templates_option,
    today_option,
)
from showcase.cli.report import run_artifact
from showcase.files import LETTER_FORMATS, POSTING_KINDS

TO_LIMIT = 100  # a name and a title ("Dr Maria Alvarez, Head of Talent"), not a paragraph

if TYPE_CHECKING:
    from showcase.artifacts import Artifact, Layouts
    from showcase.profile import LoadedProfile


@click.command(short_help="Write a cover letter for one job posting.")
@click.argument("profile", type=click.Path(path_type=Path))
@click.option(
    "--for",
    "for_posting",
    type=click.Path(path_type=Path, allow_dash=True),
    required=True,
    metavar="POSTING",
    help=f"The job posting the letter answers ({POSTING_KINDS}, or - for stdin).",
)
@output_option(".")
@formats_option(LETTER_FORMATS)
@click.option(
    "--to",
    "to",
    type=TEXT,
    default=None,
    metavar="NAME",
    help='Who the letter is addressed to: "Dear NAME,". Default: "Dear Hiring Manager,".',
)
@paper_option
@today_option
@templates_option
@cache_option
@strict_option
def letter(
    profile: Path,
    for_posting: Path,
    output: Path,
    force: bool,
    formats: list[str],
    to: str | None,
    paper: str,
    today: dt.date | None,
    templates_dir: Path | None,
    no_cache: bool,
    strict: bool,
) -> None:
    """Write a one-page cover letter for one job posting, from your own evidence.

    Files are named after you (Jordan-Rivera-Cover-Letter.pdf, .docx, .md,
    .txt); the PDF and DOCX use the resume's fonts and letterhead. The letter
    names the role and company, then answers two of the posting's requirements
    that your profile meets, each with a result of yours (numbers kept) and the
    credential that backs it; a bridge when the role is not your current title;
    a line about the most important missing requirement only when a credential
    under `in_progress:` covers it; and a close from the optional `letter:`
    block (sign-off, availability, relocation). 250 to 400 words. Nothing is
    added that your profile does not say, and the posting's own phrases are
    never written as yours.

    \b
    Example:
      showcase letter profile.yaml --for acme-marketing.txt -o out
      showcase letter profile.yaml --for job.pdf --to "Ms Alvarez" -f pdf,txt
    """
    from showcase.artifacts.letter import render_letter
    from showcase.strategy.tailor import read_for

    if to is not None:
        from showcase.profile.types import check_line

        if len(to) > TO_LIMIT:
            raise click.BadParameter(f"at most {TO_LIMIT} characters: a name", param_hint="--to")
        try:  # what a name in the profile may not hold (control characters, ...)
            to = check_line(to)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--to") from None

    tailor = read_for(for_posting)

    def render(loaded: LoadedProfile, layouts: Layouts) -> Artifact:
        return render_letter(
            loaded,
            tailor,
            formats=formats,
            to=to,
            paper=paper.lower(),
            templates_dir=templates_dir,
            pdf_job=layouts.pdf_job,
            cache=layouts.cache,
        )

    run_artifact(
        profile,
        render,
        output=output,
        force=force,
        today=today,
        strict=strict,
        pdf="pdf" in formats,
        inputs=[for_posting],
        cache=not no_cache,
        templates_dir=templates_dir,
    )
