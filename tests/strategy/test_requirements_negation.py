"""A requirement line that goes without something asks what it does not go without
(tests/data/negation-sentences/labels.yaml, labelled before the reader changed)."""

from __future__ import annotations

from collections import Counter

from tests.conftest import ROOT
from tests.helpers import measure_lines

LABELS = ROOT / "tests" / "data" / "negation-sentences" / "labels.yaml"


def measure() -> tuple[Counter[str], list[str]]:
    """True and false positives and false negatives over the labelled lines, and each
    line read wrong (`tests.helpers.measure_lines`)."""
    return measure_lines(LABELS, "- ")


def test_what_a_line_goes_without_is_not_asked_and_the_rest_is() -> None:
    counts, wrong = measure()
    precision = counts["tp"] / max(1, counts["tp"] + counts["fp"])
    recall = counts["tp"] / (counts["tp"] + counts["fn"])
    assert precision == 1.0, wrong
    assert recall == 1.0, wrong
