"""What the resume says, in what order: one view for PDF, DOCX, HTML, Markdown and text.

`model.py` holds what the templates receive (`ResumeView`), `credentials.py` which
credentials are listed and how, `view.py` builds the view from a profile (`resume_view`).
"""

from __future__ import annotations

from showcase.views.resume.credentials import ADDITIONAL as ADDITIONAL
from showcase.views.resume.credentials import COURSEWORK as COURSEWORK
from showcase.views.resume.credentials import RELATED as RELATED
from showcase.views.resume.credentials import credential_groups as credential_groups
from showcase.views.resume.credentials import listed_skills as listed_skills
from showcase.views.resume.credentials import resume_credentials as resume_credentials
from showcase.views.resume.credentials import resume_keywords as resume_keywords
from showcase.views.resume.model import CERTIFICATIONS_TITLE as CERTIFICATIONS_TITLE
from showcase.views.resume.model import CONTACT_LINE_BUDGET as CONTACT_LINE_BUDGET
from showcase.views.resume.model import DEFAULT_FONT_SIZE as DEFAULT_FONT_SIZE
from showcase.views.resume.model import FONT_SIZES as FONT_SIZES
from showcase.views.resume.model import ONE_PAGE_YEARS as ONE_PAGE_YEARS
from showcase.views.resume.model import SEPARATOR as SEPARATOR
from showcase.views.resume.model import ClosingLine as ClosingLine
from showcase.views.resume.model import ContactItem as ContactItem
from showcase.views.resume.model import CredentialGroup as CredentialGroup
from showcase.views.resume.model import DatedEntry as DatedEntry
from showcase.views.resume.model import Detail as Detail
from showcase.views.resume.model import EducationEntry as EducationEntry
from showcase.views.resume.model import ExperienceEntry as ExperienceEntry
from showcase.views.resume.model import LanguageItem as LanguageItem
from showcase.views.resume.model import Part as Part
from showcase.views.resume.model import ProjectEntry as ProjectEntry
from showcase.views.resume.model import ResumeCredential as ResumeCredential
from showcase.views.resume.model import ResumeView as ResumeView
from showcase.views.resume.model import SectionRef as SectionRef
from showcase.views.resume.model import SkillLine as SkillLine
from showcase.views.resume.view import experience_years as experience_years
from showcase.views.resume.view import resume_view as resume_view
from showcase.views.resume.view import target_pages as target_pages
