"""A helper process for a single profile's build, started as early as possible.

It is forked before anything heavy is imported, so it can import WeasyPrint
on the second core while the main process is still reading the profile; the
build then hands it the interview sheet (see `build_profile(helper=...)`).
Only the standard library is imported here, to keep the fork early and cheap.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager


def helper_pool() -> ProcessPoolExecutor | None:
    """A forked helper process for `build_profile(helper=...)`, or None on one core.

    Create it early and submit `warm_up`: the helper then imports WeasyPrint
    while this process is still loading profiles.
    """
    if "fork" not in multiprocessing.get_all_start_methods() or (os.cpu_count() or 1) < 2:
        return None
    try:
        return ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_leave_interrupts_to_the_parent,
            initargs=(os.getpid(),),
        )
    except (OSError, ValueError):
        return None


def _leave_interrupts_to_the_parent(parent: int) -> None:
    """Ctrl+C reaches the whole process group; the parent stops the helper (shutdown),
    so the helper ignores it instead of dying mid-task with a traceback of its own.
    It ends by itself when the parent is gone (see `die_with_parent`)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    die_with_parent(parent)


# How often a helper or worker checks that its parent still runs.
PARENT_CHECK_SECONDS = 0.5


def die_with_parent(parent: int) -> None:
    """End this process as soon as `parent` is gone, however it went (SIGKILL included).

    A daemon thread polls `os.getppid()`: when the parent dies the process is re-parented
    (to init or a subreaper) and the pid changes. Unlike Linux's PR_SET_PDEATHSIG, this
    does not fire when merely the parent's *thread* that forked it ends (watch rebuilds
    from a thread), and it works on macOS too. Before, a killed `build` or `watch` left its
    PDF helper (55-75 MB) running forever."""
    import threading

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
    import showcase.render.pdf
    from showcase.render.weasy import import_weasyprint

    import_weasyprint()
    if everything:
        import docx  # noqa: F401
        import docxtpl  # noqa: F401

        import showcase.artifacts.build  # noqa: F401


@contextmanager
def started_helper(wanted: bool = True) -> Iterator[ProcessPoolExecutor | None]:
    """A helper that starts warming up now; None when not wanted or not possible."""
    helper = helper_pool() if wanted else None
    if helper is not None:
        helper.submit(warm_up)
    try:
        yield helper
    finally:
        if helper is not None:
            stop(helper)


def stop(helper: ProcessPoolExecutor) -> None:
    """Stop `helper` now, without waiting for what it still does.

    The caller has the results it waited for; anything left is the warm-up (a run whose
    layouts all came from the cache never needed WeasyPrint) or work nobody will read
    (Ctrl+C). Waiting for it cost up to a WeasyPrint import (~0.6 s) on a cached run.
    The helper is killed, never left running: no orphan, whatever it was doing.
    """
    workers = list((getattr(helper, "_processes", None) or {}).values())
    helper.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            worker.kill()
    for worker in workers:
        with contextlib.suppress(OSError, ValueError, AttributeError, AssertionError):
            worker.join(timeout=5)
    helper.shutdown(wait=True)
