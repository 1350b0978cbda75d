"""Reading a posting's line as requirements takes time in proportion to its length.

What comes before a term ("such as", "the ... team") was searched for from the start of
the line at every term, so a long line took the square of its length: "3+ years of SQL
and " 2,000 times (40 KB) took 5 s, "the SQL team and " 2,000 times 3 s. Measured here as
the characters those searches look at (a count, not a time).
"""

from __future__ import annotations

import re

import pytest

from showcase.strategy import requirements as requirements_module
from showcase.strategy.postings import from_text
from showcase.strategy.requirements import requirements


class _Counted:
    """A pattern searched backwards from a term, counting the characters it is given."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.looked_at = 0

    def search(self, text: str, pos: int = 0, endpos: int = 2**62) -> re.Match[str] | None:
        self.looked_at += min(endpos, len(text)) - pos
        return self.pattern.search(text, pos, endpos)


@pytest.mark.parametrize(
    ("name", "repeated"),
    [("_EXAMPLES_BEFORE", "3+ years of SQL and "), ("_DEPARTMENT_BEFORE", "the SQL team and ")],
)
def test_what_comes_before_a_term_is_looked_at_near_it(
    monkeypatch: pytest.MonkeyPatch, name: str, repeated: str
) -> None:
    counted = _Counted(getattr(requirements_module, name))
    monkeypatch.setattr(requirements_module, name, counted)
    line = repeated * 2000
    requirements(from_text("posting.txt", f"Analyst\nAcme\n\nRequirements\n- {line}\n"))
    assert 0 < counted.looked_at <= 200 * 2000  # a bounded look per term; it was ~40 million


@pytest.mark.parametrize(
    ("line", "names"),
    [
        (
            "Experience with tools such as Tableau, Power BI and Looker",
            [["Tableau", "Power BI", "Looker"]],
        ),
        ("Partner with the merchandising team and our CSM team", []),
        ("Work with our CSM team; Salesforce", [["Salesforce"]]),
    ],
)
def test_the_rules_read_the_same(line: str, names: list[list[str]]) -> None:
    found = requirements(from_text("posting.txt", f"Analyst\nAcme\n\nRequirements\n- {line}\n"))
    assert [group.names for group in found.groups] == names
