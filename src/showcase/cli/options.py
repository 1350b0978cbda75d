"""Options shared by several commands, defined once.

Standard library and click only: the CLI must start fast, and the helper
process that lays out PDFs forks before anything heavy is imported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from showcase.files import AUTO_PAPER, PAPERS, POSTING_KINDS

F = TypeVar("F", bound=Callable[..., Any])


TODAY_RANGE = (1980, 2100)


class TextType(click.ParamType):  # type: ignore[type-arg]
    """Words that go into a file or a database: text, never the undecodable bytes a
    terminal in another encoding passes (Python keeps them as lone surrogates, which
    no file or database can store: an "internal error" before)."""

    name = "text"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and any("\ud800" <= ch <= "\udfff" for ch in value):
            self.fail(
                f"{value.encode('utf-8', 'surrogateescape')!r} is not UTF-8 text: type it in "
                "a UTF-8 terminal, or set LANG to a UTF-8 locale",
                param,
                ctx,
            )
        return value


TEXT = TextType()


class TodayType(click.ParamType):  # type: ignore[type-arg]
    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, dt.date):
            return value
        try:
            day = dt.date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date like 2026-11-28", param, ctx)
        if not TODAY_RANGE[0] <= day.year <= TODAY_RANGE[1]:
            # DOCX and ZIP dates run from 1980 to 2107; profile dates from 1900 to 2200.
            self.fail(
                f"{value}: choose a date from {TODAY_RANGE[0]} to {TODAY_RANGE[1]}", param, ctx
            )
        return day


class FormatList(click.ParamType):  # type: ignore[type-arg]
    """A comma-separated subset of the allowed formats."""

    name = "LIST"

    def __init__(self, choices: Sequence[str]) -> None:
        self.choices = list(choices)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, list):
            return value
        chosen = [v.strip().lower().lstrip(".") for v in str(value).split(",") if v.strip()]
        bad = [v for v in chosen if v not in self.choices]
        if bad or not chosen:
            self.fail(
                f"{', '.join(bad) or 'nothing'}: choose from {','.join(self.choices)}", param, ctx
            )
        return list(dict.fromkeys(chosen))


def today_option(f: F) -> F:
    return click.option(
        "--today",
        type=TodayType(),
        default=None,
        help="Pretend today is this date (decides what has expired); for reproducible output.",
    )(f)


def templates_option(f: F) -> F:
    return click.option(
        "--templates",
        "templates_dir",
        type=click.Path(file_okay=False, path_type=Path, resolve_path=True),
        default=None,
        help="Folder of your own templates; a file there overrides the bundled one of that name.",
    )(f)


def paper_option(f: F) -> F:
    return click.option(
        "--paper",
        type=click.Choice((AUTO_PAPER, *PAPERS), case_sensitive=False),
        default=AUTO_PAPER,
        show_default=True,
        help="Page size of the PDFs and DOCX files; auto: Letter in the US, Canada, Mexico and the "
        "other countries that print on it, A4 elsewhere (from the profile's `locale`, else its "
        "`contact.location`).",
    )(f)


def theme_option(f: F) -> F:
    return click.option(
        "--theme",
        metavar="NAME",
        default=None,
        help="Resume theme: classic (default), modern, compact, or yours under --templates "
        "(see `showcase themes`); overrides the profile's resume.theme.",
    )(f)


def strict_option(f: F) -> F:
    return click.option(
        "--strict",
        is_flag=True,
        help="Fail (exit status 1) on warnings too, e.g. in a script or CI.",
    )(f)


def cache_option(f: F) -> F:
    return click.option(
        "--no-cache",
        "no_cache",
        is_flag=True,
        help="Lay every PDF out anew: neither read nor fill the layout cache "
        "(see `showcase cache`).",
    )(f)


def show_ids_option(f: F) -> F:
    return click.option(
        "--show-ids",
        is_flag=True,
        help="Also print credential IDs on the resume's PDF, DOCX, HTML and Markdown "
        "(the text resume always has them).",
    )(f)


def _aim(report: str) -> Callable[[F], F]:
    return click.option(
        "--for",
        "for_posting",
        type=click.Path(path_type=Path, allow_dash=True),
        default=None,
        metavar="POSTING",
        help=f"Aim it at one job posting ({POSTING_KINDS}): order and select "
        f"what you have by what the posting asks for{report}.",
    )


# ``--for POSTING`` of a command that writes a match report too (`resume`, `build`), and
# of one that writes none (`linkedin`, `interview`: its help promised one, QA 2026-12-06).
for_option = _aim(", and write a match report")
aim_option = _aim(" (`resume --for` writes the match report)")


def postings_option(help_text: str) -> Callable[[F], F]:
    """``--postings PATH`` (repeatable): job postings, as `showcase gaps` reads them."""
    return click.option(
        "--postings",
        "postings",
        type=click.Path(exists=True, path_type=Path),
        multiple=True,
        help=help_text,
    )


def formats_option(choices: Sequence[str]) -> Callable[[F], F]:
    return click.option(
        "-f",
        "--format",
        "formats",
        type=FormatList(choices),
        default=",".join(choices),
        show_default=True,
        help="Formats to write, comma-separated.",
    )


def print_format_option(choices: Sequence[str], help_text: str) -> Callable[[F], F]:
    """`--format` for what a command prints (the first choice is the default)."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(list(choices)),
        default=choices[0],
        show_default=True,
        help=help_text,
    )


def output_option(default: str = ".") -> Callable[[F], F]:
    def decorate(f: F) -> F:
        f = click.option(
            "--force",
            is_flag=True,
            help="Replace output files even if showcase did not write them or they were edited.",
        )(f)
        return click.option(
            "-o",
            "--output",
            "output",
            default=default,
            show_default=True,
            type=click.Path(path_type=Path, allow_dash=True),
            help="Folder to write into.",
        )(f)

    return decorate


def new_file_option(help_text: str) -> Callable[[F], F]:
    """``-o FILE``: a new file (never overwritten), or ``-`` for standard output."""
    return click.option(
        "-o",
        "--output",
        type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
        default="-",
        help=help_text,
    )
