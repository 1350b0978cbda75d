"""A requirement line that goes without something asks what it does not go without
(tests/data/negation-sentences/labels.yaml, labelled before the reader changed)."""

from __future__ import annotations

from collections import Counter

from ruamel.yaml import YAML

from showcase.strategy.matcher import matcher
from showcase.strategy.posting import from_text
from showcase.strategy.requirements import requirements
from tests.conftest import ROOT

LABELS = ROOT / "tests" / "data" / "negation-sentences" / "labels.yaml"


def measure() -> tuple[Counter[str], list[str]]:
    """True and false positives and false negatives over the labelled lines, and each
    line read wrong."""
    cases = YAML(typ="safe").load(LABELS.read_text("utf-8"))
    vocab = matcher().vocab
    counts: Counter[str] = Counter()
    wrong: list[str] = []
    for case in cases:
        posting = from_text("line.txt", f"Data Analyst\n\nRequirements\n- {case['text']}\n")
        wanted = {(t.name if (t := vocab.find(n)) else n) for n in case["asks"]}
        got = {term.name for term in requirements(posting).terms}
        counts["tp"] += len(wanted & got)
        counts["fp"] += len(got - wanted)
        counts["fn"] += len(wanted - got)
        if got != wanted:
            wrong.append(f"{case['text']!r}: {sorted(got)} (asks {sorted(wanted)})")
    return counts, wrong


def test_what_a_line_goes_without_is_not_asked_and_the_rest_is() -> None:
    counts, wrong = measure()
    precision = counts["tp"] / max(1, counts["tp"] + counts["fp"])
    recall = counts["tp"] / (counts["tp"] + counts["fn"])
    assert precision == 1.0, wrong
    assert recall == 1.0, wrong
