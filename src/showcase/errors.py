"""Errors that print themselves.

Users cause `ShowcaseError`s (bad input, a file in the way); they are
`click.ClickException`s so the CLI shows one clear message and exits non-zero
without a traceback.  Anything else that escapes is a bug in showcase and is
shown as such (see `showcase.cli.main`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import click

SHOWN_LIMIT = 80  # characters of a user's value quoted in a message


def shown(value: Any, limit: int = SHOWN_LIMIT, *, path: bool = False) -> str:
    """A user's value as quoted in a message: cut to `limit` characters, control codes escaped.

    A 300 KB value must not make a 300 KB error line, and an escape code in a
    value must not reach the terminal raw. A `path` is cut in the middle, so that its
    file name, which tells two paths apart, stays.
    """
    text = str(getattr(value, "source", value))
    if len(text) > limit and path:
        head = limit // 3
        text = text[:head] + "…" + text[-(limit - head - 1) :]
    elif len(text) > limit:
        text = text[: limit - 1] + "…"
    return visible(text).replace("\n", "\\n").replace("\t", "\\t")


# Control characters, line separators, direction overrides and isolates (they would
# reverse the rest of the terminal line), lone surrogates.
_INVISIBLE_RE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def visible(text: str) -> str:
    """`text` with control characters and direction overrides written as escapes
    (``\\x1b``, ``\\u202e``), safe to print."""
    return _INVISIBLE_RE.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text)


MESSAGE_LIMIT = 600  # characters; values inside messages are cut far shorter


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or worth a warning) in a user's file, with its place."""

    file: str
    line: int  # 1-based; 0 when the place is the whole file
    column: int  # 1-based; 0 when unknown
    field: str  # dotted path, e.g. "credentials[2].issuer"; "" for the whole file
    message: str

    def format(self, *, severity: str = "") -> str:
        """``FILE:LINE:COLUMN: severity: field: message`` on one line, safe for a terminal.

        Control characters are written as escapes (an ESC in a key must not
        drive the terminal) and overlong parts are cut.
        """
        where = shown(self.file, 200) if self.file else ""
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        label = f"{severity}: " if severity else ""
        field = f"{shown(self.field, 120)}: " if self.field else ""
        text = f"{label}{field}{shown(self.message, MESSAGE_LIMIT)}"
        return f"{where}: {text}" if where else text

    @classmethod
    def about(cls, file: str, subject: str, message: str) -> Problem:
        """A problem of a whole file or artifact, with no line: ``resume: ...``."""
        return cls(file, 0, 0, subject, message)


class ShowcaseError(click.ClickException):
    """An error the user can fix; printed without a traceback."""

    exit_code = 1

    def show(self, file: IO[Any] | None = None) -> None:
        click.secho(f"Error: {self.format_message()}", err=True, fg="red", file=file)


class ProfileError(ShowcaseError):
    """A profile that cannot be used, with every problem found in it."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = sorted(problems)
        files = sorted({p.file for p in self.problems})
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        header = f"{', '.join(files)}: {count} {noun}"
        super().__init__(header)

    def format_message(self) -> str:
        lines = [self.message] + [f"  {p.format()}" for p in self.problems]
        return "\n".join(lines)

    def show(self, file: IO[Any] | None = None) -> None:
        for problem in self.problems:
            click.secho(problem.format(severity="error"), err=True, fg="red", file=file)
        count = len(self.problems)
        files = ", ".join(sorted({p.file for p in self.problems}))
        click.echo(f"{count} error{'s' if count != 1 else ''} in {files}", err=True, file=file)


class OutputExistsError(ShowcaseError):
    """Refusing to overwrite a file the user wrote."""

    def __init__(self, path: Path, hint: str = "") -> None:
        message = f"{path} already exists; showcase will not overwrite it."
        if path.is_symlink() and not path.exists():
            message = (
                f"{path} is a link to a file that does not exist ({path.readlink()}); "
                "showcase will not replace the link with a file."
            )
        if hint:
            message += f" {hint}"
        super().__init__(message)


class TemplateError(ShowcaseError):
    """A (user's or bundled) template that fails to render."""


class RenderError(ShowcaseError):
    """Writing an artifact failed for a reason the user can act on."""
