"""`showcase watch`'s line after each build, as a person reads it."""

from __future__ import annotations

import pytest

from showcase.cli.watch import built_line


@pytest.mark.parametrize(
    ("changed", "made", "said"),
    [
        # It read "nothing changed (2 PDF laid out)" and "1 files changed" (words round 2).
        (0, ["pdf", "pdf"], "built in 0.82 s: nothing changed (2 PDFs laid out)"),
        (1, ["pdf"], "built in 0.82 s: 1 file changed (1 PDF laid out)"),
        (
            3,
            ["pdf", "docx", "pdf", "docx"],
            "built in 0.82 s: 3 files changed (2 PDFs and 2 DOCX files laid out)",
        ),
        (2, ["docx"], "built in 0.82 s: 2 files changed (1 DOCX file laid out)"),
        (0, [], "built in 0.82 s: nothing changed"),
    ],
)
def test_the_line_after_a_build_counts_in_words(changed: int, made: list[str], said: str) -> None:
    assert built_line(0.82, changed, made) == said
