"""The interview prep sheet (`InterviewSheet`, `interview_sheet`): the stories, the pitch,
credentials as evidence (what each proves, when it was earned), talking points and the
questions to ask, aimed at a posting with `--for`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from showcase.profile import Credential, LoadedProfile, Status
from showcase.profile.models import Assessment, Kind
from showcase.render.paper import long_date
from showcase.views.common import (
    a_or_an,
    end_of,
    file_stem,
    in_sentence,
    join_words,
    of_issuer,
    org_name,
    possessive,
)
from showcase.views.interview.pitch import Pitch, pitch
from showcase.views.interview.posting import (
    PostingQuestion,
    aimed_at_line,
    likely_questions,
    meets_any,
    rank_stories,
    why_this_role,
)
from showcase.views.interview.questions import Competency
from showcase.views.interview.seeds import StorySeed, seeds
from showcase.views.interview.stories import NUMBER, Story, tell_story

if TYPE_CHECKING:
    from showcase.strategy.tailor import Tailoring


RECENT_DAYS = 365


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


def _proves(credential: Credential) -> str:
    """What a credential proves; on its skills when it lists any ("on the subject" said
    nothing of a card that lists none)."""
    skills = join_words([in_sentence(s) for s in credential.skills[:3]])
    on, in_ = (f" on {skills}", f" in {skills}") if skills else ("", "")
    match credential.assessment:
        case Assessment.EXAM:
            return f"Passed {possessive(org_name(credential.issuer))} exam{on}."
        case Assessment.PROJECT:
            return f"Delivered a graded, project-based capstone{in_}."
        case Assessment.GRADED:
            return f"Passed graded assessments{in_}."
        case Assessment.NONE:
            return f"Completed coursework{in_} (completion only: mention it, don't lead)."
        case _:
            covering = f" covering {skills}" if skills else ""
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
    if loaded.open_roles:  # the sheet is private: recruiters-only roles count too
        return loaded.open_roles[0]
    return next((s.target_role for s in profile.stacks if s.target_role), None)


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
    backed: tuple[str, ...],
    target: str | None,
) -> tuple[str, ...]:
    points: list[str] = []
    if recent:
        new = join_words([of_issuer(c) for c in recent])
        points.append(end_of(f"New in the last 12 months: {new}"))
    complete = loaded.complete_stacks
    if complete and target:
        stack = complete[0]
        points.append(
            f"A complete {in_sentence(stack.name)} stack: the skills {a_or_an(target)} role "
            "asks for, proven by the issuers, not by your word alone."
        )
    for result in backed[:3]:
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
        tell_story(
            loaded,
            project,
            bank,
            used,
            credential=profile.credential(project.credential) if project.credential else None,
            url=project.url,
        )
        for project in profile.projects
    ) + tuple(
        tell_story(loaded, story, bank, used, job=job)
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
            if p.result and NUMBER.search(p.result)
        ]
    )
    # What a talking point says the credentials stand behind: an `applied` line, or the
    # result of a project done for a credential still valid (a project of the person's
    # own was said to be backed by credentials before).
    valid = {c.id for c in loaded.valid_credentials}
    backed = tuple(
        [f"{c.applied.strip()} – {c.name}" for c in loaded.valid_credentials if c.applied]
        + [
            f"{p.result.strip()} – {p.title}"
            for p in profile.projects
            if p.result and NUMBER.search(p.result) and p.credential in valid
        ]
    )
    target = target_role(loaded)
    aimed_at = why_role = None
    posting_questions: tuple[PostingQuestion, ...] = ()
    carries_over = True
    if tailor is not None:
        carries_over = meets_any(loaded, tailor)
        stories = rank_stories(stories, tailor, bank)
        target = tailor.posting.title or target
        aimed_at = aimed_at_line(tailor)
        why_role = why_this_role(loaded, tailor, stories)
        posting_questions = likely_questions(loaded, tailor, stories)
    return InterviewSheet(
        name=profile.name,
        display_name=loaded.display_name,
        target=target,
        pitch=pitch(loaded, stories, target, carries_over=carries_over),
        stories=stories,
        seeds=seeds(list(profile.experience)),
        evidence=evidence,
        questions_to_ask=_questions_to_ask(loaded, target),
        recent=recent,
        results=results,
        talking_points=_talking_points(loaded, recent_credentials, backed, target),
        file_stem=file_stem(profile.name),
        date=long_date(loaded, loaded.today),
        aimed_at=aimed_at,
        why_role=why_role,
        posting_questions=posting_questions,
    )


# --- Aimed at one posting (--for) -------------------------------------------------------
