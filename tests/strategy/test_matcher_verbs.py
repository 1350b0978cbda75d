"""A duty asked with a verb asks the term named by its noun: "analyze sales data" is Data
analysis, "troubleshoot hardware" Hardware troubleshooting
(tests/data/verb-sentences/labels.yaml, labelled before the rule was written)."""

from __future__ import annotations

from collections import Counter

import pytest

from showcase.strategy.matcher import matcher
from showcase.strategy.verb_phrases import verb_forms
from tests.conftest import ROOT
from tests.helpers import measure_lines

LABELS = ROOT / "tests" / "data" / "verb-sentences" / "labels.yaml"


def measure() -> tuple[Counter[str], list[str]]:
    """True and false positives and false negatives over the labelled lines, and each
    line read wrong (`tests.helpers.measure_lines`)."""
    return measure_lines(LABELS, "- ")


def test_a_duty_asked_with_a_verb_asks_the_term_of_its_noun() -> None:
    counts, wrong = measure()
    print(f"\nverb phrasings: {dict(counts)}", *wrong, sep="\n")
    assert counts["fp"] == 0, wrong
    assert counts["fn"] == 0, wrong


# A term not asked by its verb (`by_verb: false`): its object has other senses. Each has a
# line where the verb does not ask it, and the noun still does.
NOT_BY_VERB = {
    "Account management": (
        "Reset passwords and manage accounts in Active Directory",
        "key account management",
    ),
    "Pipeline management": (
        "Manage data pipelines and the pipeline in Greenhouse",
        "Own the sales pipeline",
    ),
    "Order management": ("Enter orders and document visits in NextGen", "Order entry in SAP"),
    "Report writing": (
        "Respond to incidents and write the post-incident reports",
        "written reports",
    ),
}


@pytest.mark.parametrize(("name", "texts"), NOT_BY_VERB.items())
def test_a_term_of_other_senses_is_not_asked_by_its_verb(name: str, texts: tuple[str, str]) -> None:
    verb, noun = texts
    assert name not in {t.name for t in matcher().terms(verb)}
    assert name in {t.name for t in matcher().terms(noun)}


def test_every_term_not_asked_by_its_verb_has_a_case() -> None:
    assert {t.name for t in matcher().vocab.terms if not t.by_verb} == set(NOT_BY_VERB)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Manage GCP projects with Terraform", "Project management"),  # a tool's projects
        ("Manage the data team", "Data management"),
        ("Analyze data-driven campaigns", "Data analysis"),
        ("Troubleshoot\nhardware", "Hardware troubleshooting"),  # not across a line
        ("Document the API", "Clinical documentation"),  # a guarded word is not listed
    ],
)
def test_a_verb_does_not_reach_an_object_of_another_noun(text: str, name: str) -> None:
    assert name not in {t.name for t in matcher().terms(text)}


def test_the_verb_forms() -> None:
    assert {"plans", "planned", "planning"} <= verb_forms("plan")
    assert {"analyzes", "analyzed", "analyzing"} <= verb_forms("analyze")
    assert {"verifies", "verified", "verifying"} <= verb_forms("verify")
    assert {"Project management", "Sprint planning"} <= {
        t.name for t in matcher().terms("Managed three projects; planned sprints")
    }
