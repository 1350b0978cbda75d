"""`showcase watch`: build, serve on 127.0.0.1, rebuild what each saved edit changed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from showcase.cli.options import (
    cache_option,
    for_option,
    output_option,
    paper_option,
    postings_option,
    show_ids_option,
    templates_option,
    theme_option,
    today_option,
)
from showcase.cli.report import build_options, print_warnings

if TYPE_CHECKING:
    from showcase.watch import Rebuild


@click.command(short_help="Build, preview in the browser and rebuild on every save.")
@click.argument("profile", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@output_option("showcase-out")
@postings_option(
    "Job postings (files or a folder, as for `showcase gaps`): also write the gaps "
    "report, and rebuild when a posting changes."
)
@for_option
@paper_option
@show_ids_option
@theme_option
@cache_option
@today_option
@templates_option
@click.option("--no-open", is_flag=True, help="Do not open index.html in the browser.")
def watch(
    profile: Path,
    output: Path,
    force: bool,
    postings: tuple[Path, ...],
    for_posting: Path | None,
    paper: str,
    show_ids: bool,
    theme: str | None,
    no_cache: bool,
    today: dt.date | None,
    templates_dir: Path | None,
    no_open: bool,
) -> None:
    """Build PROFILE, show it in the browser, and rebuild on every save until Ctrl+C.

    Serves the output folder on 127.0.0.1 (a free port, printed), opens its
    index.html, and watches the profile, the --templates folder and the
    --postings. After each save only what changed is rebuilt: a PDF is laid out
    again only when its content changed, and unchanged files are not rewritten.
    The pages reload by themselves and keep their place. A profile with a
    mistake never stops the watch: the errors show here and as a banner on the
    page, with file:line:column, and the last good files stay until it is fixed.

    \b
    Example:
      showcase watch profile.yaml
      showcase watch profile.yaml --templates my-templates/ --no-open
      showcase watch profile.yaml --for saved/acme-analyst.pdf
    """
    import contextlib
    import sys
    import threading

    from showcase.cli import signals
    from showcase.watch import run_watch

    options, stem = build_options(
        "watch",
        output=output,
        today=today,
        templates_dir=templates_dir,
        force=force,
        paper=paper,
        postings=postings,
        for_posting=for_posting,
        show_ids=show_ids,
        theme=theme,
        cache=not no_cache,
    )
    page = f"for-{stem}/index.html" if stem else "index.html"
    first = True

    def report(rebuild: Rebuild) -> None:
        nonlocal first
        outcome = rebuild.outcome
        when = dt.datetime.now().strftime("%H:%M:%S")
        if not outcome.ok:
            click.secho(
                f"{when} {profile}: not built; the last good files stay", fg="red", err=True
            )
            for error in outcome.errors:
                click.secho(f"  {error}", fg="red", err=True)
            return
        changed = [p.relative_to(output).as_posix() for p in rebuild.changed]
        click.echo(f"{when} {built_line(rebuild.seconds, len(changed), outcome.made)}")
        if changed and not first:
            click.echo("  " + ", ".join(changed))
        if first:
            print_warnings(outcome.warnings, indent="  ")
        for refusal in outcome.refused:
            click.secho(f"  error: {refusal}", err=True, fg="red")
        first = False

    def ready(url: str) -> None:
        click.echo(f"Serving {output} at {url} (Ctrl+C to stop)")
        if not no_open:
            import webbrowser

            webbrowser.open(url + page)
        click.echo(
            f"Watching {profile}"
            + (f", {templates_dir}" if templates_dir else "")
            + "".join(f", {p}" for p in (*postings, *([for_posting] if for_posting else [])))
        )

    stop = threading.Event()
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl+C: run_watch has stopped everything
        run_watch(profile, output, options, stop=stop, on_build=report, on_ready=ready)
    click.echo("Stopped.")
    if (signum := signals.received()) is not None:  # SIGTERM or SIGHUP, perhaps caught
        sys.exit(128 + signum)  # by watchfiles as KeyboardInterrupt: its status, not 0


def built_line(seconds: float, changed: int, made: list[str]) -> str:
    """``built in 0.82 s: 1 file changed (2 PDFs and 1 DOCX file laid out)``: `made` holds
    "pdf" or "docx" for each layout made anew."""
    from showcase.views.common import join_words

    pdfs, docx = made.count("pdf"), made.count("docx")
    laid = [f"{pdfs} PDF{'s' if pdfs != 1 else ''}"] if pdfs else []
    laid += [f"{docx} DOCX file{'s' if docx != 1 else ''}"] if docx else []
    files = f"{changed} file{'s' if changed != 1 else ''} changed" if changed else "nothing changed"
    return f"built in {seconds:.2f} s: {files}" + (
        f" ({join_words(laid)} laid out)" if laid else ""
    )
