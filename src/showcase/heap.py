"""Python's cycle collector, set for a short command-line run.

A `showcase` command imports a few thousand classes, functions and pydantic schemas and
keeps them until it exits; every full collection walked them all again. The CLI asks
(`settle_after_first_load`) for what exists once the first profile is loaded (the
modules, the schemas built, that profile) to be frozen out of the collector's walk
(`gc.freeze`): later collections walk only what came after (CPU in paired runs: resume
--format txt -9%, validate -11%, gaps -10%, build -3%). Only the CLI asks: a program
that calls showcase's Python API keeps its own heap as it had it.

Objects still free themselves when no longer referenced; only a reference cycle made
before the freeze and dropped after it is never reclaimed, once, which is bounded.
Standard library only.
"""

from __future__ import annotations

import gc

_wanted = False
_settled = False


def settle_after_first_load() -> None:
    """Freeze the heap after the first profile this process loads (the CLI calls this)."""
    global _wanted
    _wanted = True


def settle() -> None:
    """After a profile loaded: freeze the heap, once per process, if the CLI asked for it.
    `watch` loads the profile on every save; freezing each time would keep each time's
    reference cycles for good."""
    global _settled
    if _wanted and not _settled:
        _settled = True
        gc.freeze()
