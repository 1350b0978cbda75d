"""`showcase applications`: list, show, update, export and import tracked applications."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from showcase.cli.options import TEXT, TodayType
from showcase.cli.tracker_options import FollowUpType, StatusType, db_option, today_option
from showcase.errors import visible

if TYPE_CHECKING:
    from showcase.tracker.store import Store

DB_DEFAULT = "showcase.db in this folder"
MAX_ID = 2**63 - 1  # the largest id SQLite and PostgreSQL store
F = TypeVar("F", bound=Callable[..., Any])


def _open(db: str | None, *, create: bool = False) -> Store:
    from showcase.apply import default_db
    from showcase.tracker.store import Store

    return Store(default_db(None, db), create=create)


@click.group(short_help="Follow your applications: status, contacts, follow-ups.")
def applications() -> None:
    """Follow the jobs you applied to: status, contacts, notes, follow-ups.

    `showcase apply` records each application; these commands list them, show
    one, change its status (each change dated and kept), add notes and contacts,
    set the next follow-up, write the follow-ups as a calendar, and export or
    import them all. Statuses: saved, applied, screening, interview, offer,
    accepted, rejected, withdrawn, no reply.

    \b
    Example:
      showcase applications list
      showcase applications update 3 --status interview --follow-up +7
    """


@applications.command("list", short_help="List every application, newest first.")
@click.option(
    "--status",
    "statuses",
    type=StatusType(),
    multiple=True,
    help="Only applications with this status (repeatable).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="How to print them: JSON and CSV are for other programs and spreadsheets.",
)
@click.option(
    "--person",
    type=TEXT,
    default=None,
    metavar="NAME",
    help="Only the applications `apply` recorded for this person (the profile's name), "
    "in a database a career centre shares.",
)
@db_option(DB_DEFAULT)
@today_option
def list_(
    statuses: tuple[str, ...],
    fmt: str,
    person: str | None,
    db: str | None,
    today: dt.date | None,
) -> None:
    """List every application, newest first: status, days since applying, next follow-up.

    \b
    Example:
      showcase applications list --status interview --status offer
      showcase applications list --format csv > applications.csv
    """
    from showcase.tracker import formats

    with _open(db) as store:
        items = store.listing(status=statuses, person=person)
    if fmt == "json":
        click.echo(formats.as_json(items))
    elif fmt == "csv":
        click.echo(formats.as_csv(items), nl=False)
    else:
        click.echo(visible(formats.as_table(items, today or dt.date.today())), nl=False)


@applications.command(short_help="Show one application in full.")
@click.argument("app_id", metavar="ID", type=click.IntRange(min=1, max=MAX_ID))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Text to read, or JSON for other programs.",
)
@click.option("--posting", is_flag=True, help="Print the copy of the posting's text instead.")
@click.option(
    "--files",
    "files_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Write the copies of the files sent into this folder (which must not hold them yet).",
)
@db_option(DB_DEFAULT)
def show(app_id: int, fmt: str, posting: bool, files_dir: Path | None, db: str | None) -> None:
    """Show one application: status history, contacts, notes, the files sent.

    \b
    Example:
      showcase applications show 3
      showcase applications show 3 --files sent-to-acme/
    """
    from showcase.tracker import formats

    with _open(db) as store:
        item = store.get(app_id, full=True)
        contents = {f["name"]: store.file(app_id, f["name"]) for f in item["files"]}
    if posting:
        click.echo(visible(item["posting_text"] or "(no copy of the posting was kept)"))
    elif fmt == "json":
        click.echo(formats.one_json(item))
    else:
        click.echo(visible(formats.show_text(item)), nl=False)
    if files_dir is not None:
        _write_files(files_dir, contents)


def _write_files(folder: Path, contents: dict[str, bytes]) -> None:
    from showcase.cli.report import report_written, write_file
    from showcase.errors import OutputExistsError, ShowcaseError

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ShowcaseError(f"cannot make {folder}: {exc.strerror or exc}") from None
    from showcase.tracker.store import file_name

    for name in contents:
        try:
            file_name(name)  # a database written by an older showcase or another tool
        except ValueError as exc:
            raise ShowcaseError(f"{exc}: no file was written") from None
        if (folder / name).exists():
            raise OutputExistsError(folder / name, "Choose another folder.")
    for name, content in contents.items():
        write_file(folder / name, content)
    report_written([folder / name for name in contents])


@applications.command(short_help="Change an application's status, notes or contacts.")
@click.argument("app_id", metavar="ID", type=click.IntRange(min=1, max=MAX_ID))
@click.option("--status", type=StatusType(), default=None, help="Its new status.")
@click.option(
    "--on",
    type=TodayType(),
    default=None,
    help="The day it happened (default: today); dates the status change and the note.",
)
@click.option("--note", type=TEXT, default=None, help="Add a note (dated like the status).")
@click.option(
    "--follow-up",
    type=FollowUpType(),
    default=None,
    help="The next follow-up: a date, +N for N days after --on (or today), or none.",
)
@click.option(
    "--contact", type=TEXT, default=None, metavar="NAME", help="Add a contact: their name."
)
@click.option("--role", type=TEXT, default=None, help="The contact's role (with --contact).")
@click.option("--email", type=TEXT, default=None, help="The contact's email (with --contact).")
@click.option(
    "--linkedin", type=TEXT, default=None, help="The contact's LinkedIn URL (with --contact)."
)
@db_option(DB_DEFAULT)
@today_option
def update(
    app_id: int,
    status: str | None,
    on: dt.date | None,
    note: str | None,
    follow_up: dt.date | int | str | None,
    contact: str | None,
    role: str | None,
    email: str | None,
    linkedin: str | None,
    db: str | None,
    today: dt.date | None,
) -> None:
    """Change one application: its status, a note, a contact, the next follow-up.

    A status change is checked (an offer comes after an interview; accepted,
    rejected and withdrawn are final) and kept in the history with its date.
    Everything given is changed in one transaction, or nothing is.

    \b
    Example:
      showcase applications update 3 --status interview --on 2026-12-01
      showcase applications update 3 --note "Panel with the data team" --follow-up +7
      showcase applications update 3 --contact "Ann Lee" --role Recruiter --email ann@acme.example
    """
    from showcase.tracker import formats

    if contact is None and (role or email or linkedin):
        raise click.UsageError("--role, --email and --linkedin describe a --contact NAME")
    if status is None and note is None and follow_up is None and contact is None:
        raise click.UsageError("nothing to change: give --status, --note, --follow-up or --contact")
    day = on or today or dt.date.today()
    due: dt.date | None = None
    if isinstance(follow_up, int):
        due = day + dt.timedelta(days=follow_up)
    elif isinstance(follow_up, dt.date):
        due = follow_up
    person = (
        None
        if contact is None
        else {"name": contact.strip(), "role": role, "email": email, "linkedin": linkedin}
    )
    with _open(db) as store:
        item = store.update(
            app_id,
            status=status,
            on=day,
            note=note,
            follow_up=due,
            clear_follow_up=follow_up == "none",
            contact=person,
        )
        item = store.get(app_id, full=True)
    click.echo(visible(formats.show_text(item)), nl=False)


def _file_output(default: str, what: str) -> Callable[[F], F]:
    """``-o FILE`` (``-``: standard output) and ``--force`` to replace it."""

    def decorate(f: F) -> F:
        f = click.option("--force", is_flag=True, help="Replace the file if it exists.")(f)
        return click.option(
            "-o",
            "--output",
            type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
            default=default,
            show_default=True,
            help=f"The {what} to write (- for standard output).",
        )(f)

    return decorate


@applications.command(short_help="Write the next follow-ups as a calendar (.ics).")
@_file_output("follow-ups.ics", "calendar file")
@db_option(DB_DEFAULT)
def calendar(output: Path, force: bool, db: str | None) -> None:
    """Write the next follow-up of every open application as a calendar (.ics).

    Each follow-up is an all-day event with reminders the day before and that
    morning; importing the file again updates the events instead of doubling them.

    \b
    Example:
      showcase applications calendar -o follow-ups.ics
    """
    from showcase.tracker import formats

    with _open(db) as store:
        items = store.listing()
    data = formats.follow_ups_ics(items, dt.datetime.now(dt.UTC).replace(microsecond=0))
    count = data.count(b"\r\nBEGIN:VEVENT\r\n")  # a line of its own: not a title's words
    click.echo(f"{count} follow-up{'s' if count != 1 else ''} in the calendar", err=True)
    _write(output, data, force)


def _write(output: Path, data: bytes, force: bool, *, private: bool = False) -> None:
    from showcase.cli.report import report_written, write_file
    from showcase.errors import OutputExistsError
    from showcase.output import occupied

    if str(output) == "-":
        click.echo(data.decode("utf-8"), nl=False)
        return
    if occupied(output) and not force:  # a link to nothing too: it was replaced unasked
        raise OutputExistsError(output, "Add --force to replace it.")
    write_file(output, data, private=private)
    report_written([output])


@applications.command(short_help="Write every application, files included, as JSON.")
@_file_output("-", "JSON file")
@db_option(DB_DEFAULT)
def export(output: Path, force: bool, db: str | None) -> None:
    """Write every application, in full, as JSON: for a backup or another database.

    Everything is in it: statuses with their dates, notes, contacts, the posting's
    text and the files sent (base64, with their SHA-256). `applications import`
    reads it back.

    \b
    Example:
      showcase applications export -o applications.json
      showcase applications export --db postgresql://coach@db.example/cohort -o cohort.json
    """
    import json

    with _open(db) as store:
        data = store.export()
    # Readable by its owner only, as the database: it holds the contacts and notes too.
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    _write(output, text.encode(), force, private=True)


@applications.command("import", short_help="Add the applications of an `applications export` file.")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
@db_option(DB_DEFAULT)
def import_(file: Path, db: str | None) -> None:
    """Add the applications of an `applications export` file to the database.

    They get new IDs; all are added in one transaction, or none is (a file
    whose content does not match its SHA-256 is refused).

    \b
    Example:
      showcase applications import applications.json --db postgresql://coach@db.example/cohort
    """
    import json

    from showcase.reading import TooLarge, read_bounded
    from showcase.tracker.statuses import TrackerError

    limit = 256 << 20  # an export holds the files sent: large, but not endless
    too_large = TrackerError(f"{file}: larger than 256 MiB; not a showcase export")
    try:
        # A named pipe or a device is read within bounds too (showcase/reading.py).
        raw = sys.stdin.buffer.read(limit + 1) if str(file) == "-" else read_bounded(file, limit)
    except TooLarge:
        raise too_large from None
    except OSError as exc:
        raise TrackerError(f"cannot read {file}: {exc.strerror or exc}") from None
    if len(raw) > limit:
        raise too_large
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        raise TrackerError(f"{file}: not JSON ({exc})") from None
    with _open(db, create=True) as store:
        ids = store.import_(data, "standard input" if str(file) == "-" else str(file))
        shown = store.shown
    span = f" (IDs {ids[0]} to {ids[-1]})" if len(ids) > 1 else (f" (ID {ids[0]})" if ids else "")
    click.echo(f"Imported {len(ids)} application{'s' if len(ids) != 1 else ''}{span} into {shown}")
