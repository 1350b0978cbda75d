"""Coverage over groups: one alternative meets a group; suggestions only for unmet groups,
never an equivalent of a held credential, never one whose prerequisite is lacking."""

from __future__ import annotations

from pathlib import Path

from showcase.strategy import catalog as cat
from showcase.strategy.coverage import GroupMatch, expand, level, met_by, suggestions
from showcase.strategy.gaps import profile_evidence
from showcase.strategy.matcher import matcher
from showcase.strategy.postings import from_text
from showcase.strategy.requirements import requirements
from tests.helpers import load
from tests.strategy.test_requirements import TRAILHEAD

# The issue's project coordinator: PSM I and the Google certificate, and Jira.
MAYA = """
name: Maya Ortiz
headline: Project Coordinator
credentials:
  - {id: psm, name: Professional Scrum Master I (PSM I), issuer: Scrum.org, issued: 2025-03,
     kind: certification, assessment: exam, credential_id: "1"}
  - {id: gpm, name: Google Project Management Professional Certificate, issuer: Google,
     issued: 2024-11, assessment: project, credential_id: "2"}
skills:
  - {group: Tools, items: [Jira, Excel, Word, Outlook]}
"""


def groups_for(tmp_path: Path, profile: str, posting: str) -> list[GroupMatch]:
    loaded = load(tmp_path, profile)
    shown = set(profile_evidence(loaded, matcher()))
    asked = requirements(from_text("p.txt", posting))
    return [GroupMatch(g, met_by(g, shown)) for g in asked.groups]


def test_one_alternative_meets_a_group(tmp_path: Path) -> None:
    found = groups_for(tmp_path, MAYA, TRAILHEAD)
    by_first = {g.requirement.names[0]: g for g in found}
    assert [t.name for t in by_first["Jira"].met_by] == ["Jira"]
    assert [t.name for t in by_first["Professional Scrum Master"].met_by] == [
        "Professional Scrum Master"
    ]
    assert by_first["Google Project Management Certificate"].met
    unmet = {g.label for g in found if not g.met}
    assert "Smartsheet" not in " ".join(unmet) and "CAPM" not in " ".join(unmet)


def test_suggestions_only_for_unmet_groups_and_never_an_equivalent(tmp_path: Path) -> None:
    loaded = load(tmp_path, MAYA)
    found = groups_for(tmp_path, MAYA, TRAILHEAD)
    picks = suggestions(loaded, [g.requirement for g in found if not g.met])
    ids = {entry.id for entry, _ in picks}
    assert not ids & {"csm", "capm", "pmp", "psm-i", "google-project-management", "a-csm"}
    # Even asked directly, a CSM is an equivalent of her PSM I: never suggested.
    scrum_only = requirements(from_text("p.txt", "Scrum Master\n\nRequirements\n- CSM certified\n"))
    assert {e.id for e, _ in suggestions(loaded, list(scrum_only.groups))} & {"csm"} == set()


def test_an_advanced_credential_needs_its_prerequisite(tmp_path: Path) -> None:
    posting = "Agile Lead\n\nRequirements\n- A-CSM\n"
    asked = list(requirements(from_text("p.txt", posting)).groups)
    without = load(tmp_path, "name: New Comer\n")
    assert "a-csm" not in {e.id for e, _ in suggestions(without, asked)}
    holder = load(
        tmp_path,
        "name: Scrum Holder\ncredentials:\n  - {id: csm, name: Certified ScrumMaster (CSM), "
        "issuer: Scrum Alliance, issued: 2024-01, kind: certification}\n",
    )
    assert "a-csm" in {e.id for e, _ in suggestions(holder, asked)}
    entry = cat.find("a-csm")
    assert entry is not None and entry.requires == ["csm"] and level(entry) == 2


def test_suggestions_rank_the_persons_field_first(tmp_path: Path) -> None:
    posting = "Analyst\n\nRequirements\n- Dashboards in Tableau or Power BI\n"
    asked = list(requirements(from_text("p.txt", posting)).groups)
    person = load(tmp_path, "name: Data Person\nheadline: Data Analyst\n")
    picks = suggestions(person, asked)
    assert picks, "something teaches Tableau or Power BI"
    first = matcher().vocab.find(picks[0][0].terms[0])
    assert first is not None and "data" in [f.value for f in first.fields]


def test_expand_gives_implied_terms_and_classes() -> None:
    vocab = matcher().vocab
    names = {t.name for t in expand({vocab.by_name["Professional Scrum Master"]})}
    assert {"Scrum", "Agile", "Scrum certification", "Agile certification"} <= names


def test_the_issues_project_coordinator_end_to_end(tmp_path: Path) -> None:
    """The issue's case through `--for`: the match report, the interview sheet, the headline."""
    import json

    from showcase.artifacts.interview import question_bank_path, render_interview
    from showcase.artifacts.question_bank import load_question_bank
    from showcase.strategy.claims import unsupported

    BANK = load_question_bank(question_bank_path(None))
    from showcase.artifacts.match import render_tailored_resume
    from showcase.strategy.tailor import read_for
    from showcase.views.linkedin import headline

    loaded = load(tmp_path, MAYA)
    (tmp_path / "trailhead.txt").write_text(TRAILHEAD, "utf-8")
    tailor = read_for(tmp_path / "trailhead.txt")
    report = json.loads(
        render_tailored_resume(loaded, tailor, formats=["txt"]).files["match/trailhead.json"]
    )
    assert (report["title"], report["company"]) == (
        "Project Coordinator",
        "Trailhead Home & Garden",
    )
    missing = [name for group in report["missing"] for name in group["any_of"]]
    assert not {"Certified ScrumMaster", "CAPM", "PMP", "Smartsheet", "Microsoft Project"} & set(
        missing
    )
    assert not {"csm", "capm", "pmp"} & {s["id"] for s in report["suggestions"]}
    met = [g for g in report["requirements"] if g["met_by"]]
    assert len(met) >= len(report["requirements"]) - 3  # every group but a few is met
    sheet = render_interview(loaded, formats=["md"], tailor=tailor).files
    text = next(iter(sheet.values())).decode()
    assert "Tell me about your Professional Scrum Master" in text
    names = ["Project Coordinator", "Trailhead Home & Garden", *[c.label for c in BANK]]
    assert unsupported(text, loaded, names=names) == []
    assert "from Google" not in headline(loaded).text or "Scrum.org" in headline(loaded).text
