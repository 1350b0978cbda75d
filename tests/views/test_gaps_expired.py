"""A certification the person earned and let expire is no "gap" to learn, nor one with "no
credential in the catalog": the report says it expired, and that renewing (or earning it
again) meets it. Priya's SHRM-CP expired in July 2026; asked for by two postings, the
gaps table said "SHRM-CP  GAP  no credential in the catalog; show it in a project or a
job", and the match report "SHRM-CP or PHR | preferred | not yet: to learn"."""

from __future__ import annotations

from pathlib import Path

from showcase.artifacts.match import render_tailored_resume
from showcase.files import match_files
from showcase.strategy.gaps import analyse
from showcase.strategy.postings import read_postings
from showcase.strategy.tailor import read_for
from showcase.views.gaps import advice, text
from tests.conftest import load_example

ONE = "HR Generalist\nAcme\n\nRequirements\n- SHRM-CP or PHR preferred.\n- Employee relations.\n"
TWO = "HR Manager\nBeta Co\n\nRequirements\n- SHRM-CP required.\n- Payroll.\n"


def _postings(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(ONE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TWO, encoding="utf-8")
    return tmp_path


def test_the_gaps_table_says_it_expired(tmp_path: Path) -> None:
    report = analyse(load_example("priya-raman"), read_postings([_postings(tmp_path)]).read)
    row = next(r for r in report.rows if r.term.name == "SHRM-CP")
    assert not row.have
    said = advice(row)
    assert said == (
        "yours expired Jul 2026 (SHRM Certified Professional (SHRM-CP)): renew it or earn it again"
    ), said
    assert "no credential in the catalog" not in text(report)


def test_the_match_report_says_it_expired(tmp_path: Path) -> None:
    tailor = read_for(_postings(tmp_path) / "a.txt")
    made = render_tailored_resume(load_example("priya-raman"), tailor, formats=["txt"])
    report = made.files[match_files(tailor.stem)["md"]].decode("utf-8")
    row = next(line for line in report.splitlines() if line.startswith("| SHRM-CP or PHR |"))
    assert row == (
        "| SHRM-CP or PHR | preferred | expired Jul 2026: SHRM Certified Professional "
        "(SHRM-CP) | no |"
    ), row
    keyword = next(line for line in report.splitlines() if line.startswith("| SHRM-CP |"))
    assert keyword.endswith("| no | expired Jul 2026: SHRM Certified Professional (SHRM-CP) |")
