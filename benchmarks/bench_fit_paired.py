"""A cold resume PDF, this source tree against an older one, alternating run by run.

    python benchmarks/bench_fit_paired.py --before OLD/src [--runs 9] [--examples a,b]

Runs `showcase resume EXAMPLE --format pdf --no-cache` (the helper process, no layout
cache, no fit hint: every fit pass is made) from this tree's `src` and from OLD's, one
after the other in each round, so that both see the same load; prints the medians of
wall time and CPU time (user + system, both processes) per example, with after/before.
Both trees are byte-compiled first (PYTHONDONTWRITEBYTECODE would otherwise make every
run compile them). The layout passes each fit takes: `bench_resume_fit.py`.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ("jordan-rivera", "priya-raman", "minimal", "collector")
TODAY = "2026-11-28"


def timed(source: str, example: str, out: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one cold resume PDF from the `source` tree."""
    env = {**os.environ, "PYTHONPATH": source}
    cmd = [sys.executable, "-m", "showcase", "resume", str(ROOT / "examples" / f"{example}.yaml")]
    cmd += ["-o", str(out), "--format", "pdf", "--no-cache", "--today", TODAY, "--force"]
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, check=False, env=env)
    wall = time.perf_counter() - started
    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr.decode()}")
    return wall, now.ru_utime - used.ru_utime + now.ru_stime - used.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True, metavar="SRC", help="the older tree's src")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--examples", default=",".join(EXAMPLES))
    args = parser.parse_args()
    trees = {"after": str(ROOT / "src"), "before": str(Path(args.before).resolve())}
    for tree in trees.values():
        subprocess.run([sys.executable, "-m", "compileall", "-q", tree], check=True)
    examples = args.examples.split(",")
    results: dict[tuple[str, str], list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            for example in examples:
                order = list(trees.items())
                if run % 2:  # each tree goes first in every other round
                    order.reverse()
                for name, source in order:
                    out = Path(tmp) / f"{name}-{example}"
                    results.setdefault((name, example), []).append(timed(source, example, out))
    print(f"resume --format pdf --no-cache, {args.runs} paired runs, medians")
    print(
        f"{'example':<15} {'wall before':>11} {'after':>7} {'ratio':>6}   "
        f"{'CPU before':>10} {'after':>7} {'ratio':>6}"
    )
    for example in examples:
        row = []
        for column in (0, 1):
            before = statistics.median(t[column] for t in results["before", example])
            after = statistics.median(t[column] for t in results["after", example])
            row.append(f"{before:10.3f}s {after:6.3f}s {after / before:6.2f}")
        print(f"{example:<15} {row[0]}   {row[1]}")


if __name__ == "__main__":
    main()
