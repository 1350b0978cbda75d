"""`resume.hide` and `resume.max_credentials`: what the resume lists, in every format."""

from __future__ import annotations

import io
from pathlib import Path

from showcase.artifacts.linkedin import render_linkedin
from showcase.artifacts.resume import render_resume
from showcase.views.resume import resume_credentials
from tests.helpers import load, one_problem

PROFILE = """
name: Sam Lee
credentials:
  - {id: a, name: Alpha Analytics, issuer: Google, issued: 2026-01}
  - {id: b, name: Beta Budgeting, issuer: IBM, issued: 2025-01}
  - {id: c, name: Gamma Governance, issuer: Meta, issued: 2024-01}
  - {id: d, name: Delta Design, issuer: HubSpot, issued: 2023-01}
stacks:
  - name: Core
    credentials: [c]
"""


def docx_text(data: bytes) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def names(text: str) -> list[str]:
    return [n for n in ("Alpha", "Beta", "Gamma", "Delta") if n in text]


def test_by_default_every_valid_credential_is_listed(tmp_path: Path) -> None:
    loaded = load(tmp_path, PROFILE)
    listed = [c.id for c in resume_credentials(loaded)]
    # The stack first; the rest in the curated order (see tests/views/test_curate.py).
    assert listed[0] == "c" and sorted(listed) == ["a", "b", "c", "d"]
    uncurated = load(tmp_path, PROFILE + "resume:\n  curate: false\n")
    assert [c.id for c in resume_credentials(uncurated)] == ["c", "a", "b", "d"]  # newest first


def test_hide_and_max_credentials_are_honoured_in_txt_and_docx(tmp_path: Path) -> None:
    loaded = load(tmp_path, PROFILE + "resume:\n  hide: [b]\n  max_credentials: 2\n")
    files = render_resume(loaded, formats=["txt", "docx", "md", "html"]).files
    by_suffix = {name.rsplit(".", 1)[1]: content for name, content in files.items()}
    # Stacks first, then newest: Gamma (stack), Alpha; Beta hidden; Delta past the limit.
    assert names(by_suffix["txt"].decode()) == ["Alpha", "Gamma"]
    assert names(docx_text(by_suffix["docx"])) == ["Alpha", "Gamma"]
    assert names(by_suffix["md"].decode()) == ["Alpha", "Gamma"]
    assert names(by_suffix["html"].decode()) == ["Alpha", "Gamma"]
    text = by_suffix["txt"].decode()
    assert text.index("Gamma") < text.index("Alpha")


def test_hidden_credentials_stay_on_linkedin(tmp_path: Path) -> None:
    loaded = load(tmp_path, PROFILE + "resume:\n  hide: [b]\n")
    kit = render_linkedin(loaded)
    assert any("Beta Budgeting" in content.decode() for content in kit.files.values())


def test_a_dangling_hide_id_is_an_error_at_its_line(tmp_path: Path) -> None:
    problem = one_problem(tmp_path, PROFILE + "resume:\n  hide: [a, bb]\n")
    assert problem.field == "resume.hide[1]"
    assert (problem.line, problem.column) == (11, 13)  # at `bb`
    assert "no credential has the id `bb`; did you mean `b`?" in problem.message


def test_max_credentials_must_be_at_least_one(tmp_path: Path) -> None:
    problem = one_problem(tmp_path, PROFILE + "resume:\n  max_credentials: 0\n")
    assert problem.field == "resume.max_credentials"
    assert "must be at least 1" in problem.message


def test_expired_credentials_asked_for_come_after_every_valid_one(tmp_path: Path) -> None:
    """With --include-expired, an expired CompTIA A+ led a nurse's section, above her
    valid licence (QA, 2026-12-06)."""
    import datetime as dt

    from showcase.profile import load_profile

    (tmp_path / "p.yaml").write_text(
        """name: María Núñez
headline: Registered Nurse
experience:
  - {organization: Hospital San José, title: IT Support Technician, start: 2016-01, end: 2020-12}
credentials:
  - {id: a-plus, name: CompTIA A+, issuer: CompTIA, issued: 2019-04, expires: 2022-04,
     skills: [Hardware troubleshooting, Help desk], assessment: exam}
  - {id: bls, name: BLS Provider, issuer: American Heart Association, issued: 2025-01,
     expires: 2027-01, assessment: exam}
  - {id: rn, name: Registered Nurse License, issuer: Texas Board of Nursing, issued: 2022-07,
     expires: 2028-06, assessment: exam}
""",
        encoding="utf-8",
    )
    loaded = load_profile(tmp_path / "p.yaml", today=dt.date(2026, 12, 6))
    listed = [c.id for c in resume_credentials(loaded, include_expired=True)]
    assert listed[-1] == "a-plus" and set(listed) == {"a-plus", "bls", "rn"}
    assert [c.id for c in resume_credentials(loaded)] == [i for i in listed if i != "a-plus"]
