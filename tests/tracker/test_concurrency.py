"""Nothing lost on SQLite: two writers at once, and a writer killed mid-write."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import signal
import time
from pathlib import Path

from showcase.tracker.store import NewApplication, Store

DAY = dt.date(2026, 11, 2)


def _writer(db: str, app_id: int, tag: str, count: int) -> None:
    with Store(db) as store:
        for n in range(count):
            store.update(app_id, note=f"{tag}-{n}", on=DAY)


def test_two_processes_100_updates_each_all_present(tmp_path: Path) -> None:
    db = str(tmp_path / "showcase.db")
    with Store(db) as store:
        app_id = store.add(NewApplication("Analyst", "Acme", on=DAY))
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_writer, args=(db, app_id, tag, 100)) for tag in "ab"]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
        assert w.exitcode == 0
    with Store(db) as store:
        texts = {n["text"] for n in store.get(app_id)["notes"]}
    assert texts == {f"{tag}-{n}" for tag in "ab" for n in range(100)}


def _adder(db: str) -> None:
    with Store(db) as store:
        while True:
            store.add(NewApplication("Analyst", "Acme", on=DAY, posting_text="x" * 200_000))


def test_kill_9_mid_write_leaves_a_consistent_database(tmp_path: Path) -> None:
    db = str(tmp_path / "showcase.db")
    Store(db).close()
    ctx = multiprocessing.get_context("spawn")
    child = ctx.Process(target=_adder, args=(db,))
    child.start()
    deadline = time.monotonic() + 60
    with Store(db) as store:
        while not store.listing() and time.monotonic() < deadline:
            time.sleep(0.05)
    time.sleep(0.3)
    assert child.pid is not None
    os.kill(child.pid, signal.SIGKILL)
    child.join(10)
    assert child.exitcode == -signal.SIGKILL
    with Store(db) as store:
        assert store.integrity_problems() == []
        items = store.listing()
    assert items and all(i["history"] for i in items)
