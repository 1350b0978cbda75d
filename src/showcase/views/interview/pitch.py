"""The answer to "Tell me about yourself": present, past, credentials, a result, next.

Every sentence is built (views/grammar.py), not glued: a highlight joins "where I ..."
only when it says what the person did, in the tense of the job (held: "lead"; left:
"led"), and the result named is a change ("cut cost per acquisition 18%"), never a
size ("40 landing pages").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from showcase.profile import LoadedProfile
from showcase.profile.models import Experience
from showcase.profile.types import PartialDate
from showcase.views.common import (
    a_or_an,
    end_of,
    in_sentence,
    join_words,
    of_issuer,
    same_title,
)
from showcase.views.figures import is_change
from showcase.views.grammar import after_colon, clauses, predicate, role_phrase
from showcase.views.interview.seeds import _FIGURE_TOKEN, has_figure
from showcase.views.interview.stories import WORDS_PER_MINUTE as WORDS_PER_MINUTE
from showcase.views.interview.stories import is_current as is_current
from showcase.views.interview.stories import lower_first as lower_first

if TYPE_CHECKING:
    from showcase.views.interview.stories import Story

PITCH_MIN, PITCH_MAX = 60, 90  # "Tell me about yourself": 60 to 90 seconds spoken


@dataclass(frozen=True)
class Pitch:
    """The answer to "Tell me about yourself": present, past, credentials, result, next."""

    sentences: tuple[str, ...]
    words: int
    seconds: int
    career_change: bool  # the target role differs from the current title
    warning: str | None

    @property
    def text(self) -> str:
        return " ".join(self.sentences)

    @property
    def timing(self) -> str:
        """``about 1 min 10 s spoken (164 words); aim for 60 to 90 s``."""
        minutes, seconds = divmod(self.seconds, 60)
        spoken = f"{minutes} min {seconds:02d} s" if minutes else f"{seconds} s"
        return f"about {spoken} spoken ({self.words} words); aim for {PITCH_MIN} to {PITCH_MAX} s"


def _until(job: Experience, today: dt.date) -> str:
    """``Until recently I was`` for a job left within the year, else ``Until June 2019
    I was``: "recently" is not true of a job left years ago."""
    end = job.end
    if not isinstance(end, PartialDate) or (today - end.last_day).days <= 366:
        return "Until recently I was"
    return f"Until {end.long()} I was"


def _years(job: Experience, today: dt.date) -> int:
    end = job.end.first_day if isinstance(job.end, PartialDate) else today
    return max(1, round((min(end, today) - job.start.first_day).days / 365.25))


NUMBER_WORDS = {
    1: "one",
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
}


def _shares_figure(a: str, b: str) -> bool:
    figures = {f for f in _FIGURE_TOKEN.findall(a) if has_figure(f)}
    return any(f in b for f in figures)


@dataclass(frozen=True)
class _Result:
    text: str  # as the person wrote it
    work: str  # what it came of: "on search campaigns rebuilt around intent", "at Acme"
    ongoing: bool = False  # a highlight of a job still held: "where I keep ..."


def _best_result(
    stories: tuple[Story, ...], jobs: list[Experience], holds: Callable[[Experience], bool]
) -> _Result | None:
    """The result to name: a change, from a job's story, a capstone, or a highlight."""
    ordered = sorted(stories, key=lambda s: s.source is None)  # work stories first
    story = next((s for s in ordered if s.result and is_change(s.result)), None)
    if story is not None and story.result:
        return _Result(story.result, f"on {lower_first(story.title.strip().rstrip('.'))}")
    return next(
        (
            _Result(h, f"at {j.organization}", holds(j))
            for j in jobs
            for h in j.highlights
            if is_change(h)
        ),
        None,
    )


def _doing(job: Experience, skip: str | None, held: bool) -> tuple[str | None, str | None]:
    """``where I lead a team of four ...``: the first highlight that says what the person
    does (not the result, told later), and the highlight used."""
    for highlight in job.highlights:
        if highlight == skip:
            continue
        said = predicate(highlight, ongoing=held)
        if said:
            return f", where I {said}", highlight
    return None, None


def _result_sentence(result: _Result) -> str:
    """``I'm proud that I cut cost per acquisition 18% ...`` for an action, or ``I'm proud
    of my work on search campaigns rebuilt around intent: cost per acquisition fell 18%
    ...`` for a sentence of the user's, named by the project or job it came of ("I'm
    proud of the result: ..." named none)."""
    text = result.text
    if clauses(text):
        return f"I'm proud that I {predicate(text, ongoing=False)}."
    work = result.work
    # "Keep a book of 140 accounts; 94% renewed": the action is what they did there, the
    # rest what came of it.
    first, _, rest = text.partition(";")
    if rest.strip() and clauses(first):
        work = f"{work}, where I {predicate(first, ongoing=result.ongoing)}"
        text = rest
    return f"I'm proud of my work {work}: {after_colon(text.strip().rstrip('.'))}."


def pitch(
    loaded: LoadedProfile,
    stories: tuple[Story, ...],
    target: str | None,
    *,
    carries_over: bool = True,
) -> Pitch:
    """Present, past, the credentials, the best result, and what comes next.

    `carries_over` is False for a posting the profile meets nothing of: the close then
    says only what comes next, never that the role "builds on all of that"."""
    profile = loaded.profile
    jobs = loaded.jobs_newest_first
    sentences: list[str] = []
    current = jobs[0] if jobs else None
    result = _best_result(stories, jobs, loaded.holds)
    told = result.text if result else None  # told last: not said before as what they do
    if current is not None:
        held = loaded.holds(current)  # a fixed-term job that ends after today too
        doing, used = _doing(current, told, held)
        verb = "I'm" if held else _until(current, loaded.today)
        sentences.append(
            end_of(f"{verb} {a_or_an(current.title)} at {current.organization}{doing or ''}")
        )
        more = [
            said
            for h in sorted(current.highlights, key=lambda h: not has_figure(h))
            if h not in (used, told) and not (told and _shares_figure(h, told))
            for said in [predicate(h, ongoing=held)]
            if said
        ]
        if more:
            sentences.append(f"I also {more[0]}.")
        role = next((r for h in current.highlights for r in [role_phrase(h)] if r), None)
        if role:
            subject = "I'm" if held else "I was"
            sentences.append(f"{subject} also {a_or_an(role)}.")
    if len(jobs) > 1:
        previous = jobs[1]
        years = _years(previous, loaded.today)
        span = f"{NUMBER_WORDS.get(years, str(years))} year{'s' if years > 1 else ''}"
        doing, _ = _doing(previous, told, loaded.holds(previous))
        sentences.append(
            end_of(
                f"Before that I spent {span} as {a_or_an(previous.title)} at "
                f"{previous.organization}{doing or ''}"
            )
        )
    complete, best = loaded.complete_stacks, []
    if complete:
        stack = complete[0]
        members = [profile.credential(cid) for cid in stack.credentials]
        count = NUMBER_WORDS.get(len(members), str(len(members)))
        sentences.append(
            end_of(
                f"To go further in {in_sentence(stack.name)}, I have earned {count} "
                f"credentials: {join_words([of_issuer(c) for c in members])}"
            )
        )
    else:
        best = [c for c in loaded.valid_credentials if not c.is_completion_only][:2]
        if best:
            also = " also" if sentences else ""
            earned = join_words([of_issuer(c) for c in best])
            sentences.append(end_of(f"I have{also} earned {earned}"))
    if result:
        sentences.append(_result_sentence(result))
    title = current.title if current else None
    career_change = bool(target and title and not same_title(target, title))
    if target and career_change:
        move = f"Next, I want to move from {title} into {a_or_an(target)} role"
        sentences.append(
            f"{move}, and this one builds on all of that." if carries_over else f"{move}."
        )
    elif target:
        next_role = f"Now I'm looking for my next {target} role"
        fits = ", and this one fits what I do best" if carries_over else ""
        sentences.append(f"{next_role}{fits}.")
    elif not carries_over:
        sentences.append("Now I want to take on this role.")
    else:  # "That is why this role interests me." followed a list of credentials
        one = len(sentences) == 1 and len(best) == 1  # "I have earned the CompTIA A+."
        sentences.append(
            f"Now I want to put {'it' if one else 'all of that'} to work in this role."
        )
    words = sum(len(x.split()) for x in sentences)
    seconds = round(words / WORDS_PER_MINUTE * 60)
    warning = None
    if seconds < PITCH_MIN:
        warning = (
            f"runs about {seconds} s; under {PITCH_MIN} s: add a highlight to your current job "
            "or a stack with a target role"
        )
    elif seconds > PITCH_MAX:
        warning = f"runs about {seconds} s; over {PITCH_MAX} s: shorten your first highlights"
    return Pitch(tuple(sentences), words, seconds, career_change, warning)
