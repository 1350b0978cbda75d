"""showcase against RenderCV on the same person, cold, paired runs (figures, not tests).

    python benchmarks/bench_rendercv.py [--runs 5]

RenderCV (https://pypi.org/project/rendercv/, `pip install "rendercv[full]"`) renders a
resume from YAML with Typst. This writes the bundled example (Jordan Rivera) as a
RenderCV input file (the same name, contact, summary, experience, projects, education,
credentials as one line each, skills), then alternates, run by run:

- resume PDF only: `rendercv render cv.yaml -nomd -nohtml -nopng` against
  `showcase resume --format pdf`, with an empty layout cache;
- everything into an empty folder: `rendercv render` (PDF, PNG, Markdown, HTML) against
  `showcase build` (24 files) with an empty layout cache; then `showcase build` again
  with the cache warm (a rebuild with unchanged content);
- the floor: a cold process that only imports WeasyPrint and writes the resume's final
  HTML as a PDF (one layout), against RenderCV's resume PDF: what showcase would take
  if reading the profile, rendering the templates and fitting the length cost nothing.
- the floor of everything: the same for the two PDFs a build writes (the resume and the
  interview sheet), WeasyPrint imported once and the process forked, one PDF per core,
  against RenderCV's everything: what a build would take if its other 17 files, the
  profile and the templates cost nothing.

RenderCV's templates import the Typst package `@preview/fontawesome` (its contact icons),
which Typst downloads from packages.typst.org; without a network the run puts a stub of
it (icons drawn as blank space) in this run's own cache folder, which only makes
RenderCV's work lighter.

With `--before SRC` (an older checkout's `src`), showcase from that source tree is run
too, in the same rounds, and each figure gets its ratio to it (after/before).

Each figure is a median, with its ratio to RenderCV's median in the same run. The
bounds at the end divide a command's CPU time (every process) by the cores it may use:
however its work is spread over them, its wall time cannot be less; a goal below that
bound needs less work, not a better schedule. Prints
"RenderCV: not installed" and stops when there is no `rendercv` command.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bytecode import compile_sources

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "jordan-rivera.yaml"
TODAY = "2026-11-28"


def rendercv_command() -> str | None:
    beside = Path(sys.executable).parent / "rendercv"
    return str(beside) if beside.exists() else shutil.which("rendercv")


def _date(value: object) -> str:
    return str(value)


def rendercv_input(profile: dict[str, Any]) -> dict[str, Any]:
    """The same person in RenderCV's format (only what the profile says)."""
    contact = profile.get("contact", {})
    sections: dict[str, Any] = {"summary": [" ".join(str(profile["summary"]).split())]}
    sections["experience"] = [
        {
            "company": job["organization"],
            "position": job["title"],
            "location": job.get("location"),
            "start_date": _date(job["start"]),
            "end_date": _date(job.get("end", "present")),
            "highlights": job.get("highlights", []),
        }
        for job in profile.get("experience", [])
    ]
    sections["projects"] = [
        {
            "name": project["title"],
            "summary": " ".join(str(project.get("result", "")).split()),
            "highlights": project.get("actions", []),
        }
        for project in profile.get("projects", [])
    ]
    sections["education"] = [
        {
            "institution": school["institution"],
            "area": school.get("field", ""),
            "degree": school.get("degree"),
            "start_date": _date(school["start"]),
            "end_date": _date(school["end"]),
        }
        for school in profile.get("education", [])
    ]
    sections["certifications"] = [
        f"{c['name']}, {c['issuer']} ({c['issued']})" for c in profile.get("credentials", [])
    ]
    sections["skills"] = [
        {"label": group["group"], "details": ", ".join(group["items"])}
        for group in profile.get("skills", [])
    ]
    cv = {
        "name": profile["name"],
        "headline": profile.get("headline"),
        "location": contact.get("location"),
        "email": contact.get("email"),
        "phone": contact.get("phone"),
        "website": contact.get("website"),
        "sections": sections,
    }
    return {"cv": {k: v for k, v in cv.items() if v is not None}}


FONTAWESOME_STUB = {
    "typst.toml": '[package]\nname = "fontawesome"\nversion = "0.5.0"\nentrypoint = "lib.typ"\n'
    'authors = ["showcase benchmark stub"]\nlicense = "MIT"\ndescription = "icons as blanks"\n',
    "lib.typ": "#let fa-icon(name, ..args) = box(width: 0.8em)[]\n",
}


def stub_fontawesome(cache: Path) -> None:
    folder = cache / "typst" / "packages" / "preview" / "fontawesome" / "0.5.0"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in FONTAWESOME_STUB.items():
        (folder / name).write_text(text)


# The least a cold process can do to write this resume's PDF with WeasyPrint: import it
# (as showcase does, `import_weasyprint`), lay out the final HTML once and write it. No
# profile read, no template rendered, no fit: what showcase would take if its main
# process cost nothing and the fit always guessed right on its first pass.
FLOOR = """
import sys
from pathlib import Path
from showcase.render.pdf import html_to_pdf
html = Path(sys.argv[1])
pdf = html_to_pdf(html.read_text("utf-8"), allowed=[html.parent], paper="letter")
html.with_suffix(".pdf").write_bytes(pdf)
"""

# The same for a build: the PDFs it writes (the resume and the interview sheet), their
# final HTML laid out once each and written, WeasyPrint imported once and the process then
# forked, one PDF per core (measured the quickest schedule of this work on 2 cores: 0.50 s
# against 0.58 s one after the other and 0.52 s forked before the import). Everything else
# a build writes (DOCX, HTML, Markdown, text, the calendar) counted as costing nothing.
FLOOR_BUILD = """
import os
import sys
from pathlib import Path
from showcase.render.pdf import html_to_pdf
from showcase.render.weasy import import_weasyprint
import_weasyprint()
def write(name):
    html = Path(name)
    pdf = html_to_pdf(html.read_text("utf-8"), allowed=[html.parent], paper="letter")
    html.with_suffix(".pdf").write_bytes(pdf)
first, *rest = sys.argv[1:]
lanes = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
if lanes < 2 or not rest:
    for name in (first, *rest):
        write(name)
    sys.exit(0)
pid = os.fork()
if pid == 0:
    for name in rest:
        write(name)
    os._exit(0)
write(first)
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def write_final_html(work: Path) -> list[Path]:
    """The HTML showcase lays out for the example's PDFs, as written: the resume (the
    fit's choice) and the interview sheet (its closer setting, when that takes a page
    fewer)."""
    import datetime as dt

    from showcase.artifacts.interview import render_interview
    from showcase.artifacts.resume import render_resume
    from showcase.profile import load_profile
    from showcase.render.pdf import _fewer_pages  # html_to_pdf's own choice

    loaded = load_profile(work / "profile.yaml", today=dt.date.fromisoformat(TODAY))
    final: list[str] = []

    def keep(html: str, *, tighter: str | None = None, **kwargs: Any) -> bytes:
        if tighter is not None and tighter != html:
            allowed, paper, base = kwargs["allowed"], kwargs["paper"], kwargs.get("base_url")
            html = _fewer_pages(html, tighter, list(allowed), paper, base)
        final.append(html)
        return b""

    render_resume(loaded, formats=("pdf",), pdf_job=keep, paper="letter").resolve()
    render_interview(loaded, formats=("pdf",), pdf_job=keep, paper="letter").resolve()
    paths = [work / "final-resume.html", work / "final-interview.html"]
    for path, html in zip(paths, (final[0], final[-1]), strict=True):
        path.write_text(html, "utf-8")
    return paths


def timed(
    cmd: list[str], cwd: Path, before: str | None = None, source: str | None = None
) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, every process of the command)."""
    if before:
        shutil.rmtree(before, ignore_errors=True)
    env = {**os.environ, "PYTHONPATH": source} if source else None
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, check=False, env=env)
    elapsed = time.perf_counter() - started
    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = now.ru_utime - used.ru_utime + now.ru_stime - used.ru_stime
    if proc.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stdout.decode()}\n{proc.stderr.decode()}")
    return elapsed, cpu


Timed = tuple[float, float]  # wall seconds, CPU seconds


def median(values: list[Timed], column: int) -> float:
    return statistics.median(value[column] for value in values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--before", metavar="SRC", help="also run showcase from this src folder")
    args = parser.parse_args()
    print(compile_sources([args.before]))
    old = str(Path(args.before).resolve()) if args.before else None
    rendercv = rendercv_command()
    if rendercv is None:
        print("RenderCV: not installed (pip install 'rendercv[full]'); nothing to compare")
        return
    from ruamel.yaml import YAML

    profile = YAML(typ="safe").load(EXAMPLE.read_text(encoding="utf-8"))
    try:
        from importlib.metadata import version as installed

        version = f"RenderCV {installed('rendercv')}"
    except ImportError:  # installed elsewhere (another environment)
        version = "RenderCV"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "cv.yaml").write_text(json.dumps(rendercv_input(profile), indent=1))
        shutil.copy(EXAMPLE, work / "profile.yaml")
        os.environ["XDG_CACHE_HOME"] = str(work / "xdg")
        stub_fontawesome(work / "xdg")
        layouts = str(work / "xdg" / "showcase" / "layouts")
        showcase = [sys.executable, "-m", "showcase"]
        resume_html, interview_html = write_final_html(work)
        floor = [sys.executable, "-c", FLOOR, str(resume_html)]
        floor_build = [sys.executable, "-c", FLOOR_BUILD, str(interview_html), str(resume_html)]
        pairs: dict[str, tuple[list[Timed], list[Timed]]] = {
            "resume PDF only, cold": ([], []),
            "everything into an empty folder, cold": ([], []),
            "the floor: WeasyPrint lays out and writes": ([], []),
            "the floor of everything: its two PDFs": ([], []),
        }
        again: list[Timed] = []
        olds: dict[str, list[Timed]] = {name: [] for name in [*pairs, "again"]}
        for i in range(args.runs):
            out = work / f"out-{i}"
            pdf_rcv, pdf_sc = pairs["resume PDF only, cold"]
            pdf_rcv.append(
                timed([rendercv, "render", "cv.yaml", "-nomd", "-nohtml", "-nopng"], work)
            )
            resume = [*showcase, "resume", "profile.yaml", "-o", str(out / "resume")]
            pdf_sc.append(timed([*resume, "--format", "pdf", "--today", TODAY], work, layouts))
            all_rcv, all_sc = pairs["everything into an empty folder, cold"]
            shutil.rmtree(work / "rendercv_output", ignore_errors=True)
            all_rcv.append(timed([rendercv, "render", "cv.yaml"], work))
            build = [*showcase, "build", "profile.yaml", "-o", str(out / "build")]
            all_sc.append(timed([*build, "--today", TODAY], work, layouts))
            again.append(timed([*build, "--today", TODAY], work))
            floor_rcv, floor_sc = pairs["the floor: WeasyPrint lays out and writes"]
            floor_rcv.append(pdf_rcv[-1])
            floor_sc.append(timed(floor, work))
            floors_rcv, floors_sc = pairs["the floor of everything: its two PDFs"]
            floors_rcv.append(all_rcv[-1])
            floors_sc.append(timed(floor_build, work))
            if old is not None:
                before = work / f"before-{i}"
                resume = [*showcase, "resume", "profile.yaml", "-o", str(before / "resume")]
                olds["resume PDF only, cold"].append(
                    timed([*resume, "--format", "pdf", "--today", TODAY], work, layouts, old)
                )
                build = [*showcase, "build", "profile.yaml", "-o", str(before / "build")]
                olds["everything into an empty folder, cold"].append(
                    timed([*build, "--today", TODAY], work, layouts, old)
                )
                olds["again"].append(timed([*build, "--today", TODAY], work, None, old))
    print(f"showcase vs {version}, {args.runs} paired runs, medians; {os.cpu_count()} cores")
    for column, what in ((0, "wall"), (1, "CPU")):
        print(f" {what} time" + (" (user + system, every process)" if column else ""))
        for name, (theirs, ours) in pairs.items():
            a, b = median(theirs, column), median(ours, column)
            print(f"  {name:<40} RenderCV {a:.3f} s  showcase {b:.3f} s  ({b / a:.2f}x)", end="")
            if old is not None and olds[name]:  # the floor runs no showcase command
                c = median(olds[name], column)
                print(f"  before {c:.3f} s ({c / a:.2f}x; after/before {b / c:.2f})", end="")
            print()
    rcv_all = median(pairs["everything into an empty folder, cold"][0], 0)
    warm = median(again, 0)
    print(
        f"  {'build again, layouts cached (wall)':<40} {'':>16}showcase {warm:.3f} s  "
        f"({warm / rcv_all:.2f}x)",
        end="",
    )
    if old is not None:
        c = median(olds["again"], 0)
        print(f"  before {c:.3f} s (after/before {warm / c:.2f})", end="")
    print()
    print(" bounds (what no schedule of this work can beat)")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    for name in ("resume PDF only, cold", "everything into an empty folder, cold"):
        theirs, ours = pairs[name]
        rcv, cpu = median(theirs, 0), median(ours, 1)
        least = cpu / (cores or 1)
        print(
            f"  {name:<40} CPU {cpu:.3f} s on {cores} cores: at least {least:.3f} s "
            f"({least / rcv:.2f}x RenderCV)"
        )


if __name__ == "__main__":
    main()
