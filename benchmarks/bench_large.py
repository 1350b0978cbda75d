"""Benchmark: large profiles stay linear (issue #30, 3).

Generates profiles of 500, 2,000 and 5,000 credentials (a third of them renewals of an
earlier one) and one with an 886 KB summary, then reports the wall time and peak memory
of `showcase validate` (every artifact rendered in memory, no PDF layout) and, with
--build, of `showcase build` (PDFs too). Linear means: 4x the credentials, about 4x
the time above the fixed start-up cost.

    python benchmarks/bench_large.py            # validate only
    python benchmarks/bench_large.py --build    # and build (minutes)
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bytecode import compile_sources

TODAY = "2026-11-28"
ISSUERS = ("CompTIA", "Google", "Amazon Web Services", "Microsoft", "PMI", "ISC2")


def credentials_profile(count: int) -> str:
    lines = ["name: Sam Lee", "headline: Data Analyst", "credentials:"]
    for i in range(count):
        lines += [
            f"  - name: Cert {i % max(count * 2 // 3, 1)}",
            f"    id: c{i}",
            f"    issuer: {ISSUERS[i % len(ISSUERS)]}",
            f"    issued: {2010 + i % 15}-{1 + i % 12:02d}",
            f"    expires: {2026 + i % 6}-{1 + i % 12:02d}",
            "    kind: certification",
            f"    skills: [SQL, Tableau, Skill {i}]",
        ]
    return "\n".join(lines) + "\n"


def summary_profile(kilobytes: int) -> str:
    sentence = "I build dashboards in Tableau and write SQL for finance teams. "
    text = (sentence * (kilobytes * 1024 // len(sentence) + 1))[: kilobytes * 1024]
    return (
        f"name: Sam Lee\nsummary: {json.dumps(text)}\n"
        "credentials:\n  - name: CompTIA A+\n    issuer: CompTIA\n    issued: 2025-01\n"
    )


def run(args: list[str]) -> tuple[float, float]:
    """Wall seconds and the peak RSS (MiB) of one showcase command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "showcase", *args], capture_output=True, check=False
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(args)}\n{done.stderr.decode()[-2000:]}")
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return seconds, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", action="store_true", help="also time `showcase build`")
    options = parser.parse_args()
    print(compile_sources())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases = {f"{n:,} credentials": credentials_profile(n) for n in (500, 2000, 5000)}
        cases["886 KB summary"] = summary_profile(886)
        for label, text in cases.items():
            path = folder / "profile.yaml"
            path.write_text(text, encoding="utf-8")
            seconds, peak = run(["validate", "-q", str(path), "--today", TODAY])
            line = f"{label:>18}: validate {seconds:6.2f} s ({peak:4.0f} MiB peak so far)"
            if options.build:
                out = folder / f"out-{len(text)}"
                seconds, peak = run(["build", str(path), "-o", str(out), "--today", TODAY])
                line += f", build {seconds:6.2f} s ({peak:4.0f} MiB)"
            print(line, flush=True)


if __name__ == "__main__":
    main()
