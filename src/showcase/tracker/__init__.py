"""Job applications in a database: which kit went where, its status, contacts, follow-ups.

`store.py` owns the database (SQLAlchemy Core; SQLite by default, PostgreSQL by URL),
`statuses.py` the statuses and the transitions between them, `schema.py` the tables
and their versioned migrations. The CLI (`cli/apply.py`, `cli/applications.py`) only
parses options and calls these.
"""

# The database file a profile's folder may hold; here, not in `store`, so that `build`
# can look for it without importing SQLAlchemy (~0.2 s) when there is none.
DEFAULT_NAME = "showcase.db"
