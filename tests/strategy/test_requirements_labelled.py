"""The labelled postings of issue #22: term precision and recall per field.

77 postings written by hand in eight fields and every format showcase reads (.txt, .md,
.html pages saved from job boards, .pdf, .docx), full of traps: "pick up the slack", "go
above and beyond", "our CSM team", "an agile, fast-moving company", "onboarding
emails", "ML ... NOT required", "Excel at juggling", an about-us "month-end close", "the
merchandising team", a job board's sidebar, bare Word, Outlook, Windows and Access; for
nurses, "BLS wage data", "triage tickets", "home health aides", "our med-surg unit", a
nurse's "barcode scanning" of medications (not a warehouse's RF scanning), a residency's
benefits under "Why Northgate" and its duties under "During the residency you will"; for
cloud, "go-live", "go on the on-call rotation", Python's lambda, IAM in an AWS posting
(AWS IAM) and outside one (the skill), a job board's links to AZ-104 and CKA.
`tests/data/labelled/labels.yaml` says what each one asks for (see its header for how
the labels were written and audited). Run with ``-s`` to see the table.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from showcase.strategy.matcher import matcher
from showcase.strategy.postings import read_postings
from showcase.strategy.requirements import requirements
from tests.conftest import ROOT

LABELLED = ROOT / "tests" / "data" / "labelled"
# Ten postings written and labelled after every round so far (2026-12-06: two each in
# data, marketing, HR, IT support and project management), committed before the reader
# ran on them and never tuned on: their table is printed beside the main one (recall there
# shows the vocabulary's reach: 88.7% precision, 61.4% recall; 88.6% / 61.1% before the
# round of 2026-12-06). Not asserted, so that nothing is ever tuned to
# pass on them. The sixteen held out before them (95.4% / 63.6% when they moved) were
# looked at by many rounds and are in the tuning set now (see its labels.yaml).
HOLDOUT = ROOT / "tests" / "data" / "labelled-holdout2"
# Eight more (2026-12-06: two each in data, IT support, HR and healthcare administration,
# duties written as verbs), written and committed before the verb rule and never tuned
# on; printed too, not asserted. Before the rule and once after it: holdout2 88.8% / 62.1%
# -> 89.4% / 66.2%; holdout3 93.6% / 59.5% -> 92.5% / 64.2%.
HOLDOUT3 = ROOT / "tests" / "data" / "labelled-holdout3"
# Every field's floor. Measured (2026-12-06, after the reach round): precision >= 99.1%
# (data) and recall >= 95.4% (cloud) in every field, cloud (12 postings) 99.4% / 95.4%,
# nursing (17) 99.6% / 96.7%, all 77 postings 99.7% / 96.2% (99.0% / 88.4% before it, the
# sixteen held-out postings just moved in; the 61 before them 99.9% / 97.2%).
# After the verb rule (2026-12-06): all 77 99.4% / 96.5% (1186 tp, 7 fp, 43 fn; 99.7% / 96.2%
# before; one label audited in, Report writing not asked by its verb), precision >= 98.8%
# and recall >= 95.4% in every field.
PRECISION, RECALL = 0.97, 0.95
FIELDS = {
    "cloud",
    "marketing",
    "data",
    "it-support",
    "project-management",
    "hr",
    "healthcare-admin",
    "nursing",
}


def measure(folder: Path) -> dict[str, Counter[str]]:
    """Per field: true positives, false positives and false negatives over its postings."""
    labels = YAML(typ="safe").load((folder / "labels.yaml").read_text("utf-8"))
    vocab = matcher().vocab
    found = read_postings([folder])
    assert not found.skipped, found.skipped
    assert sorted(p.source for p in found.read) == sorted(labels)
    counts: dict[str, Counter[str]] = {}
    for posting in found.read:
        wanted = {(t.name if (t := vocab.find(name)) else name) for name in labels[posting.source]}
        got = {term.name for term in requirements(posting).terms}
        count = counts.setdefault(posting.source.split("/")[0], Counter())
        count["tp"] += len(wanted & got)
        count["fp"] += len(got - wanted)
        count["fn"] += len(wanted - got)
        count["postings"] += 1
    return counts


def table(counts: dict[str, Counter[str]]) -> str:
    lines = ["field               postings  precision  recall   tp  fp  fn"]
    total: Counter[str] = Counter()
    for field, c in sorted(counts.items()):
        total.update(c)
        lines.append(_row(field, c))
    lines.append(_row("all", total))
    return "\n".join(lines)


def _row(name: str, c: Counter[str]) -> str:
    precision = c["tp"] / (c["tp"] + c["fp"])
    recall = c["tp"] / (c["tp"] + c["fn"])
    return (
        f"{name:<20}{c['postings']:>8}  {precision:>9.1%}  {recall:>6.1%}"
        f"  {c['tp']:>3} {c['fp']:>3} {c['fn']:>3}"
    )


@pytest.fixture(scope="module")
def counts() -> dict[str, Counter[str]]:
    return measure(LABELLED)


def test_the_set_is_large_and_in_every_format(counts: dict[str, Counter[str]]) -> None:
    assert set(counts) == FIELDS
    assert sum(c["postings"] for c in counts.values()) >= 40
    suffixes = {p.suffix for p in LABELLED.rglob("*") if p.parent != LABELLED}
    assert {".txt", ".md", ".html", ".pdf", ".docx"} <= suffixes


def test_precision_and_recall_per_field(counts: dict[str, Counter[str]]) -> None:
    print("\n" + table(counts))
    print(
        "\nheld out (written after tuning, never tuned on; not asserted):\n"
        + table(measure(HOLDOUT))
    )
    print("\nheld out, third set (not asserted):\n" + table(measure(HOLDOUT3)))
    for field, c in counts.items():
        assert c["tp"] / (c["tp"] + c["fp"]) >= PRECISION, (field, table(counts))
        assert c["tp"] / (c["tp"] + c["fn"]) >= RECALL, (field, table(counts))


def test_every_labelled_posting_has_its_title_and_company() -> None:
    """Header lines ("Company · Place · Full-time", "Company — Place", a PDF's title in
    two lines), JSON-LD, <h1> and og:site_name: all 77 read, none a place or a contract."""
    for posting in read_postings([LABELLED]).read:
        assert posting.title and posting.company, posting.source
        assert not re.search(r"Remote|Full-time|Hybrid|, [A-Z]{2}\b", posting.company)
        assert posting.company not in posting.title, posting.source
