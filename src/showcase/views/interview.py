"""The interview prep sheet: STAR stories around capstones, and credentials as evidence.

Timing (docs/design.md, "STAR"): a spoken answer runs 60 s to 2 min, about 60% of it
on the Action; at ~140 words a minute that is roughly 150-300 words. We warn
under 45 s (too thin to convince) and over 2 min (the listener drifts).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from showcase.errors import TemplateError
from showcase.profile import Credential, LoadedProfile, Project, Status
from showcase.profile.models import Assessment, Kind
from showcase.views.common import file_stem, in_sentence, join_words, titled

WORDS_PER_MINUTE = 140
MIN_SECONDS, MAX_SECONDS = 45, 120
BANK_QUESTIONS_PER_STORY = 3
RECENT_DAYS = 365

_NUMBER = re.compile(
    r"\d|%|\b(?:doubled|tripled|halved|twice|half|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|dozen|hundred|thousand|million)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Competency:
    key: str
    label: str
    keywords: tuple[str, ...]
    questions: tuple[str, ...]


@dataclass(frozen=True)
class CredentialRef:
    name: str
    issuer: str
    date: str


@dataclass(frozen=True)
class Story:
    title: str
    credential: CredentialRef | None
    skills: tuple[str, ...]
    tools: tuple[str, ...]
    opening: str
    situation: str | None
    task: str | None
    actions: tuple[str, ...]
    result: str | None
    reflection: str | None
    own_questions: tuple[str, ...]
    bank_questions: tuple[tuple[str, str], ...]  # (competency label, question)
    words: int
    seconds: int
    warnings: tuple[str, ...]
    url: str | None

    @property
    def timing(self) -> str:
        minutes, seconds = divmod(self.seconds, 60)
        spoken = f"{minutes} min {seconds:02d} s" if minutes else f"{seconds} s"
        return f"about {spoken} spoken ({self.words} words at {WORDS_PER_MINUTE} a minute)"


@dataclass(frozen=True)
class EvidenceRow:
    name: str
    issuer: str
    proves: str
    when: str


@dataclass(frozen=True)
class InterviewSheet:
    name: str
    display_name: str
    target: str | None
    stories: tuple[Story, ...]
    evidence: tuple[EvidenceRow, ...]
    recent: tuple[str, ...]  # credentials earned in the last 12 months
    results: tuple[str, ...]  # applied results the profile records
    file_stem: str
    date: str

    @property
    def warnings(self) -> list[str]:
        return [f"{s.title}: {w}" for s in self.stories for w in s.warnings]

    @property
    def heading(self) -> str:
        return f"Interview prep: {self.display_name}"

    @property
    def title(self) -> str:
        """The document's title (HTML ``<title>``, DOCX core properties)."""
        return f"Interview prep – {self.name}"

    @property
    def subject(self) -> str:
        return f"Interview prep sheet of {self.display_name}"

    @property
    def keywords(self) -> tuple[str, ...]:
        return ("interview", "STAR")

    @property
    def introduction(self) -> str:
        """The sheet's first lines: when it was made, for what, and how to use it."""
        target = f" for a {self.target} role" if self.target else ""
        return (
            f"Prepared {self.date}{target}. Read each story aloud once and time it: 1 to 2 "
            "minutes is right, with most of it on what you did."
        )

    @property
    def no_stories(self) -> str:
        """What the sheet says instead of stories when the profile has no projects."""
        return (
            "Your profile has no projects yet, so there are no stories to rehearse. A capstone "
            "is your best evidence: add one under projects: for each, told as STAR:"
        )


def load_question_bank(path: Path) -> tuple[Competency, ...]:
    """The competencies and questions of `path`, parsed once per content.

    `showcase watch` rebuilds many times in one process; parsing the bank with
    ruamel.yaml each time would be a third of a LinkedIn edit's rebuild.
    """
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        digest = ""  # reading it again reports the error
    return _parse_question_bank(path, digest)


@lru_cache(maxsize=8)
def _parse_question_bank(path: Path, digest: str) -> tuple[Competency, ...]:
    from showcase.errors import ProfileError
    from showcase.profile.source import read_source

    try:
        data: Any = read_source(path).data
    except ProfileError as exc:
        raise TemplateError(f"question bank {path}: {exc.format_message()}") from None
    bank = []
    if not isinstance(data, dict):
        raise TemplateError(f"question bank {path}: expected a mapping of competencies")
    for key, entry in data.items():
        try:
            bank.append(
                Competency(
                    key=str(key),
                    label=str(entry["label"]),
                    keywords=tuple(str(k).lower() for k in entry["keywords"]),
                    questions=tuple(str(q) for q in entry["questions"]),
                )
            )
        except (KeyError, TypeError) as exc:
            raise TemplateError(
                f"question bank {path}: competency `{key}` needs label, keywords and questions "
                f"({exc})"
            ) from None
    return tuple(bank)


def _matches(keyword: str, haystack: str) -> bool:
    if re.fullmatch(r"[\w /.+-]+", keyword):
        return re.search(rf"(?<!\w){re.escape(keyword)}(?!\w)", haystack) is not None
    return keyword in haystack


def _competencies(bank: tuple[Competency, ...], haystack: str, capstone: bool) -> list[Competency]:
    scored = []
    for order, competency in enumerate(bank):
        score = sum(1 for k in competency.keywords if _matches(k, haystack))
        if capstone and competency.key == "learning":
            score += 2  # a capstone story is, first, evidence of learning
        if score:
            scored.append((-score, order, competency))
    return [c for _, _, c in sorted(scored, key=lambda t: (t[0], t[1]))]


def _lower_first(text: str) -> str:
    words = text.split(" ", 1)
    first = words[0]
    if first[1:2].isupper():  # an acronym or a name: keep it
        return text
    return text[:1].lower() + text[1:]


def _opening(project: Project, credential: Credential | None, skills: list[str]) -> str:
    if credential is None:
        return f"A good example is a project of mine: {_lower_first(project.title)}."
    focus = join_words([in_sentence(s) for s in skills[:2]])
    why = f" to deepen my {focus} skills" if focus else ""
    return (
        f"Recently I completed {titled(credential)} from {credential.issuer}{why}; "
        f"for the capstone I worked on {_lower_first(project.title.rstrip('.'))}."
    )


def _story(
    loaded: LoadedProfile,
    project: Project,
    bank: tuple[Competency, ...],
    used: set[str],
) -> Story:
    credential = loaded.profile.credential(project.credential) if project.credential else None
    skills = list(credential.skills) if credential else []
    opening = _opening(project, credential, skills)
    spoken = [
        opening,
        project.situation,
        project.task,
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
    elif not _NUMBER.search(project.result):
        warnings.append("its result has no number: add one (a percentage, an amount, a time)")
    if not project.actions:
        warnings.append("has no actions: the Action is about 60% of a good answer")

    haystack = " ".join([*skills, *project.tools, *(p for p in spoken if p)]).lower()
    questions: list[tuple[str, str]] = []
    own = {q.strip().casefold() for q in project.questions}
    for competency in _competencies(bank, haystack, capstone=credential is not None):
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
        skills=tuple(skills),
        tools=tuple(project.tools),
        opening=opening,
        situation=project.situation,
        task=project.task,
        actions=tuple(project.actions),
        result=project.result,
        reflection=project.reflection,
        own_questions=tuple(project.questions),
        bank_questions=tuple(questions),
        words=words,
        seconds=seconds,
        warnings=tuple(warnings),
        url=project.url,
    )


def _proves(credential: Credential) -> str:
    skills = join_words([in_sentence(s) for s in credential.skills[:3]]) or "the subject"
    match credential.assessment:
        case Assessment.EXAM:
            return f"Passed {credential.issuer}'s exam on {skills}."
        case Assessment.PROJECT:
            return f"Delivered a graded, project-based capstone in {skills}."
        case Assessment.GRADED:
            return f"Passed graded assessments in {skills}."
        case Assessment.NONE:
            return f"Completed coursework in {skills} (completion only: mention it, don't lead)."
        case _:
            covering = f" covering {skills}" if credential.skills else ""
            if credential.kind in (Kind.CERTIFICATION, Kind.LICENSE):
                return f"Holds a current {credential.issuer} {credential.kind.value}{covering}."
            return f"Completed {credential.name}{covering}."


def _when(loaded: LoadedProfile, credential: Credential, stories: dict[str, str]) -> str:
    parts = []
    if credential.id in stories:
        parts.append(f'with the "{stories[credential.id]}" story')
    for stack in loaded.profile.stacks:
        if credential.id in stack.credentials:
            goal = (
                f", or when asked why you are ready for a {stack.target_role} role"
                if stack.target_role
                else ""
            )
            parts.append(f"when {in_sentence(stack.name)} comes up{goal}")
            break
    if not parts and credential.skills:
        parts.append(f"when {in_sentence(credential.skills[0])} comes up")
    if not parts:
        parts.append("when asked how you keep your skills current")
    text = "; ".join(parts)
    text = text[:1].upper() + text[1:] + "."
    if loaded.status(credential) == Status.EXPIRING and credential.expires:
        text += f" Renewal due {credential.expires.short()}: say you are renewing it."
    return text


def interview_sheet(loaded: LoadedProfile, bank: tuple[Competency, ...]) -> InterviewSheet:
    """Decide the sheet: a pure function of the profile, today and the question bank."""
    profile = loaded.profile
    used: set[str] = set()
    stories = tuple(_story(loaded, project, bank, used) for project in profile.projects)
    story_of = {p.credential: p.title for p in profile.projects if p.credential}
    evidence = tuple(
        EvidenceRow(c.name, c.issuer, _proves(c), _when(loaded, c, story_of))
        for c in loaded.valid_credentials
    )
    since = loaded.today - dt.timedelta(days=RECENT_DAYS)
    recent = tuple(
        f"{c.name} ({c.issuer}, {c.issued.short()})"
        for c in loaded.valid_credentials
        if c.issued.first_day >= since
    )
    results = tuple(
        [f"{c.applied} ({c.name})" for c in loaded.valid_credentials if c.applied]
        + [
            f"{p.result} ({p.title})"
            for p in profile.projects
            if p.result and _NUMBER.search(p.result)
        ]
    )
    target = next((s.target_role for s in profile.stacks if s.target_role), None)
    return InterviewSheet(
        name=profile.name,
        display_name=loaded.display_name,
        target=target,
        stories=stories,
        evidence=evidence,
        recent=recent,
        results=results,
        file_stem=file_stem(profile.name),
        date=loaded.today.strftime("%d %B %Y").lstrip("0"),
    )
