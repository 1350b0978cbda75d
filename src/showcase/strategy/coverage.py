"""Coverage over requirement groups, and suggestions only for the groups not met.

A group is met when the profile evidences one of its alternatives, or an equivalent of
one (PSM I meets "a Scrum certification (PSM I or CSM)"; a HubSpot certification meets
"HubSpot"). Only unmet groups are missing, and only they get suggestions, which never
are:

* a credential the profile holds, or an equivalent of one (no CSM for a PSM I holder);
* a credential whose prerequisite the profile lacks (A-CSM needs a CSM: the catalog's
  `requires`);
* a higher rung of one suggested for the same group (the Solutions Architect
  Professional, which evidences the Associate, after the Associate).

Suggestions for a group: the credential the posting names, then the lower level; then
the one meeting more unmet groups, each once per posting asking it (the Cloud Practitioner
meets "AWS" and "Cloud security"); then the person's field (`person_field`), assessment
and recognition (the catalog's own order).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from showcase.profile import Credential, LoadedProfile
from showcase.profile.models import Education, Experience, StarFields
from showcase.profile.models.language import LanguageLevel
from showcase.profile.types import PRESENT
from showcase.strategy import catalog as cat
from showcase.strategy.evidence import evidenced, title_terms
from showcase.strategy.field import fields_of, person_field
from showcase.strategy.matcher import Matcher, matcher
from showcase.strategy.requirements import Requirement
from showcase.strategy.vocabulary import Field_, Term, TermKind, Vocabulary, normalize, vocabulary
from showcase.strategy.years import JobYears, Years, job_span

SUGGESTIONS_PER_GROUP = 2
_ADVANCED = re.compile(
    r"\b(?:professional|expert|advanced|senior|specialty|II|III|architect|"
    r"practitioner|SCP|SPHR|GPHR|Expert|Advanced)\b|[–-]\s*(?:Professional|Specialty)\b"
)
_FOUNDATIONAL = re.compile(
    r"\b(?:fundamentals|foundations?|foundational|essentials|associate|entry|beginner|"
    r"introduction|intro|certificate|basics|aPHR|CAPM|Cloud Practitioner|Digital Leader)\b"
)


@dataclass(frozen=True)
class GroupMatch:
    """One requirement group against a profile (and a resume's text, for `--for`)."""

    requirement: Requirement
    met_by: tuple[Term, ...]  # the alternatives the profile evidences
    in_resume: bool | None = None  # an alternative the profile shows is in the resume's text
    expired: tuple[Credential, ...] = ()  # unmet, but an expired credential would meet it
    years: Years | None = None  # met, and it asks for years: those the jobs show (years.py)

    @property
    def met(self) -> bool:
        """The profile shows one of its alternatives (its years aside: `short`)."""
        return bool(self.met_by)

    @property
    def short(self) -> bool:
        """Shown, but it asks for more years than the jobs that show it add up to (or
        only a course, a project ... shows it): not met in full."""
        return self.years is not None and not self.years.enough

    @property
    def full(self) -> bool:
        """Met, with the years it asks for."""
        return self.met and not self.short

    @property
    def label(self) -> str:
        """ "Smartsheet or Microsoft Project"; "Klaviyo or similar" for "... or a similar"."""
        names = self.requirement.names
        text = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
        return text + " or similar" if self.requirement.or_equivalent else text


def expand(terms: set[Term], match: Matcher | None = None) -> set[Term]:
    """`terms` and what they evidence: implied terms, and the classes they are members of."""
    vocab = (match or matcher()).vocab
    found: set[Term] = set()
    for term in terms:
        for implied in vocab.implied(term):
            found.add(implied)
            found.update(vocab.classes.get(implied, ()))
    return found


def met_by(
    requirement: Requirement, shown: set[Term], match: Matcher | None = None
) -> tuple[Term, ...]:
    """What meets `requirement` in `shown` (already expanded): the alternatives shown, else
    the equivalents of one that are (PSM I for "CSM certified")."""
    vocab = (match or matcher()).vocab
    direct = [term for term in requirement.any_of if term in shown]
    if direct:
        return tuple(direct)
    equivalent = {o for t in requirement.any_of for o in vocab.equivalents(t) if o in shown}
    members = [t for t in equivalent if not t.any_of]  # PSM I rather than "a Scrum cert..."
    return tuple(sorted(members or equivalent, key=lambda t: t.name))


def expired_for(
    requirement: Requirement, gone: dict[Term, Credential], match: Matcher | None = None
) -> tuple[Credential, ...]:
    """The expired credentials (`lapsed`) that would meet `requirement`, each once."""
    found: dict[str, Credential] = {}
    for term in met_by(requirement, set(gone), match):
        found.setdefault(gone[term].id, gone[term])
    return tuple(found.values())


def resume_terms(text: str, match: Matcher | None = None) -> set[Term]:
    """The terms a resume's text shows, expanded (context not required: it is the person's)."""
    match = match or matcher()
    return expand(set(match.terms(text, context=False)), match)


_LEVEL_RANK = {"foundational": 0, "associate": 1, "professional": 2, "expert": 2}


def level(entry: cat.Entry) -> int:
    """0 foundational, 1 intermediate, 2 advanced: the catalog's sourced level where it has
    one, else from `requires` and the name's words."""
    if entry.level is not None:
        return _LEVEL_RANK.get(entry.level.value, 1)
    if entry.requires or _ADVANCED.search(entry.name):
        return 2
    return 0 if _FOUNDATIONAL.search(entry.name) else 1


def suggestions(
    loaded: LoadedProfile, unmet: list[Requirement], *, per_group: int = SUGGESTIONS_PER_GROUP
) -> list[tuple[cat.Entry, tuple[str, ...]]]:
    """Credentials that would meet `unmet` groups, each with the groups' labels it serves.
    A group in `unmet` once per posting that asks it weighs as many (`gaps`)."""
    match = matcher()
    vocab = match.vocab
    held = cat.held(loaded.profile.credentials)
    held_ids = {e.id for e in held}
    held_terms = {t for e in held for name in e.terms[:1] if (t := vocab.find(name)) is not None}
    for credential in loaded.valid_credentials:
        if (t := vocab.find(credential.name)) is not None:
            held_terms.add(t)
    equivalent: set[Term] = set()
    for term in expand(held_terms, match):
        equivalent |= vocab.equivalents(term)
    fields = person_field(loaded)
    chosen: dict[str, tuple[cat.Entry, tuple[str, ...]]] = {}
    by_names = {tuple(g.names): g for g in unmet}
    weight = Counter(tuple(g.names) for g in unmet)
    # Each name -> the groups it meets: what an entry serves is looked up, once per entry
    # (going over every group for every entry of every group took 1,000 postings 10.7 s).
    wanted_by: dict[str, set[tuple[str, ...]]] = {}
    for key in weight:
        for name in {normalize(n) for n in _alternatives(by_names[key])}:
            wanted_by.setdefault(name, set()).add(key)
    served: dict[str, int] = {}

    def rank(entry: cat.Entry, named: set[str]) -> tuple[bool, int, int, int]:
        """The credential the group names, the lower level, what meets more groups, field."""
        keys = [normalize(name) for name in entry.terms]
        if entry.id not in served:
            met = set().union(*(wanted_by.get(key, ()) for key in keys))
            served[entry.id] = sum(weight[each] for each in met)
        return (
            not (keys and keys[0] in named),
            level(entry),
            -served[entry.id],
            _field_rank(entry, fields),
        )

    for group in by_names.values():
        label = GroupMatch(group, ()).label
        names = _alternatives(group)
        certifications = [t for t in group.any_of if t.kind == TermKind.CERTIFICATION]
        named = {normalize(n) for t in certifications for n in (t.name, *t.any_of)}
        picks = [
            entry
            for entry in cat.for_terms(names, exclude=held_ids, today=loaded.today)
            if not _equivalent_of_held(entry, equivalent)
            and (not entry.requires or set(entry.requires) & held_ids)
        ]
        picks.sort(key=lambda e: rank(e, named))
        for entry in _first_rungs(picks, vocab)[:per_group]:
            previous = chosen.get(entry.id)
            chosen[entry.id] = (entry, (*previous[1], label) if previous else (label,))
    return list(chosen.values())


def _alternatives(group: Requirement) -> list[str]:
    """The names that meet `group`: its alternatives and the members of a class among them."""
    return [name for t in group.any_of for name in [t.name, *t.any_of]]


def _first_rungs(picks: list[cat.Entry], vocab: Vocabulary) -> list[cat.Entry]:
    """`picks` without a higher rung of one before it: a credential whose certification
    evidences an earlier pick's (`implies`: the Solutions Architect Professional, the
    Associate) serves the same gap, later."""
    kept: list[cat.Entry] = []
    below: set[Term] = set()  # what the kept picks' certifications are and evidence
    for entry in picks:
        own = vocab.find(entry.terms[0]) if entry.terms else None
        if own is not None and set(vocab.implied(own)[1:]) & below:
            continue
        kept.append(entry)
        if own is not None and own.kind == TermKind.CERTIFICATION:
            below.add(own)
    return kept


def _equivalent_of_held(entry: cat.Entry, equivalent: set[Term]) -> bool:
    """Whether the entry is (an equivalent of) a credential held: its own certification
    term (the catalog lists it first), never a tool it teaches (HubSpot)."""
    own = vocabulary().find(entry.terms[0]) if entry.terms else None
    return own is not None and own.kind == TermKind.CERTIFICATION and own in equivalent


def _field_rank(entry: cat.Entry, fields: tuple[Field_, ...]) -> int:
    """0 when the entry's main field (of all the terms it evidences) is the person's main
    field, 1 when it is another of theirs, 2 otherwise."""
    vocab = vocabulary()
    own = fields_of([t for name in entry.terms if (t := vocab.find(name)) is not None])
    if not own or not fields:
        return 1
    if own[0] == fields[0]:
        return 0
    return 1 if own[0] in fields else 2


def requirement_json(group: GroupMatch) -> dict[str, Any]:
    """One group as the match report and `gaps` give it."""
    out: dict[str, Any] = {
        "text": group.requirement.text,
        "any_of": group.requirement.names,
        "strength": group.requirement.strength.value,
        "section": group.requirement.section.value,
        "years": group.requirement.years,
        "met_by": [t.name for t in group.met_by],
    }
    if group.in_resume is not None:
        out["in_resume"] = group.in_resume
    if group.expired:
        out["expired"] = [c.name for c in group.expired]
    if group.short and group.years is not None:
        out["short_years"] = group.years.json()
    return out


def profile_evidence(loaded: LoadedProfile, match: Matcher) -> dict[Term, list[str]]:
    """Every term the profile shows, with where: the one rule of what the person has, for
    `gaps`, the match report, the cover letter, the About section and the interview sheet.

    Everything the profile says the person holds or did counts, and so everything a resume
    prints as theirs: a valid credential (its name, skills and `applied` line, and the
    catalog's certification it is: "Content Marketing Certification" from HubSpot Academy
    is the HubSpot one), a complete stack, the headline and summary, the skills, a job
    (`job_terms`: its title, with the skill it names, its highlights and stories), a
    project (its title, task, actions, result and tools), a finished degree, volunteering,
    awards, publications, and languages spoken at work. Not a situation or an obstacle (the
    context, not what the person did), nor an expired credential or one in progress. Context
    words are not required here: a profile's "R" in a list of skills is the language.
    """
    found: dict[Term, list[str]] = {}

    def add(where: str, *texts: str | None, terms: Iterable[Term] = ()) -> None:
        for each in (*terms, *(t for text in texts for t in evidenced(text, match))):
            places = found.setdefault(each, [])
            if where not in places:
                places.append(where)

    profile = loaded.profile
    for credential in loaded.valid_credentials:
        where = f"credential: {credential.name}"
        add(
            where,
            credential.name,
            *credential.skills,
            credential.applied,
            _certification(credential),
        )
    for stack in loaded.complete_stacks:
        add(f"stack: {stack.name}", stack.name)
    if profile.headline:  # the person's own words: "Digital marketing manager, 8 years"
        add("headline", profile.headline)
    add("summary", profile.summary)
    for group in profile.skills:
        add(f"skills: {group.group}", *group.items)
    for job in profile.experience:
        add(f"experience: {job.title}, {job.organization}", terms=job_terms(job, match))
    for project in profile.projects:
        add(f"project: {project.title}", project.title, *_did(project))
    for school in profile.education:
        if _finished(school, loaded.today):
            add(f"education: {school.institution}", school.degree, school.field)
    for item in profile.volunteer:
        add(f"volunteer: {item.organization}", item.role, item.summary, *item.highlights)
    for award in profile.awards:
        add(f"award: {award.title}", award.title, award.summary)
    for publication in profile.publications:
        add(f"publication: {publication.title}", publication.title, publication.summary)
    # A language spoken at work: "Bilingual English/Spanish preferred" is met by Spanish
    # at a professional level or better (said as missing to a native speaker before).
    spoken = [lang for lang in profile.languages if lang.level in _WORKING_LEVELS]
    for lang in spoken:
        add(f"language: {lang.language}", lang.language, f"{lang.language} language")
    others = [lang for lang in spoken if lang.language.strip().casefold() != "english"]
    english = len(others) < len(spoken) or not profile.locale or profile.locale.startswith("en")
    if others and (english or len(others) > 1):  # two languages at work, English one of them
        add(f"language: {others[0].language}", "Bilingual")  # or two others
    return found


def lapsed(loaded: LoadedProfile, match: Matcher) -> dict[Term, Credential]:
    """The certifications the profile's expired credentials are (and the classes they are
    members of), each with the credential: earned once, not held today. A group one of
    them would meet is still unmet, but it is no skill "to learn": renewing it (or earning
    it again) meets it. Not what an expired credential taught (its `skills`)."""
    found: dict[Term, Credential] = {}
    for credential in loaded.profile.credentials:
        if loaded.is_valid(credential):
            continue
        for text in (credential.name, _certification(credential)):
            for term in evidenced(text, match):
                if term.kind == TermKind.CERTIFICATION:
                    found.setdefault(term, credential)
    return found


def _certification(credential: Credential) -> str | None:
    """The name of the catalog's certification the credential is ("Content Marketing
    Certification" from HubSpot Academy: the HubSpot Content Marketing Certification)."""
    entry = cat.match(credential)
    own = matcher().vocab.find(entry.terms[0]) if entry is not None and entry.terms else None
    return own.name if own is not None and own.kind == TermKind.CERTIFICATION else None


def job_years(loaded: LoadedProfile, match: Matcher) -> JobYears:
    """The profile's jobs, each with its months and the terms it shows (`job_terms`): what
    `JobYears.check` adds up for a requirement that asks for years."""
    jobs = []
    for job in loaded.profile.experience:
        span = job_span(job, loaded.today)
        if span is not None:
            jobs.append((frozenset(job_terms(job, match)), span))
    return JobYears(tuple(jobs))


def group_match(
    requirement: Requirement, shown: set[Term], match: Matcher, jobs: JobYears
) -> GroupMatch:
    """One group against what the profile shows, with the years its jobs show when it asks
    for years: the one rule of match, gaps and the letter."""
    found = met_by(requirement, shown, match)
    return GroupMatch(requirement, found, years=jobs.check(requirement, found))


def job_terms(job: Experience, match: Matcher) -> list[Term]:
    """The terms one job shows, in order: what its title evidences (`title_terms`: "Cloud
    Engineer", Cloud engineering), its highlights and its stories (`_did`) show; the rule of
    `profile_evidence`, and the terms `strategy/years.py` counts the job's months for."""
    texts = [*job.highlights, *(text for story in job.stories for text in _did(story))]
    found = [t for text in texts for t in evidenced(text, match)]
    return list(dict.fromkeys([*title_terms(job.title, match), *found]))


def _did(story: StarFields) -> list[str | None]:
    """What a story says the person did: its title, task, actions, result and tools."""
    return [story.title, story.task, *story.actions, story.result, *story.tools]


def _finished(school: Education, today: dt.date) -> bool:
    """A degree held: one that has ended (or gives no end), not one still under way."""
    end = school.end
    return end != PRESENT and (end is None or isinstance(end, str) or end.first_day <= today)


_WORKING_LEVELS = frozenset(
    {
        LanguageLevel.NATIVE,
        LanguageLevel.FULL_PROFESSIONAL,
        LanguageLevel.PROFESSIONAL_WORKING,
    }
)
