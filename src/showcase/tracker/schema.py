"""The tables, and the versioned migrations that make them.

Every database records its schema version in ``showcase_schema``. Opening one runs
the migrations it lacks, in order, in one transaction; a database whose version is
newer than this showcase knows is refused (an older showcase must not write to it).
Why a migrations table of our own instead of Alembic: docs/tracker.md.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa

metadata = sa.MetaData()

schema_version = sa.Table(
    "showcase_schema",
    metadata,
    sa.Column("version", sa.Integer, nullable=False),
)

applications = sa.Table(
    "applications",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("company", sa.Text, nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("applied_on", sa.Date),
    sa.Column("next_follow_up", sa.Date),
    sa.Column("coverage", sa.Float),
    sa.Column("profile", sa.Text),  # the profile's person, as the kit names them
    sa.Column("kit", sa.Text),  # the folder the kit was written to
    sa.Column("posting_name", sa.Text),  # the posting's file name
    sa.Column("posting_text", sa.Text),  # a copy of the posting as read
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("applications_status", "status"),
)


def _child(name: str, *columns: Any) -> sa.Table:
    """A table of one application's rows (history, notes, contacts, files): an id and the
    application it belongs to, deleted with it, indexed by it, then `columns`."""
    return sa.Table(
        name,
        metadata,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "application_id",
            sa.Integer,
            sa.ForeignKey("applications.id", ondelete="CASCADE"),
            nullable=False,
        ),
        *columns,
    )


history = _child(
    "history",
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("on", sa.Date, nullable=False),
    sa.Index("history_application", "application_id"),
)

notes = _child(
    "notes",
    sa.Column("on", sa.Date, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Index("notes_application", "application_id"),
)

contacts = _child(
    "contacts",
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("role", sa.Text),
    sa.Column("email", sa.Text),
    sa.Column("linkedin", sa.Text),
    sa.Index("contacts_application", "application_id"),
)

files = _child(
    "files",
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("content", sa.LargeBinary, nullable=False),  # the copy of what was sent
    sa.Index("files_application", "application_id"),
)


def _v1(conn: sa.Connection) -> None:
    """The first schema: applications, their history, notes, contacts and files sent."""
    for table in (applications, history, notes, contacts, files):
        table.create(conn)


# Version N is made by MIGRATIONS[N - 1], applied to a database at version N - 1.
MIGRATIONS: tuple[Callable[[sa.Connection], None], ...] = (_v1,)
SCHEMA_VERSION = len(MIGRATIONS)
