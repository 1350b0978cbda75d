"""Practice mode of index.html: the cards and the timer's words, decided in the view."""

from __future__ import annotations

from pathlib import Path

from showcase.artifacts.interview import render_interview
from showcase.views.interview import interview_sheet
from showcase.views.practice import AIM_MAX, AIM_MIN, practice
from tests.conftest import load_example
from tests.helpers import load


def test_a_card_for_every_question_a_story_answers() -> None:
    sheet = render_interview(load_example("jordan-rivera"), formats=["md"]).sheet
    assert sheet is not None
    cards = practice(sheet).cards
    expected = [
        (question, story.title)
        for story in sheet.stories
        for question in [*story.own_questions, *(q for _, q in story.bank_questions)]
    ]
    assert [(c.question, c.story) for c in cards] == expected
    first = cards[0]
    assert first.key == "Your own question"
    assert [p.label for p in first.outline] == [
        "Situation",
        "Task",
        "Action",
        "Result",
        "Reflection",
    ]
    (action,) = [p for p in first.outline if p.label == "Action"]
    assert len(action.cues) == len(sheet.stories[0].actions)
    (result,) = [p for p in first.outline if p.label == "Result"]
    assert result.cues == (sheet.stories[0].result.strip(),)  # type: ignore[union-attr]
    assert first.source == "capstone of Google Data Analytics Professional Certificate"
    banked = [c for c in cards if c.competency]
    assert banked and all(c.key == f"Tests: {c.competency}" for c in banked)


def test_the_timer_aims_at_one_to_two_minutes() -> None:
    words = practice(None)
    assert (AIM_MIN, AIM_MAX) == (60, 120)
    assert "1 to 2 minutes" in words.introduction and "1 to 2 minutes" in words.in_range
    assert words.under.startswith("under 60 s") and words.over.startswith("over 2 minutes")
    assert "{time}" in words.stopped and "{verdict}" in words.stopped


def test_no_stories_no_cards_but_words_that_say_why() -> None:
    sheet = render_interview(load_example("minimal"), formats=["md"]).sheet
    result = practice(sheet)
    assert result.cards == ()
    assert "No stories yet" in result.empty


def test_a_story_without_questions_still_gets_a_card(tmp_path: Path) -> None:
    loaded = load(
        tmp_path,
        f"""
        name: J
        projects:
          - title: A quiet win
            situation: {"word " * 80}
            actions: [Did one thing.]
            result: Saved 5 hours a week.
        """,
    )
    (card,) = practice(interview_sheet(loaded, ())).cards  # a bank with no questions
    assert card.question == "Walk me through “A quiet win”."
    situation = card.outline[0]
    assert situation.label == "Situation"
    assert len(situation.cues[0]) <= 140 and situation.cues[0].endswith("…")
