"""`showcase letter` and the About section in the kit (issue #26): files, layout, golden text."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

from showcase.artifacts.build import build_profile, no_layout
from showcase.artifacts.letter import render_letter
from showcase.cli import cli
from showcase.files import file_stem
from showcase.profile import load_profile
from showcase.strategy.tailor import read_for
from showcase.views.letter import MAX_WORDS, MIN_WORDS
from tests.acceptance.test_valid_builds import _load, profiles
from tests.conftest import EXAMPLES, TODAY, check_golden, load_example
from tests.views.test_letter import CASES, example, profile_and_posting

RUNNER = CliRunner()
NAMES = {
    "jordan-rivera": "Jordan-Rivera",
    "priya-raman": "Priya-Raman",
    "dana-okafor": "Dana-Okafor",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_letters(name: str, update_golden: bool) -> None:
    files = render_letter(example(name), read_for(CASES[name][0]), formats=["txt", "md"]).files
    stem = f"{NAMES[name]}-Cover-Letter"
    check_golden(f"letter/{name}.txt", files[f"{stem}.txt"].decode(), update_golden)
    check_golden(f"letter/{name}.md", files[f"{stem}.md"].decode(), update_golden)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_the_pdf_is_one_page_with_the_letter_on_it(name: str, paper: str) -> None:
    from pdfminer.high_level import extract_text
    from pdfminer.pdfpage import PDFPage

    tailor = read_for(CASES[name][0])
    artifact = render_letter(example(name), tailor, formats=["pdf"], paper=paper)
    data = artifact.files[f"{NAMES[name]}-Cover-Letter.pdf"]
    assert len(list(PDFPage.get_pages(io.BytesIO(data)))) == 1
    text = " ".join(extract_text(io.BytesIO(data)).split())
    assert tailor.posting.company and tailor.posting.company in text
    assert tailor.posting.title and tailor.posting.title in text
    assert artifact.letter is not None
    for paragraph in artifact.letter.paragraphs:
        assert " ".join(paragraph.split())[:60] in text
    assert artifact.warnings == []


def test_the_docx_is_the_letter_in_words_styles() -> None:
    import docx

    tailor = read_for(CASES["dana-okafor"][0])
    artifact = render_letter(example("dana-okafor"), tailor, formats=["docx"], paper="a4")
    document = docx.Document(io.BytesIO(artifact.files["Dana-Okafor-Cover-Letter.docx"]))
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    assert paragraphs[0].text == "Dana Okafor" and paragraphs[0].style is not None
    assert paragraphs[0].style.name == "Title"
    texts = [p.text for p in paragraphs]
    assert "Application for Project Coordinator at Trailhead Home & Garden" in texts
    assert "Dear Hiring Manager," in texts and texts[-2:] == ["Best regards,", "Dana Okafor"]
    assert artifact.letter is not None
    for paragraph in artifact.letter.paragraphs:
        assert paragraph in texts
    assert not any("{{" in t or "{%" in t for t in texts)
    section = document.sections[0]
    assert section.page_width is not None and abs(section.page_width.inches - 8.27) < 0.01
    assert (
        document.core_properties.title
        == "Application for Project Coordinator at Trailhead Home & Garden"
    )


def test_a_thin_profile_gets_warnings_not_invented_words() -> None:
    tailor = read_for(EXAMPLES.parent / "tests" / "data" / "postings" / "01-acme-outdoor.txt")
    artifact = render_letter(load_example("minimal"), tailor, formats=["txt"])
    messages = [w.message for w in artifact.warnings]
    assert any("answers 0 of what" in m for m in messages)
    assert any(f"under {MIN_WORDS}" in m for m in messages)
    assert artifact.letter is not None and artifact.letter.words < MIN_WORDS <= MAX_WORDS


def test_a_posting_without_a_company_is_said_plainly(tmp_path: Path) -> None:
    job = tmp_path / "job.txt"
    job.write_text("We are hiring.\n\nRequirements\n- Google Ads\n- Tableau\n", encoding="utf-8")
    artifact = render_letter(load_example("jordan-rivera"), read_for(job), formats=["txt"])
    assert artifact.letter is not None
    assert artifact.letter.opening.startswith("I am writing to apply for the role at your company.")
    messages = " ".join(w.message for w in artifact.warnings)
    assert "no job title found" in messages and "no company name found" in messages
    job.write_text("Marketing Analyst\n\nRequirements\n- Google Ads\n- Tableau\n", encoding="utf-8")
    artifact = render_letter(load_example("jordan-rivera"), read_for(job), formats=["txt"])
    assert artifact.letter is not None
    assert artifact.letter.opening.startswith(
        "I am writing to apply for the Marketing Analyst role at your company."
    )


def test_the_letter_command(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = RUNNER.invoke(
        cli,
        ["letter", str(EXAMPLES / "priya-raman.yaml"), "--for", str(CASES["priya-raman"][0]),
         "-o", str(out), "-f", "txt,md", "--to", "Ms Alvarez", "--today", "2026-11-28"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "Priya-Raman-Cover-Letter.md",
        "Priya-Raman-Cover-Letter.txt",
    ]
    assert "Dear Ms Alvarez," in (out / "Priya-Raman-Cover-Letter.txt").read_text("utf-8")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        ([], 2, "Missing option '--for'"),
        (["--for", "nowhere.txt"], 1, "nowhere.txt"),
        (["--for", "JOB", "-o", "-"], 2, "give a folder"),
        (["--for", "JOB", "-f", "html"], 2, "choose from pdf,docx,md,txt"),
        (["--for", "JOB", "--to", "x" * 101], 2, "at most 100 characters"),
        # What the profile refuses in a name is refused here too: it went into the letter.
        (["--for", "JOB", "--to", "Ms \u202eAlvarez"], 2, "direction mark U+202E, not closed"),
        (["--for", "JOB", "--to", "Ms Alvarez\x07"], 2, "control character U+0007"),
        (["--for", "JOB", "--to", "Ms Alvarez\nDear all"], 2, "spans more than one line"),
        (["--for", "JOB", "--to", " "], 2, "is blank"),
    ],
)
def test_the_letter_command_explains_bad_input(
    tmp_path: Path, args: list[str], code: int, message: str
) -> None:
    job = CASES["priya-raman"][0]
    args = [str(job) if a == "JOB" else a for a in args]
    if "-o" not in args:
        args += ["-o", str(tmp_path)]
    result = RUNNER.invoke(cli, ["letter", str(EXAMPLES / "priya-raman.yaml"), *args])
    assert result.exit_code == code, result.output
    assert message in result.output
    assert "Traceback" not in result.output


@pytest.mark.slow
def test_build_for_writes_the_letter_and_the_about_section() -> None:
    jordan = load_example("jordan-rivera")
    tailor = read_for(CASES["jordan-rivera"][0])
    built = build_profile(jordan, tailor=tailor)
    assert built.failures == []
    assert built.files["Jordan-Rivera-Cover-Letter.pdf"].startswith(b"%PDF")
    assert "Jordan-Rivera-Cover-Letter.docx" in built.files
    assert "Jordan-Rivera-Cover-Letter.txt" in built.files
    assert "linkedin/about.txt" in built.files
    index = built.files["index.html"].decode()
    assert 'id="letter"' in index and 'href="Jordan-Rivera-Cover-Letter.pdf"' in index
    assert 'data-copy="about-text"' in index and 'id="about-text"' in index
    plain = build_profile(jordan, pdf_job=no_layout)
    assert not any("Cover-Letter" in name for name in plain.files)
    assert 'id="about-text"' in plain.files["index.html"].decode()


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles())
def test_a_valid_profile_at_the_edges_gets_a_letter(data: dict[str, Any]) -> None:
    loaded = _load(data)
    if loaded is None:
        return
    tailor = read_for(CASES["priya-raman"][0])
    artifact = render_letter(loaded, tailor, formats=["docx", "md", "txt"])
    stem = file_stem(loaded.profile.name)
    assert set(artifact.files) == {f"{stem}-Cover-Letter.{f}" for f in ("docx", "md", "txt")}
    text = artifact.files[f"{stem}-Cover-Letter.txt"].decode()
    assert "Head of People" in text and "Harbor Analytics" in text
    with zipfile.ZipFile(io.BytesIO(artifact.files[f"{stem}-Cover-Letter.docx"])) as archive:
        assert archive.testzip() is None


@pytest.mark.slow
@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile_and_posting())
def test_generated_letters_fit_one_page(
    tmp_path_factory: pytest.TempPathFactory, case: tuple[dict[str, Any], str]
) -> None:
    from pdfminer.pdfpage import PDFPage

    profile, text = case
    profile["contact"] |= {
        "phone": "+1 512 555 0147",
        "location": "Austin, TX",
        "website": "https://example.com/a-rather-long-portfolio-address",
        "linkedin": "https://www.linkedin.com/in/a-rather-long-profile-name",
    }
    folder = tmp_path_factory.mktemp("pdf")
    (folder / "profile.yaml").write_text(json.dumps(profile), encoding="utf-8")
    (folder / "posting.txt").write_text(text, encoding="utf-8")
    loaded = load_profile(folder / "profile.yaml", today=TODAY)
    artifact = render_letter(loaded, read_for(folder / "posting.txt"), formats=["pdf"])
    data = artifact.files["Alex-Doe-Cover-Letter.pdf"]
    assert len(list(PDFPage.get_pages(io.BytesIO(data)))) == 1


@pytest.mark.browser
def test_the_about_copy_button_in_a_real_browser(tmp_path: Path) -> None:
    from tests.browser import browser_page

    built = build_profile(load_example("jordan-rivera"), pdf_job=no_layout)
    for name, content in built.files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(content)
    about = (tmp_path / "linkedin" / "about.txt").read_text(encoding="utf-8")
    with browser_page() as page:
        page.goto((tmp_path / "index.html").as_uri())
        assert page.locator("#about").is_visible()
        page.click("#about button")
        page.wait_for_function("document.body.dataset.copiedTarget === 'about-text'")
        assert page.evaluate("navigator.clipboard.readText()") == about.rstrip("\n")
