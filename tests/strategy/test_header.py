"""A posting's title and company from its top lines (`strategy/header.py`)."""

from __future__ import annotations

import time

import pytest

from showcase.strategy.header import text_header


@pytest.mark.parametrize(
    ("top", "company"),
    [
        ("Data Analyst\nContoso GmbH, Berlin\nFull-time", "Contoso GmbH"),
        ("Data Analyst\nAcme Inc., Austin, TX", "Acme Inc."),
        ("Analyst\nNorthwind Ltd, London · Hybrid", "Northwind Ltd"),
        ("Analyst\nFabrikam S.A., Madrid", "Fabrikam S.A."),
        # A place is still no company, with a legal form nowhere in it.
        ("Analyst\nSpringfield, IL", None),
        ("Analyst\nBerlin, Germany", None),
        ("Data Analyst\nAustin, TX\nAcme", "Acme"),
        ("Analyst\nAcme AB, Stockholm", "Acme AB"),
        ("Analyst\nGlobex Corporation, Springfield, IL", "Globex Corporation"),
        ("Analyst\nInitech LLC | Austin, TX", "Initech LLC"),
        ("Analyst\nUmbrella Pty Ltd, Sydney NSW", "Umbrella Pty Ltd"),
        ("Analyst\nStockholm, Sweden", None),
        ("Analyst\nSão Paulo, SP", None),
        ("Analyst\nParis, France · Full-time", None),
        ("Analyst\nRemote, US", None),
    ],
)
def test_a_company_with_its_legal_form_before_a_place_is_the_company(
    top: str, company: str | None
) -> None:
    """The line "Contoso GmbH, Berlin" read as a place, like "Austin, TX", and the letter said "your
    company" (left by the QA pass). No posting of tests/data changed its company with it."""
    assert text_header(top) == (top.splitlines()[0], company)


def test_a_section_heading_is_not_the_title_of_a_markdown_posting() -> None:
    top = (
        "Licensed Practical Nurse (LPN), Long-Term Care\nWillow Creek · Columbus, GA\n\n"
        "## About Willow Creek\nText.\n"
    )
    assert text_header(top)[0] == "Licensed Practical Nurse (LPN), Long-Term Care"


@pytest.mark.parametrize(
    ("top", "title", "company"),
    [
        # HTML in a saved text posting: the letter said "the <b>Data Analyst</b> role".
        ("<b>Data Analyst</b>\n<p>Acme Corp</p>\nDenver, CO", "Data Analyst", "Acme Corp"),
        ("<h1>Data Analyst <script>alert(1)</script></h1>\nAcme Corp", "Data Analyst", "Acme Corp"),
        # A Markdown link: "the [Data Analyst](https://jobs.example/1) role".
        (
            "# [Data Analyst](https://jobs.example/1)\n[Acme Corp](https://acme.example)",
            "Data Analyst",
            "Acme Corp",
        ),
        # Invisible marks (right-to-left, left-to-right, zero width, a byte order mark).
        ("Data\u200b Analyst\n\u200fAcme Corp\u200e\n\ufeff", "Data Analyst", "Acme Corp"),
        # A top line that is only a company is no title ("the Acme Corp role").
        ("Acme Corp\nDenver, CO\nFull-time", None, "Acme Corp"),
        ("Globex Inc.\nStaff Accountant\nDenver, CO", "Staff Accountant", "Globex Inc."),
        ("Initech LLC\nWe are hiring.", None, "Initech LLC"),
    ],
)
def test_a_hostile_top_gives_only_what_it_says(
    top: str, title: str | None, company: str | None
) -> None:
    assert text_header(top + "\n\nAbout the role\nYou will help.\n") == (title, company)


def test_a_top_of_blank_lines_is_read_in_time_in_proportion_to_it() -> None:
    # "^\W*" at each of 3,000 line starts ran over every newline after it: 0.5 s a posting.
    started = time.perf_counter()
    for _ in range(5):
        assert text_header("\n" * 3000 + "Data Analyst\n") == (None, None)
    assert time.perf_counter() - started < 0.5  # was 2.5 s


@pytest.mark.parametrize(
    ("top", "title", "company"),
    [
        # A Markdown underline or rule under the title was the company: "at ============".
        ("Data Analyst\n============\nAcme Corp", "Data Analyst", "Acme Corp"),
        ("Data Analyst\n---\nAcme Corp", "Data Analyst", "Acme Corp"),
        ("Data Analyst\n- - -\nDenver, CO", "Data Analyst", None),
        # A careers page's banner: was ("Careers", "Acme Corp Data Analyst").
        ("Careers at Acme Corp\nData Analyst\nDenver, CO", "Data Analyst", "Acme Corp"),
        ("Join our team at Acme Corp\nData Analyst", "Data Analyst", "Acme Corp"),
        ("Jobs at Acme\nWe are hiring.", None, "Acme"),
        # A sentence is never half of a title: was "Acme Corp is hiring! Data Analyst".
        ("Acme Corp is hiring!\nData Analyst", None, None),
        # The company first, then the title: was the title "Acme Corp - Data Analyst".
        ("Acme Corp - Data Analyst\nDenver, CO", "Data Analyst", "Acme Corp"),
        ("Globex Inc. | Staff Accountant", "Staff Accountant", "Globex Inc."),
    ],
)
def test_a_page_top_says_no_company_it_does_not_name(
    top: str, title: str | None, company: str | None
) -> None:
    assert text_header(top + "\n\nAbout the role\nYou will help.\n") == (title, company)
