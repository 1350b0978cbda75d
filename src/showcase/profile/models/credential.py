"""A credential as the profile records it (kind, assessment, hours, dates, skills), and stacks
of credentials.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, model_validator

from showcase.profile.models.base import _enum_text, _Model, new_list
from showcase.profile.types import Date, Line, Text, Url, slugify


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
    skills: list[Line] = Field(default_factory=new_list, description="Skills it proves.")
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
        default_factory=new_list,
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
