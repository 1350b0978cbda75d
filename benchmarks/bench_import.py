"""Benchmark of `showcase import` on a large LinkedIn export.

Run it from the checkout with the project installed:

    python benchmarks/bench_import.py               # 5 MiB Certifications.csv, 3 runs
    python benchmarks/bench_import.py --mib 1 --runs 1

It writes a LinkedIn ``Certifications.csv`` of the given size (about 214,000 rows
for 5 MiB), runs ``showcase import`` on it in a fresh process and reports the wall
time (median) and the peak resident memory of that process (``ru_maxrss`` of the
child, so the interpreter and imports are included). The target is a 5 MiB
export in under 5 s and 200 MB. Tests assert behaviour; this script reports speed.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bytecode import compile_sources

HEADER = "Name,Url,Authority,Started On,Finished On,License Number\n"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def write_export(path: Path, size: int) -> int:
    """A Certifications.csv of at least `size` bytes; returns the number of rows."""
    rows = 0
    written = len(HEADER)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        while written < size:
            month = MONTHS[rows % 12]
            # Short rows, as in the tester's export (214,000 rows in 5 MiB); every
            # tenth has a link and a credential ID.
            extra = f"https://ex.org/{rows}" if rows % 10 == 0 else ""
            line = f"C{rows},{extra},Org{rows % 97},{month} {2015 + rows % 10},,\n"
            out.write(line)
            written += len(line)
            rows += 1
    return rows


def run_once(source: Path, target: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one `showcase import` in a fresh process."""
    target.unlink(missing_ok=True)
    code = (
        "import resource, sys\n"
        "from showcase.cli import main\n"
        "try:\n"
        "    main(sys.argv[1:])\n"
        "except SystemExit as exc:\n"
        "    status = exc.code\n"
        "else:\n"
        "    status = 0\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(peak, file=sys.stderr)\n"
        "sys.exit(status)\n"
    )
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", code, "import", str(source), "-o", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if proc.returncode not in (0,):
        sys.exit(f"showcase import failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    peak_kib = int(proc.stderr.strip().splitlines()[-1])  # Linux reports KiB
    return elapsed, peak_kib / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=float, default=5.0, help="size of the export (MiB)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(compile_sources())
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "Certifications.csv"
        # Just under the limit, so that the import accepts it.
        rows = write_export(source, int(args.mib * 1024 * 1024) - 200)
        target = Path(folder) / "imported.yaml"
        times, peaks = [], []
        for _ in range(args.runs):
            seconds, peak = run_once(source, target)
            times.append(seconds)
            peaks.append(peak)
        size = source.stat().st_size / 1024 / 1024
        print(f"  Certifications.csv: {size:.2f} MiB, {rows:,} rows, {args.runs} runs")
        print(f"  showcase import, wall (median)  {statistics.median(times):8.2f} s")
        print(f"  showcase import, peak RSS (max) {max(peaks):8.1f} MiB")
        print("  target: under 5 s and 200 MB for 5 MiB")


if __name__ == "__main__":
    main()
