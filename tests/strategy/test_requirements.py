"""Postings as requirement groups: alternatives, strength, negation, years, sections;
title and company from the header lines and a page's metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from showcase.strategy.header import html_heading, site_name, text_header
from showcase.strategy.postings import from_text, read_postings
from showcase.strategy.requirements import Requirement, Section, Strength, requirements

TRAILHEAD = """Project Coordinator
Trailhead Home & Garden
Denver, CO · Full-time

About us
Trailhead Home & Garden sells outdoor furniture. Our finance team handles month-end close.

What you'll do
- Pick up the slack when teammates are out, and go above and beyond.
- Partner with the merchandising team and our CSM team.
- Write onboarding emails for new customers.

Requirements
- 2+ years of project coordination experience
- Experience with Jira, Smartsheet or Microsoft Project
- Proficient in Word, Excel, Outlook and Windows
- ML experience is NOT required, but Python is a must.
- No SQL knowledge needed.
- Experience with BI tools such as Tableau, Power BI and Looker

Nice to have
- Google Project Management Certificate, CAPM or PMP preferred
- a Scrum certification (PSM I or CSM) is a plus
- Excel at juggling priorities in an agile, fast-moving company

Benefits
- Health insurance, 401(k), a Slack stipend and Zoom credits
"""


def groups(text: str) -> list[Requirement]:
    return list(requirements(from_text("posting.txt", text)).groups)


def group_of(found: list[Requirement], name: str) -> Requirement:
    return next(g for g in found if name in g.names)


def test_the_issues_posting_reads_as_groups() -> None:
    found = groups(TRAILHEAD)
    assert group_of(found, "Jira").names == ["Jira", "Smartsheet", "Microsoft Project"]
    scrum = group_of(found, "Certified ScrumMaster")
    assert scrum.names == ["Professional Scrum Master", "Certified ScrumMaster"]
    assert scrum.strength == Strength.PLUS and scrum.section == Section.PREFERRED
    pm = group_of(found, "CAPM")
    assert pm.names == ["Google Project Management Certificate", "CAPM", "PMP"]
    assert pm.strength == Strength.PREFERRED
    assert group_of(found, "Tableau").names == [
        "Business intelligence",
        "Tableau",
        "Power BI",
        "Looker",
    ]
    for alone in ("Microsoft Word", "Excel", "Microsoft Outlook", "Microsoft Windows"):
        assert group_of(found, alone).names == [alone]  # "A, B, C and D": four groups
    assert group_of(found, "Project coordination").years == 2


def test_traps_are_not_requirements() -> None:
    names = {name for g in groups(TRAILHEAD) for name in g.names}
    for trap in (
        "Slack",  # pick up the slack; the benefits' Slack stipend
        "Go",
        "Merchandising",  # the merchandising team
        "Onboarding",  # onboarding emails
        "Machine learning",  # NOT required
        "SQL",  # No SQL knowledge needed
        "Agile",  # an agile, fast-moving company
        "Month-end close",  # about us
        "Zoom",  # benefits
        "Project management",  # the title line is no requirement
    ):
        assert trap not in names, trap
    assert "Python" in names  # the clause after "but"


@pytest.mark.parametrize(
    ("line", "strength"),
    [
        ("- Experience with Figma is a plus", Strength.PLUS),
        ("- Bonus: Figma", Strength.PLUS),
        ("- Figma preferred", Strength.PREFERRED),
        ("- Ideally, Figma", Strength.PREFERRED),
        ("- Figma", Strength.REQUIRED),
        ("- Must know Figma", Strength.REQUIRED),
    ],
)
def test_strength(line: str, strength: Strength) -> None:
    found = groups(f"Designer\n\nRequirements\n{line}\n")
    assert group_of(found, "Figma").strength == strength


def test_a_preferred_section_makes_its_lines_preferred() -> None:
    found = groups("Designer\n\nPreferred qualifications\n- Figma\n")
    assert group_of(found, "Figma").strength == Strength.PREFERRED


def test_ideally_applies_to_what_follows_it() -> None:
    found = groups("Marketer\n\nRequirements\n- 5+ years in SEO, ideally in e-commerce\n")
    assert group_of(found, "SEO").strength == Strength.REQUIRED
    assert group_of(found, "SEO").years == 5
    assert group_of(found, "E-commerce").strength == Strength.PREFERRED


BSN = "Bachelor of Science in Nursing"


@pytest.mark.parametrize(
    ("line", "name", "years"),
    [
        ("ADN graduates complete a BSN within 5 years of hire", BSN, None),
        ("Graduated from a BSN program in the last 2 years", BSN, None),
        ("Led SEO over the past 3 years", "SEO", None),
        ("3+ years of SQL within the last 5 years", "SQL", 3),
    ],
)
def test_a_deadline_or_a_recent_period_is_no_years_asked(
    line: str, name: str, years: int | None
) -> None:
    """ "complete a BSN within 5 years of hire" gives time to earn it; it asks no 5 years of
    it (the years rule then called a nurse's BSN short: "in no job")."""
    found = groups(f"RN\n\nRequirements\n- {line}\n")
    assert group_of(found, name).years == years


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Experience with Tableau/Power BI", ["Tableau", "Power BI"]),
        ("Tableau and/or Power BI", ["Tableau", "Power BI"]),
        ("Tableau, Power BI, or Looker", ["Tableau", "Power BI", "Looker"]),
        ("e.g. Tableau, Power BI and Looker", ["Tableau", "Power BI", "Looker"]),
        ("Tableau or a similar tool", ["Tableau"]),
    ],
)
def test_alternatives(line: str, names: list[str]) -> None:
    found = groups(f"Analyst\n\nRequirements\n- {line}\n")
    assert group_of(found, names[0]).names == names


def test_a_shared_word_keeps_or_and_and() -> None:
    """ "ICU or ED experience": one group of two alternatives; "email and social media
    marketing": two groups."""
    found = groups("RN\n\nRequirements\n- 2 years of ICU or ED experience as a nurse\n")
    assert group_of(found, "Critical care nursing").names == [
        "Critical care nursing",
        "Emergency nursing",
    ]
    found = groups("Marketer\n\nRequirements\n- Email and social media marketing\n")
    assert group_of(found, "Email marketing").names == ["Email marketing"]
    assert group_of(found, "Social media marketing").names == ["Social media marketing"]


def test_a_managed_kubernetes_asks_for_kubernetes_too() -> None:
    """ "Run our clusters on EKS" asks for EKS and, in a group of its own, Kubernetes
    (`asks`): someone who ran Kubernetes elsewhere meets half of it, and a CKA serves it."""
    found = groups("SRE\n\nRequirements\n- 2 years running clusters on EKS or AKS\n")
    assert group_of(found, "Amazon EKS").names == ["Amazon EKS", "Azure Kubernetes Service"]
    kubernetes = group_of(found, "Kubernetes")
    assert kubernetes.names == ["Kubernetes"] and kubernetes.years == 2
    assert group_of(groups("SRE\n\nRequirements\n- Kubernetes (GKE)\n"), "Kubernetes")


def test_iam_is_aws_iam_in_an_aws_posting_only() -> None:
    """ "IAM" in a posting that names AWS is AWS IAM (`takes`); elsewhere the skill."""
    aws = groups("Cloud Engineer\n\nRequirements\n- AWS: EC2, S3 and IAM roles\n")
    assert [g.names for g in aws if "AWS IAM" in g.names] == [["AWS IAM"]]
    assert not [g for g in aws if "Identity and access management" in g.names]
    gcp = groups("Data Engineer\n\nRequirements\n- GCP projects and IAM bindings\n")
    assert group_of(gcp, "Identity and access management")
    assert not [g for g in gcp if "AWS IAM" in g.names]


def test_or_equivalent_is_flagged() -> None:
    found = groups("Analyst\n\nRequirements\n- Tableau or equivalent\n")
    assert group_of(found, "Tableau").or_equivalent


def test_and_gives_separate_groups() -> None:
    found = groups("Analyst\n\nRequirements\n- SQL, Python and Tableau or Power BI\n")
    assert group_of(found, "SQL").names == ["SQL"]
    assert group_of(found, "Python").names == ["Python"]
    assert group_of(found, "Tableau").names == ["Tableau", "Power BI"]


@pytest.mark.parametrize(
    "line",
    [
        "Machine learning is not required.",
        "No Python experience needed.",
        "You don't need SQL.",
        "Tableau not necessary.",
    ],
)
def test_negation(line: str) -> None:
    assert groups(f"Analyst\n\nRequirements\n- {line}\n") == []


@pytest.mark.parametrize(
    ("text", "title", "company"),
    [
        (TRAILHEAD, "Project Coordinator", "Trailhead Home & Garden"),
        ("Data Analyst\nNorthwind · Austin, TX · Full-time\n", "Data Analyst", "Northwind"),
        ("Help Desk Technician\nRemote · Contract\nBrightline IT — Columbus, OH\n", None, None),
        ("IT Support Specialist\nAustin, TX\nAcme Corp | Full-time\n", None, "Acme Corp"),
        ("HR Coordinator\nPosted 3 days ago\n\nWe are hiring\n", "HR Coordinator", None),
        ("Buyer at Corner Shop\n\nWe sell things.\n", "Buyer", "Corner Shop"),
        ("Analyst - Bluebird\nEmployer: Bluebird\n", "Analyst", "Bluebird"),
        # A PDF's title broken in two lines, then the company.
        ("Brand and Communications\nManager\n\nOrchard Valley Credit Union\n", None, None),
    ],
)
def test_title_and_company_from_the_header_lines(
    text: str, title: str | None, company: str | None
) -> None:
    found_title, found_company = text_header(text)
    if title is not None:
        assert found_title == title
    if company is not None or title is not None:
        assert found_company == company
    if text.startswith("Help Desk"):
        assert found_company == "Brightline IT"
    if text.startswith("Brand"):
        assert (found_title, found_company) == (
            "Brand and Communications Manager",
            "Orchard Valley Credit Union",
        )


def test_an_html_pages_h1_and_site_name(tmp_path: Path) -> None:
    page = (
        '<html><head><title>Jobs | Board</title><meta property="og:site_name" '
        'content="Pinecrest Clinic"></head><body><main><h1>Medical <b>Receptionist</b></h1>'
        "<p>Front desk role at a family clinic. Greet patients and schedule visits.</p>"
        "<h2>Requirements</h2><ul><li>Experience with Epic or Cerner</li>"
        "<li>Medical terminology</li></ul></main></body></html>"
    )
    assert html_heading(page) == "Medical Receptionist"
    assert site_name(page) == "Pinecrest Clinic"
    (tmp_path / "job.html").write_text(page, "utf-8")
    posting = read_postings([tmp_path / "job.html"]).read[0]
    assert (posting.title, posting.company) == ("Medical Receptionist", "Pinecrest Clinic")


@pytest.mark.parametrize(
    "text",
    [
        "Analyst\n\nRequirements\n- " + " " * 100_000 + "SQL\n",  # a run of spaces
        "a\n" + " \n" * 100_000 + "• SQL",  # blank-looking lines, a bullet at the end
        "Analyst\n\nRequirements\n- SQL" + " \t" * 50_000 + "x or equivalent\n",
        "Analyst\n\nRequirements\n" + "*" * 100_000 + " SQL\n",
    ],
    ids=["spaces", "blank-lines", "tabs", "stars"],
)
def test_a_pathological_posting_is_read_in_one_pass(text: str) -> None:
    """Each of these took minutes with a pattern that crawled back over whitespace (a
    heading's trim, a lone bullet spanning lines, "or equivalent" after a run of
    blanks); now every pattern is linear. Speed itself is measured in benchmarks/."""
    found = requirements(from_text("p.txt", text))
    assert {t.name for t in found.terms} == {"SQL"}
