"""The interview sheet's posting questions say what the profile shows of years a posting
asks for, and never the years it asks: "4+ years of paid search" for six months of it
meant only "Tell me about a time you used paid search", as if the years were there."""

from __future__ import annotations

from pathlib import Path

from showcase.strategy.postings import from_text
from showcase.strategy.requirements import asked_terms
from showcase.strategy.tailor import Tailoring
from showcase.views.interview.posting import likely_questions
from tests.helpers import load
from tests.strategy.test_match_years import MARKETER, POSTING


def test_a_posting_question_says_the_years_the_jobs_show(tmp_path: Path) -> None:
    # Paid search: Gamma from 2024-06, then Acme, to today: 30 months.
    loaded = load(tmp_path, MARKETER)
    posting = from_text("job.txt", POSTING)
    asked = {
        q.requirement: q
        for q in likely_questions(loaded, Tailoring(posting, asked_terms(posting)), ())
    }
    paid = asked["4+ years of paid search."]
    assert paid.question == "Tell me about a time you used paid search: what was the result?"
    assert paid.answer_hint.endswith(
        "It asks for 4+ years, and your jobs show 2 years 6 months of it: say honestly how "
        "long you have done it, and what you did in that time."
    )
    tableau = asked["2+ years of Tableau."]  # a project shows it, no job
    assert "no job in your profile names it" in tableau.answer_hint
    seo = asked["3+ years of SEO."]  # 48 months: enough, nothing to add
    assert "It asks for" not in seo.answer_hint
