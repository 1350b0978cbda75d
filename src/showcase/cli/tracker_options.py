"""Options of `showcase apply` and `showcase applications`, defined once."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any, TypeVar

import click

from showcase.cli.options import TodayType

F = TypeVar("F", bound=Callable[..., Any])


class StatusType(click.ParamType):  # type: ignore[type-arg]
    """An application's status; `no-reply`, `No_Reply` and `"no reply"` are one."""

    name = "STATUS"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from showcase.tracker.statuses import TrackerError, status_name

        try:
            return status_name(str(value))
        except TrackerError as error:
            self.fail(error.format_message(), param, ctx)


class FollowUpType(click.ParamType):  # type: ignore[type-arg]
    """A date, `+N` (days after the change's date), or `none` to clear it."""

    name = "DATE|+DAYS|none"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, (dt.date, int)) or value is None:
            return value
        text = str(value).strip().lower()
        if text in ("none", "no", "clear", "-"):
            return "none"
        found = re.fullmatch(r"\+(\d+)d?", text)
        if found and len(found.group(1).lstrip("0")) > 3:  # int() of 5,000 digits raises
            self.fail(f"{value}: at most +999 days; give a date instead", param, ctx)
        if found:
            return int(found.group(1))
        return TodayType().convert(value, param, ctx)


def db_option(default: str) -> Callable[[F], F]:
    return click.option(
        "--db",
        envvar="SHOWCASE_DB",
        default=None,
        metavar="DB",
        help=f"The applications database: a SQLite file or a postgresql:// URL "
        f"(default: $SHOWCASE_DB, else {default}).",
    )


def today_option(f: F) -> F:
    """`--today` for the tracker: the day the days are counted to, and changes dated."""
    return click.option(
        "--today",
        type=TodayType(),
        default=None,
        help="Pretend today is this date: the days since applying count to it, and a "
        "change without --on is dated on it.",
    )(f)
