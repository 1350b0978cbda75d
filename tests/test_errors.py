"""Problems and errors as they are shown: control characters escaped."""

from __future__ import annotations

from showcase.errors import Problem


def test_problem_format_escapes_control_characters() -> None:
    problem = Problem("f.yaml", 1, 2, "a\x1bb", "bad \x07 value\nsecond line")
    text = problem.format()
    assert "\x1b" not in text and "\x07" not in text and "\n" not in text
