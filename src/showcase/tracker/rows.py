"""Applications as rows: one insert statement reused, each table's rows in one statement, dates
as ISO text both ways, the listing query (applications with their history, notes, contacts
and files as plain dicts), file digests.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

from showcase.tracker import schema as t
from showcase.tracker.statuses import TrackerError


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


# One statement, its parameters given at each call: building `.values(**row)` anew for
# every application was most of an import's time (benchmarks/bench_tracker.py).
INSERT_APPLICATION = t.applications.insert().returning(t.applications.c.id)


def insert_all(conn: sa.Connection, rows: Mapping[sa.Table, list[dict[str, Any]]]) -> None:
    """Each table's rows in one statement (the driver's executemany)."""
    for table, values in rows.items():
        if values:
            conn.execute(table.insert(), values)


def same_job(conn: sa.Connection, title: str, company: str) -> list[int]:
    """The ids of the applications to this job (title and company, any case)."""
    a = t.applications
    lower = sa.func.lower
    where = (lower(a.c.title) == title.lower(), lower(a.c.company) == company.lower())
    return [int(i) for i in conn.execute(sa.select(a.c.id).where(*where)).scalars()]


def refuse_same_job(conn: sa.Connection, dialect: str, title: str, company: str, db: str) -> None:
    """A TrackerError when this job is recorded, asked in the transaction that adds it."""
    if dialect == "postgresql":  # one at a time; SQLite's BEGIN IMMEDIATE queues them
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(4736369)"))
    ids = same_job(conn, title, company)
    earlier = [application_rows(conn, dialect, [], i, full=False)[0] for i in ids]
    if earlier:
        raise TrackerError(already_recorded(title, company, earlier, db))


def already_recorded(title: str, company: str, earlier: list[dict[str, Any]], db: str) -> str:
    """Why `apply` refuses a job recorded before (`earlier`: its applications), in words."""
    listed = ", ".join(f"{e['id']} ({e['status']})" for e in earlier)
    return (
        f"{title} at {company} is already recorded as application {listed} in {db}; update "
        "it with `showcase applications update ID`, or add --again to record a second "
        "application"
    )


def iso(day: Any) -> str | None:
    """A date as YYYY-MM-DD; listings already read it as that text (see `day_text`)."""
    if day is None or type(day) is str:
        return day
    return str(day.isoformat())


def as_date(day: Any) -> dt.date:
    return day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))


def application_rows(
    conn: sa.Connection,
    dialect: str,
    filters: list[sa.ColumnElement[bool]],
    app_id: int | None,
    *,
    full: bool,
) -> list[dict[str, Any]]:
    """Applications as plain dicts, newest first, with their history and notes (and with
    `full`, their URL, kit, posting, contacts and files): all of them, those matching
    `filters`, or the one `app_id`."""
    a = t.applications

    def day(column: sa.ColumnElement[Any]) -> sa.ColumnElement[Any]:
        return day_text(column, dialect)

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
            "applied_on": iso(applied_on),
            "next_follow_up": iso(follow_up),
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
        out[key]["history"].append({"status": status, "on": iso(on)})
    for key, on, text in children(t.notes, day(t.notes.c.on), t.notes.c.text):
        out[key]["notes"].append({"on": iso(on), "text": text})
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


def day_text(column: sa.ColumnElement[Any], dialect: str) -> sa.ColumnElement[Any]:
    """A date column as read for a listing, as ISO text: making 50,000 date objects
    only to format them again was most of a listing's time. SQLite keeps dates as ISO
    text, taken as it is; PostgreSQL formats them (whatever the server's DateStyle)."""
    if dialect == "sqlite":
        return sa.type_coerce(column, sa.Text).label(column.key)
    if dialect == "postgresql":
        return sa.func.to_char(column, "YYYY-MM-DD").label(column.key)
    return column
