"""Run a parser that may not stop (or may not stop growing) in a child with a budget.

Some readers cannot be interrupted from Python: pdfminer inflates a whole stream in one
`zlib.decompress` call (a 4.2 MB PDF asked for 8.4 GB in 44 s, and no alarm fires inside
it). `run_bounded` forks, limits the child's address space (RLIMIT_AS) and CPU time
(RLIMIT_CPU), and kills it at a wall-clock deadline too; the parent only reads the
pickled answer, itself capped in size. Where there is no fork (Windows), the function
runs in-process, bounded only by what it bounds itself.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

ANSWER_LIMIT = 64 * 2**20  # bytes of pickled answer the parent accepts


class OverBudget(Exception):
    """The child ran out of memory or time; `kind` is "memory" or "time"."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


class ChildFailed(Exception):
    """The child raised; `message` is its exception's text, `name` its class name."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name
        self.message = message


def can_fork() -> bool:
    return hasattr(os, "fork") and hasattr(os, "waitpid")


def _address_space() -> int | None:
    """Bytes of address space this process uses now (Linux), else None."""
    try:
        with open("/proc/self/statm", "rb") as handle:
            pages = int(handle.read(64).split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")


def run_bounded(
    function: Callable[[], T], *, memory: int, seconds: float, expected: tuple[type, ...] = ()
) -> T:
    """`function()` in a forked child allowed `memory` more bytes and `seconds` of time.

    Raises OverBudget("memory" | "time") when it ran out; an exception of a class in
    `expected` raised in the child is raised again here (same class, same message when
    it takes one argument); any other one becomes ChildFailed.
    """
    if not can_fork():  # pragma: no cover - Windows
        return function()
    used = _address_space()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child (coverage does not follow it)
        os.close(read_end)
        _child(function, write_end, memory, seconds, used, expected)
    os.close(write_end)
    try:
        raw, timed_out = _read_answer(read_end, seconds + 1.0)
    finally:
        os.close(read_end)
    if timed_out:
        _kill(pid)
        raise OverBudget("time")
    _, status = os.waitpid(pid, 0)
    if not raw:
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) in {signal.SIGXCPU, signal.SIGKILL}:
            raise OverBudget("time" if os.WTERMSIG(status) == signal.SIGXCPU else "memory")
        raise OverBudget("memory")  # died without a word: the likeliest cause is memory
    try:
        kind, *payload = pickle.loads(raw)
    except Exception:  # a truncated answer (the child died writing it)
        raise OverBudget("memory") from None
    if kind == "ok":
        result: T = payload[0]
        return result
    if kind == "budget":
        raise OverBudget(payload[0])
    name, message = payload
    for cls in expected:
        if cls.__name__ == name:
            raise cls(message)
    raise ChildFailed(name, message)


def _child(
    function: Callable[[], object],
    out: int,
    memory: int,
    seconds: float,
    used: int | None,
    expected: tuple[type, ...],
) -> None:  # pragma: no cover - runs in the child
    import resource

    code = 0
    try:
        for sig in (signal.SIGINT, signal.SIGHUP, signal.SIGTERM):
            signal.signal(sig, signal.SIG_DFL)
        cpu = max(1, int(seconds + 0.999))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        if used is not None:
            limit = used + memory
            _, hard = resource.getrlimit(resource.RLIMIT_AS)
            if hard != resource.RLIM_INFINITY:
                limit = min(limit, hard)
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
        try:
            answer: tuple[object, ...] = ("ok", function())
        except MemoryError:
            answer = ("budget", "memory")
        except RecursionError:
            answer = ("budget", "memory")
        except BaseException as exc:  # reported to the parent, never raised
            known = isinstance(exc, expected)
            answer = ("error", type(exc).__name__, str(exc) if known else repr(exc)[:500])
        try:
            data = pickle.dumps(answer)
        except MemoryError:
            data = pickle.dumps(("budget", "memory"))
        if len(data) > ANSWER_LIMIT:
            data = pickle.dumps(("budget", "memory"))
        view = memoryview(data)
        while view:
            view = view[os.write(out, view) :]
    except BaseException:  # never run the parent's code in the child
        code = 1
    finally:
        os._exit(code)


def _read_answer(fd: int, seconds: float) -> tuple[bytes, bool]:
    """Everything the child writes until it closes the pipe, or (partial, True) at the
    deadline."""
    deadline = time.monotonic() + seconds
    chunks: list[bytes] = []
    size = 0
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return b"".join(chunks), True
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            continue
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks), False
        size += len(chunk)
        if size > ANSWER_LIMIT + 1024:
            return b"", False
        chunks.append(chunk)


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # it may have ended on its own just now
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
