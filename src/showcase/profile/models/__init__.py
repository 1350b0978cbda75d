"""The profile, version 1, as pydantic models.

The field names are a contract with users' files (see docs/profile-format.md): they
may gain optional siblings, never be renamed.  Each field's description is its
user documentation; it feeds `showcase schema` and so editors' autocompletion.

`base.py` holds what every model shares; `credential.py` the credentials and stacks,
`entries.py` the other sections' entries, `language.py` languages and levels,
`options.py` what the resume, LinkedIn kit and letter are told, `profile.py` the whole.
"""

from __future__ import annotations

from showcase.profile.models.credential import HOURS_LIMIT as HOURS_LIMIT
from showcase.profile.models.credential import Assessment as Assessment
from showcase.profile.models.credential import AssessmentField as AssessmentField
from showcase.profile.models.credential import Credential as Credential
from showcase.profile.models.credential import Kind as Kind
from showcase.profile.models.credential import KindField as KindField
from showcase.profile.models.credential import Stack as Stack
from showcase.profile.models.entries import Award as Award
from showcase.profile.models.entries import Contact as Contact
from showcase.profile.models.entries import Education as Education
from showcase.profile.models.entries import Experience as Experience
from showcase.profile.models.entries import InProgress as InProgress
from showcase.profile.models.entries import Project as Project
from showcase.profile.models.entries import Publication as Publication
from showcase.profile.models.entries import SkillGroup as SkillGroup
from showcase.profile.models.entries import StarFields as StarFields
from showcase.profile.models.entries import Volunteer as Volunteer
from showcase.profile.models.entries import WorkStory as WorkStory
from showcase.profile.models.language import LINKEDIN_LEVELS as LINKEDIN_LEVELS
from showcase.profile.models.language import RESUME_LANGUAGES as RESUME_LANGUAGES
from showcase.profile.models.language import Language as Language
from showcase.profile.models.language import LanguageLevel as LanguageLevel
from showcase.profile.models.language import language_level as language_level
from showcase.profile.models.options import DEFAULT_ANNOUNCE_WITHIN as DEFAULT_ANNOUNCE_WITHIN
from showcase.profile.models.options import DEFAULT_SECTION_TITLES as DEFAULT_SECTION_TITLES
from showcase.profile.models.options import LetterOptions as LetterOptions
from showcase.profile.models.options import LinkedInOptions as LinkedInOptions
from showcase.profile.models.options import OpenTo as OpenTo
from showcase.profile.models.options import ResumeOptions as ResumeOptions
from showcase.profile.models.options import Section as Section
from showcase.profile.models.options import Visibility as Visibility
from showcase.profile.models.profile import FORMAT_VERSION as FORMAT_VERSION
from showcase.profile.models.profile import Profile as Profile
