"""The match report never contradicts itself, over every labelled posting and profile.

What counts as the person having a skill is one rule (`profile_evidence`). A report said
for a nurse's "Clinical documentation" that her profile did not show it yet ("not yet: to
learn") and, in the next column, that her resume did ("in the resume: yes"): the resume
printed her project's result ("Charting time for vitals fell ..."), which the profile's
evidence did not read. Every requirement and keyword row is checked here, for each example
profile and a nurse's (with and without her expired credential on the resume), against
each posting of tests/data/labelled*/.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from showcase.artifacts.match import render_tailored_resume
from showcase.files import match_files
from showcase.profile import LoadedProfile, load_profile
from showcase.strategy.postings import Posting, read_postings
from showcase.strategy.requirements import asked_terms
from showcase.strategy.tailor import Tailoring
from tests.conftest import EXAMPLES, ROOT, TODAY

NURSE = ROOT / "tests" / "data" / "match" / "nurse-informatics.yaml"
PROFILES = [*sorted(EXAMPLES.glob("*.yaml")), NURSE]
LABELLED = [ROOT / "tests" / "data" / "labelled", ROOT / "tests" / "data" / "labelled-holdout2"]

TO_LEARN = ("not yet: to learn", "not shown: to learn")


def _postings() -> list[Posting]:
    found = read_postings(LABELLED)
    assert not found.skipped, found.skipped
    assert len(found.read) >= 49
    return found.read


def contradictions(loaded: LoadedProfile, posting: Posting, include_expired: bool) -> list[str]:
    """The rows of the posting's match report (Markdown and JSON) that say the profile
    lacks something the resume is said to show."""
    tailor = Tailoring(posting, asked_terms(posting))
    made = render_tailored_resume(loaded, tailor, formats=["txt"], include_expired=include_expired)
    names = match_files(tailor.stem)
    text = made.files[names["md"]].decode("utf-8")
    out: list[str] = []
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 4 or not line.startswith("| "):
            continue
        said = set(cells[2:])
        if "yes" in said and (said & set(TO_LEARN) or "the resume's text" in said):
            out.append(f"{posting.source}: {line}")
    data = json.loads(made.files[names["json"]])
    for group in data["requirements"]:
        if group["in_resume"] and not group["met_by"]:
            out.append(f"{posting.source}: json requirement {group['any_of']}")
    for keyword in data["keywords"]:
        if keyword["in_resume"] and keyword["where"] in (None, "the resume's text"):
            out.append(f"{posting.source}: json keyword {keyword['term']}")
    return out


@pytest.mark.slow
@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_no_requirement_is_both_to_learn_and_in_the_resume(path: Path) -> None:
    loaded = load_profile(path, today=TODAY)
    expired = [c for c in loaded.profile.credentials if not loaded.is_valid(c)]
    found: list[str] = []
    for posting in _postings():
        for include_expired in (False, True) if expired else (False,):
            found += contradictions(loaded, posting, include_expired)
    assert not found, "\n".join(found)
