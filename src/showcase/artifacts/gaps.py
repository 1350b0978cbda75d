"""The gaps report as files: ``gaps/report.html`` (with a bar chart) and ``gaps/report.md``."""

from __future__ import annotations

from pathlib import Path

from showcase.files import GAPS_HTML, GAPS_MD
from showcase.render.templates import render
from showcase.strategy.gaps import GapReport
from showcase.views.gaps import context


def markdown(report: GapReport, templates_dir: Path | None = None) -> str:
    return render("gaps/report.md.j2", context(report), templates_dir)


def html(report: GapReport, templates_dir: Path | None = None) -> str:
    return render("gaps/report.html.j2", context(report), templates_dir)


def files(report: GapReport, templates_dir: Path | None = None) -> dict[str, bytes]:
    """What ``-o DIR`` writes: ``gaps/report.html`` and ``gaps/report.md``."""
    return {
        GAPS_HTML: html(report, templates_dir).encode("utf-8"),
        GAPS_MD: markdown(report, templates_dir).encode("utf-8"),
    }
