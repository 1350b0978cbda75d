"""`showcase watch`: editors' saves are seen, only what changed is rewritten, a broken
profile never stops the loop, and stopping leaves nothing behind.

The loop runs in a thread (or, for Ctrl+C, a subprocess) on a temporary folder, with
bounded waits and always stopped in a `finally`.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from showcase.batch import BuildOptions
from showcase.preview import BuildStatus, PreviewServer
from showcase.watch import Rebuild, Watcher, run_watch
from tests.conftest import TODAY
from tests.helpers import interruptible

# Builds, servers, threads and processes that must stop: seconds, not in the fast subset.
pytestmark = pytest.mark.slow

PROFILE = """\
name: Sam Lee
headline: Support technician
credentials:
  - id: aplus
    name: CompTIA A+
    issuer: CompTIA
    kind: certification
    issued: 2026-10  # within 90 days of TODAY: news, so the kit has its story post
    expires: 2029-10
    featured: true
    skills: [Hardware, Troubleshooting]
    learned: How to troubleshoot hardware.
    applied: Fixed the office printers.
"""
WAIT = 30.0  # seconds: a bound, not an expectation (a rebuild takes well under one)


def rename_save(path: Path, text: str) -> None:
    """Save the way most editors do: a temporary file beside it, renamed over it."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def children(pid: int) -> set[int]:
    """The live child processes of `pid` (a /proc scan; no psutil)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(entry.name))
    return found


@dataclass
class Session:
    profile: Path
    out: Path
    url: str
    builds: queue.Queue[Rebuild]
    stop: threading.Event
    thread: threading.Thread

    def next_build(self) -> Rebuild:
        return self.builds.get(timeout=WAIT)

    def status(self) -> dict[str, object]:
        with urllib.request.urlopen(self.url + "__showcase__/status", timeout=5) as response:
            loaded = json.loads(response.read())
        assert isinstance(loaded, dict)
        return loaded

    def mtimes(self) -> dict[str, int]:
        return {
            p.relative_to(self.out).as_posix(): p.stat().st_mtime_ns
            for p in self.out.rglob("*")
            if p.is_file() and not p.relative_to(self.out).as_posix().startswith(".")
        }


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    profile = tmp_path / "profile.yaml"
    profile.write_text(PROFILE, encoding="utf-8")
    out = tmp_path / "out"
    builds: queue.Queue[Rebuild] = queue.Queue()
    ready: queue.Queue[str] = queue.Queue()
    stop = threading.Event()
    failed: list[BaseException] = []

    def run() -> None:
        try:
            run_watch(
                profile,
                out,
                BuildOptions(today=TODAY),
                stop=stop,
                on_build=builds.put,
                on_ready=ready.put,
            )
        except BaseException as exc:  # shown by the test, not lost in the thread
            failed.append(exc)
            ready.put("")

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        url = ready.get(timeout=WAIT)
        assert url, f"watch failed to start: {failed}"
        first = builds.get(timeout=WAIT)
        assert first.outcome.complete, first.errors
        _armed(profile, builds)
        yield Session(profile, out, url, builds, stop, thread)
    finally:
        stop.set()
        thread.join(timeout=WAIT)
    assert not thread.is_alive(), "the watch loop did not stop"
    assert not failed, failed


def _armed(profile: Path, builds: queue.Queue[Rebuild]) -> None:
    """Wait until the watcher sees saves: `on_ready` comes before the file watch starts,
    so a test's first save could land before it (on a busy machine it did, and the
    rebuild never came). The same text is saved until a rebuild answers."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        rename_save(profile, PROFILE)
        try:
            builds.get(timeout=0.5)
        except queue.Empty:
            continue
        with contextlib.suppress(queue.Empty):  # until quiet: a late event's build too
            while True:
                builds.get(timeout=1.0)
        return
    raise AssertionError("the watcher never saw a save")


def test_a_rename_save_rewrites_only_the_changed_files(session: Session) -> None:
    before = session.mtimes()
    time.sleep(0.02)  # so that a rewritten file's mtime differs on coarse clocks
    rename_save(session.profile, PROFILE.replace("troubleshoot hardware", "troubleshoot laptops"))
    rebuild = session.next_build()
    assert rebuild.outcome.complete, rebuild.errors
    assert rebuild.trigger == [session.profile]
    after = session.mtimes()
    changed = {name for name in after if after[name] != before.get(name)}
    # `learned` is told only in the LinkedIn story (and the page that shows it).
    assert changed == {"linkedin/posts/aplus-story.txt", "index.html"}
    assert "laptops" in (session.out / "linkedin/posts/aplus-story.txt").read_text()
    assert {p.relative_to(session.out).as_posix() for p in rebuild.changed} == changed
    # Neither PDF is laid out again (their HTML is the same); a DOCX whose view holds the
    # field is made again, and its bytes, being equal, are not rewritten.
    assert "pdf" not in rebuild.outcome.made
    assert rebuild.outcome.reused.count("pdf") == 2


def test_a_write_in_place_is_picked_up_and_swap_files_are_not(session: Session) -> None:
    (session.profile.parent / ".profile.yaml.swp").write_bytes(b"vim swap")
    (session.profile.parent / "profile.yaml~").write_text("backup")
    with pytest.raises(queue.Empty):
        session.builds.get(timeout=0.6)
    session.profile.write_text(PROFILE.replace("featured: true", "featured: false"))
    rebuild = session.next_build()
    assert rebuild.outcome.complete, rebuild.errors
    assert "signature/signature.html" in {
        p.relative_to(session.out).as_posix() for p in rebuild.changed
    }


def test_a_broken_profile_keeps_the_last_good_files_and_a_fix_rebuilds(session: Session) -> None:
    good = {p: p.read_bytes() for p in session.out.rglob("*") if p.is_file()}
    session.profile.write_text(PROFILE.replace("name: Sam Lee", "name: [Sam Lee"))
    broken = session.next_build()
    assert not broken.outcome.ok
    assert all(re.search(r"profile\.yaml:\d+:\d+: error: ", e) for e in broken.errors)
    assert {p: p.read_bytes() for p in good} == good  # the last good files, untouched
    status = session.status()
    assert status["errors"] == broken.errors  # the page shows them as a banner

    rename_save(session.profile, PROFILE.replace("Sam Lee", "Sam Q. Lee"))
    fixed = session.next_build()
    assert fixed.outcome.complete, fixed.errors
    assert session.status()["errors"] == []
    assert "Sam Q. Lee" in (session.out / "Sam-Q-Lee-Resume.md").read_text()


def test_pages_are_served_with_the_reload_script_the_files_stay_clean(session: Session) -> None:
    with urllib.request.urlopen(session.url + "index.html", timeout=5) as response:
        served = response.read().decode()
    assert "data-showcase-watch" in served and "/__showcase__/status" in served
    written = (session.out / "index.html").read_text()
    assert "data-showcase-watch" not in written
    assert served.replace(served[served.index("\n<script data-showcase-watch>") :], "") in written


def test_stopping_leaves_no_process_thread_or_temporary_file(tmp_path: Path) -> None:
    profile = tmp_path / "profile.yaml"
    profile.write_text(PROFILE)
    threads_before = set(threading.enumerate())
    stop = threading.Event()
    built: queue.Queue[Rebuild] = queue.Queue()
    thread = threading.Thread(
        target=run_watch,
        args=(profile, tmp_path / "out", BuildOptions(today=TODAY)),
        kwargs={"stop": stop, "on_build": built.put},
        daemon=True,
    )
    thread.start()
    try:
        built.get(timeout=WAIT)
        assert children(os.getpid())  # the PDF helper is running
        time.sleep(0.3)  # the watcher is up
    finally:
        stop.set()
        thread.join(timeout=WAIT)
    assert not thread.is_alive()
    assert multiprocessing.active_children() == []
    assert children(os.getpid()) == set()
    deadline = time.monotonic() + 5
    while set(threading.enumerate()) - threads_before and time.monotonic() < deadline:
        time.sleep(0.05)  # the executor's management thread ends just after the join
    assert set(threading.enumerate()) - threads_before == set()
    assert not [p for p in tmp_path.rglob("*.tmp")]


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting for its (dead) parent to reap it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _watch_until_serving(tmp_path: Path) -> tuple[subprocess.Popen[str], set[int]]:
    profile = tmp_path / "profile.yaml"
    profile.write_text(PROFILE)
    proc = subprocess.Popen(
        [
            *(sys.executable, "-m", "showcase", "watch", str(profile)),
            *("-o", str(tmp_path / "out"), "--no-open", "--today", TODAY.isoformat()),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        preexec_fn=interruptible,
    )
    assert proc.stdout is not None
    lines = []
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        lines.append(line)
        if line.startswith("Watching") or not line:
            break
    assert any(line.startswith("Serving") for line in lines), lines
    helpers = children(proc.pid)
    assert helpers, "no PDF helper was running"
    return proc, helpers


def test_ctrl_c_stops_the_command_and_its_helper(tmp_path: Path) -> None:
    proc, helpers = _watch_until_serving(tmp_path)
    try:
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl+C does: the whole group
        output, _ = proc.communicate(timeout=WAIT)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, output
    assert "Stopped." in output and "Traceback" not in output
    assert not [pid for pid in helpers if Path(f"/proc/{pid}").exists()]
    assert not [p for p in tmp_path.rglob("*.tmp")]


def test_the_server_listens_on_loopback_only_and_checks_the_host(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<html><body><p>hi</p></body></html>")
    (tmp_path / ".showcase-manifest.json").write_text("{}")
    server = PreviewServer(tmp_path, BuildStatus())
    server.start()
    try:
        assert server.server_address[0] == "127.0.0.1"
        with urllib.request.urlopen(server.url, timeout=5) as response:
            assert b"data-showcase-watch" in response.read()
        with pytest.raises(urllib.error.HTTPError) as hidden:
            urllib.request.urlopen(server.url + ".showcase-manifest.json", timeout=5)
        assert hidden.value.code == 404
        foreign = urllib.request.Request(server.url, headers={"Host": "attacker.example"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(foreign, timeout=5)
        assert refused.value.code == 403
    finally:
        server.stop()


def test_before_the_first_good_build_the_page_waits(tmp_path: Path) -> None:
    status = BuildStatus()
    status.failed(["profile.yaml:1:1: error: broken"])
    server = PreviewServer(tmp_path, status)
    server.start()
    try:
        with urllib.request.urlopen(server.url, timeout=5) as response:
            page = response.read()
        assert b"No page yet" in page and b"data-showcase-watch" in page
    finally:
        server.stop()


def test_what_is_watched_and_what_is_ignored(tmp_path: Path) -> None:
    profile = tmp_path / "profile.yaml"
    profile.write_text(PROFILE)
    templates = tmp_path / "mine"
    (templates / "resume").mkdir(parents=True)
    postings = tmp_path / "jobs"
    postings.mkdir()
    watcher = Watcher(
        profile,
        tmp_path / "out",
        BuildOptions(templates_dir=templates, postings=(postings,)),
    )
    assert watcher.folders() == {tmp_path, templates, templates / "resume", postings}
    assert watcher.relevant(str(profile))
    assert watcher.relevant(str(templates / "resume" / "resume.html.j2"))
    assert watcher.relevant(str(postings / "acme.txt"))
    for ignored in [
        tmp_path / ".profile.yaml.swp",
        tmp_path / "profile.yaml~",
        tmp_path / "4913",
        tmp_path / "other.yaml",
        tmp_path / "out" / "index.html",
        templates / "resume" / ".resume.html.j2.swp",
    ]:
        assert not watcher.relevant(str(ignored)), ignored


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGHUP, signal.SIGTERM])
def test_a_killed_or_hung_up_watch_leaves_no_helper(tmp_path: Path, how: int) -> None:
    """Issue #30, 5: SIGKILL or SIGHUP (the terminal closed) of watch left the PDF helper
    running forever; it now notices its parent is gone within a second. A SIGHUP or
    SIGTERM ends it with 128 + the signal, as a shell reports it: watchfiles turned the
    handler's exit into KeyboardInterrupt, and most ended "Stopped." with status 0."""
    proc, helpers = _watch_until_serving(tmp_path)
    try:
        time.sleep(0.5)  # in watchfiles' wait, where a watch spends its life
        os.kill(proc.pid, how)  # the parent only: nothing forwards it to the helper
        proc.wait(timeout=WAIT)
        assert proc.returncode == (-how if how == signal.SIGKILL else 128 + how)
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline and any(_alive(pid) for pid in helpers):
            time.sleep(0.1)
        assert not [pid for pid in helpers if _alive(pid)]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for pid in helpers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


@pytest.mark.slow
def test_an_output_folder_that_cannot_be_made_is_a_clear_error(tmp_path: Path) -> None:
    """As `build` says it; it was an internal error (FileNotFoundError from mkdir)."""
    from click.testing import CliRunner

    from showcase.cli import cli

    profile = tmp_path / "p.yaml"
    profile.write_text(PROFILE, encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["watch", str(profile), "-o", "/proc/showcase-out", "--no-open"]
    )
    assert result.exit_code == 1, result.output
    assert "cannot write into /proc/showcase-out" in result.output
    assert "Internal error" not in result.output
