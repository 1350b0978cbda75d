"""A helper process for a single profile's PDFs, started as early as possible.

The commands that lay out a PDF fork it as soon as they run, before pydantic, Jinja
and the profile load, so it imports WeasyPrint on the second core while the main
process reads the profile; the build then hands it the HTML to lay out
(`build_profile(helper=...)`). Only the standard library is imported here, to keep the
fork early and cheap: no `multiprocessing` or `concurrent.futures.process` (~20 ms of
the main process's time before a ProcessPoolExecutor could fork).

A build, which lays out two PDFs (the interview sheet and the resume), asks for two
lanes: once WeasyPrint is imported the helper forks a twin, which has it loaded for the
price of a fork (the pages stay shared until written), and the two PDFs are laid out
side by side. Paired on two cores, a cold build of the example took 0.72 s instead of
0.79 s, and 0.80 s instead of 1.00 s on a day its interview sheet is laid out twice;
the memory all its processes hold (summed PSS) went from 112 to 122-129 MiB. A second
helper that imported WeasyPrint itself was measured before and was slower (1.13x): the
import is most of a helper's work.

Forking earlier still, before click and the commands load, was measured and left out:
the main process, not the helper, is the critical path to the first layout, and a
helper forked before click imported it again itself (+0.05 s CPU on a busy machine).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from queue import SimpleQueue
from typing import IO, Any

from showcase.helper.serve import die_with_parent, open_twins, receive, send, serve_lanes

__all__ = [
    "Helper",
    "can_fork",
    "die_with_parent",
    "helper_pool",
    "started_helper",
    "stop",
    "usable_cores",
    "warm_up",
]

# How long an idle helper, its pipes closed, may take to end before it is killed.
ENDING_SECONDS = 2.0


class Helper:
    """Forked processes that run the functions handed to them: one by default, or a few
    `lanes` that share the imports the first one made.

    What a build needs of a ProcessPoolExecutor, forked at once: the helper imports
    WeasyPrint (`warm_up`) before it reads its first job, `submit` never waits for it
    (a thread feeds each pipe), results and exceptions come back as `Future`s, and
    `stop` kills it without waiting for what it still does.

    With `lanes=2` the helper forks a twin once WeasyPrint is imported: the twin starts
    with every module loaded (the pages are shared until written), so two PDFs are laid
    out side by side for the cost of a fork, not of a second import. Jobs submitted with
    the same `key` run in one lane, in order (a PDF is written where its layout was
    kept); a job without a key, or with a new one, goes to the lane with the fewest
    jobs waiting. With `twins=False` the twin is forked only when `open_twins` is
    called: a fork costs the helper's next layout ~0.025 s (its pages copied as they are
    written), which only a second layout at the same time repays.
    """

    def __init__(
        self, warm: Callable[[], object] | None = None, *, lanes: int = 1, twins: bool = True
    ) -> None:
        if lanes < 1:
            raise ValueError("a helper has at least one lane")
        parent = os.getpid()
        # The helper's temporary files (WeasyPrint's font folder, kept for its whole life)
        # go in a folder of its own, removed when it is stopped: killed, it cannot.
        import tempfile

        self._scratch: str | None = None
        with contextlib.suppress(OSError):  # no room: WeasyPrint's default folder, then
            self._scratch = tempfile.mkdtemp(prefix="showcase-helper-")
        pipes = [(os.pipe(), os.pipe()) for _ in range(lanes)]
        pid = os.fork()
        if pid == 0:  # the helper: it never returns from here
            status = 0
            try:
                for (_, jobs_write), (results_read, _) in pipes:
                    os.close(jobs_write)
                    os.close(results_read)
                ends = [(jobs_read, results_write) for (jobs_read, _), (_, results_write) in pipes]
                serve_lanes(parent, ends, warm, self._scratch, twins)
            except BaseException:  # nothing may unwind into the caller's code
                status = 1
            finally:
                os._exit(status)
        for (jobs_read, _), (_, results_write) in pipes:
            os.close(jobs_read)
            os.close(results_write)
        self.pid = pid
        self._lock = threading.Lock()
        # Each job not yet back: its future, its lane, and its message (sent again to
        # another lane if its own ends first).
        self._pending: dict[int, tuple[Future[Any], int, bytes]] = {}
        self._count = 0
        self._stopped = False
        self._reaped = False
        self._keys: dict[str, int] = {}
        self._open = lanes if twins else 1  # the lanes jobs go to
        self._lanes = [
            _Lane(os.fdopen(jobs_write, "wb"), os.fdopen(results_read, "rb"))
            for (_, jobs_write), (results_read, _) in pipes
        ]
        for number, lane in enumerate(self._lanes):
            threading.Thread(target=lane.feed, name=f"helper-jobs-{number}", daemon=True).start()
            threading.Thread(
                target=self._collect, args=(number,), name=f"helper-results-{number}", daemon=True
            ).start()

    @property
    def lanes(self) -> int:
        return len(self._lanes)

    def open_twins(self) -> None:
        """Have the helper fork its twins after the jobs submitted before (at once, if it
        is idle and warmed up); jobs go to every lane from now on."""
        with self._lock:
            if self._open == len(self._lanes):
                return
            self._open = len(self._lanes)
        self._enqueue(0, open_twins, (), {}, None)

    def lane_of(self, key: str) -> int | None:
        """The lane the jobs of `key` run in (None: no job had it yet)."""
        with self._lock:
            return self._keys.get(key)

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        """Run ``fn(*args, **kwargs)`` in the helper, after the jobs submitted before
        (with several lanes: in the lane with the fewest jobs waiting)."""
        return self.submit_keyed(None, fn, *args, **kwargs)

    def submit_keyed(
        self, key: str | None, fn: Callable[..., Any], /, *args: Any, **kwargs: Any
    ) -> Future[Any]:
        """`submit`, in the lane of the jobs submitted before with the same `key`."""
        return self._enqueue(None, fn, args, kwargs, key)

    def _enqueue(
        self,
        lane: int | None,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        key: str | None,
    ) -> Future[Any]:
        """Hand a job to `lane` (None: the lane of `key`, else the least busy open one)."""
        future: Future[Any] = Future()
        payload = pickle.dumps((fn, args, kwargs), pickle.HIGHEST_PROTOCOL)
        with self._lock:
            if self._stopped:
                future.set_exception(_gone())
                return future
            if lane is None and key is not None:
                lane = self._keys.get(key)
            if lane is not None and self._lanes[lane].gone:
                lane = None  # its process ended: the key goes on in a lane still running
            if lane is None:
                busy = len(self._pending) + 1  # more than any lane has: a gone lane's
                waiting = [busy if each.gone else 0 for each in self._lanes[: self._open]]
                for _, number, _ in self._pending.values():
                    if number < self._open:
                        waiting[number] += 1
                lane = waiting.index(min(waiting))
                if key is not None:
                    self._keys[key] = lane
            if self._lanes[lane].gone:
                future.set_exception(_gone())
                return future
            job = self._count
            self._count += 1
            message = pickle.dumps((job, payload), pickle.HIGHEST_PROTOCOL)
            self._pending[job] = (future, lane, message)
        self._lanes[lane].outbox.put(message)
        return future

    def stop(self) -> None:
        """End the helper and reap it.

        When every job handed to it has come back, its pipes are closed and it ends by
        itself, its twins first (so a benchmark counts their time too). Otherwise it is
        killed without waiting for what it still does: the warm-up (a run whose layouts
        all came from the cache never needed WeasyPrint) or work nobody will read
        (Ctrl+C); waiting cost up to a WeasyPrint import on a cached run. Futures still
        pending are cancelled."""
        with self._lock:
            self._stopped = True
            pending = [future for future, _, _ in self._pending.values()]
            self._pending.clear()
            idle = not pending and self._count > 0 and not any(lane.gone for lane in self._lanes)
            reap = not self._reaped
            self._reaped = True
        for future in pending:
            future.cancel()
        for lane in self._lanes:
            lane.outbox.put(None)  # its pipe is closed: the process it feeds ends
        if reap:
            try:
                if not (idle and _ended(self.pid, ENDING_SECONDS)):
                    # Its twins die with it (`serve._killed_with_parent`).
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(self.pid, signal.SIGKILL)
                    with contextlib.suppress(ChildProcessError):
                        os.waitpid(self.pid, 0)
            finally:  # a second Ctrl+C during the wait left the folder (QA round 2)
                if self._scratch is not None:
                    import shutil

                    shutil.rmtree(self._scratch, ignore_errors=True)
                    self._scratch = None

    def _collect(self, number: int) -> None:
        """Hand each result of lane `number` to its future. When the lane's process
        ends, what is left in it goes to a lane still running (a twin that died, out of
        memory or at a failed fork, costs time, not the PDF: a layout is a function of
        its HTML, run again from the start), else fails."""
        lane = self._lanes[number]
        with contextlib.suppress(OSError, EOFError, pickle.UnpicklingError):
            while (message := receive(lane.results)) is not None:
                job, ok, value, trace = message
                with self._lock:
                    future = self._pending.pop(job, (None, number, b""))[0]
                if future is None or future.cancelled():
                    continue
                if ok:
                    future.set_result(value)
                else:
                    if trace:
                        value.__cause__ = _RemoteTraceback(trace)
                    future.set_exception(value)
        with self._lock:
            stopped = self._stopped
            # A lane whose process ended takes no more jobs: new ones go to the others,
            # or fail at once when none is left.
            lane.gone = True
            if all(each.gone for each in self._lanes):
                self._stopped = True
            ended = [job for job, (_, at, _) in self._pending.items() if at == number]
            alive = [i for i, each in enumerate(self._lanes[: self._open]) if not each.gone]
            if alive and not stopped:
                other = alive[0]
                for key, at in self._keys.items():
                    if at == number:
                        self._keys[key] = other
                for job in ended:
                    future, _, message = self._pending[job]
                    self._pending[job] = (future, other, message)
                    self._lanes[other].outbox.put(message)
                ended = []
            futures = [self._pending.pop(job)[0] for job in ended]
        for future in futures:
            if stopped:
                future.cancel()
            elif not future.done():
                future.set_exception(_gone())


class _Lane:
    """The parent's end of one of the helper's processes: its two pipes, and a queue of
    jobs a thread writes to it (a pipe holds 64 KiB; an HTML page may not fit, and
    `submit` must not wait while the helper lays out the one before)."""

    def __init__(self, jobs: IO[bytes], results: IO[bytes]) -> None:
        self.jobs = jobs
        self.results = results
        self.outbox: SimpleQueue[bytes | None] = SimpleQueue()
        self.gone = False

    def feed(self) -> None:
        while (message := self.outbox.get()) is not None:
            try:
                send(self.jobs, message)
            except OSError:  # the process is gone: `_collect` fails what is pending
                break
        with contextlib.suppress(OSError):
            self.jobs.close()


def _ended(pid: int, seconds: float) -> bool:
    """Whether child `pid` ends within `seconds`; reaped if it did."""
    import time

    deadline = time.monotonic() + seconds
    pause = 0.0005
    while True:
        try:
            done, _ = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:  # reaped already
            return True
        if done:
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(pause)
        pause = min(pause * 2, 0.02)


class _RemoteTraceback(Exception):
    """Where an exception was raised in the helper (shown with SHOWCASE_DEBUG=1)."""

    def __init__(self, trace: str) -> None:
        super().__init__(trace)
        self.trace = trace

    def __str__(self) -> str:
        return f"\nin the PDF helper process:\n{self.trace}"


def _gone() -> Exception:
    from showcase.errors import RenderError

    return RenderError(
        "the process laying out the PDFs ended before it finished (out of memory, or "
        "stopped by another program); run the command again"
    )


def usable_cores() -> int:
    """The cores this process may run on: `taskset`, a container's cpuset or a batch
    scheduler may allow fewer than the machine has (`os.cpu_count`), and a helper on
    the same core as the command only competes with it."""
    if hasattr(os, "sched_getaffinity"):
        with contextlib.suppress(OSError):
            return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether a helper is worth it here: fork exists and there is a second core."""
    return hasattr(os, "fork") and usable_cores() >= 2


def helper_pool(lanes: int = 1, *, twins: bool = True) -> Helper | None:
    """A helper process for `build_profile(helper=...)`, importing WeasyPrint from now
    on, with `lanes` processes once it has; None on one core or where processes cannot
    fork."""
    if not can_fork():
        return None
    try:
        return Helper(warm=warm_up, lanes=lanes, twins=twins)
    except OSError:  # no more processes or file descriptors: lay out in this process
        return None


def warm_up(*, everything: bool = False) -> None:
    """Import what laying out PDFs needs (run in a helper before work arrives).

    With `everything`, also what the rest of a build needs: for a process whose
    forked workers render whole profiles.
    """
    from showcase.render.weasy import import_weasyprint

    import_weasyprint()  # first: showcase.render.pdf brings click (for its errors) too
    from showcase.render.pdf import warm_layout

    warm_layout()  # while the first job's HTML is made: its first layout, 0.03 s sooner

    if everything:
        import docx  # noqa: F401
        import docxtpl  # noqa: F401

        import showcase.artifacts.build  # noqa: F401


@contextmanager
def started_helper(
    wanted: bool = True, *, lanes: int = 1, twins: bool = True
) -> Iterator[Helper | None]:
    """A helper that starts warming up now; None when not wanted or not possible. It is
    stopped when the block ends."""
    helper = helper_pool(lanes, twins=twins) if wanted else None
    try:
        yield helper
    finally:
        if helper is not None:
            helper.stop()


def stop(helper: Helper) -> None:
    """Stop `helper` now, without waiting for what it still does (see `Helper.stop`)."""
    helper.stop()
