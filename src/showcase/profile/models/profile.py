"""The whole profile: one person, their credentials and every section, and its format version."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, ConfigDict, Field, WithJsonSchema

from showcase.profile.models.base import _Model, new_list
from showcase.profile.models.credential import Credential, Stack
from showcase.profile.models.entries import (
    Award,
    Contact,
    Education,
    Experience,
    InProgress,
    Project,
    Publication,
    SkillGroup,
    Volunteer,
)
from showcase.profile.models.language import Language
from showcase.profile.models.options import LetterOptions, LinkedInOptions, OpenTo, ResumeOptions
from showcase.profile.types import Line, Text

FORMAT_VERSION = 1


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


class Profile(_Model):
    """One person and the credentials they have earned."""

    model_config = ConfigDict(title="showcase profile (format version 1)")

    name: Line = Field(description="Your name as it should appear on a resume.")
    headline: Line | None = Field(None, description="A one-liner under the name.")
    contact: Contact = Field(default_factory=Contact, description="How to reach you.")
    summary: Text | None = Field(None, description="A short paragraph about you.")
    credentials: list[Credential] = Field(
        default_factory=new_list, description="Certificates, badges and certifications."
    )
    stacks: list[Stack] = Field(default_factory=new_list, description="Groups of credentials.")
    projects: list[Project] = Field(default_factory=new_list, description="Capstones and evidence.")
    experience: list[Experience] = Field(default_factory=new_list, description="Jobs.")
    education: list[Education] = Field(default_factory=new_list, description="Degrees.")
    skills: list[SkillGroup] = Field(default_factory=new_list, description="Skills, grouped.")
    languages: list[Language] = Field(
        default_factory=new_list, description="Languages you speak, each with its level."
    )
    awards: list[Award] = Field(default_factory=new_list, description="Awards and honours.")
    volunteer: list[Volunteer] = Field(default_factory=new_list, description="Volunteer work.")
    publications: list[Publication] = Field(
        default_factory=new_list, description="Articles, papers, books and talks."
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
        "text stays as written); the country chooses the paper: Letter where it is the business "
        "paper (the US, Canada, Mexico, the Philippines and ten more), A4 elsewhere. Default: "
        "English, and the paper of `contact.location`.",
        pattern=r"^[A-Za-z]{2}([-_][A-Za-z]{2})?$",
    )
    in_progress: list[InProgress] = Field(
        default_factory=new_list,
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
