"""Benchmarks: wall time and memory of showcase's commands, measured against WeasyPrint's floor.

Run it from the checkout with the project installed:

    python benchmarks/bench.py            # all figures, 5 runs each (medians)
    python benchmarks/bench.py --runs 9   # steadier numbers

Time here is dominated by imports and WeasyPrint's layout, so figures are also
reported relative to `python -c "import weasyprint"` measured in the same run.
Tests assert behaviour; this script reports speed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bytecode import compile_sources
from memory import tree_memory

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "jordan-rivera.yaml"
TODAY = "2026-11-28"


def showcase_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "showcase", *args]


def time_process(cmd: list[str], runs: int, cwd: Path | None = None) -> tuple[float, float]:
    """Median wall seconds and max peak RSS (MiB) of a command run `runs` times."""
    times = []
    peak = 0.0
    for _ in range(runs):
        started = time.perf_counter()
        proc = subprocess.run(cmd, cwd=cwd, capture_output=True, check=False)
        times.append(time.perf_counter() - started)
        if proc.returncode != 0:
            sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr.decode()}")
        peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    return statistics.median(times), peak


def time_call(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def warm_build(runs: int, *, with_helper: bool) -> float:
    from showcase.artifacts.build import build_profile
    from showcase.helper import helper_pool
    from showcase.profile import load_profile

    today = dt.date.fromisoformat(TODAY)
    helper = helper_pool() if with_helper else None
    if helper is not None:
        helper.submit(int).result()  # after its warm-up: WeasyPrint imported

    def once() -> None:
        build_profile(load_profile(EXAMPLE, today=today), helper=helper)

    try:
        once()
        return time_call(once, runs)
    finally:
        if helper is not None:
            helper.stop()


def make_profiles(folder: Path, count: int) -> list[Path]:
    text = EXAMPLE.read_text()
    paths = []
    for i in range(count):
        path = folder / f"person-{i:02d}.yaml"
        path.write_text(text.replace("name: Jordan Rivera", f"name: Person {i:02d} Rivera", 1))
        paths.append(path)
    return paths


def warm_resume(runs: int) -> float:
    from showcase.artifacts.resume import render_resume
    from showcase.profile import load_profile

    today = dt.date.fromisoformat(TODAY)

    def once() -> None:
        render_resume(load_profile(EXAMPLE, today=today))

    once()  # warm: imports, fonts, templates
    return time_call(once, runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--batch", type=int, default=50, help="profiles in the batch test")
    args = parser.parse_args()
    print(compile_sources())
    runs = args.runs
    out = Path(tempfile.mkdtemp(prefix="showcase-bench-"))
    # The layout cache (and Jinja's compiled templates) in a folder of this run's own:
    # "cold" figures empty its layouts first; the user's real cache is never touched.
    os.environ["XDG_CACHE_HOME"] = str(out / "xdg")
    layouts = shlex.quote(str(out / "xdg" / "showcase" / "layouts"))
    rows: list[tuple[str, str]] = []
    try:
        from showcase.render.pdf import font_subsetter

        rows.append(("font subsetter (libharfbuzz-subset0 or fontTools)", font_subsetter()))
        floor, _ = time_process([sys.executable, "-c", "import weasyprint"], runs)
        rows.append(("import weasyprint (the floor), cold", f"{floor:.3f} s"))

        help_time, _ = time_process(showcase_cmd("--help"), runs)
        rows.append(("showcase --help, cold", f"{help_time:.3f} s ({help_time / floor:.2f}x)"))

        validate_time, _ = time_process(showcase_cmd("validate", str(EXAMPLE)), runs)
        rows.append(("showcase validate, cold", f"{validate_time:.3f} s"))

        resume_cmd = showcase_cmd(
            "resume", str(EXAMPLE), "-o", str(out), "--today", TODAY, "--force"
        )
        resume_time, resume_peak = time_process(
            ["sh", "-c", f"rm -rf {layouts} && exec {shlex.join(resume_cmd)}"], runs
        )
        rows.append(
            (
                "showcase resume (5 formats), cold",
                f"{resume_time:.3f} s ({resume_time / floor:.2f}x), peak {resume_peak:.0f} MiB",
            )
        )
        resume_again, _ = time_process(resume_cmd, runs)
        rows.append(
            (
                "showcase resume again, layouts cached",
                f"{resume_again:.3f} s ({resume_again / floor:.2f}x)",
            )
        )
        warm = warm_resume(runs)
        rows.append(("resume, warm in-process re-render", f"{warm:.3f} s"))

        # Cold: a new output folder and an empty layout cache each run; then the same
        # build again with the cache warm (a rebuild with unchanged content).
        build_cmd = showcase_cmd(
            "build", str(EXAMPLE), "-o", str(out / "build"), "--today", TODAY, "--force"
        )
        shell = (
            f"rm -rf {shlex.quote(str(out / 'build'))} {layouts} && exec {shlex.join(build_cmd)}"
        )
        build_time, _ = time_process(["sh", "-c", shell], runs)
        rows.append(
            (
                "showcase build (everything), cold",
                f"{build_time:.3f} s ({build_time / floor:.2f}x the floor; target <= 1.6x)",
            )
        )
        cached, _ = time_process(build_cmd, runs)
        rows.append(
            (
                "showcase build again, layouts cached",
                f"{cached:.3f} s ({cached / floor:.2f}x; target <= 0.5 s)",
            )
        )
        shutil.rmtree(out / "build", ignore_errors=True)
        shutil.rmtree(out / "xdg" / "showcase" / "layouts", ignore_errors=True)
        memory = tree_memory(build_cmd)
        rows.append(
            (
                "build, cold, peak memory of all its processes",
                "not measured here (needs Linux's /proc)"
                if memory is None
                else f"{memory.pss_mib:.0f} MiB (target < 150 MiB; {memory.processes} "
                f"processes, summed PSS; their summed RSS {memory.rss_mib:.0f} MiB counts "
                "the pages they share once for each)",
            )
        )
        rows.append(
            ("build, warm rebuild in one process", f"{warm_build(runs, with_helper=False):.3f} s")
        )
        rows.append(
            ("build, warm rebuild with a PDF helper", f"{warm_build(runs, with_helper=True):.3f} s")
        )

        if args.batch:
            profiles = make_profiles(out, args.batch)
            rates = {}
            for jobs in (1, 2):
                started = time.perf_counter()
                subprocess.run(
                    showcase_cmd(
                        "build",
                        *map(str, profiles),
                        "-o",
                        str(out / f"batch{jobs}"),
                        "--jobs",
                        str(jobs),
                        "--today",
                        TODAY,
                        "--force",
                        # Both runs lay everything out: the second would otherwise find
                        # the first's 50 layouts in the cache (it measured "18x").
                        "--no-cache",
                    ),
                    capture_output=True,
                    check=True,
                )
                rates[jobs] = args.batch / (time.perf_counter() - started)
                rows.append(
                    (f"batch of {args.batch}, --jobs {jobs}", f"{rates[jobs]:.2f} profiles/s")
                )
            rows.append(("batch scaling, --jobs 2 / --jobs 1", f"{rates[2] / rates[1]:.2f}x"))
    finally:
        shutil.rmtree(out, ignore_errors=True)

    width = max(len(name) for name, _ in rows)
    print(
        f"showcase benchmarks: {runs} runs each, medians; {os.cpu_count()} cores; "
        f"Python {sys.version.split()[0]}"
    )
    for name, value in rows:
        print(f"  {name:<{width}}  {value}")


if __name__ == "__main__":
    main()
