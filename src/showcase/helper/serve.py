"""The helper's side of `showcase.helper`: the forked processes that run the jobs, and
the framing of the messages on their pipes. Only the standard library, as there."""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import struct
import threading
from collections.abc import Callable
from typing import IO, Any

# How often a helper or worker checks that its parent still runs.
PARENT_CHECK_SECONDS = 0.5

_FRAME = struct.Struct("!Q")  # the length of each pickled message on a pipe


def send(stream: IO[bytes], message: bytes) -> None:
    stream.write(_FRAME.pack(len(message)) + message)
    stream.flush()


def receive(stream: IO[bytes]) -> Any:
    """The next message on `stream`, or None at its end."""
    header = stream.read(_FRAME.size)
    if len(header) < _FRAME.size:
        return None
    (size,) = _FRAME.unpack(header)
    body = stream.read(size)
    if len(body) < size:
        return None
    return pickle.loads(body)


# In the helper: the pipes of the lanes whose twin is not forked yet, and the twins.
_WAITING: list[tuple[int, int]] = []
_TWINS: list[int] = []


def serve_lanes(
    parent: int,
    ends: list[tuple[int, int]],
    warm: Callable[[], object] | None,
    scratch: str | None,
    twins: bool,
) -> None:
    """The helper's life: leave interrupts to the parent, warm up, fork a twin for each
    lane after the first (now with `twins`, else when `open_twins` is run), and run the
    first lane's jobs until the parent closes its pipe (or dies)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C reaches the whole group;
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent stops the helper itself
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
    die_with_parent(parent)
    if scratch is not None:
        use_scratch(scratch)
    if warm is not None:
        with contextlib.suppress(Exception):  # the first job meets the error and reports it
            warm()
    _WAITING[:] = ends[1:]
    if twins:
        open_twins()
    _serve(*ends[0])
    for twin in _TWINS:  # their pipes were closed with this one's: they end now
        with contextlib.suppress(ChildProcessError):
            os.waitpid(twin, 0)


def open_twins() -> int:
    """In the helper, after its warm-up (a job, or at once): give each waiting lane a
    process forked from this one, and close their pipes here; how many were forked. A
    twin ends with this process (`die_with_parent`)."""
    import gc

    gc.freeze()  # what is loaded stays shared: no collection writes to its pages
    me = os.getpid()
    lanes, _WAITING[:] = list(_WAITING), []
    for number, (jobs_fd, results_fd) in enumerate(lanes):
        try:
            pid = os.fork()
        except OSError:  # no more processes: the lane's jobs fail as a lost helper's
            pid = -1
        if pid == 0:
            status = 0
            try:
                for other, fds in enumerate(lanes):
                    if other != number:
                        os.close(fds[0])
                        os.close(fds[1])
                _TWINS.clear()
                _killed_with_parent()
                die_with_parent(me)
                _serve(jobs_fd, results_fd)
            except BaseException:
                status = 1
            finally:
                os._exit(status)
        if pid > 0:
            _TWINS.append(pid)
        os.close(jobs_fd)
        os.close(results_fd)
    return len(lanes)


def _serve(jobs_fd: int, results_fd: int) -> None:
    """Run the jobs read from `jobs_fd` in order, each result written to `results_fd`,
    until the pipe ends."""
    import traceback

    jobs = os.fdopen(jobs_fd, "rb")
    results = os.fdopen(results_fd, "wb")
    while (message := receive(jobs)) is not None:
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
        send(results, reply)


def _killed_with_parent() -> None:
    """On Linux, have the kernel kill this process (a twin) the moment the helper that
    forked it dies: `stop` kills a busy helper, and its twin must not lay out on for up
    to `PARENT_CHECK_SECONDS` (`die_with_parent`, which still covers other systems). The
    helper stays in the command's process group, as before: a group of its own would be
    a background one, stopped by a terminal set to `tostop` if it ever wrote to it."""
    import sys

    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(Exception):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, int(signal.SIGKILL), 0, 0, 0)


def use_scratch(folder: str) -> None:
    """In the helper: make temporary files in `folder`, which the parent removes."""
    import tempfile

    tempfile.tempdir = folder


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
