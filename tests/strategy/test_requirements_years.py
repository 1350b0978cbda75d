"""The years a posting's line asks, and of which of its terms: a phrase of years belongs
to the terms it is written beside ("3+ years of SQL", "SQL (3+ years)"), never to every
term of its clause, and years that are no experience ("within 2 years of hire", "renewed
every 3 years", "a 4 year program", "18 years or older") ask none."""

from __future__ import annotations

import pytest

from showcase.strategy.postings import from_text
from showcase.strategy.requirements import Requirement, requirements


def _asked(line: str, title: str = "Analyst") -> dict[str, int | None]:
    text = f"{title}\nAcme\n\nRequirements\n- {line}\n"
    found = requirements(from_text("posting.txt", text))
    return {name: group.years for group in found.groups for name in group.names}


def _group(text: str, name: str) -> Requirement:
    return next(g for g in requirements(from_text("posting.txt", text)).groups if name in g.names)


@pytest.mark.parametrize(
    ("line", "asked"),
    [
        ("10+ years of SQL experience", {"SQL": 10}),
        ("1-2 years of SQL", {"SQL": 1}),
        ("3-5 years' experience with SQL", {"SQL": 3}),
        ("Experience with SQL for 3 to 5 years", {"SQL": 3}),
        ("SQL, 3 years", {"SQL": 3}),
        ("SQL: 3+ yrs", {"SQL": 3}),
        ("SQL (minimum 3 years)", {"SQL": 3}),
        ("3+ years of experience with SQL, Python and Tableau", {"SQL": 3, "Python": 3}),
        ("3+ years of SQL and 1 year of Python", {"SQL": 3, "Python": 1}),
        ("SQL (3+ years) and Python", {"SQL": 3, "Python": None}),
        ("Over 5 years of experience in SQL", {"SQL": 5}),
        ("2+ years of program coordination", {"Program coordination": 2}),
        ("Three (3) years of experience with SQL", {"SQL": 3}),
        ("SQL: two (2) years minimum", {"SQL": 2}),
    ],
)
def test_years_belong_to_the_terms_beside_them(line: str, asked: dict[str, int | None]) -> None:
    found = _asked(line)
    assert {name: found[name] for name in asked} == asked


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("1 year of acute care experience, BLS required", ["BLS certification"]),
        ("Obtain CCRN certification within 2 years of hire", ["CCRN"]),
        ("PMP certification (renewed every 3 years)", ["PMP"]),
        ("Python experience in the last 2 years", ["Python"]),
        ("SQL experience within the past 5 years", ["SQL"]),
        ("2 years of college coursework in accounting", ["Accounting"]),
        (
            "Bachelor's degree in nursing (4 year program) and BLS",
            ["Bachelor of Science in Nursing", "BLS certification"],
        ),
        ("Must be 18 years or older with a current BLS certification", ["BLS certification"]),
    ],
)
def test_years_that_are_no_experience_of_a_term_ask_none(line: str, names: list[str]) -> None:
    found = _asked(line, "Registered Nurse")  # a nurse's posting: BLS reads as the card
    assert {name: found[name] for name in names} == dict.fromkeys(names)


def test_a_term_named_again_with_years_keeps_them() -> None:
    """Duties name SQL first, the requirements ask its years: the years are asked."""
    text = (
        "Data Analyst\nAcme\n\nWhat you'll do\n- Write SQL queries for the finance team\n\n"
        "Requirements\n- 3+ years of SQL experience\n"
    )
    sql = _group(text, "SQL")
    assert (sql.years, sql.text) == (3, "3+ years of SQL experience")
