"""Job applications in a database: which kit went where, its status, contacts, follow-ups.

`store.py` owns the database (SQLAlchemy Core; SQLite by default, PostgreSQL by URL),
`statuses.py` the statuses and the transitions between them, `schema.py` the tables
and their versioned migrations. The CLI (`cli/apply.py`, `cli/applications.py`) only
parses options and calls these.
"""
