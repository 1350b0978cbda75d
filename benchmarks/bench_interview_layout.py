"""What laying out the interview sheet costs: layout and writing time, pages, per example.

    python benchmarks/bench_interview_layout.py [--runs 7] [--before main]

For each example the sheet's HTML is rendered once, then laid out (WeasyPrint's
`render`) and written (`write_pdf`) `--runs` times in this process (WeasyPrint imported
and warmed first); medians. With `--before REV` the interview templates of that git
revision are measured too, alternating run by run with the current ones so that both
see the same load, and the ratio after/before is printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bytecode import compile_sources

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ("jordan-rivera", "priya-raman", "minimal", "collector")
TODAY = dt.date(2026, 11, 28)


def templates_at(rev: str, into: Path) -> Path:
    """The bundled templates folder with templates/interview/ as it was at `rev`."""
    folder = into / "templates"
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "templates/interview"],
        capture_output=True,
        check=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return folder


def sheet_html(example: str, templates: Path | None) -> str:
    from showcase.artifacts.interview import render_interview
    from showcase.profile import load_profile

    captured: list[str] = []

    def capture(html: str, **_options: object) -> bytes:
        captured.append(html)
        return b""

    loaded = load_profile(ROOT / "examples" / f"{example}.yaml", today=TODAY)
    render_interview(loaded, formats=["pdf"], templates_dir=templates, pdf_job=capture)  # type: ignore[arg-type]
    return captured[0]


def measure(html: str, templates: Path | None) -> tuple[float, float, int]:
    """Seconds to lay out, seconds to write, pages."""
    from showcase.render import pdf

    timings: dict[str, float] = {}

    def action(document: object, stylesheets: list[object], fonts: object) -> int:
        started = time.process_time()
        rendered = document.render(  # type: ignore[attr-defined]
            stylesheets=stylesheets, font_config=fonts, **pdf._PDF_OPTIONS
        )
        timings["layout"] = time.process_time() - started
        started = time.process_time()
        rendered.write_pdf(**pdf._PDF_OPTIONS)
        timings["write"] = time.process_time() - started
        return len(rendered.pages)

    allowed = [templates] if templates else []
    pages = pdf._with_document(html, action, allowed=allowed, paper="letter", base_url=templates)
    assert isinstance(pages, int)
    return timings["layout"], timings["write"], pages


def cold(example: str, templates: Path | None) -> float:
    """CPU seconds of the first layout and writing in a fresh process."""
    code = (
        "import sys, time; sys.path.insert(0, sys.argv[1]);"
        "from bench_interview_layout import sheet_html, measure;"
        "from showcase.render.weasy import import_weasyprint; import_weasyprint();"
        "from pathlib import Path; folder = Path(sys.argv[3]) if sys.argv[3] else None;"
        "html = sheet_html(sys.argv[2], folder);"
        "layout, write, pages = measure(html, folder); print(layout + write)"
    )
    args = [sys.executable, "-c", code, str(ROOT / "benchmarks"), example, str(templates or "")]
    return float(subprocess.run(args, capture_output=True, check=True, text=True).stdout)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--before", metavar="REV", help="also measure this revision's templates")
    parser.add_argument("--cold", action="store_true", help="also time a fresh process's first")
    args = parser.parse_args()
    print(compile_sources())

    from showcase.render.weasy import import_weasyprint

    import_weasyprint()
    with tempfile.TemporaryDirectory() as tmp:
        variants: dict[str, Path | None] = {"now": None}
        if args.before:
            variants = {"before": templates_at(args.before, Path(tmp)), "now": None}
        measure(sheet_html("minimal", None), None)  # warm up WeasyPrint's first call
        print(f"{'example':<15} {'templates':<9} {'layout s':>9} {'write s':>8} {'pages':>5}")
        for example in EXAMPLES:
            if not (ROOT / "examples" / f"{example}.yaml").exists():
                continue
            htmls = {name: sheet_html(example, folder) for name, folder in variants.items()}
            layouts: dict[str, list[float]] = {name: [] for name in variants}
            writes: dict[str, list[float]] = {name: [] for name in variants}
            pages: dict[str, int] = {}
            for _ in range(args.runs):
                for name, folder in variants.items():
                    layout, write, pages[name] = measure(htmls[name], folder)
                    layouts[name].append(layout)
                    writes[name].append(write)
            for name in variants:
                layout, write = statistics.median(layouts[name]), statistics.median(writes[name])
                print(f"{example:<15} {name:<9} {layout:9.3f} {write:8.3f} {pages[name]:5d}")
            if args.before:
                ratio = statistics.median(layouts["now"]) / statistics.median(layouts["before"])
                total = (statistics.median(layouts["now"]) + statistics.median(writes["now"])) / (
                    statistics.median(layouts["before"]) + statistics.median(writes["before"])
                )
                print(f"{'':<15} {'now/before':<9} {ratio:9.2f} {'':>8} (layout+write {total:.2f})")
        if args.cold:
            print(f"\nfirst layout and writing, fresh process, jordan-rivera ({args.runs} runs)")
            firsts: dict[str, list[float]] = {name: [] for name in variants}
            for _ in range(args.runs):
                for name, folder in variants.items():
                    firsts[name].append(cold("jordan-rivera", folder))
            for name in variants:
                print(f"  {name:<9} {statistics.median(firsts[name]):.3f} s")
            if args.before:
                first_ratio = statistics.median(firsts["now"]) / statistics.median(firsts["before"])
                print(f"  now/before {first_ratio:.2f}")


if __name__ == "__main__":
    main()
