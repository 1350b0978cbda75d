"""The page filled, not crammed: 10-11 pt body text, one page up to ten years, two beyond."""

from __future__ import annotations

import html
import io
from pathlib import Path

import pytest

from showcase.artifacts.resume import fit_levels, render_resume
from showcase.profile import LoadedProfile, load_profile
from showcase.views.resume import FONT_SIZES, experience_years, target_pages
from tests.conftest import EXAMPLES, TODAY
from tests.helpers import load


def pdf_pages_and_sizes(data: bytes) -> tuple[int, set[float]]:
    """The page count and the size of every character drawn on the first page."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTContainer, LTItem

    sizes: set[float] = set()

    def walk(item: LTItem) -> None:
        if isinstance(item, LTChar) and item.get_text().strip():
            sizes.add(round(item.size, 1))
        elif isinstance(item, LTContainer):
            for child in item:
                walk(child)

    pages = list(extract_pages(io.BytesIO(data)))
    walk(pages[0])
    return len(pages), sizes


def test_the_sizes_tried_stay_between_10_and_11_pt() -> None:
    levels = fit_levels(curated=True)
    assert levels[0] == (11.0, 6)  # roomiest first
    assert all(10.0 <= size <= 11.0 for size, _ in levels)
    assert [entries for size, entries in levels if size == 10.0] == [6, 4, 3, 2, 1, 0]
    assert fit_levels(curated=False) == [(size, 6) for size in FONT_SIZES]


def test_one_page_up_to_ten_years_two_beyond(tmp_path: Path) -> None:
    def profile(start: str, end: str = "present") -> LoadedProfile:
        job = f"{{title: T, organization: O, start: {start}, end: {end}}}"
        return load(tmp_path, f"name: A\nexperience:\n  - {job}\n")

    assert target_pages(load(tmp_path, "name: A\n")) == 1
    assert target_pages(profile("2017-01")) == 1  # TODAY is in 2026: under ten years
    assert target_pages(profile("2014-01")) == 2
    assert round(experience_years(profile("2010-01", "2015-01"))) == 5
    assert target_pages(profile("2010-01", "2015-01")) == 1


@pytest.mark.slow
@pytest.mark.parametrize("example", ["jordan-rivera", "priya-raman", "minimal", "collector"])
def test_the_examples_fill_one_page_at_10_pt_or_more(example: str) -> None:
    loaded = load_profile(EXAMPLES / f"{example}.yaml", today=TODAY)
    artifact = render_resume(loaded, formats=["pdf"])
    artifact.resolve()
    (data,) = artifact.files.values()
    pages, sizes = pdf_pages_and_sizes(data)
    assert pages == 1
    assert min(sizes) >= 10.0, sorted(sizes)


@pytest.mark.slow
def test_a_page_too_long_curates_further_then_warns(tmp_path: Path) -> None:
    courses = "".join(
        f"  - {{id: c{i}, name: Certificate number {i}, issuer: Issuer {i}, issued: 2025-01, "
        f"assessment: exam, skills: [Skill {i}a, Skill {i}b]}}\n"
        for i in range(8)
    )
    jobs = "".join(
        f"  - title: Job {i}\n    organization: Org {i}\n    start: 2020-0{i + 1}\n"
        f"    end: 2020-0{i + 2}\n    highlights:\n"
        + "".join(
            f"      - {'A long highlight that wraps over the line. ' * 3}\n" for _ in range(4)
        )
        for i in range(4)
    )
    loaded = load(tmp_path, f"name: A\ncredentials:\n{courses}experience:\n{jobs}")
    artifact = render_resume(loaded, formats=["pdf", "txt"])
    text = artifact.files["A-Resume.txt"].decode()
    assert "Additional credentials: Certificate number" in text  # curated further
    longer = load(tmp_path, f"name: A\ncredentials:\n{courses}experience:\n{jobs * 3}")
    warned = render_resume(longer, formats=["pdf"])
    messages = [w.message for w in warned.warnings]
    assert any("over one page even at 10 pt" in m for m in messages), messages


@pytest.mark.slow
def test_the_docx_takes_the_size_the_pdf_was_laid_out_at() -> None:
    import docx

    loaded = load_profile(EXAMPLES / "jordan-rivera.yaml", today=TODAY)
    artifact = render_resume(loaded, formats=["pdf", "docx"])
    artifact.resolve()
    html = render_resume(loaded, formats=["pdf", "html"]).files["Jordan-Rivera-Resume.html"]
    word = docx.Document(io.BytesIO(artifact.files["Jordan-Rivera-Resume.docx"]))
    size = word.styles["Normal"].font.size.pt
    assert 10.0 <= size <= 11.0
    assert f"html {{ font-size: {size}pt; }}" in html.decode()


@pytest.mark.slow
def test_a_page_too_long_keeps_its_credentials_under_their_heading(tmp_path: Path) -> None:
    """With no stack and the fewest entries (none), every credential goes to the closing
    line: the PDF and HTML dropped the section with it, the text kept the line without
    its heading, and the resume warned "no valid credentials to show" (QA, a nurse with
    long highlights and two credentials)."""
    credentials = (
        "  - {name: BLS Provider, issuer: American Heart Association, issued: 2025-01, "
        "assessment: exam}\n"
        "  - {name: Registered Nurse License, issuer: Texas Board of Nursing, kind: license, "
        "issued: 2018-01}\n"
    )
    jobs = "".join(
        f"  - title: Registered Nurse\n    organization: Hospital {i}\n"
        f"    start: 20{18 + 2 * i}-01\n    end: 20{19 + 2 * i}-12\n    highlights:\n"
        + "".join(
            f"      - {'Cared for patients on a busy unit, teaching families at discharge. ' * 2}\n"
            for _ in range(8)
        )
        for i in range(4)
    )
    loaded = load(tmp_path, f"name: A\ncredentials:\n{credentials}experience:\n{jobs}")
    artifact = render_resume(loaded, formats=["pdf", "html", "md", "txt", "docx"])
    artifact.resolve()
    messages = [w.message for w in artifact.warnings]
    assert any("over one page even at 10 pt" in m for m in messages), messages
    assert not any("no valid credentials" in m for m in messages), messages
    import docx
    from pdfminer.high_level import extract_text

    texts = {
        "pdf": extract_text(io.BytesIO(artifact.files["A-Resume.pdf"])),
        "html": html.unescape(artifact.files["A-Resume.html"].decode()),
        "md": artifact.files["A-Resume.md"].decode(),
        "txt": artifact.files["A-Resume.txt"].decode(),
        "docx": "\n".join(
            p.text for p in docx.Document(io.BytesIO(artifact.files["A-Resume.docx"])).paragraphs
        ),
    }
    for fmt, text in texts.items():
        assert "BLS Provider" in text, fmt
        assert "Professional Development & Certifications".casefold() in text.casefold(), fmt
