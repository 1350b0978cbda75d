"""Sentences that open with "We" or "Our": about the company, or what it needs of the
person (tests/data/we-sentences/labels.yaml, labelled before the reader changed)."""

from __future__ import annotations

from collections import Counter

from tests.conftest import ROOT
from tests.helpers import measure_lines

LABELS = ROOT / "tests" / "data" / "we-sentences" / "labels.yaml"


def measure() -> tuple[Counter[str], list[str]]:
    """True and false positives and false negatives over the labelled lines, and each
    line read wrong (`tests.helpers.measure_lines`)."""
    return measure_lines(LABELS, "")


def test_what_the_company_needs_is_asked_and_what_it_is_is_not() -> None:
    # Before (2026-12-06): precision 100%, recall 23.3% (7 of 30 terms: only "We're
    # looking for", "We are seeking", "We'd love" and "We'd like" were read). After:
    # 100% and 100%. QA round 5 added nine ("We need to grow 40% this year on AWS" asked
    # AWS): 85.7% precision (36 tp, 6 fp), 100% recall; after: 100% and 100%.
    counts, wrong = measure()
    precision = counts["tp"] / max(1, counts["tp"] + counts["fp"])
    recall = counts["tp"] / (counts["tp"] + counts["fn"])
    assert precision == 1.0, wrong
    assert recall == 1.0, wrong
