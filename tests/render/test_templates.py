"""Jinja as showcase runs it: the Markdown escape keeps a user's text text."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt


def _blocks(markdown: str) -> list[str]:
    return [token.type for token in MarkdownIt("commonmark").parse(markdown)]


@pytest.mark.parametrize(
    "text", ["a\n===\nb", "a\n---", "a\n  ==  \nb", "a\n- - -\nb", "---", "a\n=\nb", "a\n-"]
)
def test_md_escape_keeps_underlines_text(text: str) -> None:
    from showcase.render.templates import md_escape

    assert _blocks(md_escape(text)) == ["paragraph_open", "inline", "paragraph_close"]
