"""`showcase gaps`: what job postings keep asking for, against the profile."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from showcase.cli.options import strict_option, templates_option, today_option
from showcase.cli.report import finish, load, print_warnings


@click.command(short_help="Compare what job postings ask for with your profile.")
@click.argument("profile", type=click.Path(path_type=Path))
@click.argument(
    "postings", nargs=-1, required=True, type=click.Path(path_type=Path, allow_dash=True)
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Also write DIR/gaps/report.html (with a bar chart) and DIR/gaps/report.md.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "md", "html", "json"]),
    default="text",
    show_default=True,
    help="What to print: a table, Markdown, HTML, or JSON for other tools.",
)
@click.option("--force", is_flag=True, help="Replace report files showcase did not write.")
@today_option
@templates_option
@strict_option
def gaps(
    profile: Path,
    postings: tuple[Path, ...],
    output: Path | None,
    output_format: str,
    force: bool,
    today: dt.date | None,
    templates_dir: Path | None,
    strict: bool,
) -> None:
    """Read 10-15 job POSTINGS, find what keeps coming up, and what you still lack.

    POSTINGS are files (.txt, .md, .docx, .pdf, or .html pages saved from a job
    board: only the posting counts, not the page around it), folders of them, or
    `-` for postings pasted on standard input, separated by lines `---`. Prints
    each skill, tool and certification the postings ask for, in how many of them,
    whether your profile shows it (and where), and credentials that would fill
    each gap: assessed ones from recognised issuers first. A posting that cannot
    be read is named and skipped, and the exit status is then 1.

    \b
    Example:
      showcase gaps profile.yaml postings/ -o out
      showcase gaps profile.yaml acme.pdf northwind.docx --format json
      pbpaste | showcase gaps profile.yaml -
    """
    from showcase.strategy.gaps import gap_report as read_and_analyse
    from showcase.views import gaps as views

    loaded = load(profile, today)
    print_warnings(loaded.warnings)
    stdin = sys.stdin.buffer if any(str(p) == "-" for p in postings) else None
    result = read_and_analyse(loaded, postings, stdin)
    for skipped in result.skipped:
        click.secho(f"warning: {skipped.source}: skipped: {skipped.reason}", err=True, fg="yellow")
    if output_format == "json":
        click.echo(views.json_text(result), nl=False)
    elif output_format == "md":
        from showcase.artifacts import gaps as files

        click.echo(files.markdown(result, templates_dir), nl=False)
    elif output_format == "html":
        from showcase.artifacts import gaps as files

        click.echo(files.html(result, templates_dir), nl=False)
    else:
        click.echo(views.text(result), nl=False)
    refused = False
    if output is not None:
        from showcase.artifacts import gaps as files
        from showcase.output import OutputDir

        inputs = [profile, *(p for p in postings if str(p) != "-")]
        written = OutputDir(output, force=force, protect=inputs).write_all(
            files.files(result, templates_dir)
        )
        for path in written.written:
            click.echo(f"wrote {path}", err=output_format != "text")
        for refusal in written.refused:
            click.secho(f"Error: {refusal}", err=True, fg="red")
        refused = bool(written.refused)
    finish(refused=refused or bool(result.skipped), warnings=loaded.warnings, strict=strict)
