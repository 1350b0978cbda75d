"""The profile, version 1, as pydantic models.

The field names are a contract with users' files (see docs/profile-format.md): they
may gain optional siblings, never be renamed.  Each field's description is its
user documentation; it feeds `showcase schema` and so editors' autocompletion.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator

from showcase.profile.types import Date, Email, EndDate, Line, Text, Url, slugify

FORMAT_VERSION = 1


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=False, defer_build=True)


class Kind(StrEnum):
    """What sort of credential it is."""

    CERTIFICATE = "certificate"
    CERTIFICATION = "certification"
    BADGE = "badge"
    NANODEGREE = "nanodegree"
    COURSE = "course"
    LICENSE = "license"


class Assessment(StrEnum):
    """How the credential was earned: the strongest evidence first."""

    EXAM = "exam"
    GRADED = "graded"
    PROJECT = "project"
    NONE = "none"


def _enum_text(value: Any) -> Any:
    """Enum values in any case: `kind: Certificate` means `certificate`."""
    return value.strip().lower() if isinstance(value, str) else value


HOURS_LIMIT = 100_000


def _hours(value: Any) -> Any:
    """A number of hours in range, said as a range (a 400-digit number is not "a number")."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value  # pydantic explains the type
    try:
        number = float(value)
    except OverflowError:
        number = float("inf")
    if not 0 < number <= HOURS_LIMIT:
        raise ValueError(f"must be a number of hours from more than 0 to {HOURS_LIMIT:,}")
    return number


KindField = Annotated[Kind, BeforeValidator(_enum_text)]
AssessmentField = Annotated[Assessment, BeforeValidator(_enum_text)]


class Contact(_Model):
    """How to reach the person. Every field is optional."""

    email: Email | None = Field(None, description="Email address.")
    phone: Line | None = Field(None, description="Phone number as it should be printed; quote it.")
    location: Line | None = Field(None, description="City and region, e.g. `Austin, TX`.")
    website: Url | None = Field(None, description="Personal website or portfolio (https://...).")
    linkedin: Url | None = Field(None, description="LinkedIn profile URL.")
    github: Url | None = Field(None, description="GitHub profile URL.")


class Credential(_Model):
    """A certificate, badge, nanodegree, course or certification the person earned."""

    id: str = Field(
        "",
        description="Short unique id used by stacks and projects; default: a slug of the name.",
        pattern=r"^$|^[A-Za-z0-9][A-Za-z0-9._-]*$",
    )
    name: Line = Field(description="The credential's exact name, as the issuer writes it.")
    issuer: Line = Field(description="Who vouches for it: Google, PMI, HubSpot Academy ...")
    kind: KindField = Field(
        Kind.CERTIFICATE, description="certificate (default), certification, ..."
    )
    platform: Line | None = Field(
        None, description="Where it was earned, when not the issuer: Coursera, edX, Credly ..."
    )
    issued: Date = Field(description="When it was awarded: YYYY, YYYY-MM or YYYY-MM-DD.")
    expires: Date | None = Field(None, description="When it lapses; leave out if it never does.")
    credential_id: Line | None = Field(None, description="The id printed on the certificate.")
    url: Url | None = Field(None, description="Verification URL (https://...).")
    badge_image: Text | None = Field(
        None, description="Badge image: a path relative to the profile, or an https URL."
    )
    skills: list[Line] = Field(default_factory=list, description="Skills it proves.")
    hours: Annotated[float, Field(gt=0, le=HOURS_LIMIT), BeforeValidator(_hours)] | None = Field(
        None, description="Learning effort in hours."
    )
    assessment: AssessmentField | None = Field(
        None,
        description="exam | graded | project | none (none = completion only, e.g. videos).",
    )
    post_nominal: Line | None = Field(
        None, description="Letters that may follow the name (PMP, SHRM-CP); exam-based only."
    )
    learned: Text | None = Field(None, description="What the learning was like, in a sentence.")
    applied: Text | None = Field(None, description="How it was put to work, ideally a result.")
    why: Text | None = Field(
        None, description="Why you took it, in a sentence: it opens the story post."
    )
    thanks: list[Text] = Field(
        default_factory=list,
        description="People to thank in its posts (a mentor, a study group), besides the issuer.",
    )
    featured: bool = Field(False, description="Show it in the email signature.")

    @model_validator(mode="before")
    @classmethod
    def _default_id(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("id") and isinstance(data.get("name"), str):
            data = {**data, "id": slugify(data["name"]) or "credential"}
        return data

    @property
    def is_completion_only(self) -> bool:
        return self.assessment == Assessment.NONE


class Stack(_Model):
    """Complementary credentials that together show a specialisation."""

    name: Line = Field(description="The specialisation, e.g. `Digital Marketing`.")
    credentials: list[str] = Field(description="Ids of the credentials in this stack.")
    target_role: Line | None = Field(None, description="The role this stack prepares for.")

    @property
    def slug(self) -> str:
        return slugify(self.name) or "stack"


class StarFields(_Model):
    """The parts of a STAR story, shared by projects and `experience[].stories`."""

    title: Line = Field(description="What the story is about, in a few words.")
    situation: Text | None = Field(None, description="STAR: the context.")
    task: Text | None = Field(None, description="STAR: what had to be done.")
    obstacle: Text | None = Field(
        None,
        description="What went wrong or stood in the way; setback questions are asked only "
        "of stories that have one.",
    )
    actions: list[Text] = Field(default_factory=list, description="STAR: what you did, one each.")
    result: Text | None = Field(None, description="STAR: the outcome, ideally with a number.")
    reflection: Text | None = Field(None, description="STARR: what you learned.")
    tools: list[Line] = Field(default_factory=list, description="Tools and methods used.")
    competencies: list[Text] = Field(
        default_factory=list,
        description="Question-bank competencies it shows (analysis, leadership ...); "
        "default: worked out from its text and tools.",
    )
    questions: list[Text] = Field(
        default_factory=list, description="Interview questions this story answers."
    )


class Project(StarFields):
    """A capstone or other piece of evidence, told as a STAR story."""

    id: str = Field("", description="Short unique id; default: a slug of the title.")
    title: Line = Field(description="What the project was.")
    credential: str | None = Field(None, description="Id of the credential it was a capstone of.")
    url: Url | None = Field(None, description="Where the work can be seen.")

    @model_validator(mode="before")
    @classmethod
    def _default_id(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("id") and isinstance(data.get("title"), str):
            data = {**data, "id": slugify(data["title"]) or "project"}
        return data


class WorkStory(StarFields):
    """A STAR story from a job: a result worth telling in an interview."""


class Experience(_Model):
    """A job."""

    title: Line = Field(description="Job title.")
    organization: Line = Field(description="Employer.")
    location: Line | None = Field(None, description="City, region.")
    start: Date = Field(description="Start date: YYYY or YYYY-MM.")
    end: EndDate | None = Field(None, description="End date, or `present` (the default).")
    highlights: list[Text] = Field(default_factory=list, description="Achievements, one each.")
    stories: list[WorkStory] = Field(
        default_factory=list, description="STAR stories from this job, for the interview sheet."
    )


class Education(_Model):
    """A degree or other formal education."""

    institution: Line = Field(description="School or university.")
    degree: Line | None = Field(None, description="BBA, MSc ...")
    field: Line | None = Field(None, description="Field of study.")
    start: Date | None = Field(None, description="Start year or month.")
    end: EndDate | None = Field(None, description="End year or month, or `present`.")


class SkillGroup(_Model):
    """Skills under one heading."""

    group: Line = Field(description="The heading, e.g. `Analytics`.")
    items: list[Line] = Field(description="The skills.")


# The languages showcase writes a resume's headings and dates in (views/locale.py).
RESUME_LANGUAGES = ("en", "de", "fr", "es")


class LanguageLevel(StrEnum):
    """How well the person speaks a language: LinkedIn's five proficiency levels."""

    NATIVE = "native"
    FULL_PROFESSIONAL = "full-professional"
    PROFESSIONAL_WORKING = "professional-working"
    LIMITED_WORKING = "limited-working"
    ELEMENTARY = "elementary"


def _level_text(value: Any) -> Any:
    """`Full professional`, `full_professional`, `full-professional` and LinkedIn's own
    label, `Full professional proficiency`, are one level."""
    if not isinstance(value, str):
        return value
    words = value.strip().lower().replace("_", " ").replace("-", " ").split()
    if words[-1:] == ["proficiency"]:
        words = words[:-1]
    if words == ["native", "or", "bilingual"]:
        words = ["native"]
    level = "-".join(words)
    return level if level in LanguageLevel._value2member_map_ else value


# LinkedIn's own label of each level (its profile form, its data export).
LINKEDIN_LEVELS: dict[LanguageLevel, str] = {
    LanguageLevel.NATIVE: "Native or bilingual proficiency",
    LanguageLevel.FULL_PROFESSIONAL: "Full professional proficiency",
    LanguageLevel.PROFESSIONAL_WORKING: "Professional working proficiency",
    LanguageLevel.LIMITED_WORKING: "Limited working proficiency",
    LanguageLevel.ELEMENTARY: "Elementary proficiency",
}


def language_level(text: str) -> LanguageLevel | None:
    """The level `text` names (`Full professional`, LinkedIn's label ...), or None."""
    value = _level_text(text)
    return LanguageLevel(value) if value in LanguageLevel._value2member_map_ else None


class Language(_Model):
    """A language the person speaks, with LinkedIn's level."""

    language: Line = Field(description="The language, e.g. `Spanish`.")
    level: Annotated[LanguageLevel, BeforeValidator(_level_text)] = Field(
        description="native | full-professional | professional-working | limited-working | "
        "elementary (LinkedIn's five levels)."
    )


class Award(_Model):
    """An award, prize or honour."""

    title: Line = Field(description="The award, e.g. `Regional Manager of the Year`.")
    awarder: Line | None = Field(None, description="Who gave it.")
    date: Date | None = Field(None, description="When: YYYY or YYYY-MM.")
    summary: Text | None = Field(None, description="What it was for, in a sentence or two.")


class Volunteer(_Model):
    """Volunteer work."""

    organization: Line = Field(description="The organisation, e.g. `Food Bank of Ohio`.")
    role: Line | None = Field(None, description="Your role there.")
    start: Date | None = Field(None, description="Start date: YYYY or YYYY-MM.")
    end: EndDate | None = Field(None, description="End date; leave out while it goes on.")
    summary: Text | None = Field(None, description="What you did, in a sentence or two.")
    highlights: list[Text] = Field(default_factory=list, description="Achievements, one each.")


class Publication(_Model):
    """An article, paper, book or talk the person published."""

    title: Line = Field(description="The title, as published.")
    publisher: Line | None = Field(None, description="Where it appeared: journal, site, press.")
    date: Date | None = Field(None, description="When: YYYY or YYYY-MM.")
    url: Url | None = Field(None, description="Where it can be read (https://...).")
    summary: Text | None = Field(None, description="What it is about, in a sentence or two.")


class Section(StrEnum):
    """Resume sections after the certifications, which always come first."""

    SUMMARY = "summary"
    EXPERIENCE = "experience"
    PROJECTS = "projects"
    VOLUNTEER = "volunteer"
    EDUCATION = "education"
    AWARDS = "awards"
    PUBLICATIONS = "publications"
    SKILLS = "skills"
    LANGUAGES = "languages"


DEFAULT_SECTION_TITLES: dict[Section, str] = {
    Section.SUMMARY: "Summary",
    Section.EXPERIENCE: "Experience",
    Section.PROJECTS: "Projects",
    Section.VOLUNTEER: "Volunteer Experience",
    Section.EDUCATION: "Education",
    Section.AWARDS: "Awards",
    Section.PUBLICATIONS: "Publications",
    Section.SKILLS: "Skills",
    Section.LANGUAGES: "Languages",
}


class ResumeOptions(_Model):
    """How the resume orders and titles its sections, and which credentials it lists."""

    sections: list[Annotated[Section, BeforeValidator(_enum_text)]] = Field(
        default_factory=lambda: list(Section),
        description="Sections after the certifications, in order; leave one out to hide it.",
    )
    titles: dict[Annotated[Section, BeforeValidator(_enum_text)], Line] = Field(
        default_factory=dict, description="Headings to use instead of the standard ones."
    )
    hide: list[str] = Field(
        default_factory=list,
        description="Ids of credentials to leave off the resume (every format); "
        "LinkedIn and the signature still show them.",
    )
    max_credentials: int | None = Field(
        None,
        ge=1,
        description="List at most this many credentials on the resume: stacks first, "
        "then the newest; the rest are left off.",
    )
    theme: str | None = Field(
        None,
        description="The resume's theme: classic (the default), modern, compact, or one of "
        "yours under --templates (`showcase themes` lists them); --theme wins.",
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$",
    )
    curate: bool = Field(
        True,
        description="Lead with what is assessed and in your field; completion-only courses "
        "beyond the two most relevant, and entries beyond six, close the section in one "
        "line. false: every credential as a full entry, newest first.",
    )

    @model_validator(mode="after")
    def _unique(self) -> ResumeOptions:
        seen: set[Section] = set()
        for section in self.sections:
            if section in seen:
                raise ValueError(f"the section `{section.value}` is listed twice")
            seen.add(section)
        return self


class Visibility(StrEnum):
    """Who may see that the person is looking for a job."""

    PUBLIC = "public"
    RECRUITERS = "recruiters"


class OpenTo(_Model):
    """The roles the person is looking for, and who may know it."""

    roles: list[Line] = Field(default_factory=list, description="The roles you are looking for.")
    visibility: Annotated[Visibility, BeforeValidator(_enum_text)] = Field(
        Visibility.RECRUITERS,
        description="recruiters (default): only recruiters may know, so no post, headline or "
        "signature mentions a search; public: posts and headline may say so.",
    )

    @property
    def public(self) -> bool:
        return bool(self.roles) and self.visibility == Visibility.PUBLIC


def _open_to(value: Any) -> Any:
    """The list form (`open_to: [Data Analyst]`) means roles shown to recruiters only."""
    if isinstance(value, list):
        return {"roles": value}
    return value


_OPEN_TO_SCHEMA: dict[str, Any] = {
    "description": "The roles you are looking for. A list means recruiters only; "
    "`{roles: [...], visibility: public}` lets posts and the headline say so.",
    "anyOf": [
        {"type": "array", "items": {"type": "string", "pattern": "^[^\\n\\r]*$"}},
        {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "roles": {
                    "type": "array",
                    "items": {"type": "string", "pattern": "^[^\\n\\r]*$"},
                    "description": "The roles you are looking for.",
                },
                "visibility": {
                    "enum": ["public", "recruiters"],
                    "description": "recruiters (default): no post, headline or signature "
                    "mentions a search; public: posts and headline may say so.",
                },
            },
        },
    ],
}
DEFAULT_ANNOUNCE_WITHIN = 90  # days: a credential older than this is not news


class LinkedInOptions(_Model):
    """What the LinkedIn kit announces."""

    announce_within: int = Field(
        DEFAULT_ANNOUNCE_WITHIN,
        ge=1,
        le=3650,
        description="Days after it was issued that a credential is still news and gets "
        "its own announcement; older ones go into one learning recap (default 90).",
    )


class InProgress(_Model):
    """A credential the person is working toward and has not earned yet.

    Only the cover letter names it, and only as in progress ("I am completing ...");
    the resume, LinkedIn and the signature list earned credentials alone.
    """

    name: Line = Field(description="The credential's exact name, as the issuer writes it.")
    issuer: Line = Field(description="Who will award it: Google, PMI, Scrum.org ...")
    expected: Date | None = Field(
        None, description="When you expect to finish: YYYY or YYYY-MM; leave out if unsure."
    )
    skills: list[Line] = Field(default_factory=list, description="Skills it covers.")
    url: Url | None = Field(None, description="The credential's official page (https://...).")


class LetterOptions(_Model):
    """What the cover letter's close says. Every field is optional."""

    sign_off: Line | None = Field(
        None, description="The words before your name, e.g. `Best regards`; default `Kind regards`."
    )
    availability: Line | None = Field(
        None,
        description="When you can start, as it ends `I can start ...`: `in March 2027`, "
        "`after a four-week notice period`.",
    )
    relocation: Line | None = Field(
        None,
        description="A sentence about moving, as you want it said: "
        "`I am happy to relocate to Denver.`",
    )


class Profile(_Model):
    """One person and the credentials they have earned."""

    model_config = ConfigDict(title="showcase profile (format version 1)")

    name: Line = Field(description="Your name as it should appear on a resume.")
    headline: Line | None = Field(None, description="A one-liner under the name.")
    contact: Contact = Field(default_factory=Contact, description="How to reach you.")
    summary: Text | None = Field(None, description="A short paragraph about you.")
    credentials: list[Credential] = Field(
        default_factory=list, description="Certificates, badges and certifications."
    )
    stacks: list[Stack] = Field(default_factory=list, description="Groups of credentials.")
    projects: list[Project] = Field(default_factory=list, description="Capstones and evidence.")
    experience: list[Experience] = Field(default_factory=list, description="Jobs.")
    education: list[Education] = Field(default_factory=list, description="Degrees.")
    skills: list[SkillGroup] = Field(default_factory=list, description="Skills, grouped.")
    languages: list[Language] = Field(
        default_factory=list, description="Languages you speak, each with its level."
    )
    awards: list[Award] = Field(default_factory=list, description="Awards and honours.")
    volunteer: list[Volunteer] = Field(default_factory=list, description="Volunteer work.")
    publications: list[Publication] = Field(
        default_factory=list, description="Articles, papers, books and talks."
    )
    open_to: Annotated[OpenTo, BeforeValidator(_open_to), WithJsonSchema(_OPEN_TO_SCHEMA)] = Field(
        default_factory=OpenTo,
        description="The roles you are looking for, and whether posts may say so.",
    )
    linkedin: LinkedInOptions = Field(
        default_factory=LinkedInOptions, description="What the LinkedIn kit announces."
    )
    locale: str | None = Field(
        None,
        description="Language and country of the resume: `en`, `de`, `fr` or `es`, optionally "
        "with a country (`en-GB`, `fr-CA`). Headings and dates follow the language (your own "
        "text stays as written); the country chooses the paper: Letter in the US and Canada, "
        "A4 elsewhere. Default: English, and the paper of `contact.location`.",
        pattern=r"^[A-Za-z]{2}([-_][A-Za-z]{2})?$",
    )
    in_progress: list[InProgress] = Field(
        default_factory=list,
        description="Credentials you are working toward: the cover letter mentions one only "
        "when a posting asks for it.",
    )
    letter: LetterOptions = Field(
        default_factory=LetterOptions,
        description="The cover letter's close: sign-off, availability, relocation.",
    )
    resume: ResumeOptions = Field(
        default_factory=ResumeOptions,
        description="Resume section order and titles, and credentials to leave off it.",
    )

    def credential(self, credential_id: str) -> Credential:
        for credential in self.credentials:
            if credential.id == credential_id:
                return credential
        raise KeyError(credential_id)
