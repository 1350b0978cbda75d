"""Shortening text to a limit: the paths a long post or headline takes."""

from __future__ import annotations

from showcase.views.common import join_words, shorten


def test_text_that_fits_is_unchanged() -> None:
    assert shorten("Short enough.", 50) == "Short enough."


def test_cut_at_a_sentence_when_one_ends_late_enough() -> None:
    text = "First sentence is here. Second one runs on and on past the limit."
    assert shorten(text, 40) == "First sentence is here."


def test_cut_at_a_word_with_an_ellipsis_when_no_sentence_ends_in_time() -> None:
    text = "One very long sentence without any full stop that goes on and on"
    out = shorten(text, 30)
    assert out.endswith("…") and len(out) <= 30
    assert text.startswith(out[:-1])
    assert not out[:-1].endswith(" ")


def test_nothing_when_not_even_one_word_fits() -> None:
    assert shorten("Supercalifragilisticexpialidocious", 10) == ""
    assert shorten("abc def", 1) == ""


def test_join_words() -> None:
    assert join_words([]) == ""
    assert join_words(["a"]) == "a"
    assert join_words(["a", "b"]) == "a and b"
    assert join_words(["a", "b", "c"]) == "a, b and c"
