"""What a PDF-writing process pays before its first layout: WeasyPrint's import, then the
first PDF (the bundled font's characters looked up, fonts loaded), in fresh processes.

    python benchmarks/bench_weasy_import.py [--runs 9] [--before OLD/src]

Prints medians of wall and CPU seconds for `import weasyprint` (plain), showcase's
`import_weasyprint()`, and a first one-line PDF with typographic quotes (which makes
showcase look up the bundled font's characters). With `--before`, the same from an
older source tree, alternating run by run, and the ratio after/before.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

from bytecode import compile_sources

ROOT = Path(__file__).resolve().parents[1]

CODE = """
import resource, sys, time
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
wall, used = time.perf_counter(), cpu()
if sys.argv[1] == "plain":
    import weasyprint
else:
    from showcase.render.weasy import import_weasyprint
    import_weasyprint()
imported = (time.perf_counter() - wall, cpu() - used)
from showcase.render.pdf import html_to_pdf
html = '<p>\\u201cJordan Rivera\\u201d \\u2013 18% \\u00b7 2026</p>'
wall, used = time.perf_counter(), cpu()
assert html_to_pdf(html).startswith(b"%PDF-")
first = (time.perf_counter() - wall, cpu() - used)
print(*imported, *first)
"""


def once(kind: str, source: str) -> list[float]:
    env = {**os.environ, "PYTHONPATH": source}
    out = subprocess.run(
        [sys.executable, "-c", CODE, kind], env=env, capture_output=True, text=True, check=True
    ).stdout
    return [float(value) for value in out.split()]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--before", metavar="SRC", help="an older checkout's src folder")
    args = parser.parse_args()
    print(compile_sources([args.before]))
    sources = {"now": str(ROOT / "src")}
    if args.before:
        sources = {"before": str(Path(args.before).resolve()), **sources}
    runs: dict[str, list[list[float]]] = {"plain": [], **{name: [] for name in sources}}
    for _ in range(args.runs):
        runs["plain"].append(once("plain", sources["now"]))
        for name, source in sources.items():
            runs[name].append(once("showcase", source))
    print(f"medians of {args.runs} fresh processes: wall s / CPU s")
    medians = {
        name: [statistics.median(row[i] for row in rows) for i in range(4)]
        for name, rows in runs.items()
    }
    for name, (wall, cpu, first_wall, first_cpu) in medians.items():
        label = "import weasyprint" if name == "plain" else f"import_weasyprint() {name}"
        first = f"first PDF {first_wall:.3f} / {first_cpu:.3f}"
        print(f"  {label:<30} {wall:.3f} / {cpu:.3f}   {first}")
    if args.before:
        before, now = medians["before"], medians["now"]
        print(
            f"  now/before: import {now[1] / before[1]:.2f} (CPU), "
            f"first PDF {now[3] / before[3]:.2f} (CPU), "
            f"both {(now[1] + now[3]) / (before[1] + before[3]):.2f} (CPU)"
        )


if __name__ == "__main__":
    main()
