"""Practice mode of index.html: flashcards from the interview sheet's stories, and a timer.

Each card is one question a story answers (the story's own questions first, then those
of the question bank attached by competency); its back is the story's outline, short
cues to speak from rather than a script. The timer measures an answer against the
sheet's aim of 1 to 2 minutes spoken.
"""

from __future__ import annotations

from dataclasses import dataclass

from showcase.views.common import shorten
from showcase.views.interview import MAX_SECONDS, InterviewSheet, Story

AIM_MIN, AIM_MAX = 60, MAX_SECONDS  # seconds: the sheet's "1 to 2 minutes is right"
CUE = 140  # characters of a part's cue; the whole part is on the sheet
ACTION_CUE = 110


@dataclass(frozen=True)
class OutlinePart:
    label: str  # Situation, Task, Obstacle, Action, Result, Reflection
    cues: tuple[str, ...]  # one for each part, one per step for the Action


@dataclass(frozen=True)
class PracticeCard:
    question: str
    competency: str | None  # the competency it tests; None for the story's own questions
    story: str  # the title of the story that answers it
    source: str | None  # "capstone of ..." or "Marketing Manager, Lakeside Outfitters"
    outline: tuple[OutlinePart, ...]
    timing: str  # how long the story runs as written

    @property
    def key(self) -> str:
        """What the card's front says under the question."""
        return f"Tests: {self.competency}" if self.competency else "Your own question"


@dataclass(frozen=True)
class Practice:
    cards: tuple[PracticeCard, ...]
    min_seconds: int = AIM_MIN
    max_seconds: int = AIM_MAX

    @property
    def introduction(self) -> str:
        return (
            "Read a question, answer it aloud with the story you would tell, then open the "
            "card to check your answer against the story's outline. Time yourself: "
            f"{self.min_seconds // 60} to {self.max_seconds // 60} minutes is right."
        )

    @property
    def empty(self) -> str:
        """What the practice section says when there is no story to practise."""
        return (
            "No stories yet, so no cards: add a project or an experience story to your "
            "profile, told as STAR, and its questions become cards here."
        )

    # The timer's words. The page adds the time; `stopped` has {time} and {verdict}.
    @property
    def idle(self) -> str:
        return "Press Start, answer aloud, then press Stop."

    @property
    def running(self) -> str:
        return "Timing your answer."

    @property
    def stopped(self) -> str:
        return "You spoke for {time}: {verdict}."

    @property
    def under(self) -> str:
        return f"under {self.min_seconds} s, so say more about what you did and what changed"

    @property
    def in_range(self) -> str:
        return f"in range ({self.min_seconds // 60} to {self.max_seconds // 60} minutes)"

    @property
    def over(self) -> str:
        return f"over {self.max_seconds // 60} minutes, so trim the situation and keep the actions"

    @property
    def short_under(self) -> str:
        return f"under {self.min_seconds // 60} min"

    @property
    def short_in_range(self) -> str:
        return f"{self.min_seconds // 60}–{self.max_seconds // 60} min"

    @property
    def short_over(self) -> str:
        return f"over {self.max_seconds // 60} min"


def _outline(story: Story) -> tuple[OutlinePart, ...]:
    parts = [
        OutlinePart(label, (shorten(text.strip(), CUE),))
        for label, text in (
            ("Situation", story.situation),
            ("Task", story.task),
            ("Obstacle", story.obstacle),
        )
        if text and text.strip()
    ]
    actions = tuple(shorten(a.strip(), ACTION_CUE) for a in story.actions if a.strip())
    if actions:
        parts.append(OutlinePart("Action", actions))
    for label, text in (("Result", story.result), ("Reflection", story.reflection)):
        if text and text.strip():
            # The result is said whole: its figure is the point of the story.
            cue = text.strip() if label == "Result" else shorten(text.strip(), CUE)
            parts.append(OutlinePart(label, (cue,)))
    return tuple(p for p in parts if all(p.cues))


def _source(story: Story) -> str | None:
    if story.credential:
        return f"capstone of {story.credential.name}"
    return story.source


def practice(sheet: InterviewSheet | None) -> Practice:
    """The cards of every story: one per question it answers, in the sheet's order."""
    cards: list[PracticeCard] = []
    for story in sheet.stories if sheet else ():
        outline = _outline(story)
        questions = [(q, None) for q in story.own_questions] + [
            (question, label) for label, question in story.bank_questions
        ]
        if not questions:  # every story is worth rehearsing
            questions = [(f"Walk me through “{story.title}”.", None)]
        cards.extend(
            PracticeCard(
                question=question,
                competency=label,
                story=story.title,
                source=_source(story),
                outline=outline,
                timing=story.timing,
            )
            for question, label in questions
        )
    return Practice(tuple(cards))
