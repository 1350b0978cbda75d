"""The optional sections: languages, awards, volunteer work and publications."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from showcase.profile.models import LanguageLevel
from showcase.profile.schema import profile_schema
from showcase.profile.source import read_source
from showcase.profile.types import PartialDate
from tests.helpers import load, one_problem, write_profile

FULL = """
name: Ana Ortiz
languages:
  - language: Spanish
    level: native
  - language: English
    level: full-professional
awards:
  - title: Regional Manager of the Year
    awarder: Northwind Retail
    date: 2024-03
    summary: For the best year-on-year growth of the region's 14 stores.
  - title: Dean's List
volunteer:
  - organization: Food Bank of Ohio
    role: Volunteer coordinator
    start: 2021-01
    end: 2023-06
    summary: Ran the Saturday shift.
    highlights: [Recruited 30 volunteers]
  - organization: Code Club
publications:
  - title: Counting shelves
    publisher: Retail Weekly
    date: 2024-05
    url: https://retail.example/counting-shelves
    summary: How cycle counts replaced the yearly stocktake.
  - title: A talk without a publisher
"""


def test_every_field_of_the_four_sections_loads(tmp_path: Path) -> None:
    profile = load(tmp_path, FULL).profile
    assert [(x.language, x.level) for x in profile.languages] == [
        ("Spanish", LanguageLevel.NATIVE),
        ("English", LanguageLevel.FULL_PROFESSIONAL),
    ]
    award = profile.awards[0]
    assert (award.title, award.awarder, award.date) == (
        "Regional Manager of the Year",
        "Northwind Retail",
        PartialDate(2024, 3),
    )
    assert profile.awards[1].awarder is None and profile.awards[1].date is None
    volunteer = profile.volunteer[0]
    assert (volunteer.role, volunteer.start, volunteer.end) == (
        "Volunteer coordinator",
        PartialDate(2021, 1),
        PartialDate(2023, 6),
    )
    assert volunteer.highlights == ["Recruited 30 volunteers"]
    assert profile.volunteer[1].end is None  # ongoing
    assert profile.publications[0].url == "https://retail.example/counting-shelves"
    assert profile.publications[1].publisher is None


def test_the_sections_are_optional(tmp_path: Path) -> None:
    profile = load(tmp_path, "name: Ana\n").profile
    assert (profile.languages, profile.awards, profile.volunteer, profile.publications) == (
        [],
        [],
        [],
        [],
    )


@pytest.mark.parametrize(
    ("written", "level"),
    [
        ("Native", LanguageLevel.NATIVE),
        ("Native or bilingual proficiency", LanguageLevel.NATIVE),
        ("Full professional proficiency", LanguageLevel.FULL_PROFESSIONAL),
        ("professional_working", LanguageLevel.PROFESSIONAL_WORKING),
        ("Limited Working", LanguageLevel.LIMITED_WORKING),
        ("elementary proficiency", LanguageLevel.ELEMENTARY),
    ],
)
def test_language_levels_as_people_and_linkedin_write_them(
    tmp_path: Path, written: str, level: LanguageLevel
) -> None:
    text = f"name: Ana\nlanguages:\n  - language: French\n    level: {written}\n"
    assert load(tmp_path, text).profile.languages[0].level == level


def test_an_unknown_level_lists_the_five(tmp_path: Path) -> None:
    p = one_problem(tmp_path, "name: Ana\nlanguages:\n  - language: French\n    level: fluent\n")
    assert (p.line, p.field) == (4, "languages[0].level")
    assert "`fluent` is not allowed here" in p.message
    assert "native, full-professional, professional-working, limited-working" in p.message


@pytest.mark.parametrize(
    ("text", "line", "field", "expected"),
    [
        (
            "languages:\n  - language: French\n",
            3,
            "languages[0].level",
            "missing required field `level`",
        ),
        ("awards:\n  - awarder: X\n", 3, "awards[0].title", "missing required field `title`"),
        ("awards:\n  - title: X\n    date: 2024-13\n", 4, "awards[0].date", "no month 13"),
        ("awards:\n  - title: X\n    date: March 2024\n", 4, "awards[0].date", "`2024-03`"),
        (
            "volunteer:\n  - role: X\n",
            3,
            "volunteer[0].organization",
            "missing required field `organization`",
        ),
        ("publications:\n  - title: X\n    url: ftp://x\n", 4, "publications[0].url", "https://"),
        (
            "publications:\n  - title: |\n      two\n      lines\n",
            3,
            "publications[0].title",
            "one line",
        ),
        ("awards:\n  - title: X\n    awarder: TODO\n", 4, "awards[0].awarder", "placeholder"),
        (
            "volunteer:\n  - organization: X\n    hours: 3\n",
            4,
            "volunteer[0].hours",
            "unknown field",
        ),
    ],
)
def test_mistakes_in_the_sections_are_placed(
    tmp_path: Path, text: str, line: int, field: str, expected: str
) -> None:
    p = one_problem(tmp_path, "name: Ana\n" + text)
    assert (p.line, p.field) == (line, field), p.format()
    assert expected in p.message


def test_volunteer_work_cannot_end_before_it_starts(tmp_path: Path) -> None:
    p = one_problem(
        tmp_path,
        "name: Ana\nvolunteer:\n  - organization: X\n    start: 2022-01\n    end: 2021-12\n",
    )
    assert (p.line, p.field) == (5, "volunteer[0].end")
    assert "ends before it starts" in p.message


def test_a_language_listed_twice_is_an_error_at_the_second(tmp_path: Path) -> None:
    """ "French (native or bilingual), french (elementary)" was written on the resume."""
    p = one_problem(
        tmp_path,
        "name: Ana\nlanguages:\n  - language: French\n    level: native\n"
        "  - language: ' french'\n    level: elementary\n",
    )
    assert (p.line, p.field) == (5, "languages[1].language")
    assert "already listed at line 3" in p.message


def test_dates_of_things_done_after_today_are_warned(tmp_path: Path) -> None:
    """A credential issued, a job or volunteer role started, an award given after today
    (a typo for the year) was stated as done with no word."""
    loaded = load(
        tmp_path,
        """
        name: Ana
        credentials:
          - {name: A, issuer: B, issued: 2029-01}
          - {name: C, issuer: D, issued: 2026-11}
        experience:
          - {title: X, organization: Y, start: 2030-01}
        volunteer:
          - {organization: Z, start: 2027}
        awards:
          - {title: Best, date: 2099-05}
          - {title: Good, date: 2020}
        education:
          - {institution: U, start: 2026, end: 2028}
        """,
        today=dt.date(2026, 11, 28),
    )
    future = [w for w in loaded.warnings if "after today (2026-11-28)" in w.message]
    assert [w.field for w in future] == [
        "credentials[0].issued",
        "experience[0].start",
        "volunteer[0].start",
        "awards[0].date",
    ]
    assert future[0].message.startswith("issued Jan 2029: that is after today")


def test_the_schema_describes_the_sections(tmp_path: Path) -> None:
    schema = profile_schema()
    for name in ("languages", "awards", "volunteer", "publications"):
        assert schema["properties"][name]["description"], name
    data = read_source(write_profile(tmp_path, FULL)).data
    jsonschema.validate(data, schema)
    bad = json.loads(json.dumps(data))
    bad["languages"][0]["level"] = "fluent"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
