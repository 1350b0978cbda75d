"""Sections: which headings open duties and qualifications, and which open what a
posting gives rather than asks for (benefits, "Why <Company>"), whose terms never count."""

from __future__ import annotations

import pytest

from showcase.strategy.postings import from_text
from showcase.strategy.requirements import Section, requirements


def asked(text: str) -> set[str]:
    return {term.name for term in requirements(from_text("posting.txt", text)).terms}


def sections(text: str) -> dict[str, Section]:
    """Each term's section (the first group that names it)."""
    found: dict[str, Section] = {}
    for group in requirements(from_text("posting.txt", text)).groups:
        for term in group.any_of:
            found.setdefault(term.name, group.section)
    return found


POSTING = """Staff Nurse
Harbor General Hospital
Austin, TX · Full-time

{heading}
- Administer medications and chart assessments in Epic
"""


@pytest.mark.parametrize(
    "heading",
    [
        "During the residency you will",
        "## During your first year, you will:",
        "In this role you will",
        "As a float nurse you'll",
        "**Each shift you will**",
        "You will",
    ],
)
def test_a_heading_that_ends_in_you_will_opens_duties(heading: str) -> None:
    found = sections(POSTING.format(heading=heading))
    assert found["Medication administration"] == Section.DUTIES
    assert found["Epic"] == Section.DUTIES


@pytest.mark.parametrize("heading", ["What you'll work on", "What you will work on"])
def test_what_you_will_work_on_opens_duties(heading: str) -> None:
    """A platform engineer's "What you'll work on" (left unread, with all its terms)."""
    assert sections(POSTING.format(heading=heading))["Epic"] == Section.DUTIES


@pytest.mark.parametrize(
    "heading", ["What the job involves", "**What the role involves**", "The job involves"]
)
def test_what_the_job_involves_opens_duties(heading: str) -> None:
    """A public health nurse's duties, under "What the job involves", stayed under "About
    the department" and were never read."""
    assert sections(POSTING.format(heading=heading))["Epic"] == Section.DUTIES


@pytest.mark.parametrize(
    "heading", ["What you need", "**You bring**", "What you will need", "What we look for"]
)
def test_what_you_need_and_you_bring_open_qualifications(heading: str) -> None:
    found = sections(POSTING.format(heading=heading))
    assert found["Medication administration"] == Section.QUALIFICATIONS


GIVES = """Staff Nurse
Harbor General Hospital
Austin, TX · Full-time

Requirements
- BLS certification

{heading}
ACLS and PALS courses are free for every nurse, and we pay for your CCRN exam.
"""


@pytest.mark.parametrize(
    "heading",
    [
        "Why Harbor General",
        "## Why St. Agnes?",
        "Why you'll love it here",
        "Why join us",
        "What we offer",
        "We offer",
        "**Benefits**",
        "Our benefits",
        "Benefits and perks",
        "Perks",
        "What's in it for you",
        "What you'll get",
        "Total rewards",
        "Pay and benefits",
        "Pay & benefits",
    ],
)
def test_what_a_posting_gives_is_not_asked_for(heading: str) -> None:
    """The residency of the tuning set read "ACLS is free for residents placed in critical
    care", under "Why Northgate", as asking for ACLS and critical care nursing."""
    found = asked(GIVES.format(heading=heading))
    assert found == {"BLS certification"}


def test_what_you_get_to_do_is_a_duty_not_a_benefit() -> None:
    found = sections(POSTING.format(heading="What you'll get to do"))
    assert found["Medication administration"] == Section.DUTIES


def test_the_postings_own_title_is_no_heading() -> None:
    """A title that begins like a heading ("Benefits Coordinator") opened an ignored section
    at the top: the lines after it, up to the next heading, were never read."""
    text = "Benefits Coordinator\nLakeshore County\n\nRun open enrollment in Workday.\n"
    assert {"Open enrollment", "Workday"} <= asked(text)
    assert "Workday" not in asked(
        "Benefits Coordinator\nLakeshore County\n\nBenefits\nA Workday login from day one.\n"
    )
