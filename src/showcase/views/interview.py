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
from typing import TYPE_CHECKING, Any

from showcase.errors import TemplateError
from showcase.profile import Credential, LoadedProfile, Status
from showcase.profile.models import Assessment, Experience, Kind, StarFields
from showcase.profile.types import PRESENT
from showcase.views.common import (
    a_or_an,
    file_stem,
    in_sentence,
    join_words,
    of_issuer,
    org_name,
    possessive,
)

if TYPE_CHECKING:
    from showcase.strategy.tailor import Tailoring
    from showcase.strategy.vocabulary import Term

WORDS_PER_MINUTE = 140
MIN_SECONDS, MAX_SECONDS = 45, 120
BANK_QUESTIONS_PER_STORY = 3
MAX_COMPETENCIES = 4  # shown beside a story
PITCH_MIN, PITCH_MAX = 60, 90  # "Tell me about yourself": 60 to 90 seconds spoken
RECENT_DAYS = 365

_NUMBER = re.compile(
    r"\d|%|\b(?:doubled|tripled|halved|twice|half|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|dozen|hundred|thousand|million)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Competency:
    key: str  # the tag every question of it carries
    label: str
    keywords: tuple[str, ...]
    questions: tuple[str, ...]
    needs: str | None = None  # "obstacle": only for stories that have one


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


@dataclass(frozen=True)
class EvidenceRow:
    name: str
    issuer: str
    proves: str
    when: str


@dataclass(frozen=True)
class StorySeed:
    """A highlight with a figure, not yet told as a story: prompts for the four parts."""

    highlight: str
    source: str  # "Marketing Specialist, Hill Country Goods"
    prompts: tuple[tuple[str, str], ...]  # (STAR part, prompt)


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


@dataclass(frozen=True)
class PostingQuestion:
    """A question a posting's requirement line is likely to bring, and the story for it."""

    requirement: str  # the posting's line, as written there
    question: str
    story: str | None  # the title of the story that answers it; None: none does yet
    answer_hint: str  # what to say, or what to prepare


@dataclass(frozen=True)
class InterviewSheet:
    name: str
    display_name: str
    target: str | None
    pitch: Pitch
    stories: tuple[Story, ...]
    seeds: tuple[StorySeed, ...]  # highlights with a figure that are not stories yet
    evidence: tuple[EvidenceRow, ...]
    questions_to_ask: tuple[str, ...]  # five questions for the interviewer
    recent: tuple[str, ...]  # credentials earned in the last 12 months
    results: tuple[str, ...]  # applied results the profile records
    talking_points: tuple[str, ...]  # the salary conversation: what the record supports
    file_stem: str
    date: str
    aimed_at: str | None = None  # with --for: "Digital Marketing Manager at Acme Outdoor Co."
    why_role: str | None = None  # with --for: an answer to "Why this role?"
    posting_questions: tuple[PostingQuestion, ...] = ()  # with --for

    @property
    def warnings(self) -> list[str]:
        pitch = [f"Tell me about yourself: {self.pitch.warning}"] if self.pitch.warning else []
        return pitch + [f"{s.title}: {w}" for s in self.stories for w in s.warnings]

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
        if self.aimed_at:
            target = f" for the {self.aimed_at} posting"
        return (
            f"Prepared {self.date}{target}. Read each story aloud once and time it: 1 to 2 "
            "minutes is right, with most of it on what you did."
        )

    @property
    def no_stories(self) -> str:
        """What the sheet says instead of stories when the profile has no projects."""
        return (
            "Your profile has no projects or experience stories yet, so there are no stories "
            "to rehearse. A capstone is your best evidence: add one under projects: for each, "
            "told as STAR (a result from a job goes under experience: stories:):"
        )

    @property
    def seeds_introduction(self) -> str:
        """What the story seeds are for."""
        return (
            "These results have a figure but no story yet. Answer each prompt in a sentence, "
            "then add it to the job under stories: so that it gets questions too."
        )

    @property
    def salary_introduction(self) -> str:
        """How to use the talking points."""
        return (
            "Open with a result, then the credential that explains it; ask for the range of "
            "the role before you name a number."
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
                    needs=str(entry["needs"]) if entry.get("needs") else None,
                )
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise TemplateError(
                f"question bank {path}: competency `{key}` needs label, keywords and questions "
                f"({exc})"
            ) from None
    return tuple(bank)


def _matches(keyword: str, haystack: str) -> bool:
    if re.fullmatch(r"[\w /.+-]+", keyword):
        return re.search(rf"(?<!\w){re.escape(keyword)}(?!\w)", haystack) is not None
    return keyword in haystack


def _competencies(
    bank: tuple[Competency, ...],
    haystack: str,
    *,
    capstone: bool,
    obstacle: bool,
    chosen: list[str],
) -> list[Competency]:
    """A story's competencies, strongest first: the ones its author chose, or the ones its
    text points to. A setback competency (``needs: obstacle``) only with an obstacle."""
    if chosen:
        wanted = [k.strip().casefold() for k in chosen]
        by_key = {c.key.casefold(): c for c in bank}
        picked = [by_key[k] for k in wanted if k in by_key]
        return [c for c in picked if not (c.needs == "obstacle" and not obstacle)]
    scored = []
    for order, competency in enumerate(bank):
        if competency.needs == "obstacle":
            continue
        score = sum(1 for k in competency.keywords if _matches(k, haystack))
        if capstone and competency.key == "learning":
            score += 2  # a capstone story is, first, evidence of learning
        if score:
            scored.append((-score, order, competency))
    found = [c for _, _, c in sorted(scored, key=lambda t: (t[0], t[1]))]
    if obstacle:  # a story with a setback answers the setback questions first
        setbacks = [c for c in bank if c.needs == "obstacle"]
        found = setbacks[:1] + found
    return found


def _lower_first(text: str) -> str:
    words = text.split(" ", 1)
    first = words[0]
    if first[1:2].isupper():  # an acronym or a name: keep it
        return text
    return text[:1].lower() + text[1:]


def _is_current(job: Experience) -> bool:
    return job.end is None or job.end == PRESENT


def _opening(project: StarFields, credential: Credential | None, job: Experience | None) -> str:
    subject = _lower_first(project.title.rstrip("."))
    if job is not None:
        if _is_current(job):
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
    if project.result and _NUMBER.search(project.result):
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


def _story(
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
    elif not _NUMBER.search(project.result):
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
    competencies = _competencies(
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


# A figure: a digit that is not a year (2025 is a date, not a result).
_FIGURE = re.compile(r"(?<![\d.,])(?!(?:19|20)\d\d(?!\d|%))\d")
_FIGURE_TOKEN = re.compile(r"[$£€]?\d[\d,.]*(?:%|[kKmM]\b)?")

SEED_PROMPTS = (
    ("Situation", "Where did things stand before, and why did it matter?"),
    ("Task", "What were you asked, or did you decide, to change?"),
    ("Action", "Three or four steps you took yourself: say I, not we."),
    ("Result", "{figure}: how was it measured, and over what period?"),
)


def has_figure(text: str) -> bool:
    """Whether `text` states a figure (18%, $40M, 400 employees), not only a year."""
    return _FIGURE.search(text) is not None


def _seeds(profile_jobs: list[Experience]) -> tuple[StorySeed, ...]:
    seeds = []
    for job in profile_jobs:
        told = " ".join(
            " ".join(filter(None, [s.title, s.result, *s.actions])) for s in job.stories
        )
        for highlight in job.highlights:
            if not has_figure(highlight):
                continue
            figures = [f for f in _FIGURE_TOKEN.findall(highlight) if has_figure(f)]
            if any(f in told for f in figures):
                continue  # already told as one of the job's stories
            figure = figures[0] if figures else "The figure"
            seeds.append(
                StorySeed(
                    highlight=highlight,
                    source=f"{job.title}, {job.organization}",
                    prompts=tuple(
                        (part, text.format(figure=figure)) for part, text in SEED_PROMPTS
                    ),
                )
            )
    return tuple(seeds)


def _proves(credential: Credential) -> str:
    skills = join_words([in_sentence(s) for s in credential.skills[:3]]) or "the subject"
    match credential.assessment:
        case Assessment.EXAM:
            return f"Passed {possessive(org_name(credential.issuer))} exam on {skills}."
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
                f", or when asked why you are ready for {a_or_an(stack.target_role)} role"
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


def target_role(loaded: LoadedProfile) -> str | None:
    """The role the person is aiming at: the first of `open_to`, else a stack's target."""
    profile = loaded.profile
    if profile.open_to:
        return profile.open_to[0]
    return next((s.target_role for s in profile.stacks if s.target_role), None)


def _years(job: Experience, today: dt.date) -> int:
    end = today if _is_current(job) else job.end.first_day  # type: ignore[union-attr]
    return max(1, round((end - job.start.first_day).days / 365.25))


_WORDS = {
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


_PAST_VERBS = frozenset(
    [
        "built",
        "led",
        "ran",
        "cut",
        "grew",
        "won",
        "made",
        "wrote",
        "set",
        "found",
        "brought",
        "drove",
        "took",
        "gave",
        "saw",
        "kept",
        "began",
        "became",
        "rebuilt",
        "shipped",
        "automated",
        "created",
        "launched",
        "reduced",
        "increased",
        "improved",
        "delivered",
        "managed",
        "introduced",
        "designed",
        "developed",
        "implemented",
        "raised",
        "trained",
        "hired",
        "negotiated",
        "migrated",
        "replaced",
        "redesigned",
        "streamlined",
    ]
)


def _best_result(stories: tuple[Story, ...], jobs: list[Experience]) -> str | None:
    """The result to name in the pitch: from a job's story, a capstone, or a highlight."""
    ordered = sorted(stories, key=lambda s: s.source is None)  # work stories first
    found = next((s.result for s in ordered if s.result and has_figure(s.result)), None)
    if found is None:
        found = next((h for j in jobs for h in j.highlights[1:] if has_figure(h)), None)
    return found


def _pitch(loaded: LoadedProfile, stories: tuple[Story, ...], target: str | None) -> Pitch:
    """Present, past, the credentials, the best result, and what comes next."""
    profile = loaded.profile
    jobs = profile.experience
    sentences: list[str] = []
    current = jobs[0] if jobs else None
    if current is not None:
        where = f" at {current.organization}"
        doing = (
            f", where I {_lower_first(current.highlights[0].rstrip('.'))}"
            if current.highlights
            else ""
        )
        verb = "I'm" if _is_current(current) else "Until recently I was"
        sentences.append(f"{verb} {a_or_an(current.title)}{where}{doing}.")
    result = _best_result(stories, jobs)
    if current is not None:
        more = sorted(
            (h for h in current.highlights[1:] if not (result and _shares_figure(h, result))),
            key=lambda h: not has_figure(h),  # a highlight with a figure first
        )
        if more:
            sentences.append(f"I also {_lower_first(more[0].rstrip('.'))}.")
    elif profile.headline:
        sentences.append(f"In a line: {profile.headline}.")
    if len(jobs) > 1:
        previous = jobs[1]
        years = _years(previous, loaded.today)
        span = f"{_WORDS.get(years, str(years))} year{'s' if years > 1 else ''}"
        doing = (
            f", where I {_lower_first(previous.highlights[0].rstrip('.'))}"
            if previous.highlights
            else ""
        )
        sentences.append(
            f"Before that I spent {span} as {a_or_an(previous.title)} at "
            f"{previous.organization}{doing}."
        )
    complete = loaded.complete_stacks
    if complete:
        stack = complete[0]
        members = [profile.credential(cid) for cid in stack.credentials]
        count = _WORDS.get(len(members), str(len(members)))
        sentences.append(
            f"To go further in {in_sentence(stack.name)}, I have earned {count} credentials: "
            f"{join_words([of_issuer(c) for c in members])}."
        )
    else:
        best = [c for c in loaded.valid_credentials if not c.is_completion_only][:2]
        if best:
            also = " also" if sentences else ""
            sentences.append(f"I have{also} earned {join_words([of_issuer(c) for c in best])}.")
    if result:
        said = _lower_first(result.strip().rstrip("."))
        if said.split(" ", 1)[0] in _PAST_VERBS:
            said = f"I {said}"  # a highlight ("Built a dashboard ...") said in the first person
        sentences.append(f"A result I'm proud of: {said}.")
    title = current.title if current else None
    career_change = bool(target and title and target.casefold() != title.casefold())
    if target and career_change:
        sentences.append(
            f"Next, I want to move from {title} into {a_or_an(target)} role, and this one "
            "builds on all of that."
        )
    elif target:
        sentences.append(
            f"Now I'm looking for my next {target} role, and this one fits what I do best."
        )
    else:
        sentences.append("That is why this role interests me.")
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


def _questions_to_ask(loaded: LoadedProfile, target: str | None) -> tuple[str, ...]:
    profile = loaded.profile
    role = f"the {target} role" if target else "this role"
    complete = loaded.complete_stacks
    focus = None
    members = [profile.credential(cid) for cid in complete[0].credentials] if complete else []
    if members and members[0].skills:
        focus = in_sentence(members[0].skills[0])
    elif profile.skills and profile.skills[0].items:
        focus = in_sentence(profile.skills[0].items[0])
    tools = (
        f"How does the team use {focus} today, and where would you like to take it?"
        if focus
        else "Which tools and methods does the team rely on most, and which would you change?"
    )
    return (
        f"What would success look like in the first 90 days in {role}?",
        "Which results matter most to the team this year, and how are they measured?",
        tools,
        "What is the biggest challenge the team faces in the next six months?",
        "How do people here keep their skills current: is there time or budget for "
        "training and certification?",
    )


def _talking_points(
    loaded: LoadedProfile,
    recent: list[Credential],
    results: tuple[str, ...],
    target: str | None,
) -> tuple[str, ...]:
    points: list[str] = []
    if recent:
        points.append(f"New in the last 12 months: {join_words([of_issuer(c) for c in recent])}.")
    complete = loaded.complete_stacks
    if complete and target:
        stack = complete[0]
        points.append(
            f"A complete {in_sentence(stack.name)} stack: the skills {a_or_an(target)} role "
            "asks for, proven by the issuers, not by your word alone."
        )
    for result in results[:3]:
        points.append(f"A result the credentials stand behind: {result}")
    expiring = [c for c in loaded.valid_credentials if loaded.status(c) == Status.EXPIRING]
    for c in expiring:
        due = f" (renewal due {c.expires.short()})" if c.expires else ""
        points.append(
            f"You keep {of_issuer(c)} current{due}: ask whether the employer pays for "
            "recertification."
        )
    if not points:
        points.append(
            "Add applied: to your credentials (how you used them, with a number) to have "
            "results to point to."
        )
    return tuple(points)


def interview_sheet(
    loaded: LoadedProfile, bank: tuple[Competency, ...], tailor: Tailoring | None = None
) -> InterviewSheet:
    """Decide the sheet: a pure function of the profile, today and the question bank.

    Aimed at a posting (`tailor`): the stories that show most of what it asks for come
    first, the pitch and a "Why this role?" answer name its title and company, and its
    requirement lines become the questions it is likely to bring, each with its story.
    """
    profile = loaded.profile
    used: set[str] = set()
    stories = tuple(
        _story(
            loaded,
            project,
            bank,
            used,
            credential=profile.credential(project.credential) if project.credential else None,
            url=project.url,
        )
        for project in profile.projects
    ) + tuple(
        _story(loaded, story, bank, used, job=job)
        for job in profile.experience
        for story in job.stories
    )
    story_of = {p.credential: p.title for p in profile.projects if p.credential}
    evidence = tuple(
        EvidenceRow(c.name, c.issuer, _proves(c), _when(loaded, c, story_of))
        for c in loaded.valid_credentials
    )
    since = loaded.today - dt.timedelta(days=RECENT_DAYS)
    recent_credentials = [c for c in loaded.valid_credentials if c.issued.first_day >= since]
    recent = tuple(f"{c.name} – {c.issuer}, {c.issued.short()}" for c in recent_credentials)
    results = tuple(
        [f"{c.applied.strip()} – {c.name}" for c in loaded.valid_credentials if c.applied]
        + [
            f"{p.result.strip()} – {p.title}"
            for p in profile.projects
            if p.result and _NUMBER.search(p.result)
        ]
    )
    target = target_role(loaded)
    aimed_at = why_role = None
    posting_questions: tuple[PostingQuestion, ...] = ()
    if tailor is not None:
        stories = _rank_stories(stories, tailor, bank)
        target = tailor.posting.title or target
        aimed_at = _aimed_at(tailor)
        why_role = _why_role(loaded, tailor, stories)
        posting_questions = _posting_questions(loaded, tailor, stories)
    return InterviewSheet(
        name=profile.name,
        display_name=loaded.display_name,
        target=target,
        pitch=_pitch(loaded, stories, target),
        stories=stories,
        seeds=_seeds(list(profile.experience)),
        evidence=evidence,
        questions_to_ask=_questions_to_ask(loaded, target),
        recent=recent,
        results=results,
        talking_points=_talking_points(loaded, recent_credentials, results, target),
        file_stem=file_stem(profile.name),
        date=loaded.today.strftime("%d %B %Y").lstrip("0"),
        aimed_at=aimed_at,
        why_role=why_role,
        posting_questions=posting_questions,
    )


# --- Aimed at one posting (--for) -------------------------------------------------------

POSTING_QUESTIONS = 8  # requirement lines turned into questions, at most


def _story_text(story: Story) -> list[str]:
    return [
        story.title,
        *story.skills,
        *story.tools,
        *story.actions,
        story.result or "",
        story.situation or "",
        story.task or "",
    ]


def _posting_competencies(tailor: Tailoring, bank: tuple[Competency, ...]) -> set[str]:
    text = tailor.posting.text.casefold()
    return {c.label for c in bank if any(_matches(k, text) for k in c.keywords)}


def _rank_stories(
    stories: tuple[Story, ...], tailor: Tailoring, bank: tuple[Competency, ...]
) -> tuple[Story, ...]:
    """Stories that show more of the posting's terms and competencies first (stable)."""
    wanted = _posting_competencies(tailor, bank)

    def score(story: Story) -> int:
        shared = tailor.relevance(_story_text(story))
        return shared * 2 + len(wanted & set(story.competencies))

    return tuple(sorted(stories, key=lambda s: -score(s)))


def _aimed_at(tailor: Tailoring) -> str:
    posting = tailor.posting
    title = posting.title or Path(posting.source).stem
    return f"{title} at {posting.company}" if posting.company else title


def _why_role(loaded: LoadedProfile, tailor: Tailoring, stories: tuple[Story, ...]) -> str:
    """An answer to "Why this role?": what it asks for that the profile already shows."""
    posting = tailor.posting
    shown: list[str] = []
    for credential in loaded.valid_credentials:
        for term in sorted(tailor.shared([credential.name, *credential.skills]), key=str):
            if term.name not in shown:
                shown.append(term.name)
    role = posting.title or "this role"
    at = f" at {posting.company}" if posting.company else ""
    sentences = []
    if shown:
        sentences.append(
            f"The {role} role{at} asks for {join_words([in_sentence(n) for n in shown[:4]])}, "
            "which is what I have been "
            "building, and I have the credentials to show it."
        )
    else:
        sentences.append(f"The {role} role{at} is the next step I have been working toward.")
    best = next((s for s in stories if tailor.relevance(_story_text(s))), None)
    if best is not None:
        sentences.append(f"The clearest example is {_lower_first(best.title.rstrip('.'))}.")
    sentences.append("I want to do that work every day, and this team is where I can.")
    return " ".join(sentences)


def _posting_questions(
    loaded: LoadedProfile,
    tailor: Tailoring,
    stories: tuple[Story, ...],
) -> tuple[PostingQuestion, ...]:
    """The posting's requirement lines, as the questions they bring, each with its story.

    A question names only what the profile shows (what meets the line's requirement
    groups: PSM I, not "CSM and PSM"). What the profile does not show is said plainly,
    with how to answer honestly; it is never put in the person's mouth.
    """
    from showcase.strategy.coverage import GroupMatch, met_by
    from showcase.strategy.gaps import profile_evidence
    from showcase.strategy.matcher import matcher
    from showcase.strategy.requirements import requirements
    from showcase.strategy.vocabulary import TermKind

    match = matcher()
    shown = set(profile_evidence(loaded, match))
    lines: dict[str, list[GroupMatch]] = {}
    for group in requirements(tailor.posting, match).groups:
        lines.setdefault(group.text, []).append(GroupMatch(group, met_by(group, shown, match)))
    out: list[PostingQuestion] = []
    for line, groups in lines.items():
        held = list(dict.fromkeys(t for g in groups for t in g.met_by))
        unmet = [g for g in groups if not g.met]
        requirement = line.strip(" -•*")
        if not held:
            label = join_words([g.label for g in unmet[:3]])
            out.append(
                PostingQuestion(
                    requirement,
                    f"What experience do you have with {label}?",
                    None,
                    f"The posting asks for {label}; your profile doesn't show it yet: answer "
                    "honestly. Say so plainly, name the closest thing you have done, and how "
                    "you would get up to speed.",
                )
            )
        else:
            names = join_words([in_sentence(t.name) for t in held[:3]])
            if all(t.kind == TermKind.CERTIFICATION for t in held):
                question = (
                    f"Tell me about your {names}: what did it test, and where have you used it?"
                )
            else:
                question = f"Tell me about a time you used {names}: what was the result?"
            wanted = set(held)
            scored = [(len(wanted & tailor.shared(_story_text(s))), s) for s in stories]
            best = max(scored, key=lambda pair: pair[0], default=(0, None))
            story = best[1] if best[0] else None
            holder = next(
                (c for c in loaded.valid_credentials if wanted & _evidenced([c.name, *c.skills])),
                None,
            )
            if story is not None:
                hint = f"Tell “{story.title}”, leading with {names}."
            elif holder is not None:
                hint = (
                    f"No story yet, but {of_issuer(holder)} shows it: say what it tested and "
                    "where you have used it since, then prepare a story."
                )
            else:
                hint = f"No story shows {names} yet: prepare one (a project or a job story)."
            if unmet:
                label = join_words([g.label for g in unmet[:3]])
                hint += f" The posting also asks for {label}; your profile doesn't show it yet."
            out.append(PostingQuestion(requirement, question, story.title if story else None, hint))
        if len(out) == POSTING_QUESTIONS:
            break
    return tuple(out)


def _evidenced(texts: list[str]) -> set[Term]:
    """The terms `texts` (a credential's name and skills) evidence, implied ones included."""
    from showcase.strategy.coverage import expand
    from showcase.strategy.matcher import matcher

    match = matcher()
    found: set[Term] = set()
    for text in texts:
        term = match.vocab.find(text)
        found |= {term} if term is not None else set(match.terms(text, context=False))
    return expand(found, match)
