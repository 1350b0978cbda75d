"""A capstone or a work story told in STAR form (`Story`): its parts, spoken length, the
competencies it shows, the bank's questions it answers and the follow-ups an interviewer may
ask.

Timing (docs/design.md, "STAR"): a spoken answer runs 60 s to 2 min, about 60% of it on the
Action; at ~140 words a minute that is roughly 150-300 words. We warn under 45 s (too thin
to convince) and over 2 min (the listener drifts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from showcase.profile import Credential, LoadedProfile
from showcase.profile.models import Experience, StarFields
from showcase.profile.types import PRESENT
from showcase.views.common import in_sentence, join_words, of_issuer
from showcase.views.interview.questions import Competency, story_competencies

WORDS_PER_MINUTE = 140


def lower_first(text: str) -> str:
    """A title or fragment mid-sentence: its first letter lowered unless it is a name
    (``SEO``, ``HubSpot``) or opens with a tool's or credential's name (``Epic flowsheet
    clean-up`` kept "Epic", which read "epic flowsheet clean-up" before)."""
    from showcase.views.grammar import after_colon

    return after_colon(text)


def is_current(job: Experience) -> bool:
    return job.end is None or job.end == PRESENT


MIN_SECONDS, MAX_SECONDS = 45, 120
BANK_QUESTIONS_PER_STORY = 3
MAX_COMPETENCIES = 4  # shown beside a story

NUMBER = re.compile(
    r"\d|%|\b(?:doubled|tripled|halved|twice|half|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|dozen|hundred|thousand|million)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class CredentialRef:
    name: str
    issuer: str
    date: str


@dataclass(frozen=True)
class Story:
    title: str
    credential: CredentialRef | None
    source: str | None  # "Marketing Manager, Lakeside Outfitters" for a story from a job
    skills: tuple[str, ...]
    tools: tuple[str, ...]
    opening: str
    situation: str | None
    task: str | None
    obstacle: str | None
    actions: tuple[str, ...]
    result: str | None
    reflection: str | None
    competencies: tuple[str, ...]  # labels of the competencies it shows
    own_questions: tuple[str, ...]
    bank_questions: tuple[tuple[str, str], ...]  # (competency label, question)
    follow_ups: tuple[str, ...]  # two questions an interviewer is likely to ask next
    words: int
    seconds: int
    warnings: tuple[str, ...]
    url: str | None

    @property
    def timing(self) -> str:
        minutes, seconds = divmod(self.seconds, 60)
        spoken = f"{minutes} min {seconds:02d} s" if minutes else f"{seconds} s"
        return f"about {spoken} spoken ({self.words} words at {WORDS_PER_MINUTE} a minute)"


def _opening(project: StarFields, credential: Credential | None, job: Experience | None) -> str:
    subject = lower_first(project.title.rstrip("."))
    if job is not None:
        if is_current(job):
            return f"A recent example from my work as {job.title} at {job.organization}: {subject}."
        return f"A good example is from my time as {job.title} at {job.organization}: {subject}."
    if credential is None:
        return f"A good example is a project of mine: {subject}."
    skills = list(credential.skills)
    focus = join_words([in_sentence(s) for s in skills[:2]])
    why = f" to deepen my {focus} skills" if focus else ""
    return (
        f"Recently I completed {of_issuer(credential)}{why}; "
        f"for the capstone I worked on {subject}."
    )


_TEAM = re.compile(r"\b(?:we|our|team|with|together|colleagues|engineers)\b", re.IGNORECASE)


def _follow_ups(project: StarFields) -> tuple[str, str]:
    """The two questions an interviewer is most likely to ask after this story."""
    if project.result and NUMBER.search(project.result):
        first = "How did you measure that result, and what was the figure before you started?"
    elif project.result:
        first = "How did you know it had worked?"
    else:
        first = "What came of it in the end?"
    actions = " ".join(project.actions)
    if _TEAM.search(actions):
        second = "What was your own part, and what did the others do?"
    elif project.tools:
        second = f"Why {project.tools[0]}, and what would you use with more time?"
    elif project.obstacle:
        second = "Looking back, what would you do earlier to avoid the setback?"
    else:
        second = "What would you do differently next time?"
    return first, second


def tell_story(
    loaded: LoadedProfile,
    project: StarFields,
    bank: tuple[Competency, ...],
    used: set[str],
    *,
    credential: Credential | None = None,
    job: Experience | None = None,
    url: str | None = None,
) -> Story:
    skills = list(credential.skills) if credential else []
    opening = _opening(project, credential, job)
    spoken = [
        opening,
        project.situation,
        project.task,
        project.obstacle,
        *project.actions,
        project.result,
        project.reflection,
    ]
    words = sum(len(part.split()) for part in spoken if part)
    seconds = round(words / WORDS_PER_MINUTE * 60)
    warnings = []
    if seconds < MIN_SECONDS:
        warnings.append(
            f"runs about {seconds} s spoken; under {MIN_SECONDS} s sounds thin: add detail "
            "to the actions and the result"
        )
    if seconds > MAX_SECONDS:
        warnings.append(
            f"runs about {seconds // 60} min {seconds % 60:02d} s spoken; over 2 minutes "
            "loses the listener: trim the situation and task, keep the actions"
        )
    if not project.result:
        warnings.append("has no result: say what changed because of your work")
    elif not NUMBER.search(project.result):
        warnings.append("its result has no number: add one (a percentage, an amount, a time)")
    if not project.actions:
        warnings.append("has no actions: the Action is about 60% of a good answer")
    known = {c.key.casefold() for c in bank}
    unknown = [k for k in project.competencies if k.strip().casefold() not in known]
    if unknown:
        warnings.append(
            f"lists competencies the question bank does not have ({', '.join(unknown)}); "
            f"it has {', '.join(c.key for c in bank)}"
        )

    haystack = " ".join([*skills, *project.tools, *(p for p in spoken if p)]).lower()
    competencies = story_competencies(
        bank,
        haystack,
        capstone=credential is not None,
        obstacle=bool(project.obstacle),
        chosen=list(project.competencies),
    )
    questions: list[tuple[str, str]] = []
    own = {q.strip().casefold() for q in project.questions}
    for competency in competencies:
        for question in competency.questions:
            key = question.casefold()
            if key in used or key in own:
                continue
            used.add(key)
            questions.append((competency.label, question))
            break
        if len(questions) == BANK_QUESTIONS_PER_STORY:
            break
    return Story(
        title=project.title,
        credential=(
            CredentialRef(credential.name, credential.issuer, credential.issued.short())
            if credential
            else None
        ),
        source=f"{job.title}, {job.organization}" if job else None,
        skills=tuple(skills),
        tools=tuple(project.tools),
        opening=opening,
        situation=project.situation,
        task=project.task,
        obstacle=project.obstacle,
        actions=tuple(project.actions),
        result=project.result,
        reflection=project.reflection,
        competencies=tuple(c.label for c in competencies[:MAX_COMPETENCIES]),
        own_questions=tuple(project.questions),
        bank_questions=tuple(questions),
        follow_ups=_follow_ups(project),
        words=words,
        seconds=seconds,
        warnings=tuple(warnings),
        url=url,
    )


def story_text(story: Story) -> list[str]:
    return [
        story.title,
        *story.skills,
        *story.tools,
        *story.actions,
        story.result or "",
        story.situation or "",
        story.task or "",
    ]
