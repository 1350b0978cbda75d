"""A profile's YAML as read: the data, the file it came from and the position of every value
and key (`Source`), and numbers that remember the text they were written as.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from showcase.errors import Problem

Path_ = tuple[str | int, ...]


class YamlInt(int):
    """An int that remembers how it was written (``00172``, ``1_000``)."""

    source: str

    def __new__(cls, value: int, source: str) -> YamlInt:
        obj = super().__new__(cls, value)
        obj.source = source
        return obj


class YamlFloat(float):
    """A float that remembers how it was written (``1.10`` is not ``1.1``)."""

    source: str

    def __new__(cls, value: float, source: str) -> YamlFloat:
        obj = super().__new__(cls, value)
        obj.source = source
        return obj


@dataclass
class Source:
    """Plain data read from a file, with the position of every value in it."""

    file: str  # the name to show in messages
    path: Path | None
    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    # Problems found while reading that do not stop validation (duplicate keys).
    problems: list[Problem] = field(default_factory=list)

    def where(self, loc: Path_, *, key: bool = False) -> tuple[int, int]:
        """The (line, column) of the value at `loc`, or of its nearest ancestor.

        With ``key=True`` the position of the mapping key is preferred (for
        "unknown field" errors the key is what the user has to change).
        """
        loc = tuple(loc)
        if key and loc in self.keys:
            return self.keys[loc]
        while loc:
            if loc in self.values:
                return self.values[loc]
            loc = loc[:-1]
        return self.values.get((), (1, 1))

    def problem(self, loc: Path_, message: str, *, key: bool = False) -> Problem:
        line, column = self.where(loc, key=key)
        return Problem(self.file, line, column, format_loc(loc), message)


def format_loc(loc: Path_) -> str:
    """``("credentials", 2, "issuer")`` -> ``credentials[2].issuer``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
