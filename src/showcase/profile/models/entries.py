"""The entries of a profile's sections: contact, projects and work stories (STAR), experience,
education, skills, awards, volunteering, publications, credentials in progress.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator

from showcase.profile.models.base import _Model, new_list
from showcase.profile.types import Date, Email, EndDate, Line, Text, Url, slugify


class Contact(_Model):
    """How to reach the person. Every field is optional."""

    email: Email | None = Field(None, description="Email address.")
    phone: Line | None = Field(None, description="Phone number as it should be printed; quote it.")
    location: Line | None = Field(None, description="City and region, e.g. `Austin, TX`.")
    website: Url | None = Field(None, description="Personal website or portfolio (https://...).")
    linkedin: Url | None = Field(None, description="LinkedIn profile URL.")
    github: Url | None = Field(None, description="GitHub profile URL.")


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
    actions: list[Text] = Field(
        default_factory=new_list, description="STAR: what you did, one each."
    )
    result: Text | None = Field(None, description="STAR: the outcome, ideally with a number.")
    reflection: Text | None = Field(None, description="STARR: what you learned.")
    tools: list[Line] = Field(default_factory=new_list, description="Tools and methods used.")
    competencies: list[Text] = Field(
        default_factory=new_list,
        description="Question-bank competencies it shows (analysis, leadership ...); "
        "default: worked out from its text and tools.",
    )
    questions: list[Text] = Field(
        default_factory=new_list, description="Interview questions this story answers."
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
    highlights: list[Text] = Field(default_factory=new_list, description="Achievements, one each.")
    stories: list[WorkStory] = Field(
        default_factory=new_list, description="STAR stories from this job, for the interview sheet."
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
    highlights: list[Text] = Field(default_factory=new_list, description="Achievements, one each.")


class Publication(_Model):
    """An article, paper, book or talk the person published."""

    title: Line = Field(description="The title, as published.")
    publisher: Line | None = Field(None, description="Where it appeared: journal, site, press.")
    date: Date | None = Field(None, description="When: YYYY or YYYY-MM.")
    url: Url | None = Field(None, description="Where it can be read (https://...).")
    summary: Text | None = Field(None, description="What it is about, in a sentence or two.")


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
    skills: list[Line] = Field(default_factory=new_list, description="Skills it covers.")
    url: Url | None = Field(None, description="The credential's official page (https://...).")
