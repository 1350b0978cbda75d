"""`showcase resume`: PDF, DOCX, HTML, Markdown and text, certifications first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from showcase.artifacts.files import RESUME_FORMATS
from showcase.cli.options import (
    formats_option,
    output_option,
    paper_option,
    strict_option,
    templates_option,
    today_option,
)
from showcase.cli.report import run_artifact


@click.command()
@click.argument("profile", type=click.Path(path_type=Path))
@output_option(".")
@formats_option(RESUME_FORMATS)
@paper_option
@click.option(
    "--include-expired",
    is_flag=True,
    help="Also list expired credentials, marked as expired.",
)
@today_option
@templates_option
@strict_option
def resume(
    profile: Path,
    output: Path,
    force: bool,
    formats: list[str],
    paper: str,
    include_expired: bool,
    today: dt.date | None,
    templates_dir: Path | None,
    strict: bool,
) -> None:
    """Write the resume, with "Professional Development & Certifications" first.

    Files are named after you (Jordan-Rivera-Resume.pdf, .docx, .html, .md,
    .txt). The PDF is tagged, one column and real text, the DOCX uses Word's
    standard heading styles: both read cleanly in applicant tracking systems.

    \b
    Example:
      showcase resume profile.yaml -o out --format pdf,docx --paper a4
    """
    from showcase.artifacts.resume import render_resume

    run_artifact(
        profile,
        lambda loaded, pdf_job: render_resume(
            loaded,
            formats=formats,
            paper=paper.lower(),
            include_expired=include_expired,
            templates_dir=templates_dir,
            pdf_job=pdf_job,
        ),
        output=output,
        force=force,
        today=today,
        strict=strict,
        pdf="pdf" in formats,
    )
