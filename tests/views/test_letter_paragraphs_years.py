"""The letter and a requirement of years: one the jobs fall short of is still the person's
skill, but it never leads as the strongest match while one met in full can."""

from __future__ import annotations

from pathlib import Path

from showcase.strategy.postings import from_text
from showcase.strategy.requirements import requirements
from showcase.views.evidence import Evidence
from showcase.views.letter_paragraphs import answers_to, choose, ranked
from tests.helpers import load

PROFILE = """
name: Sam Lee
experience:
  - {title: Marketing Specialist, organization: Acme, start: 2025-07, end: present,
     highlights: [Cut cost per lead 30% with paid search.]}
  - {title: Marketing Specialist, organization: Beta, start: 2019-01, end: 2024-12,
     highlights: [Grew organic traffic 40% with SEO.]}
"""

POSTING = "Search Lead\nZeta\n\nRequirements\n- 4+ years of paid search.\n- 3+ years of SEO.\n"


def test_a_short_answer_comes_after_a_full_one(tmp_path: Path) -> None:
    evidence = Evidence(load(tmp_path, PROFILE))
    groups = ranked(list(requirements(from_text("job.txt", POSTING)).groups))
    answers, unmet = answers_to(groups, evidence)
    assert not unmet
    short = {a.label: a.short for a in answers}
    assert short == {"Paid search": True, "SEO": False}
    assert [a.label for a in choose(answers)] == ["SEO", "Paid search"]
