"""The profile's results and credentials, each with the vocabulary terms it shows.

The cover letter and the LinkedIn About section both tell a reader "here is what I
did, and what backs it". They take their sentences from here, so that a result is
always the person's own sentence (numbers kept), and a credential is always one the
person holds and is still valid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from showcase.profile import Credential, LoadedProfile
from showcase.profile.models import Assessment, Experience, InProgress
from showcase.profile.types import PRESENT
from showcase.strategy.coverage import expand, job_years, profile_evidence
from showcase.strategy.field import credential_terms
from showcase.strategy.matcher import matcher
from showcase.strategy.vocabulary import Term
from showcase.strategy.years import JobYears
from showcase.views.common import a_or_an, sentence, titled
from showcase.views.grammar import (
    after_colon,
    clause,
    is_action_verb,
    role_phrase,
    stands_alone,
)

_FIGURE = re.compile(r"\d")
# A result that opens with a verb of the grammar's lexicon (data/verbs.yaml: "Cut cost per
# acquisition 18% ...", "Keep a book of 140 accounts") is said as "I cut ...", "I keep ...";
# one that opens otherwise ("Regretted attrition fell ...") is quoted as written.
_ADVERBS = frozenset({"now", "also", "recently", "then", "still", "regularly"})


# Verbs that are nouns too ("Lead conversion rose 12%"): a verb only before these words.
_AMBIGUOUS = frozenset({"lead", "run", "plan", "own", "set", "grow", "manage", "forecast"})
_OBJECT_START = re.compile(
    r"^(?:a|an|the|our|my|their|its|every|all|each|two|three|four|five|six|seven|eight|"
    r"nine|ten|weekly|monthly|daily|quarterly|annual|\d)",
    re.I,
)


def _opens_with_action(body: str) -> bool:
    """Whether `body` opens with a capitalised verb of the lexicon ("Cut", "Keep"), not a
    name in capitals ("CUT"), a role ("Partner to six directors") nor a noun that is also
    a verb ("Lead generation ...")."""
    words = body.split(" ", 2)
    first, following = words[0], words[1] if len(words) > 1 else ""
    if not (first[:1].isupper() and first[1:].islower() and is_action_verb(first)):
        return False
    if role_phrase(body) is not None:
        return False
    return first.casefold() not in _AMBIGUOUS or bool(_OBJECT_START.match(following))


@dataclass(frozen=True)
class Result:
    """One sentence of the profile that says what the person did, with where."""

    text: str  # as the person wrote it
    where: str  # "Lakeside Outfitters", or a project's title
    job: Experience | None  # the job it comes from, if any
    terms: frozenset[Term]  # what it shows, expanded (its story's tools count)
    credential_id: str | None = None  # a capstone's or an `applied` line's credential

    @property
    def has_figure(self) -> bool:
        return bool(_FIGURE.search(self.text))

    @property
    def current(self) -> bool:
        return self.job is not None and is_current(self.job)

    def said(self, intro: str | None = None) -> str:
        """The result in the first person, as a sentence: "At Lakeside Outfitters, I cut ..."
        (`intro` instead of "At Lakeside Outfitters": "With it")."""
        body = " ".join(self.text.split()).rstrip(".")
        lead = intro or self.intro()
        words = body.split(" ", 2)
        if words[0].casefold() in _ADVERBS and len(words) > 1 and is_action_verb(words[1]):
            return f"{lead}, I {words[0].lower()}{body[len(words[0]) :]}."
        if (action := self._action(body)) is not None:
            return f"{lead}, {action}."
        if stands_alone(body):  # "At Acme, regretted attrition fell 5%."
            return f"{lead}, {after_colon(body)}."
        return f"{lead}: {body}."

    def _action(self, body: str) -> str | None:
        """``I keep a book of 140 accounts`` from "Keep a book of 140 accounts" (a verb of
        the grammar's lexicon: in its base form, said in the tense of the job, "I kept" for
        one left; in the past, as written, "I cut ..."), or ``I'm a partner to ...`` from
        "Partner to ..."; None otherwise. Before, these were quoted after a colon: "At
        Brightline Software: Keep a book of ..."."""
        words = body.split(" ", 2)
        first, following = words[0], words[1] if len(words) > 1 else ""
        if not (first[:1].isupper() and first[1:].islower()):
            return None  # a name ("CUT", "HubSpot"), or not a word
        role = role_phrase(body)  # "Lead for the Epic upgrade": a role, not an action
        if role is not None:
            return f"I'm {a_or_an(role)}" if self.current else f"I was {a_or_an(role)}"
        if first.casefold() in _AMBIGUOUS and not _OBJECT_START.match(following):
            return None  # "Lead generation rose 12%"
        found = clause(body)
        if found is not None:
            return f"I {found.said(ongoing=self.current)}"
        return None

    @property
    def mine(self) -> bool:
        """Said as "I ..." (it starts with a verb), not quoted after a colon."""
        return _opens_with_action(" ".join(self.text.split()))

    @property
    def at_work(self) -> bool:
        """From a job, or a credential's `applied` line (how it was put to work)."""
        return self.job is not None or self.where.startswith("since ")

    def intro(self) -> str:
        if self.job is not None:
            return f"At {self.job.organization}"
        if self.credential_id is None:
            return f"In my project {self.where}"
        return sentence(self.where) if self.where.startswith("since ") else f"In {self.where}"


@dataclass(frozen=True)
class Backing:
    """A valid credential and what it shows."""

    credential: Credential
    terms: frozenset[Term]

    @property
    def strength(self) -> int:
        """0 for an exam or project, 1 graded, 2 completion only: the strongest proof first."""
        order = {Assessment.EXAM: 0, Assessment.PROJECT: 0, Assessment.GRADED: 1}
        assessment = self.credential.assessment
        return 2 if assessment == Assessment.NONE else order.get(assessment, 0)  # type: ignore[arg-type]


_FIGURE_TOKEN = re.compile(r"[$£€]?\d[\d,.]*%?")


def shares_figure(a: str, b: str) -> bool:
    """Whether two results tell one story twice: the same number ("18%"), or the same
    four words in a row ("finished four days early")."""
    if set(_FIGURE_TOKEN.findall(a)) & set(_FIGURE_TOKEN.findall(b)):
        return True
    return bool(_runs(a) & _runs(b))


def _runs(text: str, size: int = 4) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.casefold())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def is_current(job: Experience) -> bool:
    return job.end is None or job.end == PRESENT


def terms_of(*texts: str) -> frozenset[Term]:
    """The terms `texts` show, expanded: what they evidence, and the classes they are of."""
    match = matcher()
    found: set[Term] = set()
    for text in texts:
        term = match.vocab.find(text)
        found |= {term} if term is not None else set(match.terms(text, context=False))
    return frozenset(expand(found, match))


@dataclass(frozen=True)
class Evidence:
    """A profile's results and valid credentials, each with its terms."""

    loaded: LoadedProfile

    @cached_property
    def results(self) -> tuple[Result, ...]:
        """Every result, the current job's first, then older jobs, then projects."""
        profile = self.loaded.profile
        out: list[Result] = []
        jobs = sorted(profile.experience, key=lambda j: (not is_current(j), _minus(j)))
        for job in jobs:
            for highlight in job.highlights:
                out.append(Result(highlight, job.organization, job, terms_of(highlight)))
            for story in job.stories:
                if story.result:
                    texts = (story.title, *story.actions, story.result, *story.tools)
                    out.append(Result(story.result, job.organization, job, terms_of(*texts)))
        for project in profile.projects:
            if project.result:
                texts = (project.title, *project.actions, project.result, *project.tools)
                where = project.title
                terms = terms_of(*texts)
                if project.credential and self._valid(project.credential):
                    # A capstone shows what its credential teaches.
                    credential = profile.credential(project.credential)
                    where = f"my capstone for {_the(credential)}"
                    terms |= self.backing_of(credential).terms
                out.append(Result(project.result, where, None, terms, project.credential))
        for credential in self.loaded.valid_credentials:
            if credential.applied:
                terms = terms_of(credential.applied) | self.backing_of(credential).terms
                where = f"since earning {_the(credential)}"
                out.append(Result(credential.applied, where, None, terms, credential.id))
        return tuple(out)

    @cached_property
    def backings(self) -> tuple[Backing, ...]:
        return tuple(self.backing_of(c) for c in self.loaded.valid_credentials)

    def backing_of(self, credential: Credential) -> Backing:
        found = set(credential_terms(credential))
        return Backing(credential, frozenset(expand(found, matcher())))

    @cached_property
    def shown(self) -> frozenset[Term]:
        """Every term the profile evidences: the one rule of `gaps` and the match report
        (`profile_evidence`), so that the letter answers what the report says is met."""
        return frozenset(profile_evidence(self.loaded, matcher()))

    @cached_property
    def jobs(self) -> JobYears:
        """The jobs' months with what each shows: the years the match report counts for a
        requirement that asks for years (`strategy/years.py`)."""
        return job_years(self.loaded, matcher())

    def in_progress_terms(self, entry: InProgress) -> frozenset[Term]:
        return terms_of(entry.name, *entry.skills)

    def _valid(self, credential_id: str) -> bool:
        try:
            return self.loaded.is_valid(self.loaded.profile.credential(credential_id))
        except KeyError:
            return False


def _minus(job: Experience) -> str:
    """A sort key: the newest start first."""
    iso = job.start.iso()
    return "".join(chr(0x10FFFF - ord(ch)) for ch in iso)


def _the(credential: Credential) -> str:
    return titled(credential)
