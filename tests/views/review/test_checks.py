"""`showcase review`: a collector looks unfocused, a stack does not; every code has a fix."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from click.testing import CliRunner

from showcase.cli import cli
from showcase.views.review.checks import CODES, review
from tests.conftest import EXAMPLES, ROOT
from tests.helpers import EMPLOYED, load, write_profile

TODAY = ["--today", "2026-11-28"]
POSTINGS = ROOT / "tests" / "data" / "postings"

# A dozen short courses in a dozen fields: no stack, no assessment.
COURSES = [
    ("Intro to Google Ads", "Google Ads"),
    ("Python for Everybody Taster", "Python"),
    ("Kubernetes Basics", "Kubernetes"),
    ("Payroll Fundamentals", "Payroll"),
    ("Figma in an Hour", "Figma"),
    ("Bookkeeping Basics", "Bookkeeping"),
    ("Salesforce Tour", "Salesforce"),
    ("Network Security Primer", "Network security"),
    ("Inventory Management 101", "Inventory management"),
    ("Medical Billing Overview", "Medical billing"),
    ("Help Desk Essentials", "Help desk"),
    ("Tableau Quick Start", "Tableau"),
]
COLLECTOR = "name: Alex Collector\ncredentials:\n" + "".join(
    f"  - {{name: {name}, issuer: Example Academy, kind: course, issued: 2025-0{i % 9 + 1}, "
    f"assessment: none, url: https://example.com/{i}, skills: [{skill}]}}\n"
    for i, (name, skill) in enumerate(COURSES)
)

STACKED = """
name: Dana Data
credentials:
  - {id: gda, name: Google Data Analytics Professional Certificate, issuer: Google,
     issued: 2025-01, assessment: project, credential_id: A1, skills: [SQL, Tableau, R]}
  - {id: sql, name: SQL for Data Science, issuer: UC Davis, platform: Coursera,
     issued: 2025-03, assessment: graded, credential_id: A2, skills: [SQL]}
  - {id: pbi, name: Power BI Data Analyst, issuer: Microsoft, kind: certification,
     issued: 2025-05, assessment: exam, credential_id: A3, skills: [Power BI, Data analysis]}
  - {id: py, name: Python for Data Analysis, issuer: IBM, issued: 2025-06,
     assessment: graded, credential_id: A4, skills: [Python, pandas]}
  - {id: stats, name: Statistics for Data Analysis, issuer: IBM, issued: 2025-07,
     assessment: graded, credential_id: A5, skills: [Statistics]}
  - {id: seo, name: Introduction to SEO, issuer: LinkedIn Learning, issued: 2024-01,
     assessment: none, credential_id: A6, skills: [SEO]}
stacks:
  - name: Data Analysis
    credentials: [gda, sql, pbi, py, stats]
    target_role: Data Analyst
"""


def run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(cli, ["review", *args], catch_exceptions=False)


def codes(result: Any) -> list[str]:
    return [f.code for f in result.findings]


def test_a_collector_is_unfocused_and_completion_only_heavy(tmp_path: Path) -> None:
    found = review(load(tmp_path, COLLECTOR))
    assert "unfocused" in codes(found)
    assert "completion-only-heavy" in codes(found)
    unfocused = next(f for f in found.findings if f.code == "unfocused")
    assert len(unfocused.credentials) >= 9
    assert "hide them from the resume" in unfocused.fix and "resume: {hide: [" in unfocused.fix


def test_a_coherent_stack_is_not_unfocused(tmp_path: Path) -> None:
    found = review(load(tmp_path, STACKED))
    assert "unfocused" not in codes(found)
    assert "completion-only-heavy" not in codes(found)
    assert "no-stack" not in codes(found)


def test_related_credentials_outside_a_stack_get_no_stack(tmp_path: Path) -> None:
    unstacked = STACKED.split("stacks:")[0]
    found = review(load(tmp_path, unstacked))
    finding = next(f for f in found.findings if f.code == "no-stack")
    assert finding.severity == "info"
    assert "Google Data Analytics Professional Certificate" in finding.credentials
    assert "Introduction to SEO" not in finding.credentials


def test_hiding_what_the_fix_says_removes_the_finding(tmp_path: Path) -> None:
    found = review(load(tmp_path, COLLECTOR))
    unfocused = next(f for f in found.findings if f.code == "unfocused")
    hide = unfocused.fix.split("hide: [")[1].split("]")[0]
    fixed = review(load(tmp_path, COLLECTOR + f"resume:\n  hide: [{hide}]\n"))
    assert "unfocused" not in codes(fixed)


CREDENTIAL = """
name: Sam Single
credentials:
  - id: x
    name: {name}
    issuer: {issuer}
    kind: {kind}
    issued: {issued}
{extra}
"""


def single(tmp_path: Path, **values: str) -> list[str]:
    defaults = {
        "name": "Cloud Thing",
        "issuer": "Example",
        "kind": "certificate",
        "issued": "2025-01",
        "extra": "    url: https://example.com/x",
    }
    return codes(review(load(tmp_path, CREDENTIAL.format(**{**defaults, **values}))))


def test_stale_only_in_a_fast_field(tmp_path: Path) -> None:
    old_cloud = "    url: https://example.com/x\n    skills: [AWS, Kubernetes]"
    assert "stale" in single(tmp_path, issued="2019-01", extra=old_cloud)
    assert "stale" not in single(tmp_path, issued="2024-01", extra=old_cloud)
    old_hr = "    url: https://example.com/x\n    skills: [Payroll]"
    assert "stale" not in single(tmp_path, issued="2015-01", extra=old_hr)


def test_expiring_and_expired(tmp_path: Path) -> None:
    soon = "    url: https://example.com/x\n    expires: 2026-12-20"
    assert "expiring" in single(tmp_path, extra=soon)
    today = "    url: https://example.com/x\n    expires: 2026-11-28"
    assert "expiring" in single(tmp_path, extra=today)
    assert "expired" in single(tmp_path, issued="2010", extra="    expires: 2013-01")


def test_unverifiable_weak_evidence_and_post_nominal_misuse(tmp_path: Path) -> None:
    assert "unverifiable" in single(tmp_path, extra="    skills: [SQL]")
    assert "weak-evidence" in single(tmp_path, extra="    url: https://e.com/x\n    featured: true")
    told = "    url: https://e.com/x\n    featured: true\n    learned: Pivot tables."
    assert "weak-evidence" not in single(tmp_path, extra=told)
    letters = "    url: https://e.com/x\n    post_nominal: GDA"
    assert "post-nominal-misuse" in single(tmp_path, extra=letters)
    exam = letters + "\n    assessment: exam"
    assert "post-nominal-misuse" not in single(tmp_path, kind="certification", extra=exam)


def test_json_shape_and_signals(tmp_path: Path) -> None:
    result = run(str(write_profile(tmp_path, COLLECTOR)), "--format", "json", *TODAY)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"findings", "credentials"}
    for finding in data["findings"]:
        assert set(finding) == {"code", "severity", "credentials", "message", "fix"}
        assert finding["severity"] in ("error", "warning", "info")
        assert finding["code"] in CODES and finding["fix"]
    first = data["credentials"][0]
    assert first["name"] == "Intro to Google Ads"
    signals = first["signals"]
    assert signals["assessed"] is False and signals["hands_on_project"] is False
    assert signals["recognised_issuer"] is False and signals["expires"] is None
    assert "marketing" in signals["fields"]


def test_signals_of_a_known_credential() -> None:
    result = run(str(EXAMPLES / "priya-raman.yaml"), "--format", "json", *TODAY)
    by_name = {c["name"]: c["signals"] for c in json.loads(result.stdout)["credentials"]}
    pmp = by_name["Project Management Professional (PMP)"]
    assert pmp["recognised_issuer"] and pmp["catalog_id"] == "pmp" and pmp["assessed"]
    assert pmp["expires"] == "2027-05-20" and pmp["status"] == "active"
    assert by_name["People Analytics"]["hands_on_project"]  # a project names it
    codes_ = [f["code"] for f in json.loads(result.stdout)["findings"]]
    assert "expired" in codes_  # SHRM-CP


def test_for_a_posting_measures_relatedness_against_it(tmp_path: Path) -> None:
    posting = POSTINGS / "01-acme-outdoor.txt"
    result = run(str(write_profile(tmp_path, COLLECTOR)), "--for", str(posting), *TODAY)
    assert result.exit_code == 0, result.output
    assert "against 01-acme-outdoor.txt" in result.stdout
    assert "unfocused: " in result.stdout and "the posting (Digital Marketing Manager)" in (
        result.stdout
    )
    data = json.loads(
        run(
            str(write_profile(tmp_path, COLLECTOR)), "--for", str(posting), "--format", "json"
        ).stdout
    )
    related = {c["name"]: c["signals"]["related"] for c in data["credentials"]}
    assert related["Intro to Google Ads"] is True
    assert related["Payroll Fundamentals"] is False


def test_for_a_folder_is_an_error_pointing_at_gaps(tmp_path: Path) -> None:
    result = run(str(write_profile(tmp_path, COLLECTOR)), "--for", str(POSTINGS))
    assert result.exit_code == 1
    assert "give one posting" in result.stderr and "showcase gaps" in result.stderr


def test_strict_fails_on_warnings_not_on_info(tmp_path: Path) -> None:
    assert run(str(write_profile(tmp_path, COLLECTOR)), "--strict", *TODAY).exit_code == 1
    assert run(str(write_profile(tmp_path, STACKED)), "--strict", *TODAY).exit_code == 0


def test_every_code_is_documented() -> None:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("### `showcase review")[1].split("\n### ")[0]
    for code, severity in CODES.items():
        assert f"| `{code}` | {severity} |" in section


def test_review_warns_of_a_public_search_only_while_employed(tmp_path: Path) -> None:
    public = "open_to: {roles: [IT Support Specialist], visibility: public}\n"
    found = review(load(tmp_path, EMPLOYED + public)).findings
    finding = next(f for f in found if f.code == "public-search")
    assert "Lakeside Outfitters" in finding.message and "IT Support Specialist" in finding.message
    discreet = review(load(tmp_path, EMPLOYED + "open_to: [IT Support Specialist]\n")).findings
    assert not any(f.code == "public-search" for f in discreet)
    between = EMPLOYED.replace("start: 2020-03", "start: 2020-03\n    end: 2026-01") + public
    assert not any(f.code == "public-search" for f in review(load(tmp_path, between)).findings)


def test_renewal_advice_reads_as_sentences(tmp_path: Path) -> None:
    """ "fix: Renew it now: not in showcase's catalog, ...: check American Heart
    Association's renewal terms" chained three colons; the signals said "expiring until"
    (QA, 2026-12-06). The catalog now knows the AHA's BLS card: a Red Cross one stays a
    credential it has no rule for."""
    profile = write_profile(
        tmp_path,
        """name: Sam Lee
credentials:
  - {id: bls, name: BLS Provider, issuer: American Red Cross, issued: 2025-01,
     expires: 2027-01-31, assessment: exam}
  - {id: rn, name: Registered Nurse License, issuer: Texas Board of Nursing, issued: 2022-07,
     expires: 2028-06, assessment: exam}
""",
    )
    result = run(str(profile), "--today", "2026-12-06")
    fix = next(line for line in result.output.splitlines() if "fix: Renew it now" in line)
    assert "fix: Renew it now. Not in showcase's catalog" in fix
    assert "check the issuer's renewal terms (American Red Cross)" in fix
    assert fix.count(":") == 2  # "fix:" and the one in the catalog's sentence
    assert "BLS Provider: " in result.output and "expires on 2027-01-31" in result.output
    assert "valid until 2028-06-30" in result.output and "until 2027" not in result.output
