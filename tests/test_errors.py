"""Problems and errors as they are shown: control characters escaped."""

from __future__ import annotations

from showcase.errors import Problem


def test_problem_format_escapes_control_characters() -> None:
    problem = Problem("f.yaml", 1, 2, "a\x1bb", "bad \x07 value\nsecond line")
    text = problem.format()
    assert "\x1b" not in text and "\x07" not in text and "\n" not in text


def test_a_long_path_keeps_its_file_name() -> None:
    """Two profiles deep in long folders differ by their names: those must show."""
    from showcase.errors import shown

    long = "/home/someone/" + "a-very-long-folder-name/" * 6 + "alex.yaml"
    quoted = shown(long, path=True)
    assert quoted.endswith("alex.yaml") and quoted.startswith("/home/") and "…" in quoted
    assert len(quoted) == 80
    assert shown(long).endswith("…")  # any other value keeps its start


def test_visible_escapes_direction_overrides() -> None:
    """A value printed in a message (an imported badge's name) with U+202E would reverse
    the rest of the terminal line; like ESC, it is shown as an escape."""
    from showcase.errors import visible

    assert visible("Badge\u202e: name") == "Badge\\u202e: name"
    assert visible("\u2067x\u2069") == "\\u2067x\\u2069"
    assert visible("Zoë, 山田") == "Zoë, 山田"
