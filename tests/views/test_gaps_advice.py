"""What the gap table advises for a term the profile lacks: a catalog credential to earn
when there is one; else, for a licence, that it is held or not (a board grants it: no
project or job shows it), for a certification that it is earned from its issuer, and for
a skill, tool or method that a project or a job can show it. A nurse was told
"Multistate nursing license  GAP  no credential in the catalog; show it in a project or a
job"."""

from __future__ import annotations

from pathlib import Path

from showcase.profile import load_profile
from showcase.strategy.gaps import TermRow, analyse, gap_report
from showcase.strategy.postings import from_text
from showcase.strategy.vocabulary import vocabulary
from showcase.views.gaps import advice, text
from tests.conftest import ROOT, TODAY
from tests.helpers import load

NURSE = ROOT / "tests" / "data" / "match" / "nurse-informatics.yaml"
POSTING = (
    "Travel RN\nKeystone\n\nRequirements\n- Multistate compact license.\n- IV therapy experience.\n"
)


def test_a_licence_is_held_or_not_never_shown_in_a_project() -> None:
    report = analyse(load_profile(NURSE, today=TODAY), [from_text("job.txt", POSTING)])
    said = {row.term.name: advice(row) for row in report.rows}
    assert said["Multistate nursing license"] == (
        "a licence: held or not, granted by the board that issues it"
    )
    assert said["IV therapy"] == "no credential in the catalog; show it in a project or a job"


def test_a_credential_whose_prerequisite_is_lacking_says_what_comes_first() -> None:
    """ "A-CSM  GAP  no credential in the catalog" was false: the catalog has it, and it
    needs a CSM first (`requires`), which is why it was not suggested."""
    posting = from_text("job.txt", "Agile Lead\nAcme\n\nRequirements\n- A-CSM required.\n")
    report = analyse(load_profile(NURSE, today=TODAY), [posting])
    row = next(row for row in report.rows if row.term.name == "A-CSM")
    assert advice(row) == (
        "earn first: Certified ScrumMaster (CSM) (Scrum Alliance), which A-CSM requires"
    )


def row(name: str) -> TermRow:
    return TermRow(vocabulary().by_name[name], ("a.txt",), (), ())


def test_a_missing_licence_is_held_or_not() -> None:
    for name in ("Multistate nursing license", "RN license", "LPN license", "CDL"):
        said = advice(row(name))
        assert "licence" in said and "held or not" in said, name
        assert "show it in a project" not in said


def test_a_missing_certification_without_an_entry_is_earned() -> None:
    said = advice(row("RNC-OB"))
    assert said == "no credential in the catalog; earn it from its issuer"


def test_a_missing_skill_can_be_shown_in_a_project_or_a_job() -> None:
    assert advice(row("Patient assessment")).endswith("show it in a project or a job")


def test_the_table_of_a_nurse_without_a_multistate_licence(tmp_path: Path) -> None:
    folder = tmp_path / "postings"
    folder.mkdir()
    for index in range(3):
        (folder / f"{index}.txt").write_text(
            "Staff Nurse\nHarbor General Hospital\n\nRequirements\n"
            "- Active RN license or a multistate license\n- BLS certification\n",
            encoding="utf-8",
        )
    profile = "name: Ana Ruiz\nheadline: Registered Nurse\n"
    table = text(gap_report(load(tmp_path, profile), [folder]))
    line = next(line for line in table.splitlines() if "Multistate nursing license" in line)
    assert "GAP" in line and "held or not" in line, table
