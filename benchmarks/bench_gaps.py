"""Benchmark of `showcase gaps`: 15 and 1,000 synthetic postings, start to output.

    python benchmarks/bench_gaps.py            # 5 runs each, medians
    python benchmarks/bench_gaps.py --runs 9

Targets (issue #29): 15 postings, one of them an HTML page, in under 0.5 s, 1,000 in
under 5 s, each a cold process from start to its last line of output (with an empty
cache folder). Each is also given as a
multiple of the floor (a cold process that only reads the profile) measured in the
same run, so figures from a busy machine still compare. The postings are made up
from the vocabulary's own terms plus everyday words (and the traps: "excellent",
"R&D", "C-suite"), about 2.5 KB each like real ones, so the matcher does real work.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bytecode import compile_sources

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "jordan-rivera.yaml"
FILLER_TEXT = (
    "We are a growing team that values excellent work, ownership and curiosity. You will "
    "partner with R&D and present to the C-suite. A go-getter who can go the extra mile."
)
FILLER = FILLER_TEXT.split(" ")


def make_postings(folder: Path, count: int, seed: int = 11, *, html: bool = True) -> None:
    from showcase.strategy.vocabulary import vocabulary

    names = [t.name for t in vocabulary().terms]
    rng = random.Random(seed)
    for n in range(count):
        asked = rng.sample(names, 18)
        lines = [f"Job {n} at Company {n % 37}", f"Company: Company {n % 37}", "", "About us"]
        lines += [" ".join(rng.choices(FILLER, k=40)) for _ in range(6)]
        lines += ["", "Requirements"]
        # Requirement groups as postings write them (issue #22): lists of alternatives,
        # strengths, negations and years, so the requirement reader does real work.
        for index in range(0, len(asked), 3):
            a, b, c = asked[index : index + 3]
            lines += [
                f"- {index // 3 + 1}+ years of experience with {a}, {b} or {c}",
                f"- {a} and {b} preferred; {c} is a plus",
                f"- {c} not required, but {rng.choice(FILLER)} {a} is a must",
            ][index % 3 : index % 3 + 1]
        lines += ["", "Benefits", " ".join(rng.choices(FILLER, k=60))]
        if n == 0 and html:  # one page saved from a job board: read with trafilatura
            (folder / f"{n:04d}.html").write_text(html_page(lines), encoding="utf-8")
        else:
            (folder / f"{n:04d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def html_page(lines: list[str]) -> str:
    """A posting as a job board serves it: navigation and footer around the text."""
    import html

    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines if line)
    return (
        "<!DOCTYPE html><html><head><title>Jobs</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/jobs'>Jobs</a> <a href='/login'>Sign in</a></nav>"
        f"<main><article><h1>{html.escape(lines[0])}</h1>{body}</article></main>"
        "<footer>Privacy · Terms · Cookies · Contact us</footer></body></html>\n"
    )


def time_runs(folder: Path, runs: int, sources: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Median wall and CPU seconds of `gaps` over `folder` for each source tree
    (PYTHONPATH), alternating run by run; each run with an empty cache folder of its own."""
    cmd = [sys.executable, "-m", "showcase", "gaps", str(EXAMPLE), str(folder), "--format", "json"]
    times: dict[str, list[float]] = {name: [] for name in sources}
    cpus: dict[str, list[float]] = {name: [] for name in sources}
    for _ in range(runs):
        for name, source in sources.items():
            with tempfile.TemporaryDirectory() as cache:
                env = {**os.environ, "PYTHONPATH": source, "XDG_CACHE_HOME": cache}
                used = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.perf_counter()
                subprocess.run(
                    cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
                )
                times[name].append(time.perf_counter() - start)
                now = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpus[name].append(now.ru_utime - used.ru_utime + now.ru_stime - used.ru_stime)
    return {
        name: (statistics.median(times[name]), statistics.median(cpus[name])) for name in sources
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--before",
        metavar="SRC",
        help="also time this source folder (e.g. an older checkout's src), run by run",
    )
    args = parser.parse_args()
    print(compile_sources([args.before]))
    sources = {"now": str(ROOT / "src")}
    if args.before:
        sources = {"before": str(Path(args.before).resolve()), **sources}
    floor_cmd = [
        sys.executable,
        "-c",
        f"from pathlib import Path; from showcase.profile import load_profile; "
        f"load_profile(Path({str(EXAMPLE)!r}))",
    ]
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        subprocess.run(floor_cmd, check=True)
        times.append(time.perf_counter() - start)
    floor = statistics.median(times)
    print(f"  reading the profile alone, cold   {floor:6.3f} s  (the floor)")
    with tempfile.TemporaryDirectory() as tmp:
        for count, target, html in [(15, 0.5, False), (15, 0.5, True), (1000, 5.0, True)]:
            folder = Path(tmp) / f"{count}-{html}"
            folder.mkdir()
            make_postings(folder, count, html=html)
            timed = time_runs(folder, args.runs if count < 100 else max(1, args.runs // 2), sources)
            kind = "one HTML" if html else "all text"
            for name, (seconds, cpu) in timed.items():
                verdict = "ok" if seconds < target else "SLOW"
                print(
                    f"  gaps, {count:>5} postings ({kind}), {name:<6} {seconds:6.3f} s "
                    f"(CPU {cpu:.3f} s)  (< {target:g} s) {verdict}  "
                    f"{seconds / floor:5.1f}x the floor"
                )
            if args.before:
                ratio = timed["now"][0] / timed["before"][0]
                print(f"  {'':>22} now/before {ratio:.2f}")


if __name__ == "__main__":
    main()
