"""The `showcase` command group and its entry point.

Thin by design: each command lives in its own module of this package and
imports what it needs when it runs (so `showcase --help` stays fast and never
loads WeasyPrint or python-docx), and every user error is a `ShowcaseError`
that prints itself.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence

import click

from showcase import __version__

# Each command: the module of this package it lives in, and its function there. A command's
# module is imported when the command runs (or `--help` lists them all): `showcase resume`
# never imports the tracker's, the editor's or the review's (0.01-0.02 s of a 0.5 s cold
# resume, before the PDF helper could start its layout).
COMMANDS = {
    "applications": ("applications", "applications"),
    "apply": ("apply", "apply"),
    "build": ("build", "build"),
    "cache": ("cache", "cache"),
    "catalog": ("catalog", "catalog"),
    "edit": ("edit", "edit"),
    "export": ("export", "export"),
    "gaps": ("gaps", "gaps"),
    "import": ("importing", "import_"),
    "init": ("init", "init"),
    "interview": ("interview", "interview"),
    "letter": ("letter", "letter"),
    "linkedin": ("linkedin", "linkedin"),
    "renewals": ("renewals", "renewals"),
    "resume": ("resume", "resume"),
    "review": ("review", "review"),
    "schema": ("schema", "schema"),
    "signature": ("signature", "signature"),
    "themes": ("themes", "themes"),
    "validate": ("validate", "validate"),
    "watch": ("watch", "watch"),
}


class _Commands(click.Group):
    """A group that imports a command's module when the command is asked for (click's
    "Lazily Loading Subcommands")."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            module, function = COMMANDS[cmd_name]
            command = getattr(importlib.import_module(f"showcase.cli.{module}"), function)
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.exceptions.NoSuchCommand as exc:  # "Did you mean 'resume'?" of them all
            raise click.exceptions.NoSuchCommand(
                exc.command_name, possibilities=self.list_commands(ctx), ctx=ctx
            ) from None


def all_commands() -> dict[str, click.Command]:
    """Every command by name, each module imported (for the docs and their tests)."""
    ctx = click.Context(cli)
    found = {name: cli.get_command(ctx, name) for name in cli.list_commands(ctx)}
    return {name: command for name, command in found.items() if command is not None}


@click.group(
    cls=_Commands,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
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
