"""A result said in the first person (`Result.said`): a verb in its base form or a role
noun opens an "I ..." sentence in the tense of its job, not a quote after a colon; and a
title mid-sentence keeps a tool's name (QA, 2026-12-06)."""

from __future__ import annotations

import pytest

from showcase.profile.models import Experience
from showcase.profile.types import PRESENT
from showcase.views.evidence import Result
from showcase.views.interview.stories import lower_first


def _result(text: str, *, current: bool) -> Result:
    job = Experience.model_validate(
        {
            "organization": "Brightline Software",
            "title": "Customer Success Specialist",
            "start": "2021-01",
            "end": PRESENT if current else "2024-06",
        }
    )
    return Result(text, "Brightline Software", job, frozenset())


@pytest.mark.parametrize(
    ("text", "current", "said"),
    [
        (
            "Keep a book of 140 accounts; 94% renewed in 2025.",
            True,
            "At Brightline Software, I keep a book of 140 accounts; 94% renewed in 2025.",
        ),
        (
            "Keep a book of 140 accounts.",
            False,
            "At Brightline Software, I kept a book of 140 accounts.",
        ),
        (
            "Partner to six directors.",
            True,
            "At Brightline Software, I'm a partner to six directors.",
        ),
        (
            "Partner to six directors.",
            False,
            "At Brightline Software, I was a partner to six directors.",
        ),
        # A role's noun phrase is said "I'm a ..." / "I was a ..." in the job's tense: it
        # read "At Hospital Universitario San José: Super-user for the Epic EHR go-live,
        # training 25 nurses." (QA, the nurse's letter). "a", not "the": the highlight
        # does not say she was the only one.
        (
            "Super-user for the Epic EHR go-live, training 25 nurses.",
            True,
            "At Brightline Software, I'm a super-user for the Epic EHR go-live, training 25 "
            "nurses.",
        ),
        (
            "Super-user for the Epic EHR go-live, training 25 nurses.",
            False,
            "At Brightline Software, I was a super-user for the Epic EHR go-live, training 25 "
            "nurses.",
        ),
        (
            "Lead for the Epic upgrade.",
            False,
            "At Brightline Software, I was a lead for the Epic upgrade.",
        ),
        (
            "Epic super-user for 6 North.",
            True,
            "At Brightline Software, I'm an Epic super-user for 6 North.",
        ),
        (
            "Point of contact for 12 vendors.",
            False,
            "At Brightline Software, I was a point of contact for 12 vendors.",
        ),
        ("Cut churn 5%.", True, "At Brightline Software, I cut churn 5%."),
        # A sentence of its own follows the place after a comma, not a label's colon: it
        # read "At Brightline Software: Regretted attrition fell 5%." (QA, 2026-12-06).
        (
            "Regretted attrition fell 5%.",
            True,
            "At Brightline Software, regretted attrition fell 5%.",
        ),
        ("Lead generation rose 12%.", True, "At Brightline Software, lead generation rose 12%."),
        (
            "Zendesk tickets dropped 30%.",
            True,
            "At Brightline Software, Zendesk tickets dropped 30%.",
        ),
        # No verb of its own: quoted after the colon, as written.
        (
            "HubSpot rollout for 40 reps.",
            True,
            "At Brightline Software: HubSpot rollout for 40 reps.",
        ),
        (
            "HubSpot rollout that doubled adoption.",
            True,
            "At Brightline Software: HubSpot rollout that doubled adoption.",
        ),
    ],
)
def test_a_result_is_said_as_the_person_would(text: str, current: bool, said: str) -> None:
    assert _result(text, current=current).said() == said


@pytest.mark.parametrize(
    ("title", "mid_sentence"),
    [
        ("Epic flowsheet clean-up on 6 North", "Epic flowsheet clean-up on 6 North"),
        ("Tableau dashboards for sales", "Tableau dashboards for sales"),
        ("SEO audit", "SEO audit"),
        ("Paid search restructure", "paid search restructure"),
    ],
)
def test_a_title_mid_sentence_keeps_a_tools_name(title: str, mid_sentence: str) -> None:
    assert lower_first(title) == mid_sentence


# One verb list, the grammar's (data/verbs.yaml): evidence.py kept a list of its own that
# lacked "keep", so the collector's "Keep a book of 140 accounts ..." was not the
# person's own action, and the About section opened three bullets with "At Brightline
# Software," instead of one heading (QA, words round 2).
@pytest.mark.parametrize(
    "text",
    [
        "Keep a book of 140 accounts; 94% renewed in 2025.",
        "Kept a book of 140 accounts.",
        "Exceeded quota 3 quarters running.",
        "Modelled churn for 400 accounts.",
        "Partnered with sales on 12 renewals.",
        "Joined a 4-person team and cut backlog 20%.",
    ],
)
def test_a_result_opening_with_a_verb_of_the_lexicon_is_the_persons_own(text: str) -> None:
    assert _result(text, current=True).mine


@pytest.mark.parametrize(
    "text",
    ["Partner to six directors.", "Lead generation rose 12%.", "HubSpot rollout for 40 reps."],
)
def test_a_role_a_noun_or_a_name_is_not_an_action(text: str) -> None:
    assert not _result(text, current=True).mine


def test_every_verb_of_the_lexicon_opens_a_result_of_ones_own() -> None:
    from showcase.views.grammar import _lexicon, past_of

    lexicon = _lexicon()
    for verb in sorted(lexicon.actions | lexicon.irregular.keys()):
        for form in (verb, past_of(verb)):
            text = f"{form.capitalize()} the weekly report for 12 teams."
            assert _result(text, current=True).mine, text


def test_a_base_form_verb_of_a_job_left_is_said_in_the_past() -> None:
    # It read "At Brightline Software, I lead the weekly huddle." for a job that ended.
    said = _result("Lead the weekly huddle of 12 agents.", current=False).said()
    assert said == "At Brightline Software, I led the weekly huddle of 12 agents."
