"""The PDF helper process (`showcase.helper`): a forked process that runs the jobs handed
to it in order, forked only by the commands that lay out a PDF."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any

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


def _running(pid: int) -> bool:
    status = Path(f"/proc/{pid}/status")
    try:
        return "State:\tZ" not in status.read_text()
    except OSError:
        return False


def _ends_soon(pid: int) -> bool:
    """Whether `pid` ends within 10 s (a process killed with a signal ends a moment later;
    an orphan's zombie waits for its new parent to reap it)."""
    deadline = time.monotonic() + 10
    while _running(pid) and time.monotonic() < deadline:
        time.sleep(0.02)
    return not _running(pid)


def _killed_parent_leaves(code: str) -> list[int]:
    """Run `code`, which prints pids of its helper processes; SIGKILL it (no `finally`, no
    atexit); the pids still running 30 s later (a zombie has ended: its new parent reaps
    it)."""
    import subprocess

    parent = subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")},
    )
    assert parent.stdout is not None
    pids = [int(pid) for pid in parent.stdout.readline().split()]
    assert pids and all(_running(pid) for pid in pids)
    parent.kill()
    parent.wait(timeout=30)
    deadline = time.monotonic() + 30
    while any(_running(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    return [pid for pid in pids if _running(pid)]


def test_the_helper_ends_when_its_parent_is_killed() -> None:
    """A killed `showcase` must not leave its helper."""
    code = "from showcase.helper import Helper; h = Helper(); print(h.pid, flush=True); input()"
    assert _killed_parent_leaves(code) == []


@pytest.mark.slow
def test_a_command_without_a_pdf_forks_nothing(tmp_path: Path) -> None:
    args = ["resume", str(EXAMPLES / "minimal.yaml"), "-o", str(tmp_path / "out")]
    args += ["--format", "txt", "--today", "2026-11-28"]
    with pytest.raises(AssertionError, match="no forked: line"):
        imported_by(args, ["click"], at_fork=True)
    assert imported_by(args, ["weasyprint"]) == []


def test_a_stopped_helper_leaves_no_temporary_files(tmp_path: Path) -> None:
    """The helper keeps WeasyPrint's font folder for its whole life and may be killed:
    its temporary files are in a folder of its own, which stopping removes."""
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


# Lanes: a helper that forks a twin once it has warmed up (a build's two PDFs side by side).

_WARMED_BY: list[int] = []


def _warm() -> None:
    _WARMED_BY.append(os.getpid())


def _warmed_by() -> list[int]:
    return list(_WARMED_BY)


def _burn(seconds: float) -> int:
    """Spend `seconds` of CPU; the pid that spent them."""
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass
    return os.getpid()


def _in_the_twin(twins: Helper, fn: Callable[..., Any], *args: Any) -> Future[Any]:
    """Run `fn` under key "b", which goes to the second lane: the first is busy."""
    twins.submit_keyed("a", time.sleep, 0.5)
    return twins.submit_keyed("b", fn, *args)


@pytest.fixture
def twins() -> Iterator[Helper]:
    started = Helper(warm=_warm, lanes=2)
    try:
        yield started
    finally:
        started.stop()


def test_a_twin_is_forked_after_the_warm_up_and_shares_what_it_loaded(twins: Helper) -> None:
    busy = twins.submit_keyed("a", time.sleep, 1)  # the first lane is busy: "b" goes on
    second = twins.submit_keyed("b", os.getpid).result(timeout=30)
    assert twins.submit_keyed("a", os.getpid).result(timeout=30) == twins.pid
    assert busy.done() and second not in (twins.pid, os.getpid())
    # The twin ran no warm-up of its own: it has the one its parent ran before the fork.
    assert twins.submit_keyed("b", _warmed_by).result(timeout=30) == [twins.pid]


def test_jobs_with_one_key_run_in_one_lane_in_order(twins: Helper) -> None:
    busy = twins.submit_keyed("interview", time.sleep, 2)
    pids = [twins.submit_keyed("resume", os.getpid) for _ in range(5)]
    last = twins.submit_keyed("interview", os.getpid)
    # The resume's jobs went to the idle lane and did not wait for the sleeping one.
    assert {f.result(timeout=30) for f in pids} == {pids[0].result()} != {twins.pid}
    assert not busy.done()
    assert last.result(timeout=30) == twins.pid and busy.done()


def _timed_sleep(seconds: float) -> tuple[int, float, float]:
    started = time.time()
    time.sleep(seconds)
    return os.getpid(), started, time.time()


def test_two_lanes_run_side_by_side(twins: Helper) -> None:
    """Jobs of two keys run at the same time, in two processes."""
    twins.submit(abs, 1).result(timeout=30)  # warmed up and waiting
    jobs = [twins.submit_keyed(key, _timed_sleep, 1.0) for key in ("a", "b")]
    (pid_a, start_a, end_a), (pid_b, start_b, end_b) = (job.result(timeout=60) for job in jobs)
    assert pid_a != pid_b
    assert start_b < end_a and start_a < end_b  # the two sleeps overlapped


def test_stopping_an_idle_helper_ends_its_twin_and_counts_its_time(twins: Helper) -> None:
    """Every job back: the pipes close and the helper ends by itself after its twin, so
    the twin's CPU is counted with the command's (`RUSAGE_CHILDREN`)."""
    import resource

    def used() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    twin = _in_the_twin(twins, _burn, 0.6).result(timeout=60)
    assert twins.submit_keyed("a", abs, -1).result(timeout=30) == 1  # nothing left running
    assert twin != twins.pid
    before = used()
    twins.stop()
    assert used() - before >= 0.5
    assert not Path(f"/proc/{twins.pid}").exists()
    assert not _running(twin)


def test_stopping_a_busy_helper_kills_its_twin_too(twins: Helper) -> None:
    twin = _in_the_twin(twins, os.getpid).result(timeout=30)
    busy = [twins.submit_keyed(key, time.sleep, 30) for key in ("a", "b")]
    time.sleep(0.2)
    started = time.monotonic()
    twins.stop()
    assert time.monotonic() - started < 5  # killed, not waited for
    assert all(job.cancelled() for job in busy)
    assert not Path(f"/proc/{twins.pid}").exists()
    assert _ends_soon(twin)


def test_a_twin_that_dies_hands_its_jobs_to_the_helper(twins: Helper) -> None:
    """Out of memory, or another program: the twin's jobs, the one it was running and
    those waiting for it, are run again by the helper, and its keys go on there."""
    twin = _in_the_twin(twins, os.getpid).result(timeout=30)
    busy = twins.submit_keyed("b", _timed_sleep, 1.0)
    waiting = twins.submit_keyed("b", os.getpid)
    time.sleep(0.3)  # the twin is in its sleep
    os.kill(twin, signal.SIGKILL)
    assert busy.result(timeout=30)[0] == twins.pid
    assert waiting.result(timeout=30) == twins.pid
    assert twins.submit_keyed("b", os.getpid).result(timeout=30) == twins.pid
    assert twins.submit_keyed("c", os.getpid).result(timeout=30) == twins.pid
    assert twins.submit(abs, -2).result(timeout=30) == 2


def test_a_twin_that_cannot_be_forked_costs_time_not_the_pdf(tmp_path: Path) -> None:
    """No process left for the twin (a limit on processes): a build's two lanes are one,
    and every PDF is made."""
    import subprocess

    from tests.conftest import ROOT

    code = (
        "import os\n"
        "from showcase.helper import Helper\n"
        "def no_fork():\n"
        "    raise OSError(11, 'Resource temporarily unavailable')\n"
        "def break_fork():\n"
        "    os.fork = no_fork\n"
        "h = Helper(lanes=2, twins=False)\n"
        "h.submit(break_fork).result(timeout=30)  # in the helper only\n"
        "h.open_twins()\n"
        "import time\n"
        "jobs = [h.submit_keyed(k, time.sleep, 0.2) for k in 'abcd']\n"
        "pids = {h.submit_keyed(k, os.getpid).result(timeout=30) for k in 'abcd'}\n"
        "print(pids == {h.pid}, all(j.exception(timeout=30) is None for j in jobs))\n"
        "h.stop()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.stdout.split() == ["True", "True"], done.stderr


def test_a_twin_ends_when_the_command_is_killed() -> None:
    code = (
        "import os, time\n"
        "from showcase.helper import Helper\n"
        "h = Helper(lanes=2)\n"
        "h.submit_keyed('a', time.sleep, 0.5)\n"
        "print(h.pid, h.submit_keyed('b', os.getpid).result(timeout=30), flush=True)\n"
        "input()\n"
    )
    assert _killed_parent_leaves(code) == []


def test_a_helper_needs_a_lane() -> None:
    with pytest.raises(ValueError, match="at least one lane"):
        Helper(lanes=0)


def test_a_twin_asked_for_later_is_forked_only_then() -> None:
    """`twins=False`: every job runs in the helper until `open_twins`; then a job may go
    to a twin forked after what the helper had already done."""
    helper = Helper(warm=_warm, lanes=2, twins=False)
    try:
        helper.submit_keyed("a", time.sleep, 0.5)
        alone = helper.submit_keyed("b", os.getpid).result(timeout=30)
        assert alone == helper.pid  # one lane open: "b" waited for "a"
        helper.open_twins()
        helper.open_twins()  # twice is once
        helper.submit_keyed("a", time.sleep, 0.5)  # lane 0 busy: "d" goes to the twin
        twin = helper.submit_keyed("d", os.getpid).result(timeout=30)
        assert twin not in (helper.pid, os.getpid())
        assert helper.submit_keyed("c", _warmed_by).result(timeout=30) == [helper.pid]
    finally:
        helper.stop()
    assert not Path(f"/proc/{helper.pid}").exists()
    assert _ends_soon(twin)


def _death_signal() -> int:
    """The signal this process gets when its parent dies (Linux's PR_GET_PDEATHSIG)."""
    import ctypes

    value = ctypes.c_int(0)
    ctypes.CDLL(None, use_errno=True).prctl(2, ctypes.byref(value), 0, 0, 0)
    return value.value


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_a_twin_is_killed_by_the_kernel_when_its_helper_dies(twins: Helper) -> None:
    """A busy helper is killed by `stop`: its twin goes with it at once, not after its
    next check of its parent (up to half a second of layout nobody reads)."""
    assert _in_the_twin(twins, _death_signal).result(timeout=30) == signal.SIGKILL


def test_the_helpers_stay_in_the_commands_process_group(twins: Helper) -> None:
    """A group of their own would be a background group: a terminal set to `tostop`
    stops a background process that writes to it, and the command would wait forever."""
    twin = _in_the_twin(twins, os.getpid).result(timeout=30)
    assert os.getpgid(twins.pid) == os.getpgid(twin) == os.getpgrp()


def test_a_process_held_to_one_core_forks_no_helper(monkeypatch: pytest.MonkeyPatch) -> None:
    """`taskset -c 0`, or a container's cpuset of one core, on a many-core machine: a
    helper would only compete with the command on its one core, and batch builds one
    profile at a time."""
    from showcase import helper as helpers

    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {3}, raising=False)
    assert helpers.usable_cores() == 1
    assert not helpers.can_fork()
    assert helpers.helper_pool() is None
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 5}, raising=False)
    assert helpers.usable_cores() == 2 and helpers.can_fork()


def test_a_second_interrupt_while_stopping_still_removes_the_scratch_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two Ctrl+C a millisecond apart: the second interrupted `stop` in its wait for the
    helper, and its folder of font copies was left in /tmp (QA round 2, 2026-12-06)."""
    started = Helper()
    started.submit(os.getpid).result(timeout=30)
    scratch = started._scratch
    assert scratch is not None and Path(scratch).is_dir()
    started.submit(time.sleep, 5)  # busy: `stop` kills it and waits

    def interrupted(pid: int, options: int) -> tuple[int, int]:
        raise KeyboardInterrupt

    real_waitpid = os.waitpid
    monkeypatch.setattr(os, "waitpid", interrupted)
    with pytest.raises(KeyboardInterrupt):
        started.stop()
    monkeypatch.setattr(os, "waitpid", real_waitpid)
    assert not Path(scratch).exists()
    with contextlib.suppress(ChildProcessError):
        os.waitpid(started.pid, 0)  # reap it here, as the interrupted stop could not
