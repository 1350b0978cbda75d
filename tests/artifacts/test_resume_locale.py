"""Paper from where the person is, and the resume's own words in en, de, fr and es."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from showcase.artifacts.resume import render_resume
from showcase.render.docx import PAGE_SIZES
from showcase.render.paper import paper_for
from tests.conftest import EXAMPLES, load_example
from tests.helpers import load, one_problem


@pytest.mark.parametrize(
    ("locale", "location", "paper"),
    [
        (None, "London, UK", "a4"),
        (None, "Berlin, Germany", "a4"),
        (None, "Austin, TX", "letter"),
        (None, "Atlanta, GA", "letter"),  # GA: Georgia the state, in a profile
        (None, "Toronto, ON", "letter"),
        (None, None, "letter"),
        ("de", None, "a4"),
        ("en", None, "letter"),
        ("en-GB", "Austin, TX", "a4"),  # the locale's country first
        ("fr-CA", "Paris, France", "letter"),
        # Unicode CLDR's US-Letter territories, beyond the US and Canada (A4 had been given).
        ("es-MX", None, "letter"),
        (None, "Ciudad de México, México", "letter"),
        (None, "Bogotá, Colombia", "letter"),
        (None, "Manila, Philippines", "letter"),
        ("es-CL", "Madrid, Spain", "letter"),
        ("en-PH", None, "letter"),
        (None, "San Salvador, El Salvador", "letter"),
        (None, "Caracas, Venezuela", "letter"),
        # ... and A4 everywhere else, Spanish-speaking or not.
        ("es-ES", None, "a4"),
        ("es-AR", None, "a4"),
        (None, "Lima, Perú", "a4"),
        ("es", None, "a4"),
    ],
)
def test_paper_follows_the_country(locale: str | None, location: str | None, paper: str) -> None:
    assert paper_for("auto", locale, location) == paper
    other = "letter" if paper == "a4" else "a4"
    assert paper_for(other, locale, location) == other  # --paper wins


def docx_width(data: bytes) -> float:
    import docx

    section = docx.Document(io.BytesIO(data)).sections[0]
    assert section.page_width is not None
    return round(float(section.page_width.inches), 2)


def test_a_london_profile_gets_a4_without_paper() -> None:
    priya = load_example("priya-raman")  # London, UK
    assert priya.profile.contact.location == "London, UK"
    files = render_resume(priya, formats=["docx"]).files
    assert docx_width(files["Priya-Raman-Resume.docx"]) == PAGE_SIZES["a4"][0]
    jordan = render_resume(load_example("jordan-rivera"), formats=["docx"]).files
    assert docx_width(jordan["Jordan-Rivera-Resume.docx"]) == PAGE_SIZES["letter"][0]


@pytest.mark.slow
def test_the_cli_gives_a_london_pdf_a4_and_paper_overrides(tmp_path: Path) -> None:
    from pdfminer.pdfpage import PDFPage

    from showcase.cli import cli

    args = ["resume", str(EXAMPLES / "priya-raman.yaml"), "-f", "pdf", "--today", "2026-11-28"]
    for extra, width in (([], 595), (["--paper", "letter"], 612)):
        out = tmp_path / str(width)
        result = CliRunner().invoke(cli, [*args, "-o", str(out), *extra])
        assert result.exit_code == 0, result.output
        with (out / "Priya-Raman-Resume.pdf").open("rb") as pdf:
            page = next(PDFPage.get_pages(pdf))
            assert round(page.mediabox[2] - page.mediabox[0]) == width


PROFILE = """
name: Ana Ortiz
locale: {locale}
contact: {{email: ana@example.com, website: "https://ana.example"}}
credentials:
  - {{name: Service Hub Software Certification, issuer: HubSpot Academy, issued: 2025-09,
     expires: 2027-09, assessment: exam, skills: [Ticketing]}}
  - {{name: Excel Basics, issuer: LinkedIn Learning, issued: 2024-03, assessment: none}}
experience:
  - {{title: Store Manager, organization: Northwind Retail, start: 2019-05,
     highlights: [Grew sales 12% in a year.]}}
education:
  - {{institution: Universidad de Sevilla, degree: Grado, start: 2012, end: 2016}}
languages:
  - {{language: Spanish, level: native}}
"""

EXPECTED = {
    "en": [
        "PROFESSIONAL DEVELOPMENT & CERTIFICATIONS",
        "Issued Sep 2025 | Valid until Sep 2027",
        "Skills: Ticketing",
        "Issued Mar 2024 | Completion",
        "EXPERIENCE",
        "May 2019 – Present",
        "LANGUAGES",
        "Spanish (native or bilingual)",
    ],
    "de": [
        "WEITERBILDUNG & ZERTIFIKATE",
        "Ausgestellt September 2025 | Gültig bis September 2027",
        "Kenntnisse: Ticketing",
        "Ausgestellt März 2024 | Teilnahme",
        "BERUFSERFAHRUNG",
        "Mai 2019 – heute",
        "SPRACHEN",
        "Spanish (Muttersprache)",
    ],
    "fr": [
        "FORMATION CONTINUE ET CERTIFICATIONS",
        "Obtenu en septembre 2025 | Valable jusqu’en septembre 2027",
        "Compétences : Ticketing",
        "Obtenu en mars 2024 | Attestation de suivi",
        "EXPÉRIENCE PROFESSIONNELLE",
        "mai 2019 – aujourd’hui",
        "LANGUES",
        "Spanish (langue maternelle ou bilingue)",
    ],
    "es": [  # a month and its year joined by "de", as the RAE writes dates
        "FORMACIÓN CONTINUA Y CERTIFICACIONES",
        "Obtenido en septiembre de 2025 | Válido hasta septiembre de 2027",
        "Habilidades: Ticketing",
        "Obtenido en marzo de 2024 | Curso completado",
        "EXPERIENCIA PROFESIONAL",
        "mayo de 2019 – actualidad",
        "IDIOMAS",
        "Spanish (nativo o bilingüe)",
    ],
}


@pytest.mark.parametrize("locale", ["en", "de-DE", "fr-CA", "es"])
def test_headings_and_dates_follow_the_locale(tmp_path: Path, locale: str) -> None:
    loaded = load(tmp_path, PROFILE.format(locale=locale))
    files = render_resume(loaded, formats=["txt", "html", "docx"]).files
    text = files["Ana-Ortiz-Resume.txt"].decode()
    language = locale[:2]
    position = 0
    for part in EXPECTED[language]:
        found = text.find(part, position)
        assert found >= 0, f"{part!r} not in order in:\n{text}"
        position = found
    # The user's own words stay as written.
    for own in ("Grew sales 12% in a year.", "Store Manager", "Universidad de Sevilla"):
        assert own in text
    assert f'<html lang="{language}">' in files["Ana-Ortiz-Resume.html"].decode()
    import docx

    document = docx.Document(io.BytesIO(files["Ana-Ortiz-Resume.docx"]))
    # The bundled template is in en-US; another language is set on the document.
    assert document.core_properties.language == ("en-US" if language == "en" else language)


def test_a_locale_must_look_like_one(tmp_path: Path) -> None:
    problem = one_problem(tmp_path, "name: A\nlocale: german\n")
    assert problem.field == "locale" and "is not a locale" in problem.message


def test_an_unsupported_language_keeps_english_and_says_so(tmp_path: Path) -> None:
    loaded = load(tmp_path, "name: A\nlocale: it-IT\ncontact: {location: Roma}\n")
    assert any("stay in English" in w.message for w in loaded.warnings)
    text = render_resume(loaded, formats=["txt"]).files["A-Resume.txt"].decode()
    assert "A" in text
    assert paper_for("auto", "it-IT", "Roma") == "a4"
