"""A requirement of years is met only by the time of the jobs that show it: "4+ years of
paid search" is short for six months of it, and a course or a project shows the skill but
no years. The match report, `gaps` and the letter share the rule (`strategy/years.py`)."""

from __future__ import annotations

import json
from pathlib import Path

from showcase.strategy.gaps import analyse
from showcase.strategy.gaps import to_json as gaps_json
from showcase.strategy.match import json_text, match_report
from showcase.strategy.postings import from_text
from showcase.strategy.requirements import asked_terms
from showcase.strategy.tailor import Tailoring
from showcase.views.gaps import text as gaps_text
from tests.helpers import load

MARKETER = """
name: Sam Lee
experience:
  - {title: Paid Search Specialist, organization: Acme, start: 2025-07, end: present,
     highlights: [Ran paid search campaigns for 12 clients.]}
  - {title: SEO Specialist, organization: Beta, start: 2021-01, end: 2024-12,
     highlights: [Grew organic traffic 40% with SEO.]}
  - {title: Marketing Analyst, organization: Gamma, start: 2024-06, end: 2025-08,
     highlights: [Ran paid search tests.]}
projects:
  - {title: Sales dashboard, task: Built a Tableau dashboard of weekly sales.}
"""

POSTING = (
    "Search Marketing Lead\nZeta\n\nRequirements\n"
    "- 4+ years of paid search.\n- 3+ years of SEO.\n- 2+ years of Tableau.\n- Excel.\n"
)

RESUME = "Sam Lee\nPaid search, SEO, Tableau.\n"


def _report(tmp_path: Path):  # type: ignore[no-untyped-def]
    loaded = load(tmp_path, MARKETER)  # today: tests.helpers.TODAY
    posting = from_text("job.txt", POSTING)
    return loaded, match_report(loaded, Tailoring(posting, asked_terms(posting)), RESUME, RESUME)


def test_years_short_in_jobs_are_not_met(tmp_path: Path) -> None:
    loaded, report = _report(tmp_path)
    rows = {g.label: g for g in report.requirements}
    seo, paid, tableau = rows["SEO"], rows["Paid search"], rows["Tableau"]
    assert seo.met and seo.full and not seo.short  # 48 months of SEO at Beta
    assert paid.met and paid.short and not paid.full and paid.years is not None
    assert paid.years.in_jobs
    # Acme from July 2025 and Gamma June 2024 - August 2025 overlap: once.
    start = 2024 * 12 + 5
    assert paid.years.shown == loaded.today.year * 12 + loaded.today.month - 1 - start + 1
    assert tableau.short and tableau.years is not None and not tableau.years.in_jobs
    assert tableau.years.shown == 0
    # In the resume's text all four, but the share counts SEO and not the short ones.
    assert report.coverage == 0.25 and report.coverage_before == 0.25
    assert "Paid search" not in report.missing  # nothing to learn: not "to learn" either


def test_the_report_says_so_in_markdown_and_json(tmp_path: Path) -> None:
    from showcase.artifacts.match import report_markdown
    from showcase.views.years import years_shown

    _, report = _report(tmp_path)
    paid = next(g for g in report.requirements if g.label == "Paid search")
    assert paid.years is not None
    md = report_markdown(report)
    assert f"| Paid search: {years_shown(paid.years)} | yes |" in md
    assert "(it asks 4+)" in md and "| SEO | yes |" in md
    assert "Tableau: in no job, so years not shown (it asks 2+)" in md
    data = json.loads(json_text(report))
    by_text = {r["text"]: r for r in data["requirements"]}
    assert by_text["4+ years of paid search."]["short_years"] == paid.years.json()
    assert by_text["2+ years of Tableau."]["short_years"] == {
        "shown": 0, "asked": 2, "in_jobs": False,
    }  # fmt: skip
    assert "short_years" not in by_text["3+ years of SEO."]
    assert [r["any_of"] for r in data["short_years"]] == [["Paid search"], ["Tableau"]]


def test_gaps_says_short_not_have(tmp_path: Path) -> None:
    loaded = load(tmp_path, MARKETER)
    report = analyse(loaded, [from_text("job.txt", POSTING)])
    rows = {r.term.name: r for r in report.rows}
    assert rows["SEO"].have and rows["SEO"].short is None
    assert rows["Paid search"].have and rows["Paid search"].short is not None
    table = gaps_text(report)
    line = next(x for x in table.splitlines() if x.strip().startswith("Paid search"))
    assert " short " in line and "(a posting asks 4+)" in line
    assert " have " in next(x for x in table.splitlines() if x.strip().startswith("SEO"))
    data = gaps_json(report)
    terms = {t["term"]: t for t in data["terms"]}
    assert terms["Paid search"]["short_years"]["asked"] == 4
    assert "short_years" not in terms["SEO"]
    posted = {r["text"]: r for r in data["postings"][0]["requirements"]}
    assert posted["4+ years of paid search."]["short_years"]["asked"] == 4
