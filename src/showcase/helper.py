"""A helper process for a single profile's build, started as early as possible.

It is forked before anything heavy is imported, so it can import WeasyPrint
on the second core while the main process is still reading the profile; the
build then hands it the interview sheet (see `build_profile(helper=...)`).
Only the standard library is imported here, to keep the fork early and cheap.
"""

from __future__ import annotations

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
        )
    except (OSError, ValueError):
        return None


def _leave_interrupts_to_the_parent() -> None:
    """Ctrl+C reaches the whole process group; the parent stops the helper (shutdown),
    so the helper ignores it instead of dying mid-task with a traceback of its own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


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
            helper.shutdown(cancel_futures=True)
