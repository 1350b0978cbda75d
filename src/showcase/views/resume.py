"""What the resume says, in what order: one view for PDF, DOCX, HTML, Markdown and text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from showcase.profile import LoadedProfile
from showcase.profile.models import (
    Credential,
    Section,
    Stack,
)
from showcase.profile.types import PartialDate
from showcase.views import curate
from showcase.views.common import (
    CredentialFacts,
    Link,
    credential_facts,
    file_stem,
    link,
    newest_first,
)
from showcase.views.locale import ENGLISH, Words, words_for

if TYPE_CHECKING:
    from showcase.strategy.tailor import Tailoring

CERTIFICATIONS_TITLE = ENGLISH.certifications
# Between the fields of one line. Resume parsers split a line into fields at wide
# gaps and separators; "Title, Company, City" in one run reads to them as a sentence.
SEPARATOR = " | "
# Body text in points, largest first: the resume takes the largest that keeps it to its
# length (one page up to ten years of experience, two beyond), and curates further
# before it would go below the smallest.
FONT_SIZES = (11.0, 10.5, 10.0)
DEFAULT_FONT_SIZE = 10.5
ONE_PAGE_YEARS = 10
CONTACT_LINE_BUDGET = 95  # characters of contact details per line, so no line wraps


@dataclass(frozen=True)
class Part:
    """One field of an entry's heading line, laid out as its own text run."""

    text: str
    role: str  # organization, title, location, dates, name, issuer, degree, credential
    strong: bool = False


@dataclass(frozen=True)
class ContactItem:
    label: str  # "" for email/phone/location, "LinkedIn" for links
    text: str
    url: str | None = None

    @property
    def prefix(self) -> str:
        """``LinkedIn: `` before a labelled item, nothing before the others."""
        return f"{self.label}: " if self.label else ""


@dataclass(frozen=True)
class Detail:
    """One part of a credential's detail line: ``Valid until Feb 2027``, ``Verify: <link>``."""

    text: str
    url: str | None = None
    prefix: str = ""
    flag: bool = False  # draw attention (an expired credential shown on request)


@dataclass(frozen=True)
class ResumeCredential:
    facts: CredentialFacts
    details: tuple[Detail, ...]  # the page's (PDF, DOCX, HTML, Markdown): IDs with --show-ids
    text_details: tuple[Detail, ...]  # the text resume's, for forms: always with the ID
    skills: tuple[str, ...]  # its skills the Skills section does not already list

    @property
    def line(self) -> tuple[Part, ...]:
        return (Part(self.facts.name, "name", strong=True), Part(self.facts.issuer_line, "issuer"))


@dataclass(frozen=True)
class CredentialGroup:
    """A stack (with its name and target role) or the remaining credentials."""

    title: str | None
    target_role: str | None
    entries: tuple[ResumeCredential, ...]

    @property
    def heading(self) -> str | None:
        """``Digital Marketing``: the specialisation, in every format.

        Never the role being sought: the resume goes to every employer, and "for a
        Project Coordinator role" tells the next one it was written for another job."""
        return self.title or None


@dataclass(frozen=True)
class ClosingLine:
    """The credentials a curated resume names without an entry, in one line."""

    label: str  # "Additional coursework"
    items: tuple[str, ...]  # "Excel Essential Training (LinkedIn Learning, 2023)"

    @property
    def text(self) -> str:
        return "; ".join(self.items)


@dataclass(frozen=True)
class ExperienceEntry:
    title: str
    organization: str
    location: str | None
    dates: str
    highlights: tuple[str, ...]

    @property
    def line(self) -> tuple[Part, ...]:
        """Organisation first and bold, then title, place and dates: what parsers expect."""
        parts = [Part(self.organization, "organization", strong=True), Part(self.title, "title")]
        if self.location:
            parts.append(Part(self.location, "location"))
        parts.append(Part(self.dates, "dates"))
        return tuple(parts)


@dataclass(frozen=True)
class ProjectEntry:
    title: str
    credential: str | None  # "Capstone, Google Data Analytics Professional Certificate"
    description: str | None
    tools: tuple[str, ...]
    link: Link | None

    @property
    def line(self) -> tuple[Part, ...]:
        parts = [Part(self.title, "title", strong=True)]
        if self.credential:
            parts.append(Part(self.credential, "credential"))
        return tuple(parts)


@dataclass(frozen=True)
class EducationEntry:
    institution: str
    degree: str | None
    dates: str

    @property
    def line(self) -> tuple[Part, ...]:
        parts = [Part(self.institution, "organization", strong=True)]
        if self.degree:
            parts.append(Part(self.degree, "degree"))
        if self.dates:
            parts.append(Part(self.dates, "dates"))
        return tuple(parts)


@dataclass(frozen=True)
class DatedEntry:
    """An award, a volunteer role or a publication: a heading line, then its words."""

    title: str  # the award, the organisation, the publication's title
    subtitle: str | None  # who gave it, the role, the publisher
    dates: str
    summary: str | None = None
    highlights: tuple[str, ...] = ()
    link: Link | None = None
    subtitle_role: str = "issuer"

    @property
    def line(self) -> tuple[Part, ...]:
        parts = [Part(self.title, "title", strong=True)]
        if self.subtitle:
            parts.append(Part(self.subtitle, self.subtitle_role))
        if self.dates:
            parts.append(Part(self.dates, "dates"))
        return tuple(parts)


@dataclass(frozen=True)
class LanguageItem:
    language: str
    level: str  # "native or bilingual", in the resume's language

    @property
    def text(self) -> str:
        return f"{self.language} ({self.level})"


@dataclass(frozen=True)
class SkillLine:
    group: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class SectionRef:
    key: str
    title: str


@dataclass(frozen=True)
class ResumeView:
    name: str
    display_name: str
    headline: str | None
    contact: tuple[ContactItem, ...]
    certifications_title: str
    credential_groups: tuple[CredentialGroup, ...]
    sections: tuple[SectionRef, ...]
    summary: str | None
    experience: tuple[ExperienceEntry, ...]
    projects: tuple[ProjectEntry, ...]
    education: tuple[EducationEntry, ...]
    skills: tuple[SkillLine, ...]
    file_stem: str
    keywords: tuple[str, ...] = field(default_factory=tuple)
    additional: ClosingLine | None = None
    volunteer: tuple[DatedEntry, ...] = ()
    awards: tuple[DatedEntry, ...] = ()
    publications: tuple[DatedEntry, ...] = ()
    languages: tuple[LanguageItem, ...] = ()
    font_size: float = DEFAULT_FONT_SIZE  # body text, in points: 10 to 11
    words: Words = ENGLISH  # showcase's own words, in the profile's `locale`
    pages: int = 1  # the length it should keep to
    post_nominals: tuple[str, ...] = ()
    separator: str = SEPARATOR

    @property
    def title(self) -> str:
        return f"{self.name} – {self.words.resume}"

    @property
    def subject(self) -> str:
        """The document's description (HTML ``description``, DOCX ``subject``)."""
        return self.words.resume_of.format(self.display_name)

    @property
    def tagline(self) -> str | None:
        """The line under the name: letters first, then the headline ("PMP · HR Partner").

        The name heading carries the name alone: parsers take "Priya Raman, PMP"
        for a name they do not know, or for a "City, ST" location.
        """
        letters = ", ".join(self.post_nominals)
        parts = [p for p in (letters, self.headline) if p]
        return " · ".join(parts) or None

    @property
    def languages_text(self) -> str:
        """``Spanish (native or bilingual), English (full professional proficiency)``."""
        return ", ".join(item.text for item in self.languages)

    @property
    def contact_lines(self) -> tuple[tuple[ContactItem, ...], ...]:
        """Contact items in lines short enough never to wrap (no "|" dangling at an end)."""
        lines: list[list[ContactItem]] = [[]]
        used = 0
        for item in self.contact:
            size = len(item.text) + (len(item.label) + 2 if item.label else 0)
            if lines[-1] and used + len(SEPARATOR) + size > CONTACT_LINE_BUDGET:
                lines.append([])
                used = 0
            used += size + (len(SEPARATOR) if lines[-1] else 0)
            lines[-1].append(item)
        return tuple(tuple(line) for line in lines if line)


def _contact(loaded: LoadedProfile, words: Words = ENGLISH) -> tuple[ContactItem, ...]:
    contact = loaded.profile.contact
    items = []
    if contact.email:
        items.append(ContactItem("", contact.email, f"mailto:{contact.email}"))
    if contact.phone:
        items.append(ContactItem("", contact.phone))
    if contact.location:
        items.append(ContactItem("", contact.location))
    for label, url in (
        ("LinkedIn", contact.linkedin),
        (words.website, contact.website),
        ("GitHub", contact.github),
    ):
        if url:
            shown = link(url)
            items.append(ContactItem(label, shown.text, url))
    return tuple(items)


def _details(
    facts: CredentialFacts, credential: Credential, words: Words, *, show_id: bool
) -> tuple[Detail, ...]:
    """Dates, the ID (when `show_id`), where to verify it, and "Completion" for a course.

    A credential ID is for a verification form, not for the page a recruiter scans:
    the page leaves it out unless asked (``--show-ids``); the text resume, pasted into
    forms, always has it.
    """
    details = [Detail(words.issued.format(words.date(credential.issued)))]
    expires = words.date(credential.expires) if credential.expires else None
    if facts.expired and expires:
        details.append(Detail(words.expired.format(expires), flag=True))
    elif expires:
        details.append(Detail(words.valid_until.format(expires)))
    if facts.credential_id and show_id:
        details.append(Detail(words.credential_id.format(facts.credential_id)))
    if facts.verify:
        details.append(Detail(facts.verify.text, url=facts.verify.url, prefix=words.verify))
    if facts.completion_only:  # never its hours: "1 hour" undersells everything near it
        details.append(Detail(words.completion))
    return tuple(details)


def listed_skills(loaded: LoadedProfile) -> set[str]:
    """The skills the Skills section lists, case-folded."""
    return {item.casefold() for group in loaded.profile.skills for item in group.items}


def _entry(
    loaded: LoadedProfile,
    credential: Credential,
    *,
    show_ids: bool,
    listed: set[str],
    words: Words = ENGLISH,
) -> ResumeCredential:
    """One credential. Its "Skills:" line names only what the Skills section does not:
    each skill is on the page once, and the line says what this credential adds."""
    facts = credential_facts(loaded, credential)
    return ResumeCredential(
        facts,
        details=_details(facts, credential, words, show_id=show_ids),
        text_details=_details(facts, credential, words, show_id=True),
        skills=tuple(s for s in facts.skills if s.casefold() not in listed),
    )


ADDITIONAL = ENGLISH.additional
RELATED = ENGLISH.related


def resume_credentials(
    loaded: LoadedProfile,
    *,
    include_expired: bool = False,
    tailor: Tailoring | None = None,
) -> list[Credential]:
    """The credentials the resume lists, in its order: stacks first, then the rest
    (curated: assessed first, then by relevance to the person's field, then newest;
    `resume.curate: false`: newest first, completion-only last); aimed at a posting,
    those that show more of it first. A curated resume names some of them in its
    closing line only (`_credential_groups`).

    The profile's `resume.hide` leaves credentials out and `resume.max_credentials` cuts
    the list, here, so that every format (PDF, DOCX, HTML, Markdown, text) follows.
    """
    profile = loaded.profile
    hidden = set(profile.resume.hide)
    shown = [
        c
        for c in profile.credentials
        if c.id not in hidden and (include_expired or loaded.is_valid(c))
    ]
    shown_ids = {c.id for c in shown}
    stacked: list[Credential] = []
    placed: set[str] = set()
    for stack in profile.stacks:
        for cid in stack.credentials:
            if cid in shown_ids and cid not in placed:
                placed.add(cid)
                stacked.append(profile.credential(cid))
    rest = [c for c in shown if c.id not in placed]
    if profile.resume.curate:
        rest = curate.ranked(rest, curate.person_fields(loaded))
    else:
        rest = newest_first(rest)
    if tailor is not None:  # stable: the usual order among equally relevant ones
        rest.sort(key=lambda c: (c.is_completion_only, -_relevance(tailor, c)))
    ordered = stacked + rest
    limit = profile.resume.max_credentials
    return ordered[:limit] if limit is not None else ordered


def _relevance(tailor: Tailoring, credential: Credential) -> int:
    return tailor.relevance([credential.name, *credential.skills])


def _credential_groups(
    loaded: LoadedProfile,
    include_expired: bool,
    tailor: Tailoring | None = None,
    only_relevant: bool = False,
    show_ids: bool = False,
    max_entries: int = curate.MAX_FULL_ENTRIES,
    words: Words = ENGLISH,
) -> tuple[tuple[CredentialGroup, ...], ClosingLine | None]:
    """Stacks first, then the rest (see `resume_credentials`).

    Aimed at a posting (`tailor`): stacks whose target role is the posting's title
    come first, each group's credentials are ordered by how many of the posting's
    terms they show, and credentials that share none move to "Additional
    credentials" (left out with `only_relevant`). Order and selection only.
    """
    profile = loaded.profile
    listed = resume_credentials(loaded, include_expired=include_expired, tailor=tailor)
    closing: list[Credential] = []
    if profile.resume.curate:
        stacked = {cid for stack in profile.stacks for cid in stack.credentials}
        curated = curate.split(listed, stacked, max_entries)
        listed, closing = curated.full, curated.collapsed
    listed_ids = {c.id for c in listed}
    in_skills = listed_skills(loaded)

    def entries(credentials: list[Credential]) -> tuple[ResumeCredential, ...]:
        return tuple(
            _entry(loaded, c, show_ids=show_ids, listed=in_skills, words=words) for c in credentials
        )

    def relevance(credential: Credential) -> int:
        return _relevance(tailor, credential) if tailor else 0

    def by_relevance(credentials: list[Credential]) -> list[Credential]:
        return sorted(credentials, key=lambda c: -relevance(c)) if tailor else credentials

    placed: set[str] = set()
    stacks: list[tuple[Stack, list[Credential]]] = []
    for stack in profile.stacks:
        members = [
            profile.credential(cid)
            for cid in stack.credentials
            if cid in listed_ids and cid not in placed
        ]
        if members:
            placed.update(c.id for c in members)
            stacks.append((stack, members))
    if tailor is not None:
        stacks.sort(
            key=lambda pair: (
                not tailor.names_role(pair[0].target_role),
                -sum(relevance(c) for c in pair[1]),
            )
        )
    groups = [
        CredentialGroup(
            title=stack.name,
            target_role=stack.target_role,
            entries=entries(by_relevance(members)),
        )
        for stack, members in stacks
    ]
    rest = [c for c in listed if c.id not in placed]
    if tailor is None:
        if rest:
            title = words.additional if groups else None
            groups.append(CredentialGroup(title, None, entries(rest)))
        return tuple(groups), _closing_line(loaded, closing, words)
    related = [c for c in rest if relevance(c) > 0]
    unrelated = [c for c in rest if relevance(c) == 0]
    if related:
        title = words.related if groups else None
        groups.append(CredentialGroup(title, None, entries(related)))
    if unrelated and not only_relevant:
        title = words.additional if groups else None
        groups.append(CredentialGroup(title, None, entries(unrelated)))
    if only_relevant:
        closing = [c for c in closing if relevance(c) > 0]
    return tuple(groups), _closing_line(loaded, closing, words)


COURSEWORK = ENGLISH.coursework


def _closing_line(
    loaded: LoadedProfile, credentials: list[Credential], words: Words = ENGLISH
) -> ClosingLine | None:
    """``Additional coursework: Excel Essential Training (LinkedIn Learning, 2023); ...``."""
    if not credentials:
        return None
    completion = all(c.is_completion_only for c in credentials)
    label = words.coursework if completion else words.additional
    items = []
    for credential in credentials:
        facts = credential_facts(loaded, credential)
        items.append(f"{facts.name} ({facts.issuer}, {credential.issued.year})")
    return ClosingLine(label, tuple(items))


def _skills(loaded: LoadedProfile, tailor: Tailoring | None) -> tuple[SkillLine, ...]:
    """Skills groups, and their items, with the posting's terms first (then as written)."""
    lines = [SkillLine(group.group, tuple(group.items)) for group in loaded.profile.skills]
    if tailor is None:
        return tuple(lines)

    def asked(item: str) -> bool:
        return bool(tailor.shared([item]))

    ordered = [
        SkillLine(line.group, tuple(sorted(line.items, key=lambda item: not asked(item))))
        for line in lines
    ]
    ordered.sort(key=lambda line: -sum(asked(item) for item in line.items))
    return tuple(ordered)


def _keywords(loaded: LoadedProfile, include_expired: bool) -> tuple[str, ...]:
    words: list[str] = []
    for credential in resume_credentials(loaded, include_expired=include_expired):
        words.extend(credential.skills)
    for group in loaded.profile.skills:
        words.extend(group.items)
    seen: dict[str, str] = {}
    for word in words:
        seen.setdefault(word.casefold(), word)
    return tuple(seen.values())


def resume_view(
    loaded: LoadedProfile,
    *,
    include_expired: bool = False,
    tailor: Tailoring | None = None,
    only_relevant: bool = False,
    show_ids: bool = False,
    font_size: float = DEFAULT_FONT_SIZE,
    max_entries: int = curate.MAX_FULL_ENTRIES,
) -> ResumeView:
    """Decide the resume's content: a pure function of the profile, today and options.

    `tailor` aims it at one posting (order and selection; see `_credential_groups`).
    `show_ids` puts credential IDs back on the page (the text resume always has them).
    """
    profile = loaded.profile
    options = profile.resume
    credential_names = {c.id: c.name for c in profile.credentials}
    words = words_for(profile.locale)
    titles = {**words.sections, **options.titles}
    sections = []
    has_content = {
        Section.SUMMARY: bool(profile.summary),
        Section.EXPERIENCE: bool(profile.experience),
        Section.PROJECTS: bool(profile.projects),
        Section.EDUCATION: bool(profile.education),
        Section.SKILLS: bool(profile.skills),
        Section.VOLUNTEER: bool(profile.volunteer),
        Section.AWARDS: bool(profile.awards),
        Section.PUBLICATIONS: bool(profile.publications),
        Section.LANGUAGES: bool(profile.languages),
    }
    for section in options.sections:
        if has_content[section]:
            sections.append(SectionRef(section.value, titles[section]))
    groups, closing = _credential_groups(
        loaded, include_expired, tailor, only_relevant, show_ids, max_entries, words
    )
    return ResumeView(
        name=profile.name,
        display_name=loaded.display_name,
        headline=profile.headline,
        contact=_contact(loaded, words),
        certifications_title=words.certifications,
        credential_groups=groups,
        additional=closing,
        sections=tuple(sections),
        summary=profile.summary,
        experience=tuple(
            ExperienceEntry(
                title=job.title,
                organization=job.organization,
                location=job.location,
                dates=words.date_range(job.start, job.end),
                highlights=tuple(job.highlights),
            )
            for job in profile.experience
        ),
        projects=tuple(
            ProjectEntry(
                title=project.title,
                credential=(
                    words.capstone.format(credential_names[project.credential])
                    if project.credential in credential_names
                    else None
                ),
                description=project.result or project.task,
                tools=tuple(project.tools),
                link=link(project.url) if project.url else None,
            )
            for project in profile.projects
        ),
        education=tuple(
            EducationEntry(
                institution=school.institution,
                degree=", ".join(x for x in (school.degree, school.field) if x) or None,
                dates=words.date_range(school.start, school.end, open_ended=False),
            )
            for school in profile.education
        ),
        skills=_skills(loaded, tailor),
        file_stem=file_stem(profile.name),
        keywords=_keywords(loaded, include_expired),
        post_nominals=tuple(loaded.post_nominals),
        font_size=font_size,
        pages=target_pages(loaded),
        words=words,
        volunteer=tuple(
            DatedEntry(
                title=item.organization,
                subtitle=item.role,
                subtitle_role="title",
                dates=words.date_range(item.start, item.end, open_ended=item.start is not None),
                summary=item.summary,
                highlights=tuple(item.highlights),
            )
            for item in profile.volunteer
        ),
        awards=tuple(
            DatedEntry(
                title=award.title,
                subtitle=award.awarder,
                dates=words.date(award.date) if award.date else "",
                summary=award.summary,
            )
            for award in profile.awards
        ),
        publications=tuple(
            DatedEntry(
                title=item.title,
                subtitle=item.publisher,
                dates=words.date(item.date) if item.date else "",
                summary=item.summary,
                link=link(item.url) if item.url else None,
            )
            for item in profile.publications
        ),
        languages=tuple(
            LanguageItem(item.language, words.levels[item.level]) for item in profile.languages
        ),
    )


def experience_years(loaded: LoadedProfile) -> float:
    """Years from the first job's start to the last one's end (or today)."""
    jobs = loaded.profile.experience
    if not jobs:
        return 0.0
    first = min(job.start.first_day for job in jobs)
    last = max(
        loaded.today if not isinstance(job.end, PartialDate) else job.end.last_day for job in jobs
    )
    return max(0.0, (last - first).days / 365.25)


def target_pages(loaded: LoadedProfile) -> int:
    """One page for up to ten years of experience, two beyond."""
    return 1 if experience_years(loaded) <= ONE_PAGE_YEARS else 2
