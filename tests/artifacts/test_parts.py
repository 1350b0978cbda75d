"""The resume's section of index.html, aimed at a posting: what it says of the match.

It said "The resume shows 46% of the 15 skills, tools and certifications this posting asks
for" of Jordan's report for a paid-media posting, whose 46% is of its 13 requirement
groups (6 met), not of its 15 terms; and "Not in your profile yet, to learn" of a
certification Priya holds but let expire."""

from __future__ import annotations

from pathlib import Path

from showcase.artifacts.match import render_tailored_resume
from showcase.artifacts.parts import ResumeCard
from showcase.artifacts.spec import Card
from showcase.render.templates import render
from showcase.strategy.tailor import read_for
from tests.conftest import ROOT, load_example

PAID = ROOT / "tests" / "data" / "labelled" / "marketing" / "03-harbor-paid.txt"


def _card(name: str, posting: Path) -> str:
    made = render_tailored_resume(load_example(name), read_for(posting), formats=["txt"])
    card = Card("resume/card.html.j2", (), ResumeCard(made.match, {"md": "m.md", "json": "m.json"}))
    return " ".join(render("resume/card.html.j2", {"card": card}).split())


def test_the_percentage_is_of_the_requirements() -> None:
    text = _card("jordan-rivera", PAID)
    # 38% (5 of 13), not 46%: of "4+ years of paid search and paid social", paid search is
    # shown by the Lakeside job's search campaigns since May 2021, paid social only by
    # credentials, in no job: short of its years and not met (strategy/years.py).
    assert "<strong>38%</strong> of the 13 requirements this posting states" in text, text
    assert "15 skills" not in text


def test_an_expired_certification_is_to_renew_not_to_learn(tmp_path: Path) -> None:
    posting = tmp_path / "hr.txt"
    posting.write_text("HR Manager\nBeta Co\n\nRequirements\n- SHRM-CP required.\n- Payroll.\n")
    text = _card("priya-raman", posting)
    assert "Not in your profile yet, to learn rather than to type in: Payroll." in text, text
    assert "Expired, to renew or earn again: SHRM-CP." in text, text
