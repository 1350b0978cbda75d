"""Opening the database: a file path or a URL as a SQLAlchemy URL, the SQLite file created
readable by its owner only, SQLite in WAL mode with foreign keys and a busy timeout, bounded
waits on PostgreSQL.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event

from showcase.tracker.statuses import TrackerError

BUSY_TIMEOUT_MS = 30_000
PG_CONNECT_TIMEOUT_S = 10


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


def create_private(path: Path) -> None:
    """Make an empty database file only its owner can read, before SQLite opens it; an
    existing one must be a file, and showcase's (or empty)."""
    if path.exists():
        if path.is_dir():
            raise TrackerError(f"--db {path}: a folder; give a database file")
        if not path.is_file():  # /dev/null: SQLite made /dev/null-journal beside it
            raise TrackerError(f"--db {path}: not a file (a device or a pipe?)")
        _refuse_foreign(path)
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


def _refuse_foreign(path: Path) -> None:
    """A SQLite file with tables but no ``showcase_schema`` is another program's: opening
    it (to list, even) switched it to WAL and added showcase's 11 tables (QA, 2026-12-06).
    Asked read-only, before the engine sets anything."""
    import sqlite3

    try:
        with contextlib.closing(
            sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=5)
        ) as conn:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.Error:
        return  # not readable as SQLite: the engine says why, in its words
    if tables and "showcase_schema" not in tables:
        raise TrackerError(f"--db {path}: not a showcase applications database")


def sqlite_engine(url: str) -> sa.Engine:
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


def postgres_engine(url: str, shown: str) -> sa.Engine:
    """An engine for PostgreSQL at `url` (`shown` names it in errors, password hidden)."""
    # Bounded waits, like SQLite's busy timeout: a server that does not answer,
    # or a row another process keeps locked, is an error after a while, not a hang.
    query = sa.make_url(url).query
    connect_args: dict[str, Any] = {}
    if "connect_timeout" not in query:
        connect_args["connect_timeout"] = PG_CONNECT_TIMEOUT_S
    if "options" not in query:
        connect_args["options"] = f"-c lock_timeout={BUSY_TIMEOUT_MS}"
    try:
        return sa.create_engine(url, connect_args=connect_args)
    except ImportError as error:
        raise TrackerError(
            f"--db {shown}: PostgreSQL needs psycopg 3: pip install 'showcase[postgres]'"
        ) from error
