"""The PDF helper process (`showcase.helper`): a forked process that runs the jobs handed
to it in order, forked only by the commands that lay out a PDF."""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from showcase.errors import RenderError, TemplateError
from showcase.helper import Helper
from tests.conftest import EXAMPLES
from tests.helpers import imported_by


@pytest.fixture
def helper() -> Iterator[Helper]:
    started = Helper()
    try:
        yield started
    finally:
        started.stop()


def _fail(message: str) -> None:
    raise TemplateError(message)


def _unpicklable() -> object:
    return lambda: None


def test_jobs_run_in_order_and_come_back_as_futures(helper: Helper) -> None:
    futures = [helper.submit(pow, 2, n) for n in range(20)]
    assert [f.result(timeout=30) for f in futures] == [2**n for n in range(20)]
    assert helper.submit(os.getpid).result(timeout=30) == helper.pid != os.getpid()


def test_an_error_in_the_helper_is_raised_by_its_future_with_its_type_and_words(
    helper: Helper,
) -> None:
    with pytest.raises(TemplateError, match="broken template") as caught:
        helper.submit(_fail, "broken template").result(timeout=30)
    assert "in the PDF helper process" in str(caught.value.__cause__)  # its traceback
    assert helper.submit(abs, -3).result(timeout=30) == 3  # and the helper goes on


def test_a_result_that_cannot_be_sent_back_is_an_error_not_a_hang(helper: Helper) -> None:
    with pytest.raises(RuntimeError, match="function"):
        helper.submit(_unpicklable).result(timeout=30)
    assert helper.submit(abs, -4).result(timeout=30) == 4


def test_submit_never_waits_for_the_helper_even_with_more_than_a_pipe_holds(
    helper: Helper,
) -> None:
    """A pipe holds 64 KiB: an HTML page written by `submit` itself would wait until the
    helper finished the job before it (the main process idle for a whole layout)."""
    busy = helper.submit(time.sleep, 3)
    page = "x" * (4 * 1024 * 1024)
    started = time.monotonic()
    sized = helper.submit(len, page)
    assert not busy.done()  # submit returned while the helper still slept
    assert time.monotonic() - started < 2.5
    assert sized.result(timeout=60) == len(page)


def test_a_helper_that_dies_fails_its_jobs_with_a_clear_error(helper: Helper) -> None:
    busy = helper.submit(time.sleep, 30)
    os.kill(helper.pid, signal.SIGKILL)  # out of memory, or another program
    with pytest.raises(RenderError, match="ended before it finished"):
        busy.result(timeout=30)
    with pytest.raises(RenderError, match="run the command again"):
        helper.submit(abs, -1).result(timeout=30)


def test_stop_cancels_what_is_pending_and_leaves_no_process() -> None:
    helper = Helper()
    busy = helper.submit(time.sleep, 30)
    waiting = helper.submit(abs, -1)
    helper.stop()
    assert busy.cancelled() and waiting.cancelled()
    assert not Path(f"/proc/{helper.pid}").exists()  # killed and reaped: no zombie
    helper.stop()  # twice is harmless
    assert helper.submit(abs, -1).exception(timeout=5) is not None


def test_the_helper_ends_when_its_parent_is_killed(tmp_path: Path) -> None:
    """A killed `showcase` (SIGKILL: no `finally`, no atexit) must not leave its helper."""
    import subprocess

    code = "from showcase.helper import Helper; h = Helper(); print(h.pid, flush=True); input()"
    parent = subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")},
    )
    assert parent.stdout is not None
    pid = int(parent.stdout.readline())
    assert Path(f"/proc/{pid}").exists()
    parent.kill()
    parent.wait(timeout=30)
    deadline = time.monotonic() + 30
    while Path(f"/proc/{pid}/status").exists() and time.monotonic() < deadline:
        status = Path(f"/proc/{pid}/status").read_text()
        if "State:\tZ" in status:  # ended; its new parent reaps it
            break
        time.sleep(0.05)
    assert (
        not Path(f"/proc/{pid}").exists() or "State:\tZ" in Path(f"/proc/{pid}/status").read_text()
    )


@pytest.mark.slow
def test_a_command_without_a_pdf_forks_nothing(tmp_path: Path) -> None:
    args = ["resume", str(EXAMPLES / "minimal.yaml"), "-o", str(tmp_path / "out")]
    args += ["--format", "txt", "--today", "2026-11-28"]
    with pytest.raises(AssertionError, match="no forked: line"):
        imported_by(args, ["click"], at_fork=True)
    assert imported_by(args, ["weasyprint"]) == []


def test_a_stopped_helper_leaves_no_temporary_files(tmp_path: Path) -> None:
    """The helper keeps WeasyPrint's font folder for its whole life and is killed, never
    asked to end: its temporary files are in a folder of its own, which stopping removes."""
    import subprocess

    code = (
        "from showcase.helper import helper_pool\n"
        "from showcase.render.pdf import html_to_pdf\n"
        "helper = helper_pool()\n"
        "assert helper.submit(html_to_pdf, '<p>x</p>').result(timeout=60).startswith(b'%PDF')\n"
        "import pathlib, tempfile\n"
        "tmp = pathlib.Path(tempfile.gettempdir())\n"
        "inside = list(tmp.glob('showcase-helper-*/weasyprint-*'))\n"
        "print('while it runs:', len(inside))\n"
        "helper.stop()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={
            **os.environ,
            "PYTHONPATH": str(Path(__file__).parents[1] / "src"),
            "TMPDIR": str(tmp_path),
        },
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert "while it runs: 1" in done.stdout
    assert list(tmp_path.iterdir()) == []
