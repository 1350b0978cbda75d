"""Languages, awards, volunteer work and publications: on the resume in every format, and
through JSON Resume both ways."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest

from showcase.artifacts.resume import render_resume
from showcase.exporters.jsonresume import to_json_resume
from showcase.importers.profile import import_profile, profile_yaml
from showcase.profile import LoadedProfile, load_text
from showcase.views.resume import resume_view
from tests.conftest import TODAY
from tests.helpers import load, style_of

DATA = Path(__file__).resolve().parents[1] / "data"
SCHEMA = json.loads((DATA / "jsonresume-schema-1.3.1.json").read_text())

PROFILE = """
name: Ana Ortiz
contact: {email: ana@example.com, location: "Columbus, OH"}
experience:
  - {title: Store Manager, organization: Northwind Retail, start: 2019-01}
languages:
  - {language: Spanish, level: native}
  - {language: English, level: full-professional}
awards:
  - title: Regional Manager of the Year
    awarder: Northwind Retail
    date: 2024-03
    summary: For the best year-on-year growth of the region's 14 stores.
volunteer:
  - organization: Food Bank of Ohio
    role: Volunteer coordinator
    start: 2021-01
    end: 2023-06
    summary: Ran the Saturday shift.
    highlights: [Recruited 30 volunteers.]
  - {organization: Code Club, start: 2024-02}
publications:
  - title: Counting shelves
    publisher: Retail Weekly
    date: 2024-05
    url: https://retail.example/counting-shelves
    summary: How cycle counts replaced the yearly stocktake.
"""

# What each format must say, in this order.
EXPECTED = [
    "Volunteer Experience",
    "Food Bank of Ohio",
    "Volunteer coordinator",
    "Jan 2021 – Jun 2023",
    "Ran the Saturday shift.",
    "Recruited 30 volunteers.",
    "Code Club",
    "Feb 2024 – Present",
    "Awards",
    "Regional Manager of the Year",
    "Northwind Retail",
    "Mar 2024",
    "For the best year-on-year growth",
    "Publications",
    "Counting shelves",
    "Retail Weekly",
    "May 2024",
    "How cycle counts replaced the yearly stocktake.",
    "retail.example/counting-shelves",
    "Languages",
    "Spanish (native or bilingual), English (full professional proficiency)",
]


def in_order(text: str, parts: list[str]) -> None:
    position = 0
    folded = text.casefold()
    for part in parts:
        found = folded.find(part.casefold(), position)
        assert found >= 0, f"{part!r} not found after position {position}"
        position = found + len(part)


@pytest.fixture
def ana(tmp_path: Path) -> LoadedProfile:
    return load(tmp_path, PROFILE)


def test_the_sections_in_text_markdown_html_and_docx(ana: LoadedProfile) -> None:
    import docx

    files = render_resume(ana, formats=["txt", "md", "html", "docx"]).files
    for ext in ("txt", "md", "html"):
        in_order(files[f"Ana-Ortiz-Resume.{ext}"].decode(), EXPECTED)
    document = docx.Document(io.BytesIO(files["Ana-Ortiz-Resume.docx"]))
    in_order("\n".join(p.text for p in document.paragraphs), EXPECTED)
    headings = [p.text for p in document.paragraphs if style_of(p) == "Heading 1"]
    assert headings[-4:] == ["Volunteer Experience", "Awards", "Publications", "Languages"]


@pytest.mark.slow
def test_the_sections_in_the_pdf(ana: LoadedProfile) -> None:
    from pdfminer.high_level import extract_text

    artifact = render_resume(ana, formats=["pdf"])
    artifact.resolve()
    text = extract_text(io.BytesIO(artifact.files["Ana-Ortiz-Resume.pdf"]))
    in_order(" ".join(text.split()), [" ".join(e.split()) for e in EXPECTED if e != "Awards"])


def test_order_and_titles_follow_resume_sections(tmp_path: Path) -> None:
    loaded = load(
        tmp_path,
        PROFILE + "resume:\n  sections: [languages, experience]\n  titles: {languages: Idiomas}\n",
    )
    view = resume_view(loaded)
    assert [(s.key, s.title) for s in view.sections] == [
        ("languages", "Idiomas"),
        ("experience", "Experience"),
    ]
    text = render_resume(loaded, formats=["txt"]).files["Ana-Ortiz-Resume.txt"].decode()
    assert "Food Bank" not in text and "IDIOMAS" in text


def test_a_profile_without_them_has_no_such_headings(tmp_path: Path) -> None:
    loaded = load(
        tmp_path, "name: Ana Ortiz\nexperience:\n  - {title: A, organization: B, start: 2020}\n"
    )
    assert [s.key for s in resume_view(loaded).sections] == ["experience"]


def test_json_resume_export_carries_them_and_validates(ana: LoadedProfile) -> None:
    exported = to_json_resume(ana)
    jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(exported)
    assert exported["languages"] == [
        {"language": "Spanish", "fluency": "Native or bilingual proficiency"},
        {"language": "English", "fluency": "Full professional proficiency"},
    ]
    assert exported["awards"][0] == {
        "title": "Regional Manager of the Year",
        "date": "2024-03",
        "awarder": "Northwind Retail",
        "summary": "For the best year-on-year growth of the region's 14 stores.",
    }
    assert exported["volunteer"][0]["position"] == "Volunteer coordinator"
    assert exported["volunteer"][1] == {"organization": "Code Club", "startDate": "2024-02"}
    assert exported["publications"][0]["releaseDate"] == "2024-05"


def test_json_resume_round_trip_keeps_them(ana: LoadedProfile, tmp_path: Path) -> None:
    path = tmp_path / "resume.json"
    path.write_text(json.dumps(to_json_resume(ana)), encoding="utf-8")
    text, placeholders = profile_yaml(import_profile(path))
    assert placeholders == []
    again = load_text(text, today=TODAY).profile
    for section in ("languages", "awards", "volunteer", "publications"):
        assert getattr(again, section) == getattr(ana.profile, section), section


def test_json_resume_free_text_fluency(tmp_path: Path) -> None:
    path = tmp_path / "resume.json"
    languages = [
        {"language": "German", "fluency": "Fluent"},
        {"language": "Italian", "fluency": "Conversational"},
        {"language": "Dutch", "fluency": "so-so"},
    ]
    path.write_text(json.dumps({"basics": {"name": "A"}, "languages": languages}))
    result = import_profile(path)
    text, placeholders = profile_yaml(result)
    assert "level: full-professional" in text and "level: limited-working" in text
    assert len(placeholders) == 1  # Dutch: the level is a TODO to fill in
    assert any("`so-so`" in w for w in result.warnings)
