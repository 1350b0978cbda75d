"""How the `showcase` program ends: its work done, the process exits without taking the
interpreter apart.

When a Python program ends, the interpreter frees every object of every module it
imported, one by one, before the process exits. A showcase command has imported a few
hundred modules by then (pydantic's schemas, Jinja, python-docx, click) and that teardown
is work nobody sees: 0.03 s of a 0.6 s cold `showcase resume` (measured on the example,
2026-12-06; the operating system frees the whole process at once anyway).

So the program (`run`, the console script and `python -m showcase`) does what the
interpreter's exit does that anyone could observe, in its order, and then ends the
process at once (`os._exit`):

1. threads that are not daemons are waited for (`threading._shutdown`, which also lets
   `concurrent.futures`' workers finish);
2. the exit handlers run (`atexit`: temporary folders removed, logging flushed);
3. standard output and standard error are flushed: a closed pipe there gives the status
   the interpreter gives, 120.

Where either private function is missing (another Python implementation), the program
exits the ordinary way. Instagram's servers skip the same teardown the same way
("Dismissing Python Garbage Collection at Instagram", 2017). `main` itself, which tests
and programs call with arguments, returns or raises as before.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
import threading
from typing import NoReturn

# What the interpreter exits with when flushing standard output fails at exit.
FLUSH_FAILED = 120


def run() -> NoReturn:
    """The `showcase` program: the CLI, then a quick exit with its status."""
    from showcase.cli.app import main

    try:
        main()
    except SystemExit as exc:
        end(status_of(exc.code))
    end(0)


def status_of(code: object) -> int:
    """The exit status the interpreter would give `SystemExit(code)`; like it, writes a
    code that is not a number to standard error."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(f"{code}\n")
    return 1


def end(status: int) -> NoReturn:
    """Wait for threads, run the exit handlers, flush, and end the process with
    `status`, skipping the interpreter's teardown."""
    shutdown = getattr(threading, "_shutdown", None)
    handlers = getattr(atexit, "_run_exitfuncs", None)
    if shutdown is None or handlers is None:
        sys.exit(status)
    shutdown()
    handlers()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            if stream is sys.stdout and status == 0:
                status = FLUSH_FAILED
    os._exit(status)
