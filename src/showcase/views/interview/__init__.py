"""The interview prep sheet: STAR stories around capstones, and credentials as evidence.

`sheet.py` decides the sheet (`interview_sheet`); `stories.py` tells each story in STAR
form; `pitch.py` words the spoken pitch; `questions.py` matches the question bank's
competencies (the bank is read by `showcase.artifacts.question_bank` and passed in);
`posting.py` aims the sheet at a posting; `seeds.py` turns highlights with figures into
story prompts.
"""

from __future__ import annotations

from showcase.views.interview.pitch import PITCH_MAX as PITCH_MAX
from showcase.views.interview.pitch import PITCH_MIN as PITCH_MIN
from showcase.views.interview.pitch import Pitch as Pitch
from showcase.views.interview.posting import PostingQuestion as PostingQuestion
from showcase.views.interview.questions import Competency as Competency
from showcase.views.interview.seeds import StorySeed as StorySeed
from showcase.views.interview.seeds import has_figure as has_figure
from showcase.views.interview.sheet import EvidenceRow as EvidenceRow
from showcase.views.interview.sheet import InterviewSheet as InterviewSheet
from showcase.views.interview.sheet import interview_sheet as interview_sheet
from showcase.views.interview.sheet import target_role as target_role
from showcase.views.interview.stories import MAX_SECONDS as MAX_SECONDS
from showcase.views.interview.stories import MIN_SECONDS as MIN_SECONDS
from showcase.views.interview.stories import WORDS_PER_MINUTE as WORDS_PER_MINUTE
from showcase.views.interview.stories import CredentialRef as CredentialRef
from showcase.views.interview.stories import Story as Story

__all__ = [
    "MAX_SECONDS",
    "MIN_SECONDS",
    "PITCH_MAX",
    "PITCH_MIN",
    "WORDS_PER_MINUTE",
    "Competency",
    "CredentialRef",
    "EvidenceRow",
    "InterviewSheet",
    "Pitch",
    "PostingQuestion",
    "Story",
    "StorySeed",
    "has_figure",
    "interview_sheet",
    "target_role",
]
