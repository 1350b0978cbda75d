"""Benchmark of `showcase import --profile` on LinkedIn's data export at its limits.

Run it from the checkout with the project installed:

    python benchmarks/bench_linkedin_export.py              # every file at 5,000 rows, 3 runs
    python benchmarks/bench_linkedin_export.py --rows 200 --runs 1   # a large real export

It writes an export ZIP whose profile files each hold `--rows` rows (5,000 is the
most showcase reads from a file), with a 100 MiB messages.csv beside them that must
not be read, runs ``showcase import --profile`` on it in a fresh process and
reports the wall time (median) and the peak resident memory of that process
(``ru_maxrss``, interpreter and imports included). Tests assert behaviour; this
script reports speed.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from bytecode import compile_sources

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _date(n: int) -> str:
    return f"{MONTHS[n % 12]} {2000 + n % 25}"


def files(rows: int) -> dict[str, str]:
    """The export's profile files, `rows` rows each."""
    span = range(rows)
    description = '"Led the work\n- Cut costs by 10%\n- Hired 3 people"'
    return {
        "Profile.csv": "First Name,Last Name,Headline,Summary,Geo Location,Websites\n"
        "Ana,Lima,Analyst,A summary,Lisbon,[PORTFOLIO:https://ana.example]\n",
        "Positions.csv": "Company Name,Title,Description,Location,Started On,Finished On\n"
        + "".join(f"Org {n},Role {n},{description},City,{_date(n)},\n" for n in span),
        "Education.csv": "School Name,Start Date,End Date,Notes,Degree Name,Activities\n"
        + "".join(f"School {n},2001,2005,,BSc,\n" for n in span),
        "Skills.csv": "Name\n" + "".join(f"Skill {n}\n" for n in span),
        "Languages.csv": "Name,Proficiency\n"
        + "".join(f"Language {n},Elementary proficiency\n" for n in span),
        "Certifications.csv": "Name,Url,Authority,Started On,Finished On,License Number\n"
        + "".join(f"Cert {n},,Org {n % 97},{_date(n)},,\n" for n in span),
        "Projects.csv": "Title,Description,Url,Started On,Finished On\n"
        + "".join(f"Project {n},{description},,,\n" for n in span),
        "Honors.csv": "Title,Description,Issued On\n"
        + "".join(f"Honor {n},For work,{_date(n)}\n" for n in span),
        "Volunteering.csv": "Company Name,Role,Cause,Started On,Finished On,Description\n"
        + "".join(f"Charity {n},Helper,,{_date(n)},,Helped\n" for n in span),
        "Publications.csv": "Name,Published On,Description,Publisher,Url\n"
        + "".join(f"Paper {n},{_date(n)},About it,Press,\n" for n in span),
    }


def write_export(path: Path, rows: int) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files(rows).items():
            archive.writestr(name, text)
        with archive.open("messages.csv", "w", force_zip64=True) as member:
            block = b"1,Someone,Ana,private words\n" * 40_000
            for _ in range(100 * 1024 * 1024 // len(block)):
                member.write(block)


def run_once(source: Path, target: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one `showcase import --profile` in a fresh process."""
    target.unlink(missing_ok=True)
    code = (
        "import resource, sys\n"
        "from showcase.cli import main\n"
        "try:\n"
        "    main(sys.argv[1:])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    )
    command = [sys.executable, "-c", code, "import", "--profile", str(source), "-o", str(target)]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if not target.exists():
        raise SystemExit(f"import failed:\n{done.stderr}")
    return seconds, int(done.stderr.strip().splitlines()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5_000, help="rows in each profile file")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(compile_sources())
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "Complete_LinkedInDataExport.zip"
        write_export(source, args.rows)
        size = source.stat().st_size / 1024 / 1024
        results = [run_once(source, Path(folder) / "profile.yaml") for _ in range(args.runs)]
        seconds = statistics.median(r[0] for r in results)
        peak = max(r[1] for r in results)
        print(
            f"{args.rows:,} rows in each of 10 files ({size:.1f} MiB ZIP with a 100 MiB "
            f"messages.csv): {seconds:.2f} s (median of {args.runs}), peak {peak:.0f} MiB"
        )


if __name__ == "__main__":
    main()
