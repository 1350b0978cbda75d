"""The applications database: SQLite by default, PostgreSQL by URL, the same code on both.

Every write is one transaction (on SQLite a ``BEGIN IMMEDIATE``, so two processes
queue instead of failing); SQLite runs in WAL mode with foreign keys on and a busy
timeout, and its file is created readable by its owner only, as it holds contacts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import exc

from showcase.tracker import DEFAULT_NAME as DEFAULT_NAME  # re-exported (apply.py)
from showcase.tracker import rows as job
from showcase.tracker import schema as t
from showcase.tracker.connection import BUSY_TIMEOUT_MS as BUSY_TIMEOUT_MS
from showcase.tracker.connection import PG_CONNECT_TIMEOUT_S as PG_CONNECT_TIMEOUT_S
from showcase.tracker.connection import (
    create_private,
    database_url,
    is_url,
    postgres_engine,
    sqlite_engine,
)
from showcase.tracker.rows import INSERT_APPLICATION, application_rows, as_date, insert_all, iso
from showcase.tracker.rows import sha256 as sha256
from showcase.tracker.statuses import TrackerError, check_transition, status_name
from showcase.tracker.transfer import EXPORT_FORMAT, checked_export, plain
from showcase.tracker.transfer import file_name as file_name


@dataclass
class NewApplication:
    title: str
    company: str
    status: str = "applied"
    on: dt.date | None = None  # the day of the first status (applied_on when "applied")
    url: str | None = None
    coverage: float | None = None
    profile: str | None = None
    kit: str | None = None
    posting_name: str | None = None
    posting_text: str | None = None
    files: Mapping[str, bytes] = field(default_factory=dict)


class Store:
    """One open applications database. Use as a context manager, or call `close`."""

    def __init__(self, db: str | Path, *, create: bool = True) -> None:
        """Open (and migrate) `db`. With ``create=False`` a missing SQLite file is an
        error rather than a new empty database (the reading commands: a mistyped --db
        must not look like "no applications")."""
        self.url = database_url(db)
        try:
            shown = sa.make_url(str(db) if is_url(db) else self.url)
        except exc.ArgumentError:
            raise TrackerError(f"--db {db}: not a database URL") from None
        self.shown = str(db) if not is_url(db) else shown.render_as_string(hide_password=True)
        sqlite = self.url.startswith("sqlite")
        if sqlite:
            path = self.url.removeprefix("sqlite:///")
            if path and path != ":memory:":
                if not create and not Path(path).exists():
                    raise TrackerError(
                        f"no applications database at {db}: record one with "
                        "`showcase apply PROFILE POSTING`, or give --db (or SHOWCASE_DB)"
                    )
                create_private(Path(path))
            self.engine = sqlite_engine(self.url)
        else:
            self.engine = postgres_engine(self.url, self.shown)
        self.dialect = self.engine.dialect.name
        try:
            self._migrate()
        except TrackerError:
            self.engine.dispose()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        """One transaction: all of it is written, or nothing."""
        with self._errors(), self.engine.begin() as conn:
            yield conn

    @contextmanager
    def _read(self) -> Iterator[sa.Connection]:
        """One read transaction, seeing one snapshot: a listing reads applications, then
        their history and notes, and must not see an application added in between
        (PostgreSQL's default, READ COMMITTED, would; SQLite's BEGIN does not)."""
        with self._errors(), self.engine.connect() as conn:
            if self.dialect == "postgresql":
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            yield conn.execution_options(showcase_read=True)

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except exc.OperationalError as error:
            reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
            raise TrackerError(f"database {self.shown}: {reason}") from None
        except exc.DatabaseError as error:
            reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
            raise TrackerError(f"database {self.shown}: {reason}") from None

    # -- schema ------------------------------------------------------------------------

    def _migrate(self) -> None:
        with self._write() as conn:
            if self.dialect == "postgresql":  # one process migrates; the others wait
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(4736368)"))
            if not sa.inspect(conn).has_table(t.schema_version.name):
                t.schema_version.create(conn)
                version = 0
                conn.execute(t.schema_version.insert().values(version=0))
            else:
                found = conn.execute(sa.select(t.schema_version.c.version)).scalar()
                if found is None:
                    raise TrackerError(f"database {self.shown}: its schema version is missing")
                version = int(found)
            if version > t.SCHEMA_VERSION:
                raise TrackerError(
                    f"database {self.shown} was written by a newer showcase (schema "
                    f"version {version}; this showcase reads up to {t.SCHEMA_VERSION}): "
                    "upgrade showcase (pip install -U showcase) to use it"
                )
            for number in range(version + 1, t.SCHEMA_VERSION + 1):
                t.MIGRATIONS[number - 1](conn)
            if version != t.SCHEMA_VERSION:
                conn.execute(t.schema_version.update().values(version=t.SCHEMA_VERSION))

    def integrity_problems(self) -> list[str]:
        """What is inconsistent (empty when all is well): SQLite's own check, and ours."""
        problems: list[str] = []
        with self._read() as conn:
            if self.dialect == "sqlite":
                rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
                if rows != ["ok"]:
                    problems += rows
                problems += [str(r) for r in conn.exec_driver_sql("PRAGMA foreign_key_check")]
            no_history = conn.execute(
                sa.select(t.applications.c.id).where(
                    ~sa.exists().where(t.history.c.application_id == t.applications.c.id)
                )
            ).all()
            problems += [f"application {r.id} has no history" for r in no_history]
            # An application's status is its latest history entry's: a status change
            # writes both, in one transaction.
            h, a = t.history, t.applications
            latest = (
                sa.select(h.c.status)
                .where(h.c.application_id == a.c.id)
                .order_by(h.c.id.desc())
                .limit(1)
                .scalar_subquery()
            )
            stray = conn.execute(sa.select(a.c.id, a.c.status).where(a.c.status != latest))
            problems += [
                f"application {r.id} is {r.status!r} but its history ends otherwise" for r in stray
            ]
        return problems

    # -- writes ------------------------------------------------------------------------

    def add(self, new: NewApplication, *, today: dt.date | None = None, once: bool = False) -> int:
        """Store one application with its first status; returns its id. `once`: refuse it
        when the job is recorded already, checked in the same transaction (another `apply`
        may have recorded it since the caller's check, during its build)."""
        status = status_name(new.status)
        on = new.on or today or dt.date.today()
        for what, value in (("title", new.title), ("company", new.company), ("url", new.url)):
            plain(value or "", what)
        with self._write() as conn:
            if once:
                job.refuse_same_job(conn, self.dialect, new.title, new.company, self.shown)
            app_id = self._insert(
                conn,
                {
                    "title": new.title,
                    "company": new.company,
                    "url": new.url,
                    "status": status,
                    "applied_on": on if status != "saved" else None,
                    "next_follow_up": None,
                    "coverage": new.coverage,
                    "profile": new.profile,
                    "kit": new.kit,
                    "posting_name": new.posting_name,
                    "posting_text": new.posting_text,
                },
                history=[{"status": status, "on": on}],
                files=[
                    {"name": name, "sha256": sha256(content), "content": content}
                    for name, content in new.files.items()
                ],
            )
        return app_id

    def _insert(
        self,
        conn: sa.Connection,
        row: dict[str, Any],
        *,
        history: Sequence[Mapping[str, Any]] = (),
        notes: Sequence[Mapping[str, Any]] = (),
        contacts: Sequence[Mapping[str, Any]] = (),
        files: Sequence[Mapping[str, Any]] = (),
        later: dict[sa.Table, list[dict[str, Any]]] | None = None,
    ) -> int:
        """Insert one application and its rows; with `later`, its rows are collected
        there for the caller to insert in one statement per table (`import_`)."""
        row = {**row, "created_at": row.get("created_at") or dt.datetime.now(dt.UTC)}
        app_id = int(conn.execute(INSERT_APPLICATION, row).scalar_one())
        pending: dict[sa.Table, list[dict[str, Any]]] = {} if later is None else later
        for table, rows in (
            (t.history, history),
            (t.notes, notes),
            (t.contacts, contacts),
            (t.files, files),
        ):
            pending.setdefault(table, []).extend({**r, "application_id": app_id} for r in rows)
        if later is None:
            insert_all(conn, pending)
        return app_id

    def update(
        self,
        app_id: int,
        *,
        status: str | None = None,
        on: dt.date | None = None,
        note: str | None = None,
        follow_up: dt.date | None = None,
        clear_follow_up: bool = False,
        contact: Mapping[str, str | None] | None = None,
        today: dt.date | None = None,
    ) -> dict[str, Any]:
        """Change one application in one transaction; returns what it is now."""
        day = on or today or dt.date.today()
        plain(note or "", "note")
        for key, value in (contact or {}).items():
            plain(value or "", "contact's name" if key == "name" else key)
        with self._write() as conn:
            current = conn.execute(
                sa.select(t.applications.c.status, t.applications.c.applied_on)
                .where(t.applications.c.id == app_id)
                .with_for_update()
            ).first()
            if current is None:
                raise TrackerError(f"no application {app_id} in {self.shown}")
            values: dict[str, Any] = {}
            if status is not None:
                new = status_name(status)
                check_transition(current.status, new)
                last = conn.execute(
                    sa.select(sa.func.max(t.history.c.on)).where(
                        t.history.c.application_id == app_id
                    )
                ).scalar()
                if last is not None and day < as_date(last):
                    raise TrackerError(
                        f"--on {day.isoformat()} is before the application's last status "
                        f"change ({iso(last)}); each change is dated on or after the one before"
                    )
                values["status"] = new
                if current.applied_on is None and new != "saved":
                    values["applied_on"] = day
                conn.execute(t.history.insert().values(application_id=app_id, status=new, on=day))
            if follow_up is not None:
                values["next_follow_up"] = follow_up
            elif clear_follow_up:
                values["next_follow_up"] = None
            if values:
                conn.execute(
                    t.applications.update().where(t.applications.c.id == app_id).values(**values)
                )
            if note is not None:
                if not note.strip():
                    raise TrackerError("--note: the note is empty")
                conn.execute(t.notes.insert().values(application_id=app_id, on=day, text=note))
            if contact is not None:
                if not (contact.get("name") or "").strip():
                    raise TrackerError("--contact: give the person's name")
                conn.execute(t.contacts.insert().values(application_id=app_id, **contact))
        return self.get(app_id)

    # -- reads -------------------------------------------------------------------------

    def listing(
        self, *, status: Iterable[str] = (), person: str | None = None
    ) -> list[dict[str, Any]]:
        """Every application (newest first), as `applications list --format json` shows it.

        `status`: only these. `person`: only the applications of this profile's person
        (by name, as `apply` records it) and those recorded without one: in a career
        centre's database, one person's applications."""
        a = t.applications
        filters: list[sa.ColumnElement[bool]] = []
        wanted = [status_name(s) for s in status]
        if wanted:
            filters.append(a.c.status.in_(wanted))
        if person is not None:
            filters.append(sa.or_(a.c.profile == person, a.c.profile.is_(None)))
        with self._read() as conn:
            return self._rows(conn, filters, None, full=False)

    def get(self, app_id: int, *, full: bool = False) -> dict[str, Any]:
        with self._read() as conn:
            found = self._rows(conn, [], app_id, full=full)
        if not found:
            raise TrackerError(f"no application {app_id} in {self.shown}")
        return found[0]

    def _rows(
        self,
        conn: sa.Connection,
        filters: list[sa.ColumnElement[bool]],
        app_id: int | None,
        *,
        full: bool,
    ) -> list[dict[str, Any]]:
        return application_rows(conn, self.dialect, filters, app_id, full=full)

    def find(self, title: str, company: str) -> list[dict[str, Any]]:
        """The applications to this job already recorded (title and company, any case)."""
        with self._read() as conn:
            return [
                self._rows(conn, [], i, full=False)[0] for i in job.same_job(conn, title, company)
            ]

    def with_kit(self, kit: str) -> list[dict[str, Any]]:
        """The applications whose kit is the folder `kit` (as `apply` records it)."""
        a = t.applications
        with self._read() as conn:
            ids = conn.execute(sa.select(a.c.id).where(a.c.kit == kit)).scalars()
            return [self._rows(conn, [], i, full=False)[0] for i in ids]

    def file(self, app_id: int, name: str) -> bytes:
        """The copy of one file sent with an application."""
        with self._read() as conn:
            content = conn.execute(
                sa.select(t.files.c.content).where(
                    t.files.c.application_id == app_id, t.files.c.name == name
                )
            ).scalar()
        if content is None:
            raise TrackerError(f"application {app_id} has no file {name!r}")
        return bytes(content)

    # -- export and import -------------------------------------------------------------

    def export(self) -> dict[str, Any]:
        """Everything, files included (base64), for `import` into another database."""
        import base64

        with self._read() as conn:
            items = self._rows(conn, [], None, full=True)
            contents = {
                (r.application_id, r.name): r.content
                for r in conn.execute(
                    sa.select(t.files.c.application_id, t.files.c.name, t.files.c.content)
                )
            }
        for item in reversed(items):
            for entry in item["files"]:
                entry["content"] = base64.b64encode(contents[item["id"], entry["name"]]).decode()
        return {"showcase_applications": EXPORT_FORMAT, "applications": list(reversed(items))}

    def import_(self, data: Any, source: str = "the export") -> list[int]:
        """Add every application of an `export` (new ids), all in one transaction; an error
        names `source`, the file it was read from."""
        items = checked_export(data, source)
        later: dict[sa.Table, list[dict[str, Any]]] = {}
        with self._write() as conn:
            ids = [
                self._insert(conn, row, history=h, notes=n, contacts=c, files=f, later=later)
                for row, h, n, c, f in items
            ]
            insert_all(conn, later)
        return ids
