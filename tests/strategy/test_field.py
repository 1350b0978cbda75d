"""The field comes from the person: title, headline, target roles, then credentials."""

from __future__ import annotations

from pathlib import Path

import pytest

from showcase.strategy.field import _role_pattern, _roles, person_field, title_fields
from showcase.strategy.vocabulary import Field_, vocabulary
from showcase.views.review.checks import review
from tests.helpers import load

# The customer success specialist: 12 short courses, most of them marketing
# badges, and one course in his own field.
COURSES = [
    ("Google Ads Basics", "Google Ads"),
    ("SEO Foundations", "SEO"),
    ("Social Media Marketing Intro", "Social media marketing"),
    ("Email Marketing Essentials", "Email marketing"),
    ("Content Marketing 101", "Content marketing"),
    ("Google Analytics for Beginners", "Google Analytics"),
    ("Inbound Marketing Taster", "Inbound marketing"),
    ("Copywriting Crash Course", "Copywriting"),
    ("Facebook Ads in an Hour", "Meta Ads Manager"),
    ("Marketing Automation Tour", "Marketing automation"),
    ("Tableau Quick Start", "Tableau"),
    ("Customer Service Fundamentals", "Customer service"),
]
CREDENTIALS = "credentials:\n" + "".join(
    f"  - {{name: {name}, issuer: Example Academy, kind: course, issued: 2025-0{i % 9 + 1}, "
    f"assessment: none, url: https://example.com/{i}, skills: [{skill}]}}\n"
    for i, (name, skill) in enumerate(COURSES)
)
CUSTOMER_SUCCESS = (
    """
name: Chris Support
experience:
  - title: Customer Success Specialist
    organization: Brightdesk
    start: 2023-02
    highlights: [Kept 140 accounts on Zendesk with a 96% CSAT]
  - title: Retail Associate
    organization: Corner Shop
    start: 2020-01
    end: 2023-01
"""
    + CREDENTIALS
)


def test_the_customer_success_collector_is_in_customer_success(tmp_path: Path) -> None:
    loaded = load(tmp_path, CUSTOMER_SUCCESS)
    fields = person_field(loaded)
    assert fields[0] == Field_.CUSTOMER_SUCCESS
    assert Field_.MARKETING in fields  # his badges still show, after his own field


def test_review_keeps_the_course_in_his_field(tmp_path: Path) -> None:
    found = review(load(tmp_path, CUSTOMER_SUCCESS))
    unfocused = next(f for f in found.findings if f.code == "unfocused")
    assert "Customer Service Fundamentals" not in unfocused.credentials
    assert "Google Ads Basics" in unfocused.credentials
    assert "unrelated to Customer success / support" in unfocused.message


def test_without_anything_but_credentials_the_credentials_decide(tmp_path: Path) -> None:
    loaded = load(tmp_path, "name: Only Badges\n" + CREDENTIALS)
    assert person_field(loaded)[0] == Field_.MARKETING


def test_a_profile_that_shows_nothing_has_no_field(tmp_path: Path) -> None:
    assert person_field(load(tmp_path, "name: Blank Slate\n")) == ()


def test_the_current_title_outweighs_past_titles(tmp_path: Path) -> None:
    text = """
name: Pat Changer
experience:
  - {title: HR Generalist, organization: Acme, start: 2024-01, end: present}
  - {title: Payroll Accountant, organization: Beta, start: 2019-01, end: 2023-12}
  - {title: Bookkeeper, organization: Gamma, start: 2015-01, end: 2018-12}
"""
    assert person_field(load(tmp_path, text))[:2] == (Field_.HR, Field_.FINANCE)


def test_the_headline_and_target_role_decide_without_a_current_job(tmp_path: Path) -> None:
    text = """
name: Dana Changer
headline: Aspiring Data Analyst | SQL, Tableau
experience:
  - {title: Marketing Coordinator, organization: Acme, start: 2019-01, end: 2024-06}
"""
    assert person_field(load(tmp_path, text))[0] == Field_.DATA
    stacked = """
name: Dana Changer
credentials:
  - {id: a, name: Intro to SEO, issuer: X, issued: 2024-01}
  - {id: b, name: Intro to Tableau, issuer: X, issued: 2024-01}
stacks:
  - {name: Career change, credentials: [b], target_role: Scrum Master}
"""
    assert person_field(load(tmp_path, stacked))[0] == Field_.PROJECT_MANAGEMENT


@pytest.mark.parametrize(
    ("title", "head"),
    [
        ("Customer Success Specialist", Field_.CUSTOMER_SUCCESS),
        ("Marketing Data Analyst", Field_.DATA),  # the head noun
        ("Data Analyst, Marketing team", Field_.DATA),  # the part before the comma
        ("IT Support Specialist", Field_.IT_SUPPORT),  # not "support specialist"
        ("Senior HR Generalist", Field_.HR),
        ("UI/UX Designer", Field_.UX),
        ("Medical Billing Specialist at Bluebird Health", Field_.HEALTHCARE_ADMIN),
        ("Salesforce admin", Field_.SALES),  # no title word: the term's field
        ("Scrum Master", Field_.PROJECT_MANAGEMENT),
        ("Warehouse Lead", Field_.SUPPLY_CHAIN),
        ("Registered Nurse, Medical-Surgical", Field_.NURSING),
        ("ICU RN", Field_.NURSING),  # RN in capitals
        ("Clinical Informatics Nurse", Field_.NURSING),
        ("Nurse Recruiter", Field_.HR),  # the head noun
    ],
)
def test_title_fields_head_noun(title: str, head: Field_) -> None:
    shares = title_fields(title)
    assert shares[head] == 1.0
    assert all(share < 1.0 for value, share in shares.items() if value != head)


def test_capitalised_title_words_match_only_in_capitals() -> None:
    assert title_fields("HR Assistant") == {Field_.HR: 1.0}
    assert Field_.HR not in title_fields("Shr Assistant")
    assert title_fields("Ux") == {}  # "UX" is written in capitals


def test_every_field_but_general_has_title_words() -> None:
    roles = vocabulary().roles
    assert set(roles) == set(Field_) - {Field_.GENERAL}
    assert all(len(words) >= 5 for words in roles.values())


def _variants(word: str) -> list[str]:
    spaced = "  ".join(word.split())
    return [word, word.upper(), word.lower(), word.title(), f"Senior {word} II", f"{spaced}s"]


def test_the_patterns_skipped_for_a_title_are_those_that_cannot_match_it() -> None:
    """`_roles` compiles only the fields a title may name: every field whose pattern
    matches must be among them, in every case and spacing a title word is written."""
    roles = vocabulary().roles
    segments = [v for words in roles.values() for word in words for v in _variants(word)]
    segments += ["Kundenberaterin", "Ｄata Analyst", "Café Manager, Data"]
    for segment in segments:
        tried = {value for _, value in _roles(segment)}
        matching = {value for value in roles if _role_pattern(value).search(segment)}
        assert matching <= tried, segment
    assert {value for _, value in _roles("Data Analyst")} < set(roles)  # some are skipped
    assert {value for _, value in _roles("Ｄata Analyst")} == set(roles)  # not ASCII: all
