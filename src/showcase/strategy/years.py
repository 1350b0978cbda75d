"""The years a profile shows for a requirement that asks for years ("4+ years of paid search").

The one rule, for the match report, `gaps` and the cover letter: the years shown for a
requirement are the total time of the jobs (experience entries) whose own text shows one
of the alternatives that meet it (`coverage.job_terms`: the title, with the skill it names
("Cloud Engineer": cloud engineering), highlights and stories, read as `profile_evidence`
reads them: `coverage.job_years` pairs each job's span with them), periods that overlap
counted once. A job with no end, or `present`, runs to the profile's `today`.

Months are counted whole and inclusively (March to May is three months), and a date
given only as a year is read the way that claims least: a start of `2020` as December 2020,
an end of `2020` as January 2020 (a job of `2020` to `2020` is one month). What the profile
does not say is not counted.

A requirement met by something outside jobs only (a course, a project, the skills list)
shows the skill, not the years: `Years.in_jobs` is False and `shown` 0.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from showcase.profile.models import Experience
from showcase.profile.types import PartialDate
from showcase.strategy.requirements import Requirement
from showcase.strategy.vocabulary import Term

Span = tuple[int, int]  # first and last month, inclusive, as year * 12 + month - 1


@dataclass(frozen=True)
class Years:
    """What a requirement asks in years, against the months of the jobs that show it."""

    asked: int  # years
    shown: int  # months
    in_jobs: bool  # a job shows it (else only a course, a project, the skills ...)

    @property
    def enough(self) -> bool:
        return self.shown >= self.asked * 12

    def json(self) -> dict[str, int | bool]:
        return {"shown": self.shown, "asked": self.asked, "in_jobs": self.in_jobs}


def _month(date: dt.date) -> int:
    return date.year * 12 + date.month - 1


def job_span(job: Experience, today: dt.date) -> Span | None:
    """The months a job covers, claiming least of a date known only to the year; None
    for a job that starts after `today`."""
    first = _month(job.start.last_day if job.start.month is None else job.start.first_day)
    last = _month(today)
    if isinstance(job.end, PartialDate):
        last = min(last, _month(job.end.first_day))
    if first > _month(today):
        return None
    return first, max(first, last)


def months(spans: Iterable[Span]) -> int:
    """The months `spans` cover together, each month once."""
    total, reach = 0, -1
    for first, last in sorted(spans):
        if last > reach:
            total += last - max(first, reach + 1) + 1
            reach = last
    return total


@dataclass(frozen=True)
class JobYears:
    """Each job's span with the terms it shows, for one profile."""

    jobs: tuple[tuple[frozenset[Term], Span], ...]

    def check(self, requirement: Requirement, met_by: Iterable[Term]) -> Years | None:
        """The years shown for `requirement`, met by `met_by`; None when it asks no years
        or is not met."""
        terms = set(met_by)
        if requirement.years is None or not terms:
            return None
        spans = [span for shown, span in self.jobs if shown & terms]
        return Years(requirement.years, months(spans), bool(spans))
