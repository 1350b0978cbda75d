"""Languages the person speaks, with CEFR-like levels read from the words people and LinkedIn
use.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from showcase.profile.models.base import _Model
from showcase.profile.types import Line

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
