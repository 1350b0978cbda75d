"""Benchmark of `showcase applications list` over 10,000 applications.

    python benchmarks/bench_tracker.py             # SQLite; 5 runs each, medians
    SHOWCASE_TEST_POSTGRES_URL=postgresql://... python benchmarks/bench_tracker.py

Target (issue #27): listing 10,000 applications in under 0.3 s. Measured three ways,
each against a reference from the same run on the same machine:
  - in one process: `Store.listing()` and the table, against reading the same rows
    with the sqlite3 module alone (the floor any listing pays);
  - as a command, cold (`showcase applications list > /dev/null`), against a cold
    `python -c "import sqlalchemy"` (the import the command cannot avoid);
  - on PostgreSQL too when SHOWCASE_TEST_POSTGRES_URL names a server (a new database
    is made there and dropped), against the same rows read with psycopg alone.
The applications are made up: 1 to 4 statuses each, 0 to 3 notes, a follow-up for a third.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from bytecode import compile_sources

COUNT = 10_000
TARGET = 0.3
PATHS = (
    ["applied"],
    ["applied", "screening"],
    ["applied", "interview", "offer"],
    ["applied", "no reply"],
    ["applied", "screening", "interview", "rejected"],
    ["saved"],
)


def export(count: int, seed: int = 27) -> dict[str, object]:
    rng = random.Random(seed)
    start = dt.date(2026, 1, 1)
    items = []
    for n in range(count):
        path = rng.choice(PATHS)
        day = start + dt.timedelta(days=rng.randrange(300))
        history = []
        for status in path:
            history.append({"status": status, "on": day.isoformat()})
            day += dt.timedelta(days=rng.randrange(1, 15))
        items.append(
            {
                "title": f"Job {n}",
                "company": f"Company {n % 400}",
                "status": path[-1],
                "applied_on": None if path == ["saved"] else history[0]["on"],
                "next_follow_up": day.isoformat() if n % 3 == 0 else None,
                "coverage": round(rng.random(), 4),
                "history": history,
                "notes": [
                    {"on": history[-1]["on"], "text": f"note {k} about job {n}"}
                    for k in range(rng.randrange(4))
                ],
            }
        )
    return {"showcase_applications": 1, "applications": items}


def median_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def in_process(db: str, runs: int) -> float:
    from showcase.tracker import formats
    from showcase.tracker.store import Store

    with Store(db, create=False) as store:

        def work() -> None:
            items = store.listing()
            assert len(items) == COUNT
            formats.as_table(items, dt.date(2026, 12, 6))

        work()  # warm: the first query plans and caches the statements
        return median_of(runs, work)


def raw_sqlite(path: str, runs: int) -> float:
    import sqlite3

    def work() -> None:
        conn = sqlite3.connect(path)
        try:
            conn.execute("SELECT * FROM applications ORDER BY id DESC").fetchall()
            conn.execute("SELECT * FROM history ORDER BY id").fetchall()
            conn.execute("SELECT * FROM notes ORDER BY id").fetchall()
        finally:
            conn.close()

    return median_of(runs, work)


def raw_postgres(url: str, runs: int) -> float:
    import psycopg

    def work() -> None:
        with psycopg.connect(url) as conn:
            conn.execute("SELECT * FROM applications ORDER BY id DESC").fetchall()
            conn.execute("SELECT * FROM history ORDER BY id").fetchall()
            conn.execute("SELECT * FROM notes ORDER BY id").fetchall()

    return median_of(runs, work)


def cold(args: list[str], runs: int) -> float:
    return median_of(
        runs,
        lambda: subprocess.run(
            args, check=True, stdout=subprocess.DEVNULL, env={**os.environ, "SHOWCASE_DB": ""}
        ),
    )


def line(label: str, seconds: float, reference: float | None = None, target: float = 0) -> str:
    text = f"  {label:<46} {seconds:6.3f} s"
    if reference:
        text += f" ({seconds / reference:.2f}x the reference)"
    if target:
        text += f"  target < {target:g} s: {'ok' if seconds < target else 'SLOW'}"
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(compile_sources())
    from showcase.tracker.store import Store

    data = export(COUNT)
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "showcase.db")
        start = time.perf_counter()
        with Store(db) as store:
            store.import_(data)
        print(
            line(
                f"import {COUNT:,} applications (SQLite, one transaction)",
                time.perf_counter() - start,
            )
        )
        floor = raw_sqlite(db, args.runs)
        print(line("reference: the same rows with sqlite3 alone", floor))
        print(line("list, in one process (SQLite)", in_process(db, args.runs), floor, TARGET))
        reference = cold([sys.executable, "-c", "import sqlalchemy"], args.runs)
        print(line("reference: python -c 'import sqlalchemy', cold", reference))
        command = [sys.executable, "-m", "showcase", "applications", "list", "--db", db]
        print(
            line("showcase applications list, cold (SQLite)", cold(command, args.runs), reference)
        )
        json_cmd = [*command, "--format", "json"]
        print(line("... --format json, cold (SQLite)", cold(json_cmd, args.runs), reference))

    server = os.environ.get("SHOWCASE_TEST_POSTGRES_URL")
    if server:
        import psycopg
        import sqlalchemy as sa

        name = f"showcase_bench_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        try:
            url = sa.make_url(server).set(database=name).render_as_string(hide_password=False)
            with Store(url) as store:
                store.import_(data)
            pg_floor = raw_postgres(url, args.runs)
            print(line("reference: the same rows with psycopg alone", pg_floor))
            print(
                line(
                    "list, in one process (PostgreSQL)",
                    in_process(url, args.runs),
                    pg_floor,
                    TARGET,
                )
            )
            command = [sys.executable, "-m", "showcase", "applications", "list", "--db", url]
            print(
                line(
                    "showcase applications list, cold (PostgreSQL)",
                    cold(command, args.runs),
                    reference,
                )
            )
        finally:
            with psycopg.connect(server, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
