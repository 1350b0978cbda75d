"""What each paragraph of the cover letter says: the posting's requirement groups the profile
meets (`Answer`), ranked and chosen, and the opening, evidence, bridge, in-progress and
closing sentences worded from them. Optional sentences carry a priority (`LEVELS`), so that
`showcase.views.letter` keeps as many as fit.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from showcase.profile import Credential, LoadedProfile
from showcase.profile.models import Experience, InProgress
from showcase.strategy.coverage import met_by
from showcase.strategy.requirements import Requirement, Section, Strength
from showcase.strategy.vocabulary import Term, TermKind
from showcase.views.common import (
    a_or_an,
    end_of,
    in_sentence,
    join_words,
    of_issuer,
    org_name,
    same_title,
    sentence,
    spoken,
    titled,
)
from showcase.views.evidence import Backing, Evidence, Result, shares_figure, terms_of


@dataclass(frozen=True)
class Answer:
    """One met requirement group, with the evidence the letter gives for it."""

    requirement: Requirement
    terms: tuple[Term, ...]  # the alternatives the profile shows
    results: tuple[Result, ...]  # the person's results that show them, the best first
    backing: Backing | None  # the valid credential that backs it
    short: bool = False  # it asks more years than the jobs that show it add up to

    @property
    def label(self) -> str:
        """The skill as the letter names it: the vocabulary's name, not the posting's words."""
        return self.terms[0].name

    @property
    def certificate(self) -> Credential | None:
        """The credential itself, when what the posting asks for is a certification the
        person holds ("PSM I or CSM"): the letter names it, not the skill."""
        if self.backing is not None and self.terms[0].kind == TermKind.CERTIFICATION:
            return self.backing.credential
        return None


# The optional sentences, added in this order while the letter is under 300 words.
CORE, MORE_RESULT, MORE_ANSWER, MORE_LEARNED, MORE_RESULTS = range(5)
LEVELS = (CORE, MORE_RESULT, MORE_ANSWER, MORE_LEARNED, MORE_RESULTS)
Draft = list[tuple[int, str]]

_SECTION_RANK = {Section.QUALIFICATIONS: 0, Section.INTRO: 1, Section.DUTIES: 1}


def ranked(groups: list[Requirement]) -> list[Requirement]:
    """Required before preferred before a plus; qualifications before duties; posting order."""
    strength = list(Strength)
    return sorted(
        groups,
        key=lambda g: (strength.index(g.strength), _SECTION_RANK.get(g.section, 2)),
    )


def answers_to(
    groups: list[Requirement], evidence: Evidence
) -> tuple[list[Answer], list[Requirement]]:
    """The met groups with their evidence, and the unmet groups, both most important first."""
    answers: list[Answer] = []
    unmet: list[Requirement] = []
    named: set[str] = set()
    for group in groups:
        terms = met_by(group, set(evidence.shown))
        if not terms:
            unmet.append(group)
            continue
        if terms[0].name in named:
            # Another group the same skill meets ("Lead Epic build ..." and "Experience
            # with Epic or Cerner"): answered once, by the more important one. Twice, the
            # letter said "Epic and Epic" and told the same result in two paragraphs.
            continue
        named.add(terms[0].name)
        wanted = set(terms) | set(group.any_of)
        results = [r for r in evidence.results if r.terms & wanted]
        results.sort(key=lambda r: (not r.has_figure, not r.mine, r.job is None, not r.current))
        backings = [b for b in evidence.backings if b.terms & wanted]
        backings.sort(key=lambda b: b.strength)
        if not backings:  # a capstone's result is backed by the credential it was part of
            ids = [r.credential_id for r in results if r.credential_id]
            backings = [b for b in evidence.backings if b.credential.id in ids[:1]]
        years = evidence.jobs.check(group, terms)
        short = years is not None and not years.enough
        backing = backings[0] if backings else None
        answers.append(Answer(group, terms, tuple(results), backing, short))
    return answers, unmet


def choose(answers: list[Answer]) -> list[Answer]:
    """Answers with a result, those with a credential too first, each with a result that
    tells another story than the answers before it (one story told twice answers nothing
    new); the others after them, for the letter's extra paragraph. An answer short of the
    years its requirement asks (`strategy/years.py`) comes after every full one: it never
    leads as the strongest match while one met in full can, and no sentence words years."""
    ordered = sorted((a for a in answers if a.results), key=lambda a: (a.short, a.backing is None))
    chosen: list[Answer] = []
    told: list[str] = []
    for answer in ordered:
        fresh = [r for r in answer.results if not _told(r.text, told)]
        if fresh:
            chosen.append(replace(answer, results=tuple(fresh)))
            told.append(fresh[0].text)
    return chosen


def _told(text: str, told: list[str] | set[str]) -> bool:
    return any(text == t or shares_figure(text, t) for t in told)


def opening_line(
    title: str,
    company: str,
    chosen: list[Answer],
    current: Experience | None,
    say_job: bool,
    held: Credential | None = None,
    title_said: bool = False,
) -> str:
    """The first paragraph; `held`: a certification the posting asks for that the person
    holds, said when no answer has a result to lead with; `title_said`: the summary's line
    after it names the job's role ("I am a registered nurse with ..."), so the job is said
    by its employer alone."""
    role = title if title == "the role" else f"the {title} role"
    out = [f"I am writing to apply for {role} at {end_of(company)}"]
    if not chosen and held is not None:
        # The issuer is of the credential held, not of what the role asks for ("asks for
        # the Registered Nurse License from the Texas Board of Nursing" of a Florida post).
        out.append(
            f"The role asks for {titled(held)}, which I earned from {org_name(spoken(held)[1])} "
            f"in {held.issued.long()}."
        )
    if chosen:
        best = chosen[0]
        if best.certificate is not None:
            out.append(
                "The strongest match between the role and my record is "
                f"{of_issuer(best.certificate)}, which I hold, with results to show for it."
            )
        elif best.backing is not None:
            out.append(
                f"The strongest match between the role and my record is {in_sentence(best.label)}: "
                "I hold "
                f"{of_issuer(best.backing.credential)}, and I have results to show for it."
            )
        else:
            out.append(
                f"The strongest match between the role and my record is {in_sentence(best.label)}, "
                "where I have results to show."
            )
    if current is not None and say_job:
        role = "" if title_said else f" as {a_or_an(current.title)}"
        out.append(f"Today I work{role} at {end_of(current.organization)}")
    return " ".join(out)


def evidence_draft(
    answer: Answer, used: set[str], cited: set[str], reserved: frozenset[str] = frozenset()
) -> Draft:
    """The group's skill, one or two results, and the credential that backs them; never,
    as a further result, one `reserved` for another paragraph to lead with (it was told
    twice: as Epic's second result, then as clinical documentation's only one)."""
    label = in_sentence(answer.label)
    results = [r for r in answer.results if not _told(r.text, used)] or list(answer.results[:1])
    first = results[0]
    used.add(first.text)
    held = answer.certificate
    if held is not None:
        cited.add(held.id)
        opening = (
            f"I hold {of_issuer(held)}, earned in {held.issued.long()}, and I have put it to work."
        )
    else:
        # "not only my studies" only when a credential backs it
        backed = answer.backing is not None
        if first.at_work:
            studied = ", not only my studies" if backed else ""
            left = first.job is not None and not first.current  # from a job held no more
            been = "has been" if left else "is"
            opening = f"{sentence(label)} {been} part of my work{studied}."
        else:
            studied = ", not only studied" if backed else ""
            opening = f"{sentence(label)} is something I have put to use{studied}."
    parts: Draft = [(CORE, opening)]
    with_it = (
        held is not None and first.credential_id == held.id and first.where.startswith("since ")
    )
    parts.append((CORE, first.said("With it" if with_it else None)))
    more = [r for r in results[1:] if not _told(r.text, used | reserved)]
    for priority in (MORE_RESULT, MORE_RESULTS):
        result = next((r for r in more if not _told(r.text, used)), None)
        if result is not None:
            used.add(result.text)
            parts.append((priority, result.said()))
    if held is not None:
        if held.learned:
            parts.append((MORE_LEARNED, f"What it taught me: {_lead(held.learned)}"))
    elif answer.backing is not None:
        credential = answer.backing.credential
        if credential.id in cited:
            parts.append((CORE, f"The same {credential.name} backs this up."))
        else:
            cited.add(credential.id)
            backs = "stands behind it" if cited - {credential.id} else "backs this up"
            parts.append(
                (
                    CORE,
                    f"{sentence(of_issuer(credential))}, earned in {credential.issued.long()}, "
                    f"{backs}.",
                )
            )
            if credential.learned:
                parts.append((MORE_LEARNED, f"What it taught me: {_lead(credential.learned)}"))
    return parts


def more_draft(
    answers: list[Answer], used: set[str], cited: set[str], *, also: bool = True
) -> Draft:
    """One more met requirement with its result, and the other met requirements that a
    credential not yet cited backs: "I also hold X from Y (Meta Ads Manager, paid social)"
    ("I hold", without `also`: nothing before it said what the person holds or did)."""
    parts: Draft = []
    for answer in answers:
        fresh = [r for r in answer.results if not _told(r.text, used)]
        if fresh:
            used.add(fresh[0].text)
            label = in_sentence(answer.label)
            parts.append((MORE_ANSWER, f"The same goes for {label}. {fresh[0].said()}"))
            break
    backed: dict[str, tuple[Credential, list[str]]] = {}
    for answer in answers:
        if answer.backing is None or answer.backing.credential.id in cited:
            continue
        credential = answer.backing.credential
        entry = backed.setdefault(credential.id, (credential, []))
        if answer.certificate is None and answer.label not in entry[1]:
            entry[1].append(answer.label)  # a certification asked for is named by itself
    if backed:
        held = [
            f"{of_issuer(c)} ({join_words([in_sentence(x) for x in labels])})"
            if labels
            else of_issuer(c)
            for c, labels in list(backed.values())[:3]
        ]
        hold = "also hold" if also or parts else "hold"
        parts.append((MORE_ANSWER, f"I {hold} {join_words(held)}."))
    return parts


_LOWER_LEADS = re.compile(r"^(?:How|What|Why|When|Where|The|A|An|Building|Using|Writing)\b")


def _lead(text: str) -> str:
    """A sentence of the person's after a colon: "how Smart Bidding ...", "the ADKAR model"."""
    body = " ".join(text.split())
    first = body.split(" ", 1)[0]
    if _LOWER_LEADS.match(body) or (first.endswith("ing") and first[1:].islower()):
        body = body[:1].lower() + body[1:]
    return end_of(body)


def bridge_line(loaded: LoadedProfile, title: str, chosen: list[Answer]) -> str | None:
    """When the posting's title is not the current one: what the current job carries over."""
    job = loaded.current_job
    if job is None or title == "the role" or same_title(job.title, title):
        return None
    shown = terms_of(job.title, *job.highlights, *(s.result or "" for s in job.stories))
    for story in job.stories:
        shown |= terms_of(*story.tools, *story.actions)
    carried = [a.label for a in chosen if set(a.terms) & shown and a.certificate is None]
    if carried:
        return (
            f"My title today is {job.title}, not {title}, but the work carries over: "
            f"{join_words([in_sentence(c) for c in carried])} "
            f"{'is' if len(carried) == 1 else 'are'} already part of my job at "
            f"{end_of(job.organization)}"
        )
    backing = [a.backing.credential for a in chosen if a.backing is not None]
    if backing:
        return end_of(
            f"My title today is {job.title}, not {title}; I have built toward this role with "
            f"{join_words([of_issuer(c) for c in backing])}"
        )
    return None


def in_progress_line(
    entries: list[InProgress], top_unmet: list[Requirement], evidence: Evidence, today: dt.date
) -> str | None:
    """The most important unmet group, only when an in-progress credential covers it."""
    if not top_unmet:
        return None
    group = top_unmet[0]
    for entry in entries:
        if met_by(group, set(evidence.in_progress_terms(entry))):
            expected = entry.expected
            when = ""
            if expected is not None and expected.last_day >= today:  # a past date is stale
                when = f", and expect to finish in {expected.long()}"
            return (
                f"As for {_label(group)}, I am still completing the {entry.name} "
                f"from {org_name(entry.issuer)}{when}."
            )
    return None


def _label(group: Requirement) -> str:
    """A group by the vocabulary's names: "CAPM or PMP"."""
    return join_words([in_sentence(name) for name in group.names], "or")


def closing_line(loaded: LoadedProfile, company: str, chosen: list[Answer]) -> str:
    options = loaded.profile.letter
    parts: list[str] = []
    if options.availability:
        parts.append(f"I can start {options.availability.strip().rstrip('.')}.")
    if options.relocation:
        relocation = options.relocation.strip()
        parts.append(relocation if relocation.endswith((".", "!")) else f"{relocation}.")
    skills = [in_sentence(a.label) for a in chosen if a.certificate is None]
    about = f" and talk about {join_words(skills)}" if skills else ""
    parts.append(
        f"I would welcome the chance to meet{about}, and to hear what {company} needs most "
        "in the first months. Thank you for reading."
    )
    return " ".join(parts)
