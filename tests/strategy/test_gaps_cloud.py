"""`gaps` for cloud postings: a certification's stated level narrows what is suggested for
it ("AWS Certified Solutions Architect - Associate required" is the Associate, not the
Professional as well), the Professional meets an Associate requirement and not the other
way round; and on the seven labelled cloud postings, every credential the shopping list
offers is one a posting asks for or one that teaches what it asks for, measured against
the labels."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from showcase.strategy import catalog as cat
from showcase.strategy.gaps import GapReport, TermRow, gap_report
from showcase.strategy.vocabulary import TermKind, normalize, vocabulary
from tests.conftest import ROOT
from tests.helpers import load

LABELLED = ROOT / "tests" / "data" / "labelled"
NEWCOMER = """
name: Sam Lee
headline: Cloud Engineer
"""
ASSOCIATE = "aws-solutions-architect-associate"
PROFESSIONAL = "aws-solutions-architect-professional"


def holding(level: str) -> str:
    return (
        NEWCOMER
        + f"""credentials:
  - name: AWS Certified Solutions Architect – {level}
    issuer: Amazon Web Services
    issued: 2026-01
    expires: 2029-01
"""
    )


def report(tmp_path: Path, line: str, profile: str = NEWCOMER) -> GapReport:
    posting = tmp_path / "posting.txt"
    posting.write_text(f"Cloud Engineer\nNimbus Labs\n\nRequirements\n- {line}\n", "utf-8")
    return gap_report(load(tmp_path, profile), [posting])


def row(gaps: GapReport, name: str) -> TermRow:
    return next(r for r in gaps.rows if r.term.name == name)


def ids(gaps: GapReport) -> set[str]:
    return {s.entry.id for s in gaps.suggestions}


def test_a_stated_level_narrows_the_suggestion(tmp_path: Path) -> None:
    gaps = report(tmp_path, "AWS Certified Solutions Architect – Associate required")
    associate = row(gaps, "AWS Certified Solutions Architect Associate")
    assert [e.id for e in associate.suggestions] == [ASSOCIATE]
    assert PROFESSIONAL not in ids(gaps)
    gaps = report(tmp_path, "AWS Certified Solutions Architect - Professional preferred")
    assert ids(gaps) == {PROFESSIONAL}


def test_the_name_alone_suggests_the_first_rung(tmp_path: Path) -> None:
    """No level stated: the Associate, which meets it; the Professional is a higher rung
    of what is already suggested (it evidences the Associate), never beside it."""
    gaps = report(tmp_path, "AWS Solutions Architect certification")
    assert [e.id for e in row(gaps, "AWS Certified Solutions Architect").suggestions] == [ASSOCIATE]
    assert PROFESSIONAL not in ids(gaps)


def test_the_professional_meets_an_associate_requirement(tmp_path: Path) -> None:
    gaps = report(
        tmp_path, "AWS Certified Solutions Architect - Associate", holding("Professional")
    )
    assert row(gaps, "AWS Certified Solutions Architect Associate").have
    assert not ids(gaps) & {ASSOCIATE, PROFESSIONAL}


def test_the_associate_does_not_meet_a_professional_requirement(tmp_path: Path) -> None:
    gaps = report(
        tmp_path, "AWS Certified Solutions Architect - Professional", holding("Associate")
    )
    professional = row(gaps, "AWS Certified Solutions Architect Professional")
    assert not professional.have
    assert [e.id for e in professional.suggestions] == [PROFESSIONAL]


MLE = "aws-machine-learning-engineer-associate"
AI_PRACTITIONER = "aws-ai-practitioner"


@pytest.mark.parametrize(
    ("line", "suggested"),
    [
        ("AWS Certified Machine Learning Engineer - Associate required", {MLE}),
        ("AWS Certified AI Practitioner preferred", {AI_PRACTITIONER}),
        # The name alone is the Engineer - Associate or the retired Specialty (no catalog
        # entry), never the AI Practitioner, whose name it is not.
        ("AWS Certified Machine Learning certification a plus", {MLE}),
        ("AWS Certified Machine Learning - Specialty preferred", set()),
    ],
)
def test_each_machine_learning_level_gets_its_own_suggestion(
    tmp_path: Path, line: str, suggested: set[str]
) -> None:
    assert ids(report(tmp_path, line)) & {MLE, AI_PRACTITIONER} == suggested


def test_the_ai_practitioner_does_not_meet_a_machine_learning_engineer_requirement(
    tmp_path: Path,
) -> None:
    held = NEWCOMER + (
        "credentials:\n  - name: AWS Certified AI Practitioner\n"
        "    issuer: Amazon Web Services\n    issued: 2026-01\n    expires: 2029-01\n"
    )
    gaps = report(tmp_path, "AWS Certified Machine Learning Engineer - Associate", held)
    engineer = row(gaps, "AWS Certified Machine Learning Engineer Associate")
    assert not engineer.have
    assert [e.id for e in engineer.suggestions] == [MLE]


# --- the shopping list, on the seven labelled cloud postings --------------------------------


def measure_shopping_list(tmp_path: Path) -> dict[str, int]:
    """Per labelled cloud posting, read alone by a newcomer holding nothing: each credential
    suggested is `asked` (its own certification is labelled), else `teaches` (it evidences
    a labelled term), else `unasked`; and of the labelled certifications with a catalog
    entry, how many are `offered` and how many `missed`."""
    labels = YAML(typ="safe").load((LABELLED / "labels.yaml").read_text("utf-8"))
    vocab = vocabulary()
    loaded = load(tmp_path, NEWCOMER)
    counts = dict.fromkeys(("asked", "teaches", "unasked", "offered", "missed"), 0)
    for source, names in labels.items():
        if not source.startswith("cloud/"):
            continue
        wanted = {normalize(t.name if (t := vocab.find(n)) else n) for n in names}
        certifications = {
            t.name
            for n in names
            if (t := vocab.find(n)) is not None and t.kind == TermKind.CERTIFICATION
        }
        suggested = gap_report(loaded, [LABELLED / source]).suggestions
        for suggestion in suggested:
            terms = [normalize(name) for name in suggestion.entry.terms]
            own = vocab.find(terms[0])
            if own is not None and own.kind == TermKind.CERTIFICATION and terms[0] in wanted:
                counts["asked"] += 1
            else:
                counts["teaches" if set(terms) & wanted else "unasked"] += 1
        owns = {s.entry.terms[0] for s in suggested}
        for name in certifications:
            if cat.for_terms([name]):
                counts["offered" if name in owns else "missed"] += 1
    return counts


def test_every_suggestion_on_the_cloud_postings_is_asked_for_or_teaches_it(
    tmp_path: Path,
) -> None:
    """Measured (2026-12-06): 81 suggestions over the seven postings, 16 of them a
    certification the posting names, 65 a credential that teaches a term it asks for (CKA
    for Kubernetes, Terraform Associate for Terraform), none unasked; and all 16 of the
    certifications the postings name that the catalog has are offered (the Associate for
    "Solutions Architect - Associate required", and not the Professional for it).
    With the five postings moved from the held-out set (2026-12-06), twelve: 134
    suggestions, 28 asked, 106 teaching, none unasked (four were before the round's terms;
    the last, CCNP, for cloud/08's "networking: subnets, routing, DNS", until "routing"
    alone stopped being routing and switching); 28 of 29 named certifications offered,
    the one missed the Professional of cloud/08's "the Professional is a plus", which the
    reader does not find."""
    counts = measure_shopping_list(tmp_path)
    assert counts["unasked"] == 0, counts
    assert counts["missed"] <= 1, counts
    assert counts["offered"] == counts["asked"] == 28, counts
