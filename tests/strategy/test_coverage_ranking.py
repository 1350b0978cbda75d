"""Which suggestion comes first for a gap, measured on labelled (profile, postings) pairs
(tests/data/suggestions.yaml, written by hand before the ranking changed): top-1
agreement with a careful adviser, the firsts that must never be first, and the
suggestions whose terms the postings never ask (their labels in labels.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from showcase.strategy import catalog as cat
from showcase.strategy.gaps import gap_report
from showcase.strategy.vocabulary import normalize, vocabulary
from tests.conftest import ROOT
from tests.helpers import load

LABELLED = ROOT / "tests" / "data" / "labelled"
CASES: dict[str, Any] = YAML(typ="safe").load(
    (ROOT / "tests" / "data" / "suggestions.yaml").read_text("utf-8")
)


@dataclass
class Figures:
    labelled: int = 0  # labelled gaps with a `first`
    agree: int = 0  # ... whose first suggestion is one of them
    never: int = 0  # labelled gaps whose first suggestion is one of its `never`
    suggested: int = 0  # suggestions over all pairs
    unasked: int = 0  # ... none of whose terms the pair's postings ask
    terms: int = 0  # the terms of all suggestions
    asked: int = 0  # ... that the pair's postings ask


def profile_text(name: str) -> str:
    found = CASES["profiles"][name]
    if isinstance(found, dict):
        return (ROOT / "examples" / str(found["example"])).read_text("utf-8")
    return str(found)


def asked_terms(postings: list[Path]) -> set[str]:
    """The labelled terms of `postings` (each a file or a folder), by their normal form."""
    labels = YAML(typ="safe").load((LABELLED / "labels.yaml").read_text("utf-8"))
    vocab = vocabulary()
    wanted = set()
    for source, names in labels.items():
        if any((LABELLED / source).is_relative_to(p) for p in postings):
            wanted |= {normalize(t.name if (t := vocab.find(n)) else n) for n in names}
    return wanted


def measure(tmp_path: Path) -> tuple[Figures, list[str]]:
    """The figures over every labelled pair, and each disagreement said."""
    figures = Figures()
    said: list[str] = []
    vocab = vocabulary()
    for number, case in enumerate(CASES["cases"]):
        folder = tmp_path / str(number)
        folder.mkdir()
        postings = [LABELLED / p for p in case["postings"]]
        report = gap_report(load(folder, profile_text(case["profile"])), postings)
        rows = {row.term.name: row for row in report.gaps}
        for gap, label in case["gaps"].items():
            first = rows[gap].suggestions[0].id if gap in rows and rows[gap].suggestions else None
            where = f"{case['profile']} x {case['postings']}: {gap}: {first}"
            if label.get("first"):
                figures.labelled += 1
                if first in label["first"]:
                    figures.agree += 1
                else:
                    said.append(f"{where}, not one of {label['first']}")
            if first in label.get("never", ()):
                figures.never += 1
                said.append(f"{where}, never first")
        wanted = asked_terms(postings)
        for suggestion in report.suggestions:
            figures.suggested += 1
            entry = suggestion.entry
            terms = {normalize(t.name if (t := vocab.find(n)) else n) for n in entry.terms}
            figures.terms += len(terms)
            figures.asked += len(terms & wanted)
            if not terms & wanted:
                figures.unasked += 1
                said.append(f"{case['profile']} x {case['postings']}: {entry.id} unasked")
    return figures, said


def test_every_labelled_credential_is_in_the_catalog() -> None:
    for case in CASES["cases"]:
        assert case["profile"] in CASES["profiles"]
        for label in case["gaps"].values():
            for entry_id in (*label.get("first", ()), *label.get("never", ())):
                assert cat.catalog().get(entry_id) is not None, entry_id


@pytest.mark.slow
def test_the_first_suggestion_on_the_labelled_pairs(tmp_path: Path) -> None:
    """Before the ranking changed (field, then level): 20 of 42 labelled gaps agree
    (47.6%), 5 put first one that must never be; 0 of 150 suggestions unasked, 289 of
    their 599 terms asked (48.2%). After (named, level, the groups it meets, field): 26 of
    42 (61.9%), 1 never (the Azure AI Fundamentals for Jordan's "Microsoft Azure": it
    ties with the Azure Fundamentals on all but his field); 0 of 127 unasked, 266 of 521
    terms asked (51.1%); 263 of 519 (50.7%) once job titles were read as evidence (merged
    first; the first picks and the unasked count stayed the same). After the vocabulary
    round of 78 terms (more of what the postings ask is read, so more gaps): 26 of 42, none
    never-first (Jordan's "Microsoft Azure": the AZ-104, which the Azure posting moved in,
    cloud/09, names; the label says the AZ-900), 0 of 162 unasked, 376 of 660 terms asked
    (57.0%). After the verb rule (2026-12-06: "Analyze sales data" is Data analysis): the
    same first picks, 0 of 166 unasked, 388 of 678 terms asked (57.2%). Left disagreeing:
    CC before Security+ (its sourced level is foundational), A+ or LFCS before Network+
    (they meet more), PMP for "Agile"."""
    figures, said = measure(tmp_path)
    assert (figures.labelled, figures.agree, figures.never) == (42, 26, 0), said
    assert (figures.suggested, figures.unasked) == (166, 0), said
    assert (figures.terms, figures.asked) == (678, 388), said


def test_the_credential_that_meets_more_of_the_posting_comes_first(tmp_path: Path) -> None:
    """Jordan, a marketer, against a cloud security posting: for "AWS" the Cloud
    Practitioner, which meets its "Cloud security" too, not the AI Practitioner, whose
    other terms are nearer his field."""
    posting = [LABELLED / "cloud" / "05-alder-bay-cloud-security.txt"]
    report = gap_report(load(tmp_path, profile_text("jordan")), posting)
    rows = {row.term.name: row for row in report.gaps}
    assert rows["AWS"].suggestions[0].id == "aws-cloud-practitioner"
    assert rows["Cloud security"].suggestions[0].id == "aws-cloud-practitioner"
    found = {s.entry.id: s.gaps for s in report.suggestions}
    assert set(found["aws-cloud-practitioner"]) == {"AWS", "Cloud security"}
