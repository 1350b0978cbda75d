"""SIGTERM and SIGHUP end a command as Ctrl+C does, and say so in its exit status.

`kill` or a CI timeout (SIGTERM) and a closed terminal (SIGHUP) unwind like Ctrl+C, so
the `finally` blocks that stop the PDF helper run instead of leaving it orphaned; the
command then exits with 128 + the signal's number, as a shell reports it.

A library may catch the `SystemExit` the handler raises: watchfiles, in whose wait
`watch` spends its life, turns any exception from a signal handler into
KeyboardInterrupt, and `watch` then ended "Stopped." with status 0; only a signal that
came between two waits gave 128 + its number (2026-12-06: of 60 hang-ups sent 0-0.3 s
after "Watching", 31 exited 0 and 29 exited 129). So the signal is also remembered, for
such a command to exit with it (`received`).
"""

from __future__ import annotations

import contextlib
import signal
import sys

_RECEIVED: list[int] = []


def install() -> None:
    """Handle SIGTERM and SIGHUP (where there is one) in this process's main thread."""
    with contextlib.suppress(ValueError):  # not in the main thread (tests)
        signal.signal(signal.SIGTERM, _exit)
        if hasattr(signal, "SIGHUP"):  # not on Windows
            signal.signal(signal.SIGHUP, _exit)


def received() -> int | None:
    """The number of the SIGTERM or SIGHUP that arrived, if one did."""
    return _RECEIVED[-1] if _RECEIVED else None


def _exit(signum: int, _frame: object) -> None:
    _RECEIVED.append(signum)
    sys.exit(128 + signum)
