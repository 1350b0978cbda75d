"""The cover letter for one posting: what it says, already worded.

Built on the posting's requirement groups (`strategy.requirements`) and the
profile's own results and credentials (`views.evidence`):

* Opening: the role and the company, and the single strongest match (a met
  requirement group backed by both a result and a credential).
* Two evidence paragraphs, each answering one met group: the person's result, as
  they wrote it (numbers kept), and the valid credential that backs it.
* A bridge when the posting's title is not the person's current title: which of the
  met requirements the current job already shows.
* One honest line about the most important unmet group, only when an `in_progress`
  entry covers it ("I am completing ..."); otherwise nothing.
* A close: availability and relocation from the optional `letter:` block.

Nothing is added: every skill, credential, employer and number comes from the
profile; of the posting only its title and company are named, as the posting's.
The requirements are named by the vocabulary's names, never in the posting's words.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from showcase.profile import Credential, LoadedProfile
from showcase.profile.models import Experience, InProgress
from showcase.strategy.coverage import met_by
from showcase.strategy.requirements import Requirement, Section, Strength, requirements
from showcase.strategy.tailor import Tailoring
from showcase.strategy.vocabulary import Term, TermKind
from showcase.views.common import (
    a_or_an,
    in_sentence,
    join_words,
    of_issuer,
    org_name,
    sentence,
)
from showcase.views.evidence import Backing, Evidence, Result, is_current, shares_figure, terms_of
from showcase.views.grammar import after_colon
from showcase.views.resume import ContactItem, resume_view

MIN_WORDS = 250
MAX_WORDS = 400
TARGET_WORDS = 300  # optional sentences are added until the letter reaches this
DEFAULT_SIGN_OFF = "Kind regards"
DEFAULT_GREETING = "Dear Hiring Manager,"
_WORD = re.compile(r"[\w$£€%][\w$£€%'’.,/-]*")


@dataclass(frozen=True)
class Answer:
    """One met requirement group, with the evidence the letter gives for it."""

    requirement: Requirement
    terms: tuple[Term, ...]  # the alternatives the profile shows
    results: tuple[Result, ...]  # the person's results that show them, the best first
    backing: Backing | None  # the valid credential that backs it

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


@dataclass(frozen=True)
class LetterView:
    """Everything the cover letter says, in order."""

    name: str  # the person's name, as signed
    display_name: str  # with letters after it, for the letterhead
    tagline: str | None  # the headline under the name
    contact_lines: tuple[tuple[ContactItem, ...], ...]  # the letterhead's contact lines
    separator: str  # between contact items
    date: str  # "December 6, 2026"
    title: str  # the posting's job title ("the role" when it has none)
    company: str  # the posting's company ("your company" when it has none)
    greeting: str  # "Dear Hiring Manager,", or "Dear <--to>,"
    opening: str
    evidence: tuple[str, ...]  # one paragraph per answered requirement group
    bridge: str | None  # how the current job carries over to the role
    in_progress: str | None  # the one honest line about the top unmet requirement
    closing: str
    sign_off: str  # "Kind regards,"
    answered: tuple[str, ...]  # the requirement groups the evidence paragraphs answer

    @property
    def subject(self) -> str:
        """The document's subject: "Application for <title> at <company>"."""
        return f"Application for {self.title} at {self.company}"

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The body, from the opening to the close."""
        middle = [p for p in (self.bridge, self.in_progress) if p]
        return (self.opening, *self.evidence, *middle, self.closing)

    @property
    def words(self) -> int:
        """The body's word count, greeting and signature left out."""
        return count_words(" ".join(self.paragraphs))


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def letter_view(loaded: LoadedProfile, tailor: Tailoring, *, to: str | None = None) -> LetterView:
    """The cover letter of `loaded` for the posting of `tailor` (see the module docstring)."""
    profile = loaded.profile
    evidence = Evidence(loaded)
    groups = _ranked(list(requirements(tailor.posting).groups))
    answers, unmet = _answers(groups, evidence)
    chosen = _choose(answers)
    title = _clean(tailor.posting.title) or "the role"
    company = _clean(tailor.posting.company) or "your company"
    current = next((j for j in profile.experience if is_current(j)), None)
    resume = resume_view(loaded)
    bridge = _bridge(loaded, title, chosen[:2])
    base = LetterView(
        name=profile.name,
        display_name=loaded.display_name,
        tagline=profile.headline,
        contact_lines=resume.contact_lines,
        separator=resume.separator,
        date=f"{loaded.today:%B} {loaded.today.day}, {loaded.today.year}",
        title=title,
        company=company,
        greeting=_greeting(to),
        opening=_opening(title, company, chosen, current, bridge is None),
        evidence=(),
        bridge=bridge,
        in_progress=_in_progress_line(profile.in_progress, unmet[:1], evidence, loaded.today),
        closing=_closing(loaded, company, chosen[:2]),
        sign_off=f"{(profile.letter.sign_off or DEFAULT_SIGN_OFF).strip().rstrip(',')},",
        answered=tuple(a.label for a in chosen[:2]),
    )
    # The evidence paragraphs, their optional sentences tagged with a priority: the letter
    # takes all that fit in 400 words, dropping the least telling first.
    used: set[str] = set()
    cited: set[str] = set()
    drafts = [_evidence_parts(answer, used, cited) for answer in chosen[:2]]
    answered = {a.requirement for a in chosen[:2]}
    rest = [*chosen[2:], *(a for a in answers if a.requirement not in answered)]
    more = _more_parts(rest, used, cited)
    if more:
        drafts.append(more)
    opening: Draft = [(CORE, base.opening)]
    line = _in_a_line(profile.summary)
    if line:
        opening.append((MORE_LEARNED, f"In a line: {after_colon(line)}"))
    fitting = []
    for level in LEVELS:
        first = _paragraphs([opening], level)[0]
        view = replace(base, opening=first, evidence=_paragraphs(drafts, level))
        if view.words > MAX_WORDS:
            break
        fitting.append(view)
        if view.words >= TARGET_WORDS:
            break  # long enough: the rest stays out
    return fitting[-1] if fitting else view


# The optional sentences, added in this order while the letter is under 300 words.
CORE, MORE_RESULT, MORE_ANSWER, MORE_LEARNED, MORE_RESULTS = range(5)
LEVELS = (CORE, MORE_RESULT, MORE_ANSWER, MORE_LEARNED, MORE_RESULTS)
Draft = list[tuple[int, str]]


def _paragraphs(drafts: list[Draft], level: int) -> tuple[str, ...]:
    out = []
    for draft in drafts:
        text = " ".join(part for priority, part in draft if priority <= level)
        if text:
            out.append(text)
    return tuple(out)


def _greeting(to: str | None) -> str:
    """ "Dear Ms Alvarez," from `--to` ("Ms Alvarez", "Ms Alvarez,", "Dear Ms Alvarez")."""
    name = " ".join((to or "").split()).rstrip(",:;")
    name = re.sub(r"^dear\s+", "", name, flags=re.I)
    return f"Dear {name}," if name else DEFAULT_GREETING


def _in_a_line(summary: str | None) -> str | None:
    """The summary's first sentence, when it is short enough to say in a line."""
    if not summary:
        return None
    first = re.split(r"(?<=[.!?])\s+", " ".join(summary.split()), maxsplit=1)[0]
    return _end(first) if count_words(first) <= 30 else None


def _clean(text: str | None) -> str:
    """A posting's title or company as it ends a sentence: no trailing dot ("Co.")."""
    return (text or "").strip()


# --- choosing what to answer -----------------------------------------------------------------

_SECTION_RANK = {Section.QUALIFICATIONS: 0, Section.INTRO: 1, Section.DUTIES: 1}


def _ranked(groups: list[Requirement]) -> list[Requirement]:
    """Required before preferred before a plus; qualifications before duties; posting order."""
    strength = list(Strength)
    return sorted(
        groups,
        key=lambda g: (strength.index(g.strength), _SECTION_RANK.get(g.section, 2)),
    )


def _answers(
    groups: list[Requirement], evidence: Evidence
) -> tuple[list[Answer], list[Requirement]]:
    """The met groups with their evidence, and the unmet groups, both most important first."""
    answers: list[Answer] = []
    unmet: list[Requirement] = []
    for group in groups:
        terms = met_by(group, set(evidence.shown))
        if not terms:
            unmet.append(group)
            continue
        wanted = set(terms) | set(group.any_of)
        results = [r for r in evidence.results if r.terms & wanted]
        results.sort(key=lambda r: (not r.has_figure, not r.mine, r.job is None, not r.current))
        backings = [b for b in evidence.backings if b.terms & wanted]
        backings.sort(key=lambda b: b.strength)
        if not backings:  # a capstone's result is backed by the credential it was part of
            ids = [r.credential_id for r in results if r.credential_id]
            backings = [b for b in evidence.backings if b.credential.id in ids[:1]]
        answers.append(Answer(group, terms, tuple(results), backings[0] if backings else None))
    return answers, unmet


def _choose(answers: list[Answer]) -> list[Answer]:
    """Answers with a result, those with a credential too first, each with a result that
    tells another story than the answers before it (one story told twice answers nothing
    new); the others after them, for the letter's extra paragraph."""
    ordered = sorted((a for a in answers if a.results), key=lambda a: a.backing is None)
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


# --- the paragraphs ----------------------------------------------------------------------------


def _opening(
    title: str, company: str, chosen: list[Answer], current: Experience | None, say_job: bool
) -> str:
    role = title if title == "the role" else f"the {title} role"
    out = [f"I am writing to apply for {role} at {_end(company)}"]
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
        out.append(f"Today I work as {a_or_an(current.title)} at {_end(current.organization)}")
    return " ".join(out)


def _end(text: str) -> str:
    """`text` closing a sentence: "Acme Outdoor Co." keeps its one dot."""
    return text if text.endswith((".", "!", "?")) else f"{text}."


def _evidence_parts(answer: Answer, used: set[str], cited: set[str]) -> Draft:
    """The group's skill, one or two results, and the credential that backs them."""
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
            opening = f"{sentence(label)} is part of my work{studied}."
        else:
            studied = ", not only studied" if backed else ""
            opening = f"{sentence(label)} is something I have put to use{studied}."
    parts: Draft = [(CORE, opening)]
    with_it = (
        held is not None and first.credential_id == held.id and first.where.startswith("since ")
    )
    parts.append((CORE, first.said("With it" if with_it else None)))
    more = [r for r in results[1:] if not _told(r.text, used)]
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


def _more_parts(answers: list[Answer], used: set[str], cited: set[str]) -> Draft:
    """One more met requirement with its result, and the other met requirements that a
    credential not yet cited backs: "I also hold X from Y (Meta Ads Manager, paid social)"."""
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
        parts.append((MORE_ANSWER, f"I also hold {join_words(held)}."))
    return parts


_LOWER_LEADS = re.compile(r"^(?:How|What|Why|When|Where|The|A|An|Building|Using|Writing)\b")


def _lead(text: str) -> str:
    """A sentence of the person's after a colon: "how Smart Bidding ...", "the ADKAR model"."""
    body = " ".join(text.split())
    first = body.split(" ", 1)[0]
    if _LOWER_LEADS.match(body) or (first.endswith("ing") and first[1:].islower()):
        body = body[:1].lower() + body[1:]
    return _end(body)


def _bridge(loaded: LoadedProfile, title: str, chosen: list[Answer]) -> str | None:
    """When the posting's title is not the current one: what the current job carries over."""
    job = next((j for j in loaded.profile.experience if is_current(j)), None)
    if job is None or title == "the role" or _same_role(job.title, title):
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
            f"{_end(job.organization)}"
        )
    backing = [a.backing.credential for a in chosen if a.backing is not None]
    if backing:
        return (
            f"My title today is {job.title}, not {title}; I have built toward this role with "
            f"{join_words([of_issuer(c) for c in backing])}."
        )
    return None


def _same_role(current: str, wanted: str) -> bool:
    return " ".join(current.casefold().split()) == " ".join(wanted.casefold().split())


def _in_progress_line(
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


def _closing(loaded: LoadedProfile, company: str, chosen: list[Answer]) -> str:
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
