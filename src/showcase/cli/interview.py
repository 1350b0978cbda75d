"""`showcase interview`: STAR stories around capstone projects."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from showcase.cli.options import (
    aim_option,
    cache_option,
    formats_option,
    output_option,
    paper_option,
    strict_option,
    templates_option,
    today_option,
)
from showcase.cli.report import run_artifact
from showcase.files import INTERVIEW_FORMATS

if TYPE_CHECKING:
    from showcase.artifacts import Artifact, Layouts
    from showcase.profile import LoadedProfile


@click.command(short_help="Write an interview prep sheet with STAR stories.")
@click.argument("profile", type=click.Path(path_type=Path))
@output_option(".")
@formats_option(INTERVIEW_FORMATS)
@paper_option
@aim_option
@cache_option
@today_option
@templates_option
@strict_option
def interview(
    profile: Path,
    output: Path,
    force: bool,
    formats: list[str],
    paper: str,
    for_posting: Path | None,
    no_cache: bool,
    today: dt.date | None,
    templates_dir: Path | None,
    strict: bool,
) -> None:
    """Write an interview prep sheet: STAR stories built around your capstone projects.

    Writes DIR/interview/<Name>-Interview-Prep.md, .pdf and .docx: one story per
    project (Situation, Task, Action, Result, Reflection) opened with the
    credential as evidence, the questions each story answers (yours plus likely
    behavioural ones from a bundled question bank), its spoken length, a
    "Credentials as evidence" table and notes for your next salary conversation.
    Warns when a story runs under 45 seconds or over 2 minutes, or its result has
    no number.

    With --for POSTING: the stories that show most of what the posting asks for come
    first, the pitch and a "Why this role?" answer name its title and company, and its
    requirement lines become "Questions this posting is likely to bring", each with
    the story that answers it (or a note that none does yet).

    \b
    Example:
      showcase interview profile.yaml -o out --format md,pdf
      showcase interview profile.yaml --for acme-analyst.pdf -o out
    """
    tailor = None
    if for_posting is not None:
        from showcase.strategy.tailor import read_for

        tailor = read_for(for_posting)

    # Imported inside `render`, after `run_artifact` has forked the PDF helper (which
    # then starts importing WeasyPrint sooner).
    def render(loaded: LoadedProfile, layouts: Layouts) -> Artifact:
        from showcase.artifacts.interview import render_interview

        return render_interview(
            loaded,
            formats=formats,
            templates_dir=templates_dir,
            paper=paper.lower(),
            pdf_job=layouts.pdf_job,
            cache=layouts.cache,
            tailor=tailor,
        )

    run_artifact(
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
    )
