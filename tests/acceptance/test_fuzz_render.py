"""Any valid profile renders every text-based artifact, or fails with a clear error."""

from __future__ import annotations

import io
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from showcase.artifacts.interview import render_interview
from showcase.artifacts.linkedin import render_linkedin
from showcase.artifacts.resume import render_resume
from showcase.artifacts.signature import render_signature
from showcase.errors import ProfileError
from showcase.profile import load_text
from tests.conftest import TODAY

TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
    min_size=1,
    max_size=80,
).filter(lambda s: s.strip() == s and s)
DATE = st.sampled_from(["2020", "2024-02", "2025-11-14", "2026-06", "2027-01"])
URL = st.sampled_from(["https://example.com/a", "http://x.example/b?c=d&e=f", None])


@st.composite
def profiles(draw: Any) -> dict[str, Any]:
    credentials = []
    for i in range(draw(st.integers(0, 4))):
        credential: dict[str, Any] = {
            "id": f"c{i}",
            "name": draw(TEXT),
            "issuer": draw(TEXT),
            "issued": draw(DATE),
            "kind": draw(st.sampled_from(["certificate", "certification", "badge", "course"])),
            "skills": draw(st.lists(TEXT, max_size=4)),
            "featured": draw(st.booleans()),
        }
        if draw(st.booleans()):
            credential["expires"] = "2028-01"
        if draw(st.booleans()):
            credential["post_nominal"] = draw(TEXT)
        url = draw(URL)
        if url:
            credential["url"] = url
        for key in ("learned", "applied", "credential_id", "platform"):
            if draw(st.booleans()):
                credential[key] = draw(TEXT)
        credentials.append(credential)
    ids = [c["id"] for c in credentials]
    projects = []
    for _ in range(draw(st.integers(0, 2))):
        project: dict[str, Any] = {
            "title": draw(TEXT),
            "actions": draw(st.lists(TEXT, max_size=3)),
            "result": draw(st.one_of(st.none(), TEXT)),
        }
        if ids and draw(st.booleans()):
            project["credential"] = draw(st.sampled_from(ids))
        projects.append({k: v for k, v in project.items() if v is not None})
    return {
        "name": draw(TEXT),
        "headline": draw(st.one_of(st.none(), TEXT)),
        "contact": {"email": "a@example.com", "phone": draw(TEXT)},
        "summary": draw(st.one_of(st.none(), TEXT)),
        "credentials": credentials,
        "stacks": [{"name": draw(TEXT), "credentials": ids[:2]}] if len(ids) >= 2 else [],
        "projects": projects,
        "experience": [
            {
                "title": draw(TEXT),
                "organization": draw(TEXT),
                "start": "2020-01",
                "highlights": draw(st.lists(TEXT, max_size=2)),
            }
        ],
        "skills": [{"group": draw(TEXT), "items": draw(st.lists(TEXT, min_size=1, max_size=3))}],
    }


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles())
def test_every_artifact_renders_or_explains(data: dict[str, Any]) -> None:
    import docx

    clean = {k: v for k, v in data.items() if v is not None}
    try:
        loaded = load_text(json.dumps(clean, ensure_ascii=False), today=TODAY)
    except ProfileError as exc:  # e.g. two generated names that slug to the same id
        assert exc.problems
        return
    resume = render_resume(loaded, formats=["html", "md", "txt", "docx"])
    for name, content in resume.files.items():
        assert content
        if name.endswith(".docx"):
            document = docx.Document(io.BytesIO(content))
            assert document.paragraphs[0].text.startswith(loaded.profile.name)
        elif name.endswith(".txt"):
            assert loaded.profile.name in content.decode()
    kit = render_linkedin(loaded)
    assert "linkedin/certifications.md" in kit.files
    # A valid profile always has a signature: no RenderError is acceptable here.
    signature = render_signature(loaded)
    text = signature.files["signature/signature.txt"].decode().split("\n")
    assert text[0] == "-- " and all(len(line) <= 70 for line in text[1:])
    interview = render_interview(loaded, formats=["md", "docx"])
    assert len(interview.files) == 2
