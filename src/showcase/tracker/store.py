"""The applications database: SQLite by default, PostgreSQL by URL, the same code on both.

Every write is one transaction (on SQLite a ``BEGIN IMMEDIATE``, so two processes
queue instead of failing); SQLite runs in WAL mode with foreign keys on and a busy
timeout, and its file is created readable by its owner only, as it holds contacts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event, exc

from showcase.tracker import DEFAULT_NAME as DEFAULT_NAME  # re-exported (apply.py)
from showcase.tracker import schema as t
from showcase.tracker.statuses import TrackerError, check_transition, status_name

BUSY_TIMEOUT_MS = 30_000
PG_CONNECT_TIMEOUT_S = 10
EXPORT_FORMAT = 1  # the version of `export`'s JSON; `import` reads it


def is_url(db: str | Path) -> bool:
    return "://" in str(db)


def database_url(db: str | Path) -> str:
    """`db` (a file path or a URL) as a SQLAlchemy URL; ``postgresql://`` uses psycopg 3."""
    text = str(db)
    if not is_url(text):
        return f"sqlite:///{Path(text).expanduser().absolute()}"
    scheme, rest = text.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"
    if scheme in ("postgresql+psycopg", "sqlite"):
        return text
    raise TrackerError(
        f"--db {scheme}://...: showcase stores applications in SQLite (a file path) or "
        "PostgreSQL (postgresql://user@host/dbname)"
    )


def _create_private(path: Path) -> None:
    """Make an empty database file only its owner can read, before SQLite opens it."""
    if path.exists():
        if path.is_dir():
            raise TrackerError(f"--db {path}: a folder; give a database file")
        return
    if not path.parent.is_dir():
        raise TrackerError(f"--db {path}: the folder {path.parent} does not exist")
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:  # another process made it meanwhile
        return
    except OSError as error:
        raise TrackerError(f"--db {path}: cannot create it: {error.strerror}") from None
    os.close(fd)


def _sqlite_engine(url: str) -> sa.Engine:
    engine = sa.create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we say BEGIN ourselves (below)
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = NORMAL")  # WAL: durable at each checkpoint
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: sa.Connection) -> None:
        # Take the write lock at the start: a read-then-write transaction cannot then
        # fail half-way because another process wrote first. A read takes no lock: in
        # WAL mode it sees the last commit while a writer writes.
        read = conn.get_execution_options().get("showcase_read", False)
        conn.exec_driver_sql("BEGIN" if read else "BEGIN IMMEDIATE")

    return engine


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


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


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
                _create_private(Path(path))
            self.engine = _sqlite_engine(self.url)
        else:
            # Bounded waits, like SQLite's busy timeout: a server that does not answer,
            # or a row another process keeps locked, is an error after a while, not a hang.
            query = sa.make_url(self.url).query
            connect_args: dict[str, Any] = {}
            if "connect_timeout" not in query:
                connect_args["connect_timeout"] = PG_CONNECT_TIMEOUT_S
            if "options" not in query:
                connect_args["options"] = f"-c lock_timeout={BUSY_TIMEOUT_MS}"
            try:
                self.engine = sa.create_engine(self.url, connect_args=connect_args)
            except ImportError as error:
                raise TrackerError(
                    f"--db {self.shown}: PostgreSQL needs psycopg 3: "
                    "pip install 'showcase[postgres]'"
                ) from error
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

    def add(self, new: NewApplication, *, today: dt.date | None = None) -> int:
        """Store one application with its first status; returns its id."""
        status = status_name(new.status)
        on = new.on or today or dt.date.today()
        with self._write() as conn:
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
        app_id = int(conn.execute(_INSERT_APPLICATION, row).scalar_one())
        pending: dict[sa.Table, list[dict[str, Any]]] = {} if later is None else later
        for table, rows in (
            (t.history, history),
            (t.notes, notes),
            (t.contacts, contacts),
            (t.files, files),
        ):
            pending.setdefault(table, []).extend({**r, "application_id": app_id} for r in rows)
        if later is None:
            _insert_all(conn, pending)
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
                if last is not None and day < _date(last):
                    raise TrackerError(
                        f"--on {day.isoformat()} is before the application's last status "
                        f"change ({_iso(last)}); each change is dated on or after the one before"
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
        a = t.applications
        day = self._day
        columns = [a.c.id, a.c.title, a.c.company, a.c.status, day(a.c.applied_on)]
        columns += [day(a.c.next_follow_up), a.c.coverage]
        if full:
            columns += [a.c.url, a.c.profile, a.c.kit, a.c.posting_name, a.c.posting_text]
        query = sa.select(*columns).order_by(a.c.id.desc())
        if filters:
            query = query.where(*filters)
        if app_id is not None:
            query = query.where(a.c.id == app_id)
        out: dict[int, dict[str, Any]] = {}
        # Plain tuples and fetchall: a listing of 10,000 is mostly this loop (benchmarks/).
        for row in conn.execute(query).all():
            key, title, company, status, applied_on, follow_up, coverage = row[:7]
            item = {
                "id": key,
                "title": title,
                "company": company,
                "status": status,
                "applied_on": _iso(applied_on),
                "next_follow_up": _iso(follow_up),
                "coverage": coverage,
                "history": [],
                "notes": [],
            }
            if full:
                url, profile, kit, posting_name, posting_text = row[7:]
                item |= {
                    "url": url,
                    "profile": profile,
                    "kit": kit,
                    "posting_name": posting_name,
                    "posting_text": posting_text,
                    "contacts": [],
                    "files": [],
                }
            out[key] = item
        if not out:
            return []

        def children(table: sa.Table, *cols: sa.ColumnElement[Any]) -> Any:
            query = sa.select(table.c.application_id, *cols).order_by(table.c.id)
            if app_id is not None:
                query = query.where(table.c.application_id == app_id)
            elif filters:
                query = query.join(a, a.c.id == table.c.application_id).where(*filters)
            return conn.execute(query).all()

        for key, status, on in children(t.history, t.history.c.status, day(t.history.c.on)):
            out[key]["history"].append({"status": status, "on": _iso(on)})
        for key, on, text in children(t.notes, day(t.notes.c.on), t.notes.c.text):
            out[key]["notes"].append({"on": _iso(on), "text": text})
        if full:
            c = t.contacts
            for key, name, role, email, linkedin in children(
                c, c.c.name, c.c.role, c.c.email, c.c.linkedin
            ):
                out[key]["contacts"].append(
                    {"name": name, "role": role, "email": email, "linkedin": linkedin}
                )
            f = t.files
            for key, name, digest in children(f, f.c.name, f.c.sha256):
                out[key]["files"].append({"name": name, "sha256": digest})
        return list(out.values())

    def _day(self, column: sa.ColumnElement[Any]) -> sa.ColumnElement[Any]:
        """A date column as read for a listing, as ISO text: making 50,000 date objects
        only to format them again was most of a listing's time. SQLite keeps dates as ISO
        text, taken as it is; PostgreSQL formats them (whatever the server's DateStyle)."""
        if self.dialect == "sqlite":
            return sa.type_coerce(column, sa.Text).label(column.key)
        if self.dialect == "postgresql":
            return sa.func.to_char(column, "YYYY-MM-DD").label(column.key)
        return column

    def find(self, title: str, company: str) -> list[dict[str, Any]]:
        """The applications to this job already recorded (title and company, any case)."""
        a = t.applications
        with self._read() as conn:
            ids = conn.execute(
                sa.select(a.c.id).where(
                    sa.func.lower(a.c.title) == title.lower(),
                    sa.func.lower(a.c.company) == company.lower(),
                )
            ).scalars()
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

    def import_(self, data: Any) -> list[int]:
        """Add every application of an `export` (new ids), all in one transaction."""
        items = _checked_export(data)
        later: dict[sa.Table, list[dict[str, Any]]] = {}
        with self._write() as conn:
            ids = [
                self._insert(conn, row, history=h, notes=n, contacts=c, files=f, later=later)
                for row, h, n, c, f in items
            ]
            _insert_all(conn, later)
        return ids


# One statement, its parameters given at each call: building `.values(**row)` anew for
# every application was most of an import's time (benchmarks/bench_tracker.py).
_INSERT_APPLICATION = t.applications.insert().returning(t.applications.c.id)


def _insert_all(conn: sa.Connection, rows: Mapping[sa.Table, list[dict[str, Any]]]) -> None:
    """Each table's rows in one statement (the driver's executemany)."""
    for table, values in rows.items():
        if values:
            conn.execute(table.insert(), values)


def _iso(day: Any) -> str | None:
    """A date as YYYY-MM-DD; listings already read it as that text (see `Store._day`)."""
    if day is None or type(day) is str:
        return day
    return str(day.isoformat())


def _date(day: Any) -> dt.date:
    return day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))


def _checked_export(data: Any) -> list[tuple[Any, ...]]:
    """An export's applications as rows to insert; anything malformed is a clear error."""
    import base64
    import binascii

    if not isinstance(data, dict) or data.get("showcase_applications") is None:
        raise TrackerError("not a showcase applications export (no showcase_applications key)")
    if data["showcase_applications"] != EXPORT_FORMAT:
        raise TrackerError(
            f"an export of format {data['showcase_applications']!r}; this showcase reads "
            f"format {EXPORT_FORMAT}"
        )
    items = data.get("applications")
    if not isinstance(items, list):
        raise TrackerError("the export's applications are not a list")
    out = []
    for number, item in enumerate(items, 1):
        where = f"application {number} of the export"
        try:
            row = {
                "title": _text(item["title"]),
                "company": _text(item["company"]),
                "status": status_name(item["status"]),
                "applied_on": _day(item.get("applied_on")),
                "next_follow_up": _day(item.get("next_follow_up")),
                "coverage": _coverage(item.get("coverage")),
                **{
                    k: _text(item.get(k), optional=True)
                    for k in ("url", "profile", "kit", "posting_name", "posting_text")
                },
            }
            history = [
                {"status": status_name(h["status"]), "on": _day(h["on"], required=True)}
                for h in item.get("history") or []
            ]
            if not history:
                raise ValueError("it has no history")
            if history[-1]["status"] != row["status"]:
                raise ValueError(
                    f"its status is {row['status']!r} but its history ends with "
                    f"{history[-1]['status']!r}"
                )
            days = [_date(h["on"]) for h in history]
            if any(a > b for a, b in itertools.pairwise(days)):
                raise ValueError("its history is not in the order of its dates")
            notes = [
                {"on": _day(n["on"], required=True), "text": _text(n["text"])}
                for n in item.get("notes") or []
            ]
            contacts = [
                {
                    "name": _text(c["name"]),
                    **{k: _text(c.get(k), optional=True) for k in ("role", "email", "linkedin")},
                }
                for c in item.get("contacts") or []
            ]
            files = []
            for f in item.get("files") or []:
                content = base64.b64decode(f["content"], validate=True)
                if sha256(content) != f["sha256"]:
                    raise ValueError(f"file {f['name']!r}: its content does not match its sha256")
                files.append(
                    {"name": file_name(f["name"]), "sha256": f["sha256"], "content": content}
                )
        except TrackerError as error:
            raise TrackerError(f"{where}: {error.format_message()}") from None
        except KeyError as error:
            raise TrackerError(f"{where}: {error.args[0]!r} is missing") from None
        except (TypeError, ValueError, AttributeError, binascii.Error) as error:
            raise TrackerError(f"{where}: {error}") from None
        out.append((row, history, notes, contacts, files))
    return out


def file_name(value: Any) -> str:
    """A file sent, as a plain name: `show --files DIR` writes it into DIR, never elsewhere."""
    name = _text(value)
    if name in ("", ".", "..") or any(c in name for c in "/\\\0"):
        raise ValueError(f"{name[:80]!r} is not a plain file name")
    return str(name)


def _coverage(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"the coverage {value!r} is not a number")
    if not 0 <= value <= 1:  # NaN fails this too
        raise ValueError(f"the coverage {value!r} is not between 0 and 1")
    return float(value)


def _text(value: Any, *, optional: bool = False) -> Any:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not text")
    return value


def _day(value: Any, *, required: bool = False) -> dt.date | None:
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a date like 2026-11-28")
    return dt.date.fromisoformat(value)
