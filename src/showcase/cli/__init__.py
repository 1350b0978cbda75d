"""The `showcase` command line: one module per command, shared options in `options`,
and the load → warn → render → write → report pipeline in `report`.

`main` forks the PDF helper (`showcase.helper.start_early`) before click and the
commands are imported, when the command line names a command that lays out a PDF.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from showcase.cli.app import cli

__all__ = ["cli", "main"]


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: run the CLI, showing bugs (not user errors) as bugs."""
    from showcase import heap
    from showcase.helper import start_early

    start_early(sys.argv[1:] if argv is None else list(argv))
    heap.settle_after_first_load()
    from showcase.cli.app import main as run

    run(argv)


def __getattr__(name: str) -> Any:
    if name == "cli":  # the click group: imported on first use, after `main` forked
        from showcase.cli.app import cli

        return cli
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
