"""A posting's title and company from its top lines (`strategy/header.py`)."""

from __future__ import annotations

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
