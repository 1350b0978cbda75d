"""A post's first hashtag is the credential or program (README): a long program name is
cut before its "with" or "for" rather than dropped for a skill (QA, 2026-12-06: a post
about Google IT Automation with Python ended "#Python #Git #ProfessionalCertificate")."""

from __future__ import annotations

import pytest

from showcase.profile.models import Credential
from showcase.views.linkedin.tags import PROGRAM_TAG_LIMIT, program_tag


@pytest.mark.parametrize(
    ("name", "tag"),
    [
        ("Google IT Automation with Python Professional Certificate", "GoogleITAutomation"),
        ("Deep Learning for Coders with fastai and PyTorch", "DeepLearning"),
        ("Google Data Analytics Professional Certificate", "GoogleDataAnalytics"),
        ("Machine Learning Specialization", "MachineLearning"),
        ("CompTIA A+", None),  # would be mangled: no tag of its own
        ("Python for Everybody and Everyone Else Who Codes", None),  # one word before "for"
    ],
)
def test_a_long_program_name_is_cut_before_its_with_or_for(name: str, tag: str | None) -> None:
    credential = Credential.model_validate({"name": name, "issuer": "Google", "issued": "2025-01"})
    found = program_tag(credential)
    assert found == tag
    assert found is None or len(found) <= PROGRAM_TAG_LIMIT
