"""The `showcase` command group and its entry point.

Thin by design: each command lives in its own module of this package and
imports what it needs when it runs (so `showcase --help` stays fast and never
loads WeasyPrint or python-docx), and every user error is a `ShowcaseError`
that prints itself.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

import click

from showcase import __version__
from showcase.cli.applications import applications
from showcase.cli.apply import apply
from showcase.cli.build import build
from showcase.cli.cache import cache
from showcase.cli.catalog import catalog
from showcase.cli.edit import edit
from showcase.cli.export import export
from showcase.cli.gaps import gaps
from showcase.cli.importing import import_
from showcase.cli.init import init
from showcase.cli.interview import interview
from showcase.cli.letter import letter
from showcase.cli.linkedin import linkedin
from showcase.cli.renewals import renewals
from showcase.cli.resume import resume
from showcase.cli.review import review
from showcase.cli.schema import schema
from showcase.cli.signature import signature
from showcase.cli.themes import themes
from showcase.cli.validate import validate
from showcase.cli.watch import watch


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="showcase")
def cli() -> None:
    """Turn the credentials you earned into a resume, LinkedIn posts, an email
    signature and interview stories, all from one YAML profile.

    \b
    Start here:
      showcase init profile.yaml        write a starter profile to edit
      showcase validate profile.yaml    check it, with the line of every mistake
      showcase gaps profile.yaml jobs/  what the jobs you want keep asking for
      showcase renewals profile.yaml    what expires when, and what renewing takes
      showcase review profile.yaml      what a recruiter would think of your credentials
      showcase letter profile.yaml --for job.txt   a cover letter for one posting
      showcase catalog aws              the credentials showcase knows, with sourced facts
      showcase build profile.yaml       write everything into ./showcase-out/
      showcase watch profile.yaml       the same, rebuilt in the browser as you edit
      showcase edit profile.yaml        edit the profile in a browser form, with a preview
      showcase apply profile.yaml job.pdf  the kit for one job, and the application recorded
      showcase applications list        every application, its status and next follow-up

    Run `showcase COMMAND --help` for the options of each command.
    """


for command in (
    init,
    validate,
    schema,
    resume,
    linkedin,
    signature,
    interview,
    letter,
    build,
    watch,
    edit,
    gaps,
    renewals,
    review,
    catalog,
    import_,
    export,
    themes,
    cache,
    apply,
    applications,
):
    cli.add_command(command)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: run the CLI, showing bugs (not user errors) as bugs."""
    from showcase import heap
    from showcase.cli import signals

    heap.settle_after_first_load()  # a short run: see showcase.heap
    signals.install()  # SIGTERM and SIGHUP unwind like Ctrl+C (see showcase.cli.signals)
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="showcase")
    except Exception as exc:  # a bug in showcase: user errors never get here
        if os.environ.get("SHOWCASE_DEBUG"):
            raise
        click.secho(
            f"Internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in showcase, not in your files. Rerun with SHOWCASE_DEBUG=1 "
            "for the details and please report it.",
            err=True,
            fg="red",
        )
        sys.exit(2)
