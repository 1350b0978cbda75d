"""A job's title is evidence of the skill it names (`titles` in the vocabulary), with the
job's dates: a Cloud Engineer since 2021 is not told she lacks cloud engineering (QA
round 3), and her years count. A title never evidences a certification, and only a
job's title is read so: a headline's "Aspiring Cloud Engineer" is not a job."""

from __future__ import annotations

from pathlib import Path

from showcase.strategy.coverage import job_years, profile_evidence
from showcase.strategy.evidence import evidenced, title_terms
from showcase.strategy.gaps import analyse
from showcase.strategy.match import match_report
from showcase.strategy.matcher import matcher
from showcase.strategy.postings import from_text
from showcase.strategy.requirements import asked_terms
from showcase.strategy.tailor import Tailoring
from tests.helpers import load

CLOUD = """
name: Kim Park
headline: Cloud Engineer | AWS | Terraform
experience:
  - title: Cloud Engineer
    organization: Nimbus
    start: 2021-03
    highlights:
      - Moved 40 EC2 workloads into Terraform modules.
"""

POSTING = (
    "Senior Cloud Engineer\nStratus\n\nRequirements\n"
    "- 4+ years of cloud engineering experience.\n- Terraform.\n"
)


def _names(terms: object) -> set[str]:
    return {t.name for t in terms}  # type: ignore[attr-defined]


def test_a_title_names_its_skill_and_no_rank_or_other_sense() -> None:
    match = matcher()
    assert "Cloud engineering" in _names(title_terms("Senior Cloud Engineer II", match))
    assert "Data analysis" in _names(title_terms("Data Analyst, Marketing", match))
    assert "Critical care nursing" in _names(title_terms("ICU Registered Nurse", match))
    assert not title_terms("Cloud Sales Representative", match)
    assert _names(title_terms("Data Entry Clerk", match)) == {"Data entry"}
    assert not title_terms(None, match)
    # The ordinary reader of text does not read a title's spelling in a highlight.
    assert "Cloud engineering" not in _names(evidenced("Reported to the cloud engineer.", match))


def test_a_title_evidences_no_certification() -> None:
    got = _names(title_terms("Salesforce Administrator", matcher()))
    assert got == {"Salesforce", "Salesforce administration"}


def test_the_jobs_title_is_evidence_with_the_jobs_months(tmp_path: Path) -> None:
    loaded = load(tmp_path, CLOUD)
    evidence = {t.name: w for t, w in profile_evidence(loaded, matcher()).items()}
    assert evidence["Cloud engineering"] == ["experience: Cloud Engineer, Nimbus"]
    posting = from_text("job.txt", POSTING)
    report = match_report(loaded, Tailoring(posting, asked_terms(posting)), "", "")
    cloud = next(g for g in report.requirements if g.label == "Cloud engineering")
    assert cloud.met and cloud.full and cloud.years is not None and cloud.years.in_jobs
    first = 2021 * 12 + 2
    assert cloud.years.shown == loaded.today.year * 12 + loaded.today.month - 1 - first + 1
    assert "Cloud engineering" not in report.missing
    rows = {r.term.name: r for r in analyse(loaded, [posting]).rows}
    assert rows["Cloud engineering"].have and rows["Cloud engineering"].short is None
    jobs = job_years(loaded, matcher())
    assert "Cloud engineering" in _names(jobs.jobs[0][0])


def test_only_a_jobs_title_is_read_as_a_title(tmp_path: Path) -> None:
    text = CLOUD.replace("Cloud Engineer | AWS", "Aspiring Cloud Engineer | AWS").replace(
        "title: Cloud Engineer", "title: Support Technician"
    )
    evidence = _names(profile_evidence(load(tmp_path, text), matcher()))
    assert "Cloud engineering" not in evidence and "Terraform" in evidence
