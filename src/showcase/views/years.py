"""Years a posting asks for, said: what the profile's jobs show of them (`strategy/years.py`
counts the months; the words are here, for the match report, `gaps` and the interview
sheet)."""

from __future__ import annotations

from showcase.strategy.years import Years


def duration(months: int) -> str:
    """ "1 year 8 months", "2 years", "5 months"."""
    years, rest = divmod(months, 12)
    parts = [f"{years} year{'s' if years != 1 else ''}"] if years else []
    if rest or not years:
        parts.append(f"{rest} month{'s' if rest != 1 else ''}")
    return " ".join(parts)


def years_shown(years: Years, who: str = "it") -> str:
    """ "1 year 8 months in your jobs (it asks 4+)"; "in no job, so years not shown (it
    asks 3+)" (a course or a project shows it)."""
    if not years.in_jobs:
        return f"in no job, so years not shown ({who} asks {years.asked}+)"
    return f"{duration(years.shown)} in your jobs ({who} asks {years.asked}+)"


def years_hint(years: Years) -> str:
    """What to prepare for years a posting asks and the jobs do not show: never the years
    it asks, only how long the profile shows."""
    if not years.in_jobs:
        shown = "no job in your profile names it"
    else:
        shown = f"your jobs show {duration(years.shown)} of it"
    return (
        f"It asks for {years.asked}+ years, and {shown}: say honestly how long you have "
        "done it, and what you did in that time."
    )
