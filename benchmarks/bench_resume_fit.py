"""What fitting the resume to its page costs: layout passes and wall time per example.

    python benchmarks/bench_resume_fit.py [--runs 5]

The resume lays out candidates (body size 11, 10.5, 10 pt, then fewer entries) until
one keeps its length with no entry heading wrapped. This reports, for each example,
the median time of a PDF render (fitting included), of one layout pass alone, and how
many passes the fit took. Run it against an older checkout (PYTHONPATH=that/src) for a
before figure: there the layout-pass columns are empty.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from pathlib import Path

from bytecode import compile_sources

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ("jordan-rivera", "priya-raman", "minimal", "collector")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(compile_sources())

    from showcase.artifacts.resume import render_resume
    from showcase.profile import load_profile
    from showcase.render import pdf

    counter = getattr(pdf, "count_pages", None)
    passes = 0

    def counting(html: str, **options: object) -> object:
        nonlocal passes
        passes += 1
        assert counter is not None
        return counter(html, **options)

    render_resume(load_profile(ROOT / "examples" / "minimal.yaml"), formats=["pdf"])  # warm up
    print(f"{'example':<15} {'pdf render s':>12} {'one layout s':>12} {'passes':>6}")
    for name in EXAMPLES:
        path = ROOT / "examples" / f"{name}.yaml"
        if not path.exists():
            continue
        loaded = load_profile(path, today=dt.date(2026, 11, 28))
        times, layout = [], []
        for _ in range(args.runs):
            passes = 0
            started = time.perf_counter()
            options = {"page_counter": counting} if counter else {}
            artifact = render_resume(loaded, formats=["pdf", "html"], **options)  # type: ignore[arg-type]
            artifact.resolve()
            times.append(time.perf_counter() - started)
            if counter is not None:
                html = artifact.files[next(n for n in artifact.files if n.endswith(".html"))]
                started = time.perf_counter()
                counter(html.decode())
                layout.append(time.perf_counter() - started)
        one = f"{statistics.median(layout):12.3f}" if layout else f"{'-':>12}"
        shown = f"{passes:6d}" if counter else f"{'-':>6}"
        print(f"{name:<15} {statistics.median(times):12.3f} {one} {shown}")


if __name__ == "__main__":
    main()
