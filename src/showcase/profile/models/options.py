"""The profile's options for what showcase writes: resume sections and titles, open-to roles
and their visibility, the LinkedIn kit, the cover letter's close.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BeforeValidator, Field, model_validator

from showcase.profile.models.base import _enum_text, _Model, new_dict, new_list
from showcase.profile.types import Line


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
        default_factory=new_dict, description="Headings to use instead of the standard ones."
    )
    hide: list[str] = Field(
        default_factory=new_list,
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

    roles: list[Line] = Field(
        default_factory=new_list, description="The roles you are looking for."
    )
    visibility: Annotated[Visibility, BeforeValidator(_enum_text)] = Field(
        Visibility.RECRUITERS,
        description="recruiters (default): only recruiters may know, so no post, headline or "
        "signature mentions a search; public: posts and headline may say so.",
    )

    @property
    def public(self) -> bool:
        return bool(self.roles) and self.visibility == Visibility.PUBLIC


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
