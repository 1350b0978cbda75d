"""The tracker's tests run on SQLite and on a real PostgreSQL server.

`.ci/run` starts a throwaway PostgreSQL cluster and sets SHOWCASE_TEST_POSTGRES_URL
(see .ci/postgres.sh); each test gets a database of its own there, dropped after it.
Without the URL the PostgreSQL runs are skipped with the reason, except in CI
(CI=true, or SHOWCASE_REQUIRE_POSTGRES set by .ci/run), where that is a failure.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Generator, Iterator
from pathlib import Path

import pytest

POSTGRES_ENV = "SHOWCASE_TEST_POSTGRES_URL"
BACKENDS = ("sqlite", "postgresql")


def postgres_url() -> str:
    """The server's URL, or a skip (a failure in CI) saying why there is none."""
    url = os.environ.get(POSTGRES_ENV)
    if url:
        return url
    reason = f"{POSTGRES_ENV} is not set (.ci/run starts a PostgreSQL server and sets it)"
    if os.environ.get("SHOWCASE_REQUIRE_POSTGRES") or os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"in CI PostgreSQL is required, but {reason}")
    pytest.skip(reason)


def new_database_url(tmp_path: Path, backend: str) -> Generator[str, None, None]:
    if backend == "sqlite":
        yield str(tmp_path / "showcase.db")
        return
    import psycopg
    import sqlalchemy as sa

    server = postgres_url()
    name = f"showcase_test_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield sa.make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new, empty applications database: a SQLite file, or a PostgreSQL database."""
    yield from new_database_url(tmp_path, str(request.param))
