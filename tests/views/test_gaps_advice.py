"""What the gaps table advises for a gap with no credential in showcase's catalog: a skill
or a tool is shown in a project or a job; a certification or a licence is not, it is
earned from its issuer. A nurse was told "Multistate nursing license  GAP  no credential
in the catalog; show it in a project or a job"."""

from __future__ import annotations

from showcase.profile import load_profile
from showcase.strategy.gaps import analyse
from showcase.strategy.postings import from_text
from showcase.views.gaps import advice
from tests.conftest import ROOT, TODAY

NURSE = ROOT / "tests" / "data" / "match" / "nurse-informatics.yaml"
POSTING = (
    "Travel RN\nKeystone\n\nRequirements\n- Multistate compact license.\n- IV therapy experience.\n"
)


def test_a_licence_is_earned_from_its_issuer_not_shown_in_a_project() -> None:
    report = analyse(load_profile(NURSE, today=TODAY), [from_text("job.txt", POSTING)])
    said = {row.term.name: advice(row) for row in report.rows}
    assert (
        said["Multistate nursing license"]
        == "no credential in the catalog; earn it from its issuer"
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
