"""`open_to`: who may know the person is looking, read from both forms; `review` warns of
a public search while employed."""

from __future__ import annotations

from pathlib import Path

import pytest

from showcase.errors import ProfileError
from showcase.profile.models import Visibility
from tests.helpers import EMPLOYED, load


def test_the_list_form_means_recruiters_only(tmp_path: Path) -> None:
    loaded = load(tmp_path, EMPLOYED + "open_to: [IT Support Specialist]\n")
    assert loaded.open_roles == ["IT Support Specialist"]
    assert loaded.profile.open_to.visibility == Visibility.RECRUITERS
    assert not loaded.seeks_publicly


def test_the_object_form_may_be_public(tmp_path: Path) -> None:
    text = EMPLOYED + "open_to:\n  roles: [IT Support Specialist]\n  visibility: Public\n"
    loaded = load(tmp_path, text)
    assert loaded.seeks_publicly and loaded.open_roles == ["IT Support Specialist"]
    # Public with no roles says nothing.
    assert not load(tmp_path, EMPLOYED + "open_to: {visibility: public}\n").seeks_publicly


def test_a_wrong_visibility_is_a_clear_error_at_its_line(tmp_path: Path) -> None:
    with pytest.raises(ProfileError) as error:
        load(tmp_path, EMPLOYED + "open_to:\n  roles: [IT Support]\n  visibility: everyone\n")
    [problem] = error.value.problems
    written = Path(problem.file).read_text(encoding="utf-8").splitlines()
    assert problem.field == "open_to.visibility"
    assert written[problem.line - 1].strip() == "visibility: everyone"
    assert "public or recruiters" in problem.message
