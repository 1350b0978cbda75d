"""The month arithmetic of a requirement's years: whole months counted inclusively,
overlapping jobs once, `present` to today, a date known only to the year read the way
that claims least."""

from __future__ import annotations

import datetime as dt

from showcase.profile.models import Experience
from showcase.profile.types import PRESENT, PartialDate
from showcase.strategy.requirements import Requirement, Section, Strength
from showcase.strategy.vocabulary import vocabulary
from showcase.strategy.years import JobYears, Years, job_span, months

TODAY = dt.date(2026, 3, 14)


def _job(start: str, end: str | None = None) -> Experience:
    return Experience(
        title="Analyst",
        organization="Acme",
        start=PartialDate.parse(start),
        end=None if end is None else (PRESENT if end == PRESENT else PartialDate.parse(end)),
    )


def _months(*jobs: Experience) -> int:
    return months(span for job in jobs if (span := job_span(job, TODAY)) is not None)


def test_months_are_whole_and_inclusive() -> None:
    assert _months(_job("2024-03", "2024-05")) == 3
    assert _months(_job("2024-03", "2024-03")) == 1
    assert _months(_job("2020-01", "2020-12")) == 12


def test_overlapping_jobs_count_once_and_apart_ones_add_up() -> None:
    a, b = _job("2020-01", "2020-12"), _job("2020-07", "2021-06")  # overlap July-December
    assert _months(a, b) == 18
    assert _months(a, _job("2020-03", "2020-04")) == 12  # one inside the other
    assert _months(a, _job("2022-01", "2022-06")) == 18  # a gap between them is not counted
    assert _months(a, a) == 12


def test_present_and_no_end_run_to_today() -> None:
    assert _months(_job("2025-04", PRESENT)) == 12  # April 2025 to March 2026
    assert _months(_job("2025-04")) == 12
    assert job_span(_job("2026-06", PRESENT), TODAY) is None  # starts after today
    assert _months(_job("2025-04", "2027-01")) == 12  # an end after today is cut at today


def test_a_year_alone_claims_least() -> None:
    assert _months(_job("2024-03", "2024-12")) == 10
    assert _months(_job("2024", "2024-12")) == 1  # a start of 2024 may be December
    assert _months(_job("2022-01", "2024")) == 25  # an end of 2024 may be January
    assert _months(_job("2020", "2022")) == 14  # December 2020 to January 2022
    assert _months(_job("2020", "2020")) == 1
    assert _months(_job("2024-03-20", "2024-04-02")) == 2  # a day is read as its month


def test_years_are_enough_from_the_months_asked() -> None:
    assert Years(4, 48, True).enough and not Years(4, 47, True).enough


def test_check_adds_up_the_jobs_that_show_a_term_of_the_group() -> None:
    vocab = vocabulary()
    ppc, seo = vocab.find("PPC"), vocab.find("SEO")
    assert ppc is not None and seo is not None
    jobs = JobYears(((frozenset({ppc}), (0, 11)), (frozenset({seo}), (24, 47))))
    asks = Requirement("3+ years of PPC", (ppc,), Strength.REQUIRED, Section.QUALIFICATIONS, 3)
    assert jobs.check(asks, (ppc,)) == Years(3, 12, True)
    assert jobs.check(asks, ()) is None  # not met: no years to count
    plain = Requirement("PPC", (ppc,), Strength.REQUIRED, Section.QUALIFICATIONS)
    assert jobs.check(plain, (ppc,)) is None  # asks no years
    other = JobYears(((frozenset({seo}), (0, 11)),))
    assert other.check(asks, (ppc,)) == Years(3, 0, False)  # shown, but in no job
