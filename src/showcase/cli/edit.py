"""`showcase edit`: the profile in a browser form, saved as you type, beside a live preview."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from showcase.cli.options import templates_option, today_option


@click.command(short_help="Edit a profile in the browser, with a live preview.")
@click.argument("profile", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=0,
    show_default="a free one",
    help="Port on 127.0.0.1 to serve the editor on.",
)
@click.option("--no-open", is_flag=True, help="Do not open the editor in the browser.")
@today_option
@templates_option
def edit(
    profile: Path, port: int, no_open: bool, today: dt.date | None, templates_dir: Path | None
) -> None:
    """Edit PROFILE in the browser: a form for every section, a live preview beside it.

    A missing PROFILE starts from the starter profile (as `showcase init` writes
    it). Every change is saved to PROFILE as you type, even while it has a
    mistake: the mistake shows at its field, with the message `showcase validate`
    gives, and the preview keeps the last valid version. Your comments, key
    order and quoting are kept; the previous version is kept as PROFILE.showcase.bak. A
    change made in another editor while the page is open is offered as a
    reload, never overwritten. Drop a LinkedIn Certifications.csv or a badge
    file on the credentials list to import it.

    The page is served on 127.0.0.1 only, and only this run's page can save.

    \b
    Example:
      showcase edit profile.yaml
      showcase edit new-profile.yaml --no-open --port 8765
    """
    import threading

    from showcase.editor.server import EditorServer
    from showcase.editor.session import ProfileFile
    from showcase.errors import ShowcaseError

    if not profile.exists():
        from showcase.cli.report import report_written
        from showcase.profile.starter import write_starter

        written, _ = write_starter(profile)
        report_written(written)
    elif not profile.is_file():
        raise ShowcaseError(f"{profile}: not a regular file; give the path of a profile .yaml")
    try:
        server = EditorServer(
            ProfileFile(profile.absolute(), today=today), port=port, templates_dir=templates_dir
        )
    except OSError as exc:
        raise ShowcaseError(f"cannot serve on 127.0.0.1:{port} ({exc.strerror or exc})") from None
    server.start()
    click.echo(f"Editing {profile} at {server.url} (Ctrl+C to stop)")
    if not no_open:
        import webbrowser

        webbrowser.open(server.url)
    stop = threading.Event()
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    click.echo("Stopped.")
