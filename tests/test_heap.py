"""The cycle collector set for a CLI run (`showcase.heap`): the heap is frozen once, after
the first profile a CLI process loads, and never in a program using the Python API."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLES, ROOT

_PROBE = """
import gc, sys
from showcase import api, heap
if sys.argv[1] == "cli":
    heap.settle_after_first_load()
api.load(sys.argv[2])
first = gc.get_freeze_count()
kept = [[object()] for _ in range(1000)]  # made after the first load
api.load(sys.argv[2])  # as watch loads on every save
print(first, gc.get_freeze_count())
"""


def _freeze_counts(mode: str) -> tuple[int, int]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, mode, str(EXAMPLES / "minimal.yaml")],
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    first, second = done.stdout.split()
    return int(first), int(second)


def test_the_cli_freezes_the_heap_once_after_the_first_load() -> None:
    """Later loads (watch's, on every save) must not freeze again: each would keep its
    reference cycles for good."""
    first, second = _freeze_counts("cli")
    assert first > 0
    assert second == first


def test_a_program_using_the_api_keeps_its_heap_as_it_had_it() -> None:
    assert _freeze_counts("api") == (0, 0)


def test_the_command_line_asks_for_it(tmp_path: Path) -> None:
    code = (
        "import sys; from showcase.cli import main; "
        "sys.argv = ['showcase', 'validate', sys.argv[1]]\n"
        "try: main()\nexcept SystemExit: pass\n"
        "import gc; print(gc.get_freeze_count())"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(EXAMPLES / "minimal.yaml")],
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert int(done.stdout.split()[-1]) > 0
