"""The sheet aimed at a posting (`--for`): stories ranked by what it asks for, the line naming
the role, an answer to "Why this role?", and the questions its requirement lines are likely
to bring, each with the story that answers it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from showcase.profile import LoadedProfile
from showcase.views.common import in_sentence, join_words, of_issuer
from showcase.views.interview.pitch import lower_first
from showcase.views.interview.questions import Competency, posting_competencies
from showcase.views.interview.stories import Story, story_text
from showcase.views.years import years_hint

if TYPE_CHECKING:
    from showcase.strategy.tailor import Tailoring
    from showcase.strategy.vocabulary import Term


@dataclass(frozen=True)
class PostingQuestion:
    """A question a posting's requirement line is likely to bring, and the story for it."""

    requirement: str  # the posting's line, as written there
    question: str
    story: str | None  # the title of the story that answers it; None: none does yet
    answer_hint: str  # what to say, or what to prepare


POSTING_QUESTIONS = 8  # requirement lines turned into questions, at most


def rank_stories(
    stories: tuple[Story, ...], tailor: Tailoring, bank: tuple[Competency, ...]
) -> tuple[Story, ...]:
    """Stories that show more of the posting's terms and competencies first (stable)."""
    wanted = posting_competencies(tailor, bank)

    def score(story: Story) -> int:
        shared = tailor.relevance(story_text(story))
        return shared * 2 + len(wanted & set(story.competencies))

    return tuple(sorted(stories, key=lambda s: -score(s)))


def aimed_at_line(tailor: Tailoring) -> str:
    posting = tailor.posting
    title = posting.title or Path(posting.source).stem
    return f"{title} at {posting.company}" if posting.company else title


def why_this_role(loaded: LoadedProfile, tailor: Tailoring, stories: tuple[Story, ...]) -> str:
    """An answer to "Why this role?": what it asks for that the profile already shows."""
    posting = tailor.posting
    shown: list[str] = []
    for credential in loaded.valid_credentials:
        for term in sorted(tailor.shared([credential.name, *credential.skills]), key=str):
            if term.name not in shown:
                shown.append(term.name)
    role = posting.title or "this role"
    at = f" at {posting.company}" if posting.company else ""
    best = next((s for s in stories if tailor.relevance(story_text(s))), None)
    if not shown and best is None and not meets_any(loaded, tailor):  # no motive of theirs
        # to say: "the next step I have been working toward" claimed one, for a posting
        # nothing in the profile meets (a job, by its title or highlights, may meet it)
        return (
            f"Your profile shows nothing the {role} role{at} asks for yet: say in your own "
            "words what draws you to it, and what you are doing to learn it."
        )
    sentences = []
    if shown:
        sentences.append(
            f"The {role} role{at} asks for {join_words([in_sentence(n) for n in shown[:4]])}, "
            "which is what I have been "
            "building, and I have the credentials to show it."
        )
    else:
        sentences.append(f"The {role} role{at} is the next step I have been working toward.")
    if best is not None:
        sentences.append(f"The clearest example is {lower_first(best.title.rstrip('.'))}.")
    sentences.append("I want to do that work every day, and this team is where I can.")
    return " ".join(sentences)


def meets_any(loaded: LoadedProfile, tailor: Tailoring) -> bool:
    """Whether the profile meets any requirement of the posting, by the match report's
    rule (a 0% match meets none): what the pitch may say carries over."""
    from showcase.strategy.coverage import group_match, job_years
    from showcase.strategy.gaps import profile_evidence
    from showcase.strategy.matcher import matcher
    from showcase.strategy.requirements import requirements

    match = matcher()
    shown = set(profile_evidence(loaded, match))
    jobs = job_years(loaded, match)
    groups = requirements(tailor.posting, match).groups
    return any(group_match(group, shown, match, jobs).met for group in groups)


def likely_questions(
    loaded: LoadedProfile,
    tailor: Tailoring,
    stories: tuple[Story, ...],
) -> tuple[PostingQuestion, ...]:
    """The posting's requirement lines, as the questions they bring, each with its story.

    A question names only what the profile shows (what meets the line's requirement
    groups: PSM I, not "CSM and PSM"). What the profile does not show is said plainly,
    with how to answer honestly; it is never put in the person's mouth.
    """
    from showcase.strategy.coverage import GroupMatch, group_match, job_years
    from showcase.strategy.gaps import profile_evidence
    from showcase.strategy.matcher import matcher
    from showcase.strategy.requirements import requirements
    from showcase.strategy.vocabulary import TermKind

    match = matcher()
    shown = set(profile_evidence(loaded, match))
    jobs = job_years(loaded, match)
    lines: dict[str, list[GroupMatch]] = {}
    for group in requirements(tailor.posting, match).groups:
        lines.setdefault(group.text, []).append(group_match(group, shown, match, jobs))
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
                    f"The posting asks for {label}; your profile doesn't show "
                    f"{_it(unmet[:3])} yet: answer "
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
            scored = [(len(wanted & tailor.shared(story_text(s))), s) for s in stories]
            best = max(scored, key=lambda pair: pair[0], default=(0, None))
            story = best[1] if best[0] else None
            holder = next(
                (c for c in loaded.valid_credentials if wanted & _evidenced([c.name, *c.skills])),
                None,
            )
            if story is not None:
                hint = f"Tell “{story.title}”, leading with {names}."
            elif holder is not None:
                it = _it(held[:3])
                hint = (
                    f"No story yet, but {of_issuer(holder)} shows {it}: say what it tested and "
                    f"where you have used {it} since, then prepare a story."
                )
            else:
                hint = f"No story shows {names} yet: prepare one (a project or a job story)."
            if unmet:
                label = join_words([g.label for g in unmet[:3]])
                hint += (
                    f" The posting also asks for {label}; your profile doesn't show "
                    f"{_it(unmet[:3])} yet."
                )
            short = next((g.years for g in groups if g.short and g.years is not None), None)
            if short is not None:
                hint += " " + years_hint(short)
            out.append(PostingQuestion(requirement, question, story.title if story else None, hint))
        if out[-1].question in (q.question for q in out[:-1]):
            out.pop()  # two lines the same skill meets ("Lead Epic build", "Epic or Cerner")
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


def _it(things: Sequence[object]) -> str:
    """The pronoun for what a sentence names: "it", or "them" for two or more ("CI/CD,
    Jenkins and GitLab CI; your profile doesn't show them yet")."""
    return "them" if len(things) > 1 else "it"
