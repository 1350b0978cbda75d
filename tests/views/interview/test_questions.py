"""A story's competencies from its words (`views/interview/questions.py`)."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.views.interview.questions import _word_character, keyword_in


def _by_pattern(keyword: str, haystack: str) -> bool:
    """The rule as a regular expression (what keyword_in did, compiling one per keyword)."""
    if re.fullmatch(r"[\w /.+-]+", keyword):
        return re.search(rf"(?<!\w){re.escape(keyword)}(?!\w)", haystack) is not None
    return keyword in haystack


def test_a_word_character_is_what_a_pattern_calls_one_in_all_of_unicode() -> None:
    word = re.compile(r"\w")
    for code in range(sys.maxunicode + 1):
        character = chr(code)
        assert _word_character(character) == (word.match(character) is not None), hex(code)


def test_keywords_are_found_as_words() -> None:
    assert keyword_in("art", "the art of it") and not keyword_in("art", "a start")
    assert keyword_in("c++", "wrote c++ daily") and keyword_in("sql", "sql")
    assert not keyword_in("sql", "mysql") and keyword_in("a/b testing", "ran a/b testing.")
    assert keyword_in("r&d", "led r&d work") and not keyword_in("data", "")


_WORDS = st.sampled_from(["data", "art", "sql", "c++", "a/b", "lead", "r&d", "_x", "é", "1.5"])
_TEXT = st.lists(
    st.one_of(_WORDS, st.sampled_from([" ", "-", "_", "s", ".", "é", "1", "/", "+", "&"])),
    max_size=12,
).map("".join)


@settings(max_examples=600, deadline=None)
@given(_WORDS | _TEXT, _TEXT)
def test_the_scan_agrees_with_the_pattern(keyword: str, haystack: str) -> None:
    assert keyword_in(keyword, haystack) == _by_pattern(keyword, haystack)
