"""Benchmarks for `showcase watch`: from a saved edit to the refreshed files.

Run it from the checkout with the project installed:

    python benchmarks/bench_watch.py            # 7 edits of each kind (medians, maxima)
    python benchmarks/bench_watch.py --runs 15

The watch loop runs in this process (warm, as in a real session, with its PDF
helper) on a copy of the bundled example. Each edit rewrites the profile the way
editors do (a temporary file, then a rename over it) and is timed from the rename
to the moment the rebuilt files are in place, the watcher's 100 ms debounce
included. Then `showcase build` is timed cold (an empty folder) against a build
after an edit whose layouts are in the layout cache. Figures, not tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from bytecode import compile_sources

from showcase.batch import BuildOptions
from showcase.watch import Rebuild, run_watch

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "jordan-rivera.yaml"
TODAY = "2026-11-28"

# One edit per kind: a field only that artifact shows, changed anew each time.
LEARNED = "Building topic clusters and a repeatable editorial process."
FEATURED = "    assessment: exam\n    learned: Building topic clusters"


def linkedin_edit(text: str, i: int) -> str:
    return text.replace(LEARNED, f"Building topic clusters, take {i}.")


def signature_edit(text: str, i: int) -> str:
    # Feature the HubSpot certificate in the signature, or not.
    if i % 2:
        return text
    return text.replace(
        FEATURED, "    assessment: exam\n    featured: true\n    learned: Building topic clusters"
    )


def resume_edit(text: str, i: int) -> str:
    return re.sub(r"^headline: .*$", f"headline: Marketing Manager, draft {i}", text, flags=re.M)


def rename_save(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def edit_loop(runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        profile = folder / "profile.yaml"
        original = EXAMPLE.read_text(encoding="utf-8")
        profile.write_text(original, encoding="utf-8")
        builds: queue.Queue[tuple[float, Rebuild]] = queue.Queue()
        ready: queue.Queue[str] = queue.Queue()
        stop = threading.Event()
        options = BuildOptions(today=dt.date.fromisoformat(TODAY))
        thread = threading.Thread(
            target=run_watch,
            args=(profile, folder / "out", options),
            kwargs={
                "stop": stop,
                "on_build": lambda r: builds.put((time.perf_counter(), r)),
                "on_ready": ready.put,
            },
            daemon=True,
        )
        started = time.perf_counter()
        thread.start()
        try:
            ready.get(timeout=120)
            first_at, _ = builds.get(timeout=120)
            print(f"  first build (cold process, with imports)  {first_at - started:6.3f} s")
            time.sleep(0.5)  # let the watcher settle
            kinds: list[tuple[str, Callable[[str, int], str]]] = [
                ("LinkedIn field (credential `learned`)", linkedin_edit),
                ("signature field (`featured`)", signature_edit),
                ("resume field (`headline`)", resume_edit),
            ]
            for label, edit in kinds:
                times = []
                builds_alone = []
                laid_out = []
                for i in range(1, runs + 1):
                    text = edit(original, i)
                    if text == profile.read_text(encoding="utf-8"):
                        text = edit(original, i + 1)
                    saved = time.perf_counter()
                    rename_save(profile, text)
                    done, rebuild = builds.get(timeout=60)
                    if not rebuild.outcome.complete:
                        sys.exit(f"build failed: {rebuild.errors}")
                    times.append(done - saved)
                    builds_alone.append(rebuild.seconds)
                    laid_out.append(rebuild.outcome.made.count("pdf"))
                    time.sleep(0.3)
                print(
                    f"  {label:<40} median {statistics.median(times):.3f} s, "
                    f"max {max(times):.3f} s (the build alone: "
                    f"{statistics.median(builds_alone):.3f} s); PDFs laid out: {max(laid_out)}"
                )
                profile.write_text(original, encoding="utf-8")
                builds.get(timeout=60)
                time.sleep(0.3)
        finally:
            stop.set()
            thread.join(timeout=30)


def timed_build(profile: Path, out: Path) -> float:
    started = time.perf_counter()
    cmd = [sys.executable, "-m", "showcase", "build", str(profile), "-o", str(out)]
    proc = subprocess.run([*cmd, "--today", TODAY], capture_output=True, check=False)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(proc.stderr.decode())
    return elapsed


def cold_vs_warm(runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        layouts = Path(os.environ["XDG_CACHE_HOME"]) / "showcase" / "layouts"
        profile = folder / "profile.yaml"
        original = EXAMPLE.read_text(encoding="utf-8")
        cold, linkedin, resume = [], [], []
        for i in range(runs):
            out = folder / f"out-{i}"
            profile.write_text(original, encoding="utf-8")
            shutil.rmtree(layouts, ignore_errors=True)  # cold: no layout cached
            cold.append(timed_build(profile, out))
            profile.write_text(linkedin_edit(original, i), encoding="utf-8")
            linkedin.append(timed_build(profile, out))
            profile.write_text(resume_edit(original, i), encoding="utf-8")
            resume.append(timed_build(profile, out))
            shutil.rmtree(out)
        print(f"  showcase build, cold (empty folder, cache) {statistics.median(cold):6.3f} s")
        print(
            f"  build after a LinkedIn edit, warm cache    {statistics.median(linkedin):6.3f} s"
            " (no layout)"
        )
        print(
            f"  build after a resume edit, warm cache      {statistics.median(resume):6.3f} s"
            " (one PDF layout)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(compile_sources())
    # The layout cache in a folder of this run's own (the user's is never touched).
    cache = os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="showcase-bench-cache-")
    try:
        print(f"showcase watch, {os.cpu_count()} cores, {args.runs} edits of each kind:")
        edit_loop(args.runs)
        print(f"showcase build, {args.runs} runs each (medians):")
        cold_vs_warm(args.runs)
    finally:  # each run left its cache folder in /tmp
        shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
