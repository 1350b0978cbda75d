"""The gap report as people read it: the terminal table, the rows and chart the Markdown and
HTML pages show (`artifacts/gaps.py` renders them), and JSON."""

from __future__ import annotations

import json
from typing import Any

from showcase.strategy.gaps import GapReport, TermRow, recurring, to_json
from showcase.strategy.vocabulary import TermKind
from showcase.views.years import years_shown

ASSESSMENT_WORDS = {
    "exam": "exam",
    "project": "assessed project",
    "graded": "graded",
    "none": "completion only",
}


def shown_rows(report: GapReport) -> list[TermRow]:
    """The terms worth a row: with 3 or more postings, those asked for more than once."""
    return [row for row in report.rows if recurring(row, report.total)]


def hidden_count(report: GapReport) -> int:
    return len(report.rows) - len(shown_rows(report))


def advice(row: TermRow) -> str:
    """Where the profile shows the term, or what would evidence it: a catalog credential;
    else what the term is: a licence is held or not, a certification earned from its
    issuer, and only a skill, tool or method shown in a project or a job."""
    if row.have:
        more = f" (+{len(row.evidence) - 1} more)" if len(row.evidence) > 1 else ""
        if row.short is not None:  # shown, but not for as long as a posting asks
            return f"{years_shown(row.short, 'a posting')}: {row.evidence[0]}{more}"
        return row.evidence[0] + more
    if row.expired is not None:  # earned once: renewing it meets it, nothing to learn
        return (
            f"yours expired {row.expired.expires}" if row.expired.expires else "yours expired"
        ) + f" ({row.expired.name}): renew it or earn it again"
    if not row.suggestions and row.first:  # in the catalog, but it needs another first
        first = row.first[0]
        return f"earn first: {first.name} ({first.issuer}), which {row.term.name} requires"
    if not row.suggestions:
        if row.term.license:
            return "a licence: held or not, granted by the board that issues it"
        if row.term.kind == TermKind.CERTIFICATION:
            return "no credential in the catalog; earn it from its issuer"
        return "no credential in the catalog; show it in a project or a job"
    entry = row.suggestions[0]
    how = ASSESSMENT_WORDS.get(entry.assessment.value if entry.assessment else "", "")
    return f"earn: {entry.name} ({entry.issuer}{', ' + how if how else ''})"


def status(row: TermRow) -> str:
    """ "have"; "short" when a posting asks more years of it than the jobs show; "GAP"."""
    if not row.have:
        return "GAP"
    return "short" if row.short is not None else "have"


def text(report: GapReport) -> str:
    """The terminal table: term, postings ("10/12"), have or gap, evidence or a suggestion."""
    rows = shown_rows(report)
    lines = [
        f"{report.name}: what {report.total} "
        f"{'postings ask' if report.total != 1 else 'posting asks'} for"
    ]
    if not rows:
        lines.append("  no known skills, tools or certifications in these postings")
    else:
        table = [("term", "postings", "", "evidence or suggestion")]
        table += [(r.term.name, f"{r.postings}/{report.total}", status(r), advice(r)) for r in rows]
        widths = [max(len(row[i]) for row in table) for i in range(3)]
        for cells in table:
            lines.append(
                "  "
                + "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(cells[:3]))
                + "  "
                + cells[3]
            )
    hidden = hidden_count(report)
    if hidden:
        lines.append(f"  ... and {hidden} terms asked for by one posting only (--format json)")
    if report.unrecognised:
        lines.append("")
        lines.append("Unrecognised, recurring (not in the vocabulary; check them yourself):")
        lines += [f"  {phrase}  {n}/{report.total}" for phrase, n in report.unrecognised]
    if report.suggestions:
        lines.append("")
        lines.append("Shopping list (assessed credentials from recognised issuers first):")
        for s in report.suggestions:
            facts = [f for f in (_assessment(s.entry), _hours(s.entry), s.entry.cost) if f]
            lines.append(f"  {s.entry.name} ({s.entry.issuer}) for {', '.join(s.gaps)}")
            if facts:
                lines.append(f"      {'; '.join(facts)}")
            if s.entry.url:
                lines.append(f"      {s.entry.url}")
    for note in report.notes:
        lines.append(f"note: {note}")
    return "\n".join(lines) + "\n"


def _assessment(entry: Any) -> str | None:
    return ASSESSMENT_WORDS.get(entry.assessment.value) if entry.assessment else None


def _hours(entry: Any) -> str | None:
    """Learning hours ("about 20 hours"), or the training hours an issuer requires before
    the exam, said as such (never presented as learning time)."""
    return entry.hours_text  # type: ignore[no-any-return]


def context(report: GapReport) -> dict[str, Any]:
    rows = shown_rows(report)
    return {
        "report": report,
        "rows": rows,
        "hidden": hidden_count(report),
        "total": report.total,
        "advice": advice,
        "status": status,
        "assessment": _assessment,
        "hours": _hours,
        "chart": _chart(rows, report.total),
    }


BAR_HEIGHT = 22
LABEL_WIDTH = 220
BAR_WIDTH = 360
HAVE_COLOUR = "#1b7837"  # green and purple: told apart by people with red-green colour blindness
GAP_COLOUR = "#762a83"
SHORT_COLOUR = "#b35806"  # orange: shown, but fewer years than a posting asks (not "have")


def _chart(rows: list[TermRow], total: int) -> dict[str, Any]:
    """Geometry of the bar chart (the template draws it as inline SVG)."""
    bars = []
    for index, row in enumerate(rows):
        width = round(BAR_WIDTH * row.postings / total) if total else 0
        bars.append(
            {
                "y": index * BAR_HEIGHT,
                "width": max(width, 2),
                "label": row.term.name,
                "count": f"{row.postings}/{total}",
                "colour": {"have": HAVE_COLOUR, "short": SHORT_COLOUR}.get(status(row), GAP_COLOUR),
                "status": status(row).lower(),
            }
        )
    return {
        "bars": bars,
        "label_width": LABEL_WIDTH,
        "bar_width": BAR_WIDTH,
        "bar_height": BAR_HEIGHT,
        "height": max(len(bars), 1) * BAR_HEIGHT + 30,
        "width": LABEL_WIDTH + BAR_WIDTH + 60,
        "have": HAVE_COLOUR,
        "gap": GAP_COLOUR,
        "short": SHORT_COLOUR,
        "any_short": any(row.have and row.short for row in rows),
    }


def json_text(report: GapReport) -> str:
    return json.dumps(to_json(report), indent=2, ensure_ascii=False) + "\n"
