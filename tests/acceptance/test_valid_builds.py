"""Valid means it builds: generated profiles at the edges build every artifact (issue #10).

Names up to 250 characters, 100+ skills, every optional section empty or full,
any script (CJK, Arabic and Hebrew, combining marks, emoji). Whatever the loader
accepts must render in every format. Laying out a PDF (and measuring the resume's pages
to fit it) costs about half a second a profile, so the many examples render everything
but the layout, as `validate` does, and the layout is tried on a smaller sample.
"""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from showcase.artifacts.build import build_profile, no_layout, no_pages
from showcase.artifacts.registry import REGISTRY
from showcase.artifacts.spec import BuildRequest
from showcase.errors import ProfileError
from showcase.profile import LoadedProfile, load_text
from tests.conftest import TODAY

SCRIPTS = st.sampled_from(
    [
        "Jordan Rivera",
        "李小龍 王",
        "محمد بن سلمان",
        "שרה כהן",
        "Zoë Ångström-Ø",
        "e\u0301te\u0301 co\u0308op",  # combining marks
        "Ana 🚀 Data",
        'O\'Brien & <Sons> "Ltd"',
    ]
)
TEXT = st.one_of(
    SCRIPTS,
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
        min_size=1,
        max_size=60,
    ),
).filter(lambda s: s.strip() and s.strip() != "TODO")
LONG = st.builds(lambda base, n: (base * n)[:250].strip() or "x", SCRIPTS, st.integers(1, 40))
ANY_TEXT = st.one_of(TEXT, LONG)
DATE = st.sampled_from(["2020", "2024-02", "2025-11-14", "2025-06", "2023-01"])


@st.composite
def profiles(draw: Any) -> dict[str, Any]:
    many_skills = draw(st.booleans())
    skills = [f"Skill {i}" for i in range(draw(st.integers(100, 130)))] if many_skills else []
    credentials = []
    for i in range(draw(st.integers(0, 5))):
        credential: dict[str, Any] = {
            "id": f"c{i}",
            "name": draw(ANY_TEXT),
            "issuer": draw(ANY_TEXT),
            "issued": draw(DATE),
            "kind": draw(st.sampled_from(["certificate", "certification", "badge", "course"])),
            "assessment": draw(st.sampled_from(["exam", "graded", "project", "none"])),
            "skills": skills[:30] if many_skills else draw(st.lists(TEXT, max_size=4)),
            "featured": draw(st.booleans()),
        }
        if draw(st.booleans()):
            credential["expires"] = draw(st.sampled_from(["2026-12", "2028-01", "2025-12"]))
        if draw(st.booleans()):
            credential["post_nominal"] = draw(TEXT)
        if draw(st.booleans()):
            credential["url"] = "https://example.com/" + "v" * draw(st.integers(1, 300))
        for key in ("learned", "applied", "credential_id", "platform"):
            if draw(st.booleans()):
                credential[key] = draw(ANY_TEXT)
        credentials.append(credential)
    ids = [c["id"] for c in credentials]
    full = draw(st.booleans())
    data: dict[str, Any] = {"name": draw(ANY_TEXT), "credentials": credentials}
    if full:
        data |= {
            "headline": draw(ANY_TEXT),
            "summary": draw(ANY_TEXT),
            "contact": {
                "email": "a@example.com",
                "phone": "+44 20 7946 0958",
                "location": draw(TEXT),
                "website": "https://example.com",
                "linkedin": "https://www.linkedin.com/in/x",
                "github": "https://github.com/x",
            },
            "stacks": [{"name": draw(ANY_TEXT), "credentials": ids[:3], "target_role": "Analyst"}]
            if len(ids) >= 2
            else [],
            "projects": [
                {
                    "title": draw(ANY_TEXT),
                    "credential": ids[0] if ids else None,
                    "situation": draw(ANY_TEXT),
                    "task": draw(TEXT),
                    "actions": draw(st.lists(ANY_TEXT, min_size=1, max_size=4)),
                    "result": draw(ANY_TEXT),
                    "tools": skills[:20] or draw(st.lists(TEXT, max_size=3)),
                    "questions": draw(st.lists(TEXT, max_size=2)),
                }
            ],
            "experience": [
                {
                    "title": draw(ANY_TEXT),
                    "organization": draw(ANY_TEXT),
                    "location": draw(TEXT),
                    "start": "2020-01",
                    "highlights": draw(st.lists(ANY_TEXT, max_size=3)),
                }
            ],
            "education": [{"institution": draw(ANY_TEXT), "degree": draw(TEXT), "end": 2016}],
            "skills": [{"group": draw(TEXT), "items": skills or draw(st.lists(TEXT, min_size=1))}],
        }
        data["projects"] = [{k: v for k, v in p.items() if v is not None} for p in data["projects"]]
    return data


def _load(data: dict[str, Any]) -> LoadedProfile | None:
    try:
        return load_text(json.dumps(data, ensure_ascii=False), today=TODAY)
    except ProfileError as exc:  # two generated names can slug to one id: a real error
        assert exc.problems
        return None


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles())
def test_a_valid_profile_builds_every_artifact(data: dict[str, Any]) -> None:
    loaded = _load(data)
    if loaded is None:
        return
    # What `validate` renders (`check_builds`): everything but the PDF layout.
    result = build_profile(loaded, pdf_job=no_layout, page_counter=no_pages)
    assert result.failures == []
    names = set(result.files)
    assert "index.html" in names
    # Every registered artifact that applies to a plain build (no posting): its files.
    for spec in REGISTRY:
        if spec.applies(BuildRequest(loaded)):
            expected = set(spec.files(loaded.profile.name).values())
            assert expected <= names, f"{spec.name}: {sorted(expected - names)}"
    for name, content in result.files.items():
        assert len(name.encode()) < 255 and all(len(p.encode()) <= 200 for p in name.split("/"))
        if name.endswith(".docx"):
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                assert archive.testzip() is None
        elif not name.endswith(".pdf"):
            assert content.decode("utf-8")


@pytest.mark.slow
@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles())
def test_a_valid_profile_lays_out_its_pdfs(data: dict[str, Any]) -> None:
    loaded = _load(data)
    if loaded is None:
        return
    result = build_profile(loaded)
    assert result.failures == []
    pdfs = [content for name, content in result.files.items() if name.endswith(".pdf")]
    assert len(pdfs) == 2 and all(pdf.startswith(b"%PDF-") for pdf in pdfs)
