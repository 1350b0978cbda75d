"""What the resume holds, as the templates receive it: ResumeView and its entries, contact
items and credential groups, and the layout constants (separator, font sizes, pages).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from showcase.views.common import CredentialFacts, Link
from showcase.views.locale import ENGLISH, Words

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
    said_in_headline: tuple[str, ...] = ()  # letters the headline says: not in the tagline
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
        for a name they do not know, or for a "City, ST" location. Letters the headline
        already says are not said again ("Registered Nurse, Medical-Surgical", not
        "RN · Registered Nurse, Medical-Surgical").
        """
        letters = ", ".join(n for n in self.post_nominals if n not in self.said_in_headline)
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
