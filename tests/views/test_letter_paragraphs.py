"""The cover letter's paragraphs (`views/letter_paragraphs.py`)."""

from __future__ import annotations

from pathlib import Path

from showcase.strategy.tailor import read_for
from showcase.views.letter import letter_view
from tests.helpers import load

# A barista today, whose cloud work was in the job before.
CHANGED_CAREER = """
name: Bea Bridge
credentials:
  - name: Google Data Analytics Professional Certificate
    issuer: Google
    issued: 2024-03
    assessment: graded
    skills: [SQL]
experience:
  - title: Barista
    organization: Bean Co
    start: 2024-06
    highlights:
      - Trained 4 new baristas.
  - title: Data Analyst
    organization: Oldco
    start: 2019-01
    end: 2024-05
    highlights:
      - Built SQL dashboards that cut weekly reporting time by 60%.
      - Built Tableau reports used by 8 teams.
"""

POSTING = "Data Analyst\nCompany: Acme\n\nRequirements:\n- SQL\n- Tableau\n"


def test_work_from_a_job_left_is_said_in_the_past(tmp_path: Path) -> None:
    """It said "SQL is part of my work" of a barista whose SQL was in the job before."""
    posting = tmp_path / "job.txt"
    posting.write_text(POSTING, encoding="utf-8")
    view = letter_view(load(tmp_path, CHANGED_CAREER), read_for(posting))
    text = "\n".join(view.paragraphs)
    assert "is part of my work" not in text
    assert "SQL has been part of my work, not only my studies. At Oldco, I built" in text
