"""The sheet's answer to "Why this role?" says only what the profile shows of the posting;
with nothing shown, it tells the person what to say rather than saying it for them."""

from __future__ import annotations

from pathlib import Path

from showcase.strategy.postings import from_text
from showcase.strategy.requirements import asked_terms
from showcase.strategy.tailor import Tailoring
from showcase.views.interview.posting import why_this_role
from tests.helpers import load

NURSE = """
name: Mei Chen
credentials:
  - {name: CompTIA A+, issuer: CompTIA, issued: 2026-11, assessment: exam}
experience:
  - {title: Registered Nurse, organization: Bay Medical, start: 2020-06}
"""
MARKETING = "Growth Marketer\nCompany: Bluebird Health\n\nRequirements:\n- SEO\n- Google Ads\n"
SUPPORT = "IT Support Technician\nCompany: Acme\n\nRequirements:\n- CompTIA A+\n"


def _why(tmp_path: Path, posting_text: str) -> str:
    posting = from_text("job.txt", posting_text)
    return why_this_role(load(tmp_path, NURSE), Tailoring(posting, asked_terms(posting)), ())


def test_nothing_shown_is_no_made_up_motive(tmp_path: Path) -> None:
    """A nurse with nothing a marketing posting asks for was given "The Growth Marketer role
    at Bluebird Health is the next step I have been working toward. I want to do that work
    every day, and this team is where I can." (a new user's read)."""
    said = _why(tmp_path, MARKETING)
    assert "working toward" not in said and "that work" not in said
    assert said == (
        "Your profile shows nothing the Growth Marketer role at Bluebird Health asks for yet: "
        "say in your own words what draws you to it, and what you are doing to learn it."
    )


def test_what_is_shown_is_said(tmp_path: Path) -> None:
    said = _why(tmp_path, SUPPORT)
    assert said.startswith("The IT Support Technician role at Acme asks for CompTIA A+,")
