"""A helper process for a single profile's PDFs, started as early as possible.

The commands that lay out a PDF fork it as soon as they run, before pydantic, Jinja
and the profile load, so it imports WeasyPrint on the second core while the main
process reads the profile; the build then hands it the HTML to lay out
(`build_profile(helper=...)`). Only the standard library is imported here, to keep the
fork early and cheap: no `multiprocessing` or `concurrent.futures.process` (~20 ms of
the main process's time before a ProcessPoolExecutor could fork).

Forking earlier still, before click and the commands load, was measured and left out:
the main process, not the helper, is the critical path to the first layout, and a
helper forked before click imported it again itself (+0.05 s CPU on a busy machine).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import struct
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from queue import SimpleQueue
from typing import IO, Any

# How often a helper or worker checks that its parent still runs.
PARENT_CHECK_SECONDS = 0.5

_FRAME = struct.Struct("!Q")  # the length of each pickled message on a pipe


class Helper:
    """One forked process that runs the functions handed to it, one at a time, in order.

    What a build needs of a one-worker ProcessPoolExecutor, forked at once: it imports
    WeasyPrint (`warm_up`) before it reads its first job, `submit` never waits for it
    (a thread feeds the pipe), results and exceptions come back as `Future`s, and
    `stop` kills it without waiting for what it still does.
    """

    def __init__(self, warm: Callable[[], object] | None = None) -> None:
        parent = os.getpid()
        jobs_read, jobs_write = os.pipe()
        results_read, results_write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the helper: it never returns from here
            status = 0
            try:
                os.close(jobs_write)
                os.close(results_read)
                _serve(parent, jobs_read, results_write, warm)
            except BaseException:  # nothing may unwind into the caller's code
                status = 1
            finally:
                os._exit(status)
        os.close(jobs_read)
        os.close(results_write)
        self.pid = pid
        self._jobs = os.fdopen(jobs_write, "wb")
        self._results = os.fdopen(results_read, "rb")
        self._pending: dict[int, Future[Any]] = {}
        self._outbox: SimpleQueue[bytes | None] = SimpleQueue()
        self._lock = threading.Lock()
        self._count = 0
        self._stopped = False
        self._reaped = False
        threading.Thread(target=self._feed, name="helper-jobs", daemon=True).start()
        threading.Thread(target=self._collect, name="helper-results", daemon=True).start()
        # The helper's temporary files (WeasyPrint's font folder, kept for its whole life)
        # go in a folder of its own, removed when it is stopped: killed, it cannot.
        import tempfile

        self._scratch: str | None = None
        with contextlib.suppress(OSError):  # no room: WeasyPrint's default folder, then
            self._scratch = tempfile.mkdtemp(prefix="showcase-helper-")
            self.submit(_use_scratch, self._scratch)

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        """Run ``fn(*args, **kwargs)`` in the helper, after the jobs submitted before."""
        future: Future[Any] = Future()
        payload = pickle.dumps((fn, args, kwargs), pickle.HIGHEST_PROTOCOL)
        with self._lock:
            if self._stopped:
                future.set_exception(_gone())
                return future
            job = self._count
            self._count += 1
            self._pending[job] = future
        self._outbox.put(pickle.dumps((job, payload), pickle.HIGHEST_PROTOCOL))
        return future

    def stop(self) -> None:
        """Kill the helper now, without waiting for what it still does, and reap it.

        The caller has the results it waited for; anything left is the warm-up (a run
        whose layouts all came from the cache never needed WeasyPrint) or work nobody
        will read (Ctrl+C). Waiting for it cost up to a WeasyPrint import on a cached
        run. Futures still pending are cancelled."""
        with self._lock:
            self._stopped = True
            pending = list(self._pending.values())
            self._pending.clear()
            reap = not self._reaped
            self._reaped = True
        for future in pending:
            future.cancel()
        self._outbox.put(None)
        if reap:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pid, 0)
            if self._scratch is not None:
                import shutil

                shutil.rmtree(self._scratch, ignore_errors=True)
                self._scratch = None

    def _feed(self) -> None:
        """Write the submitted jobs to the helper (a pipe holds 64 KiB; an HTML page may
        not fit, and `submit` must not wait while the helper lays out the one before)."""
        while (message := self._outbox.get()) is not None:
            try:
                _send(self._jobs, message)
            except OSError:  # the helper is gone: `_collect` fails what is pending
                break
        with contextlib.suppress(OSError):
            self._jobs.close()

    def _collect(self) -> None:
        """Hand each result to its future; when the helper ends, fail what is left."""
        with contextlib.suppress(OSError, EOFError, pickle.UnpicklingError):
            while (message := _receive(self._results)) is not None:
                job, ok, value, trace = message
                with self._lock:
                    future = self._pending.pop(job, None)
                if future is None or future.cancelled():
                    continue
                if ok:
                    future.set_result(value)
                else:
                    if trace:
                        value.__cause__ = _RemoteTraceback(trace)
                    future.set_exception(value)
        with self._lock:
            stopped, self._stopped = self._stopped, True
            pending = list(self._pending.values())
            self._pending.clear()
        for future in pending:
            if stopped:
                future.cancel()
            elif not future.done():
                future.set_exception(_gone())


def _use_scratch(folder: str) -> None:
    """In the helper: make temporary files in `folder`, which the parent removes."""
    import tempfile

    tempfile.tempdir = folder


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


def _send(stream: IO[bytes], message: bytes) -> None:
    stream.write(_FRAME.pack(len(message)) + message)
    stream.flush()


def _receive(stream: IO[bytes]) -> Any:
    """The next message on `stream`, or None at its end."""
    header = stream.read(_FRAME.size)
    if len(header) < _FRAME.size:
        return None
    (size,) = _FRAME.unpack(header)
    body = stream.read(size)
    if len(body) < size:
        return None
    return pickle.loads(body)


def _serve(parent: int, jobs_fd: int, results_fd: int, warm: Callable[[], object] | None) -> None:
    """The helper's life: leave interrupts to the parent, warm up, run jobs until the
    parent closes the pipe (or dies)."""
    import traceback

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C reaches the whole group;
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent stops the helper itself
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
    die_with_parent(parent)
    if warm is not None:
        with contextlib.suppress(Exception):  # the first job meets the error and reports it
            warm()
    jobs = os.fdopen(jobs_fd, "rb")
    results = os.fdopen(results_fd, "wb")
    while (message := _receive(jobs)) is not None:
        job, payload = message
        trace = ""
        try:
            fn, args, kwargs = pickle.loads(payload)
            ok, value = True, fn(*args, **kwargs)
        except Exception as exc:  # handed to the caller's future
            ok, value, trace = False, exc, traceback.format_exc()
        try:
            reply = pickle.dumps((job, ok, value, trace), pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # an exception or result that won't pickle
            failure = RuntimeError(f"{type(value).__name__}: {value} ({exc})")
            reply = pickle.dumps((job, False, failure, trace), pickle.HIGHEST_PROTOCOL)
        _send(results, reply)


def can_fork() -> bool:
    """Whether a helper is worth it here: fork exists and there is a second core."""
    return hasattr(os, "fork") and (os.cpu_count() or 1) >= 2


def helper_pool() -> Helper | None:
    """A helper process for `build_profile(helper=...)`, importing WeasyPrint from now
    on; None on one core or where processes cannot fork."""
    if not can_fork():
        return None
    try:
        return Helper(warm=warm_up)
    except OSError:  # no more processes or file descriptors: lay out in this process
        return None


def die_with_parent(parent: int) -> None:
    """End this process as soon as `parent` is gone, however it went (SIGKILL included).

    A daemon thread polls `os.getppid()`: when the parent dies the process is re-parented
    (to init or a subreaper) and the pid changes. Unlike Linux's PR_SET_PDEATHSIG, this
    does not fire when merely the parent's *thread* that forked it ends (watch rebuilds
    from a thread), and it works on macOS too. Before, a killed `build` or `watch` left its
    PDF helper (55-75 MB) running forever."""

    def watch() -> None:
        while os.getppid() == parent:
            threading.Event().wait(PARENT_CHECK_SECONDS)
        os._exit(1)

    if os.getppid() != parent:  # the parent died between the fork and now
        os._exit(1)
    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def warm_up(*, everything: bool = False) -> None:
    """Import what laying out PDFs needs (run in a helper before work arrives).

    With `everything`, also what the rest of a build needs: for a process whose
    forked workers render whole profiles.
    """
    from showcase.render.weasy import import_weasyprint

    import_weasyprint()  # first: showcase.render.pdf brings click (for its errors) too
    import showcase.render.pdf

    if everything:
        import docx  # noqa: F401
        import docxtpl  # noqa: F401

        import showcase.artifacts.build  # noqa: F401


@contextmanager
def started_helper(wanted: bool = True) -> Iterator[Helper | None]:
    """A helper that starts warming up now; None when not wanted or not possible. It is
    stopped when the block ends."""
    helper = helper_pool() if wanted else None
    try:
        yield helper
    finally:
        if helper is not None:
            helper.stop()


def stop(helper: Helper) -> None:
    """Stop `helper` now, without waiting for what it still does (see `Helper.stop`)."""
    helper.stop()
