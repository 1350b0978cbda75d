"""`showcase resume`: PDF, DOCX, HTML, Markdown and text, certifications first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from showcase.cli.options import (
    cache_option,
    for_option,
    formats_option,
    output_option,
    paper_option,
    show_ids_option,
    strict_option,
    templates_option,
    theme_option,
    today_option,
)
from showcase.cli.report import run_artifact
from showcase.files import RESUME_FORMATS

if TYPE_CHECKING:
    from showcase.artifacts import Artifact, Layouts
    from showcase.profile import LoadedProfile


@click.command(short_help="Write the resume: PDF, DOCX, HTML, Markdown and text.")
@click.argument("profile", type=click.Path(path_type=Path))
@output_option(".")
@formats_option(RESUME_FORMATS)
@paper_option
@click.option(
    "--include-expired",
    is_flag=True,
    help="Also list expired credentials, marked as expired.",
)
@show_ids_option
@for_option
@click.option(
    "--only-relevant",
    is_flag=True,
    help="With --for: leave out credentials that share nothing with the posting.",
)
@theme_option
@cache_option
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
    show_ids: bool,
    today: dt.date | None,
    for_posting: Path | None,
    only_relevant: bool,
    theme: str | None,
    no_cache: bool,
    templates_dir: Path | None,
    strict: bool,
) -> None:
    """Write the resume, with "Professional Development & Certifications" first.

    Files are named after you (Jordan-Rivera-Resume.pdf, .docx, .html, .md,
    .txt). The PDF is tagged, one column and real text, the DOCX uses Word's
    standard heading styles: both read cleanly in applicant tracking systems.
    Credential IDs are for verification forms: the text resume has them, the
    others only with --show-ids.

    With --for POSTING, the resume is aimed at that job: credentials ordered by
    what they share with the posting (those that share nothing move to
    "Additional credentials"), skills with the posting's first. Nothing is added
    and your sentences are unchanged. DIR/match/<posting>.md and .json say how
    much of what the posting asks for the resume shows, before and after.

    \b
    Example:
      showcase resume profile.yaml -o out --format pdf,docx --paper a4
      showcase resume profile.yaml --for acme-analyst.pdf -o out
    """
    if only_relevant and for_posting is None:
        raise click.BadParameter("goes with --for POSTING", param_hint="--only-relevant")
    tailor = None
    if for_posting is not None:
        from showcase.strategy.tailor import read_for

        tailor = read_for(for_posting)

    # Imported inside `render`, after `run_artifact` has forked the PDF helper: the
    # helper starts importing WeasyPrint ~0.1 s sooner than behind these imports.
    def render(loaded: LoadedProfile, layouts: Layouts) -> Artifact:
        from showcase.artifacts.resume import render_resume

        if tailor is not None:
            from showcase.artifacts.match import render_tailored_resume

            return render_tailored_resume(
                loaded,
                tailor,
                formats=formats,
                paper=paper.lower(),
                include_expired=include_expired,
                only_relevant=only_relevant,
                show_ids=show_ids,
                templates_dir=templates_dir,
                pdf_job=layouts.pdf_job,
                page_counter=layouts.page_counter,
                cache=layouts.cache,
                theme=theme,
                side_by_side=layouts.side_by_side,
            )
        return render_resume(
            loaded,
            formats=formats,
            paper=paper.lower(),
            include_expired=include_expired,
            show_ids=show_ids,
            templates_dir=templates_dir,
            pdf_job=layouts.pdf_job,
            page_counter=layouts.page_counter,
            cache=layouts.cache,
            theme=theme,
            side_by_side=layouts.side_by_side,
        )

    artifact = run_artifact(
        profile,
        render,
        output=output,
        force=force,
        today=today,
        strict=strict,
        pdf="pdf" in formats,
        inputs=[for_posting] if for_posting is not None else [],
        cache=not no_cache,
        templates_dir=templates_dir,
        lanes=2,  # the fit's next candidate is laid out while the one before it is
    )
    match = getattr(artifact, "match", None)
    if match is not None:
        click.echo(
            f"match: the resume shows {match.percent} of what {match.posting} asks for "
            f"(before tailoring: {match.percent_before})"
        )
