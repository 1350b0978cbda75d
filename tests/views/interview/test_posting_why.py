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


def test_the_profile_meets_something_of_the_posting_or_nothing(tmp_path: Path) -> None:
    from showcase.views.interview.posting import meets_any

    loaded = load(tmp_path, NURSE)
    for text, met in ((MARKETING, False), (SUPPORT, True)):
        posting = from_text("job.txt", text)
        assert meets_any(loaded, Tailoring(posting, asked_terms(posting))) is met


def test_the_pitch_claims_no_carry_over_to_a_posting_nothing_meets(tmp_path: Path) -> None:
    """The nurse's pitch for the marketing posting (0% match) ended "Next, I want to move
    from Registered Nurse into a Growth Marketer role, and this one builds on all of
    that.": nothing of hers carries over (QA, words round 2)."""
    from showcase.views.interview.sheet import interview_sheet

    loaded = load(tmp_path, NURSE)
    said = {}
    for name, text in (("marketing", MARKETING), ("support", SUPPORT)):
        posting = from_text("job.txt", text)
        sheet = interview_sheet(loaded, (), Tailoring(posting, asked_terms(posting)))
        said[name] = sheet.pitch.sentences[-1]
    assert (
        said["marketing"]
        == "Next, I want to move from Registered Nurse into a Growth Marketer role."
    )
    assert said["support"] == (
        "Next, I want to move from Registered Nurse into an IT Support Technician role, and "
        "this one builds on all of that."
    )


def test_a_posting_the_jobs_meet_is_not_told_the_profile_shows_nothing(tmp_path: Path) -> None:
    """A Cloud Engineer since 2019 (no credential or story naming it) was told "Your
    profile shows nothing the Cloud Engineer role at Globex asks for yet" while `gaps` and
    the match report said she has cloud engineering, for years enough (QA round 5: a job's
    title is evidence). What the jobs meet is a motive of hers: no such line."""
    loaded = load(
        tmp_path,
        "name: Alex Doe\ncredentials:\n"
        "  - {name: CompTIA A+, issuer: CompTIA, issued: 2024-06, assessment: exam}\n"
        "experience:\n"
        "  - {title: Cloud Engineer, organization: Acme, start: 2019-01}\n",
    )
    posting = from_text(
        "job.txt",
        "Cloud Engineer\nCompany: Globex\n\nRequirements:\n- 3+ years of cloud engineering\n",
    )
    said = why_this_role(loaded, Tailoring(posting, asked_terms(posting)), ())
    assert "shows nothing" not in said
    assert said.startswith("The Cloud Engineer role at Globex ")


def test_what_the_profile_lacks_is_them_when_it_is_several(tmp_path: Path) -> None:
    """It said "The posting asks for CI/CD, Jenkins and GitLab CI; your profile doesn't
    show it yet"."""
    from showcase.strategy.tailor import read_for
    from showcase.views.interview.posting import likely_questions

    loaded = load(tmp_path, "name: Sam Lee\nskills: [{group: Cloud, items: [Terraform]}]\n")
    posting = tmp_path / "job.txt"
    posting.write_text(
        "DevOps Engineer\n\nRequirements\n- CI/CD, Jenkins and GitLab CI\n- Python\n"
        "- Terraform, Docker and Ansible\n",
        "utf-8",
    )
    asked = likely_questions(loaded, read_for(posting), ())
    hints = {q.requirement: q.answer_hint for q in asked}
    assert "your profile doesn't show them yet" in hints["CI/CD, Jenkins and GitLab CI"]
    assert "your profile doesn't show it yet" in hints["Python"]
    assert (
        "also asks for Docker and Ansible; your profile doesn't show them yet"
        in (hints["Terraform, Docker and Ansible"])
    )
