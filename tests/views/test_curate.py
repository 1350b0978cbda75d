"""A curated resume: assessed and in the person's field first, the rest in one closing line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from showcase.artifacts.resume import render_resume
from showcase.profile import LoadedProfile, load_profile
from showcase.views.curate import MAX_FULL_ENTRIES, person_fields, relevance
from showcase.views.resume import resume_credentials, resume_view
from tests.conftest import EXAMPLES, TODAY
from tests.helpers import load


@pytest.fixture
def collector() -> LoadedProfile:
    return load_profile(EXAMPLES / "collector.yaml", today=TODAY)


def entry_names(loaded: LoadedProfile) -> list[str]:
    view = resume_view(loaded)
    return [e.facts.name for g in view.credential_groups for e in g.entries]


def test_the_collector_gets_at_most_six_entries_assessed_and_in_field_first(
    collector: LoadedProfile,
) -> None:
    names = entry_names(collector)
    assert len(names) <= MAX_FULL_ENTRIES
    assert names == [
        "Service Hub Software Certification",  # assessed, customer service
        "Zendesk Support Administrator",  # assessed
        "Customer Service Fundamentals",  # the two most relevant completion-only courses
        "Salesforce Platform Basics",
    ]
    closing = resume_view(collector).additional
    assert closing is not None and closing.label == "Additional coursework"
    assert closing.items[0] == "Google Sheets Essential Training (LinkedIn Learning, 2025)"
    assert "Mindfulness at Work (LinkedIn Learning, 2023)" in closing.items
    assert len(names) + len(closing.items) == 12  # nothing silently dropped


def test_no_hours_for_completion_only_courses_in_any_format(collector: LoadedProfile) -> None:
    files = render_resume(collector, formats=["txt", "md", "html", "docx"]).files
    import docx

    texts = [files[f"Marcus-Bell-Resume.{ext}"].decode() for ext in ("txt", "md", "html")]
    document = docx.Document(io.BytesIO(files["Marcus-Bell-Resume.docx"]))
    texts.append("\n".join(p.text for p in document.paragraphs))
    for text in texts:
        for hours in ("Completion, ", "1 hour", "1.5 hours", "2 hours", "3 hours", "8 hours"):
            assert hours not in text
        assert "Additional coursework" in text
        assert "Mindfulness at Work (LinkedIn Learning, 2023)" in text


def test_hours_stay_off_even_with_curate_false(collector: LoadedProfile, tmp_path: Path) -> None:
    text = (EXAMPLES / "collector.yaml").read_text() + "resume:\n  curate: false\n"
    loaded = load(tmp_path, text)
    names = entry_names(loaded)
    assert len(names) == 12 and resume_view(loaded).additional is None
    # Newest first, completion-only last: the order before curation.
    assert names[:2] == ["Service Hub Software Certification", "Zendesk Support Administrator"]
    assert names[-1] == "Figma in an Hour"
    txt = render_resume(loaded, formats=["txt"]).files["Marcus-Bell-Resume.txt"].decode()
    assert "Completion" in txt
    for hours in ("Completion, ", "1 hour", "1.5 hours", "2 hours", "3 hours", "8 hours"):
        assert hours not in txt


def test_hide_and_max_credentials_still_win(tmp_path: Path) -> None:
    text = (EXAMPLES / "collector.yaml").read_text()
    hidden = load(tmp_path, text + "resume:\n  hide: [mindfulness, zendesk-admin]\n")
    closing = resume_view(hidden).additional
    assert closing is not None and not any("Mindfulness" in i for i in closing.items)
    assert "Zendesk Support Administrator" not in entry_names(hidden)
    capped = load(tmp_path, text + "resume:\n  max_credentials: 3\n")
    assert len(resume_credentials(capped)) == 3
    assert entry_names(capped) == [
        "Service Hub Software Certification",
        "Zendesk Support Administrator",
        "Customer Service Fundamentals",
    ]
    assert resume_view(capped).additional is None


def test_stacks_stay_whole_and_first(tmp_path: Path) -> None:
    courses = "".join(
        f"  - {{id: c{i}, name: Course {i}, issuer: X, issued: 2024-0{i}, assessment: none}}\n"
        for i in range(1, 6)
    )
    loaded = load(
        tmp_path,
        "name: A\ncredentials:\n"
        + courses
        + "stacks:\n  - {name: Basics, credentials: [c1, c2, c3, c4]}\n",
    )
    view = resume_view(loaded)
    assert [e.facts.name for e in view.credential_groups[0].entries] == [
        "Course 1",
        "Course 2",
        "Course 3",
        "Course 4",
    ]
    # The one completion-only course outside the stack is within the two shown in full.
    assert [e.facts.name for e in view.credential_groups[1].entries] == ["Course 5"]
    assert view.additional is None


# --- relevance to the person's field, measured on labelled data -----------------------------

# (profile, credential id) -> is it in the person's field? Labelled by hand.
LABELS: dict[str, dict[str, bool]] = {
    "collector": {
        "hubspot-service-hub": True,
        "customer-service-fundamentals": True,
        "zendesk-admin": True,
        "salesforce-trailhead": True,
        "google-sheets": False,
        "excel-essential": False,
        "intro-sql": False,
        "time-management": False,
        "python-basics": False,
        "mindfulness": False,
        "social-media": False,
        "figma-hour": False,
    },
    "jordan-rivera": {
        "google-ads-search": True,
        "hubspot-content-marketing": True,
        "meta-marketing": True,
        "intro-seo": True,
        "google-data-analytics": False,
    },
    "priya-raman": {
        "shrm-cp": True,
        "people-analytics": True,
        "prosci-change": True,
        "linkedin-coaching": True,
        "pmp": False,
    },
}


def test_relevance_precision_and_recall_on_labelled_profiles() -> None:
    true_pos = false_pos = false_neg = 0
    for name, labels in LABELS.items():
        loaded = load_profile(EXAMPLES / f"{name}.yaml", today=TODAY)
        fields = person_fields(loaded)
        by_id = {c.id: c for c in loaded.profile.credentials}
        assert set(labels) <= set(by_id), name
        for cid, relevant in labels.items():
            predicted = relevance(by_id[cid], fields) > 0
            true_pos += predicted and relevant
            false_pos += predicted and not relevant
            false_neg += relevant and not predicted
    precision = true_pos / (true_pos + false_pos)
    recall = true_pos / (true_pos + false_neg)
    assert precision >= 0.9, precision
    assert recall >= 0.75, recall


NURSE = """
name: Ana Ruiz
headline: Registered Nurse, Medical-Surgical
experience:
  - {title: Registered Nurse, organization: St. Luke's, start: 2022-08, end: present}
  - {title: IT Support Technician, organization: Baptist Health, start: 2017-05, end: 2020-08}
credentials:
  - {id: rn, name: Registered Nurse License, issuer: Texas Board of Nursing, kind: license,
     issued: 2022-07, expires: 2028-06}
  - {id: bls, name: Basic Life Support (BLS) Provider, issuer: American Heart Association,
     issued: 2025-01, expires: 2027-01, assessment: exam}
  - {id: acls, name: Advanced Cardiovascular Life Support (ACLS) Provider,
     issuer: American Heart Association, issued: 2025-03, expires: 2027-03, assessment: exam}
  - {id: aplus, name: CompTIA A+, issuer: CompTIA, issued: 2019-04, assessment: exam}
  - {id: fhir, name: Health Informatics on FHIR, issuer: Johns Hopkins University,
     kind: course, issued: 2026-10, hours: 14, assessment: graded}
  - {id: excel, name: Excel Essential Training, issuer: LinkedIn Learning, kind: course,
     issued: 2026-11, hours: 2, assessment: none}
"""


def test_a_nurses_licence_and_life_support_lead_her_resume(tmp_path: Path) -> None:
    """A nurse's field is nursing, not the IT job she left: her RN licence, BLS and ACLS
    are in her field, ahead of a newer 14-hour online course and a completion-only one."""
    loaded = load(tmp_path, NURSE)
    fields = person_fields(loaded)
    assert fields[0].value == "nursing"
    by_id = {c.id: c for c in loaded.profile.credentials}
    assert {cid: relevance(by_id[cid], fields) for cid in ("rn", "bls", "acls")} == {
        "rn": 3,
        "bls": 3,
        "acls": 3,
    }
    names = entry_names(loaded)
    licence = names.index("Registered Nurse License")
    assert licence < names.index("Health Informatics on FHIR")
    assert licence < names.index("Excel Essential Training")
    assert set(names[:3]) == {
        "Registered Nurse License",
        "Basic Life Support (BLS) Provider",
        "Advanced Cardiovascular Life Support (ACLS) Provider",
    }
