"""Nothing lost, on SQLite and PostgreSQL: two writers at once, and a writer killed
mid-write."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import multiprocessing
import os
import signal
import time
from collections.abc import Callable
from typing import Any

import pytest

from showcase.tracker.store import NewApplication, Store

# Processes started and killed: seconds, so not in the fast subset.
pytestmark = pytest.mark.slow

DAY = dt.date(2026, 11, 2)


def _run_all(
    target: Callable[..., None],
    arguments: list[tuple[Any, ...]],
    also: tuple[Callable[..., None], tuple[Any, ...]] | None = None,
) -> None:
    """`target` in one process per tuple of `arguments` (and `also`, a function and its
    arguments, in one more), all at once; each must succeed."""
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=target, args=args) for args in arguments]
    if also is not None:
        workers.append(ctx.Process(target=also[0], args=also[1]))
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
        assert w.exitcode == 0


def _writer(db: str, app_id: int, tag: str, count: int) -> None:
    with Store(db) as store:
        for n in range(count):
            store.update(app_id, note=f"{tag}-{n}", on=DAY)
            if n % 10 == 0:  # status changes lock the row: they interleave with notes
                store.update(app_id, follow_up=DAY + dt.timedelta(days=n))


def test_two_processes_100_updates_each_all_present(db: str) -> None:
    with Store(db) as store:
        app_id = store.add(NewApplication("Analyst", "Acme", on=DAY))
    _run_all(_writer, [(db, app_id, tag, 100) for tag in "ab"])
    with Store(db) as store:
        texts = [n["text"] for n in store.get(app_id)["notes"]]
    assert sorted(texts) == sorted(f"{tag}-{n}" for tag in "ab" for n in range(100))


def _status_changer(db: str, ids: list[int], target: str) -> None:
    """Moves each application on to `target`; losing the race to the other is expected."""
    from showcase.tracker.statuses import TrackerError

    with Store(db) as store:
        for app_id in ids:
            with contextlib.suppress(TrackerError):
                store.update(app_id, status=target, on=DAY)


def test_racing_status_changes_keep_one_consistent_history(db: str) -> None:
    """Two processes move the same 30 applications on (one to screening, one to
    rejected): each ends in one of them, with a history that matches it."""
    with Store(db) as store:
        ids = [store.add(NewApplication(f"Job {n}", "Acme", on=DAY)) for n in range(30)]
    _run_all(_status_changer, [(db, ids, target) for target in ("screening", "rejected")])
    with Store(db) as store:
        for item in store.listing():
            statuses = [h["status"] for h in item["history"]]
            assert statuses[-1] == item["status"]
            # "rejected" is final: nothing follows it; screening may be followed by rejected.
            assert statuses in (
                ["applied", "screening"],
                ["applied", "rejected"],
                ["applied", "screening", "rejected"],
            )
        assert store.integrity_problems() == []


def _adder(db: str) -> None:
    with Store(db) as store:
        while True:
            store.add(NewApplication("Analyst", "Acme", on=DAY, posting_text="x" * 200_000))


def test_kill_9_mid_write_leaves_a_consistent_database(db: str) -> None:
    Store(db).close()
    ctx = multiprocessing.get_context("spawn")
    child = ctx.Process(target=_adder, args=(db,))
    child.start()
    try:
        deadline = time.monotonic() + 60
        with Store(db) as store:
            # Listing while the child adds: each listing is one snapshot (every
            # application it shows has its history), on both backends.
            while len(store.listing()) < 3 and time.monotonic() < deadline:
                time.sleep(0.01)
        time.sleep(0.3)
    finally:
        assert child.pid is not None
        os.kill(child.pid, signal.SIGKILL)
        child.join(10)
    assert child.exitcode == -signal.SIGKILL
    with Store(db) as store:
        assert store.integrity_problems() == []
        items = store.listing()
        # A later write still works: no lock is left behind by the killed writer.
        store.add(NewApplication("Engineer", "Beta", on=DAY))
    assert items and all(i["history"] for i in items)


def _applier(db: str, count: int) -> None:
    with Store(db) as store:
        for n in range(count):
            store.add(NewApplication(f"Job {n}", "Applied Co", on=DAY))


def test_one_process_applies_while_another_updates(db: str) -> None:
    with Store(db) as store:
        app_id = store.add(NewApplication("Analyst", "Acme", on=DAY))
    _run_all(_applier, [(db, 100)], also=(_writer, (db, app_id, "u", 100)))
    with Store(db) as store:
        items = store.listing()
        assert store.integrity_problems() == []
    assert sorted(i["title"] for i in items if i["company"] == "Applied Co") == sorted(
        f"Job {n}" for n in range(100)
    )
    (updated,) = [i for i in items if i["id"] == app_id]
    assert sorted(n["text"] for n in updated["notes"]) == sorted(f"u-{n}" for n in range(100))


def _mover(db: str, ids: list[int]) -> None:
    """Moves applications on, forever: each change is a history row and a status."""
    with Store(db) as store:
        for app_id in itertools.cycle(ids):
            current = store.get(app_id)["status"]
            step = {"applied": "screening", "screening": "no reply", "no reply": "screening"}
            store.update(app_id, status=step[current], on=DAY, note="x" * 50_000)


def test_kill_9_mid_status_change_keeps_status_and_history_together(db: str) -> None:
    with Store(db) as store:
        ids = [store.add(NewApplication(f"Job {n}", "Acme", on=DAY)) for n in range(5)]
    ctx = multiprocessing.get_context("spawn")
    child = ctx.Process(target=_mover, args=(db, ids))
    child.start()
    try:
        deadline = time.monotonic() + 60
        with Store(db) as store:
            while time.monotonic() < deadline:
                if sum(len(i["history"]) for i in store.listing()) >= 15:
                    break
                time.sleep(0.01)
    finally:
        assert child.pid is not None
        os.kill(child.pid, signal.SIGKILL)
        child.join(10)
    with Store(db) as store:
        assert store.integrity_problems() == []
        moved = sum(len(i["history"]) - 1 for i in store.listing())
    assert moved >= 10


def _small_adder(db: str, count: int) -> None:
    with Store(db) as store:
        for _ in range(count):
            store.add(NewApplication("Analyst", "Acme", on=DAY))


def test_each_listing_is_one_snapshot_while_another_process_adds(db: str) -> None:
    """A listing reads applications, then their history and notes: a row added between
    those reads must not show up half (READ COMMITTED on PostgreSQL would do that).

    Every listing must be whole; and at least one listing must have been made while the
    other process was adding (else the test proved nothing). On a busy machine the adder
    can finish between two listings, so the race is run again, up to three times."""
    with Store(db) as store:
        for n in range(300):
            store.add(NewApplication(f"Job {n}", "Acme", on=DAY))
    ctx = multiprocessing.get_context("spawn")
    total = 300
    overlapped = False
    for _ in range(3):
        child = ctx.Process(target=_small_adder, args=(db, 1000))
        child.start()
        try:
            counts = []
            with Store(db) as store:
                deadline = time.monotonic() + 120
                while time.monotonic() < deadline:
                    done = not child.is_alive()
                    items = store.listing()
                    assert all(len(i["history"]) == 1 for i in items)
                    counts.append(len(items))
                    if done:
                        break
            assert counts[-1] == total + 1000
            overlapped = any(total < c < total + 1000 for c in counts)
            total += 1000
        finally:
            if child.is_alive():
                assert child.pid is not None
                os.kill(child.pid, signal.SIGKILL)
                child.join(10)
        if overlapped:
            break
    assert overlapped  # listed while the other process added
