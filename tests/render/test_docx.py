"""Word output from Word templates: the bundled ones, a user's own, and what goes wrong.

The DOCX resume and interview sheet are docxtpl templates (``resume/resume.docx``,
``interview/interview.docx``) that `--templates` overrides like any other.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path
from types import ModuleType
from typing import Any

import docx
import pytest
from click.testing import CliRunner

from showcase.artifacts.interview import render_interview
from showcase.artifacts.resume import render_resume
from showcase.cli import cli
from showcase.errors import TemplateError
from showcase.profile import LoadedProfile
from showcase.render.templates import BudgetedEnvironment
from tests.conftest import EXAMPLES, ROOT, check_golden, load_example
from tests.helpers import load, load_tool

EXAMPLE_NAMES = ["jordan-rivera", "priya-raman", "minimal"]


@pytest.fixture(scope="module")
def examples() -> dict[str, LoadedProfile]:
    return {name: load_example(name) for name in EXAMPLE_NAMES}


@pytest.fixture(scope="module")
def resumes(examples: dict[str, LoadedProfile]) -> dict[str, dict[str, bytes]]:
    """With --show-ids, which the text resume always has: the DOCX then says all it says."""
    return {
        name: render_resume(p, formats=["docx", "txt"], show_ids=True).files
        for name, p in examples.items()
    }


def document(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def text_dump(data: bytes) -> str:
    """Each paragraph as ``Style: text``: what a parser, or a reader, gets from the file."""
    return "".join(f"{p.style.name}: {p.text}\n" for p in document(data).paragraphs)


def one(files: dict[str, bytes], suffix: str) -> bytes:
    (data,) = [content for name, content in files.items() if name.endswith(suffix)]
    return data


def user_docx(folder: Path, name: str, *paragraphs: str) -> Path:
    """A user's Word template made of plain paragraphs, as they would type them in Word."""
    made = docx.Document()
    for text in paragraphs:
        made.add_paragraph(text)
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    made.save(str(path))
    return folder


# --- the bundled templates ----------------------------------------------------------------


def generator() -> ModuleType:
    return load_tool("make_docx_templates")


def test_bundled_templates_are_what_the_script_writes() -> None:
    make = generator()
    for path, data in make.build().items():
        assert make.members(path.read_bytes()) == make.members(data), (
            f"{path.relative_to(ROOT)} is out of date: run tools/make_docx_templates.py"
        )


@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_golden_docx_text(
    example: str, examples: dict[str, LoadedProfile], update_golden: bool
) -> None:
    loaded = examples[example]
    resume = render_resume(loaded, formats=["docx"]).files
    interview = render_interview(loaded, formats=["docx"]).files
    for name, data in {**resume, **interview}.items():
        folder = "resume" if name in resume else ""
        check_golden(f"{folder}/{name}.txt".lstrip("/"), text_dump(data), update_golden)


def normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_the_docx_says_everything_the_text_resume_says(
    example: str, resumes: dict[str, dict[str, bytes]]
) -> None:
    files = resumes[example]
    word = document(one(files, ".docx"))
    # The text resume writes addresses out; the DOCX shows them as links with short text.
    links = {link.address: link.text for p in word.paragraphs for link in p.hyperlinks}
    body = normalised("\n".join(p.text for p in word.paragraphs))
    text = one(files, ".txt").decode()
    for url in sorted(links, key=len, reverse=True):
        text = text.replace(url, links[url])
    missing = [
        line
        for line in text.splitlines()
        if line.strip() and normalised(line.strip().removeprefix("* ")) not in body
    ]
    assert missing == []


def test_docx_uses_the_templates_character_styles(
    resumes: dict[str, dict[str, bytes]],
) -> None:
    word = document(one(resumes["jordan-rivera"], ".docx"))
    runs = {(r.style.name, r.text) for p in word.paragraphs for r in p.runs}
    assert ("Strong", "Lakeside Outfitters") in runs
    assert ("Subtle Emphasis", "May 2021 – Present") in runs
    assert ("Subtle Emphasis", " | ") in runs
    styles = {s.name for s in word.styles}
    assert {"Hyperlink", "Strong", "Subtle Emphasis", "Intense Emphasis"} <= styles
    links = [link for p in word.paragraphs for link in p.hyperlinks]
    assert all(run.style.name == "Hyperlink" for link in links for run in link.runs)
    normal = word.styles["Normal"].font
    # Written without a PDF, nothing is laid out: the middle of the 10-11 pt sizes.
    assert (normal.name, normal.size.pt) == ("Calibri", 10.5)
    assert word.styles["Subtle Emphasis"].font.size is None  # details: the body's size
    assert word.styles["Heading 1"].font.size.pt > normal.size.pt


def test_user_text_is_never_word_xml(tmp_path: Path) -> None:
    loaded = load(
        tmp_path,
        """
        name: "A <w:p/> & B {{ 7*7 }}"
        contact:
          linkedin: https://www.linkedin.com/in/a?x=1&y=<2>
        credentials:
          - name: "</w:t></w:r><w:r><w:t>Injected"
            issuer: "{%p if 1 %}"
            issued: 2026
        """,
    )
    word = document(one(render_resume(loaded, formats=["docx"]).files, ".docx"))
    text = "\n".join(p.text for p in word.paragraphs)
    assert word.paragraphs[0].text == "A <w:p/> & B {{ 7*7 }}"
    assert "</w:t></w:r><w:r><w:t>Injected | {%p if 1 %}" in text
    assert "49" not in text


# --- a user's own Word template -----------------------------------------------------------


def test_templates_folder_overrides_the_word_resume(
    tmp_path: Path, examples: dict[str, LoadedProfile]
) -> None:
    templates = user_docx(
        tmp_path,
        "resume/resume.docx",
        "MARKER {{ r.display_name }}",
        "{%p for group in r.credential_groups %}",
        "{{ group.entries | length }} credentials",
        "{%p endfor %}",
    )
    files = render_resume(
        examples["jordan-rivera"], formats=["docx", "md"], templates_dir=templates
    ).files
    word = document(files["Jordan-Rivera-Resume.docx"])
    assert [p.text for p in word.paragraphs] == [
        "MARKER Jordan Rivera",
        "3 credentials",
        "2 credentials",
    ]
    assert word.core_properties.title == "Jordan Rivera – Resume"  # set from the view
    assert files["Jordan-Rivera-Resume.md"].startswith(b"# Jordan Rivera")  # others bundled
    interview = render_interview(
        examples["jordan-rivera"], formats=["docx"], templates_dir=templates
    )
    (data,) = interview.files.values()
    assert "MARKER" not in text_dump(data)  # the bundled interview template


def test_the_paper_option_sets_the_page_whatever_the_template(
    tmp_path: Path, examples: dict[str, LoadedProfile]
) -> None:
    templates = user_docx(tmp_path, "resume/resume.docx", "{{ r.name }}")
    files = render_resume(
        examples["minimal"], formats=["docx"], paper="a4", templates_dir=templates
    ).files
    section = document(one(files, ".docx")).sections[0]
    assert (round(section.page_width.inches, 2), round(section.page_height.inches, 2)) == (
        8.27,
        11.69,
    )


def compiled_sources(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sources Jinja compiles from now on (for the test that calls this)."""
    compiled: list[str] = []
    original = BudgetedEnvironment.compile

    def counting(self: BudgetedEnvironment, source: Any, *args: Any, **kwargs: Any) -> Any:
        compiled.append(str(source))
        return original(self, source, *args, **kwargs)

    monkeypatch.setattr(BudgetedEnvironment, "compile", counting)
    return compiled


def test_a_word_template_compiles_once_and_an_edit_is_seen(
    tmp_path: Path, examples: dict[str, LoadedProfile], monkeypatch: pytest.MonkeyPatch
) -> None:
    """docxtpl compiles a document's XML at every render; showcase keeps what it compiled
    for the same XML (`_word_environment`), and an edit to the file is new XML."""
    compiled = compiled_sources(monkeypatch)
    templates = user_docx(tmp_path, "resume/resume.docx", "FIRST {{ r.name }}")

    def words() -> list[str]:
        files = render_resume(examples["minimal"], formats=["docx"], templates_dir=templates)
        return [p.text for p in document(one(files.files, ".docx")).paragraphs]

    name = examples["minimal"].profile.name
    assert words() == [f"FIRST {name}"]
    body = [source for source in compiled if "FIRST" in source]
    assert len(body) == 1
    assert words() == [f"FIRST {name}"]
    assert [source for source in compiled if "FIRST" in source] == body  # not again
    user_docx(tmp_path, "resume/resume.docx", "SECOND {{ r.name }}")
    assert words() == [f"SECOND {name}"]
    assert len([source for source in compiled if "SECOND" in source]) == 1


def test_a_word_template_compiled_by_an_earlier_process_is_not_compiled_again(
    tmp_path: Path, examples: dict[str, LoadedProfile], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cold process finds a Word template's compiled XML in Jinja's bytecode cache on
    disk, as it does the text templates' (compiling it was ~20 ms a document); an edit is
    a new checksum, compiled once."""
    from showcase.render import docx as word
    from showcase.render import templates

    monkeypatch.delenv("SHOWCASE_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    compiled = compiled_sources(monkeypatch)
    templates_dir = user_docx(tmp_path, "resume/resume.docx", "FIRST {{ r.name }}")

    def new_process_words() -> list[str]:
        # What a new process starts with: no environment, no template compiled in memory.
        templates._environment.cache_clear()
        word._word_environment.cache_clear()
        files = render_resume(examples["minimal"], formats=["docx"], templates_dir=templates_dir)
        return [p.text for p in document(one(files.files, ".docx")).paragraphs]

    name = examples["minimal"].profile.name
    try:
        assert new_process_words() == [f"FIRST {name}"]
        assert len([source for source in compiled if "FIRST" in source]) == 1
        assert any((tmp_path / "cache" / "showcase").rglob("*.cache"))
        assert new_process_words() == [f"FIRST {name}"]
        assert len([source for source in compiled if "FIRST" in source]) == 1  # from disk
        user_docx(tmp_path, "resume/resume.docx", "SECOND {{ r.name }}")
        assert new_process_words() == [f"SECOND {name}"]
        assert len([source for source in compiled if "SECOND" in source]) == 1
    finally:  # the environments of other tests have the cache folder of the session
        templates._environment.cache_clear()
        word._word_environment.cache_clear()


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["{{ r.name "], r"resume\.docx \(near “\{\{ r\.name”\): template syntax error"),
        (["{{ r.nmae }}"], r"/resume/resume\.docx: .*nmae.*docs/templates\.md"),
        (["{{ r.__class__.__mro__ }}"], "tried something unsafe"),
        (["ok", "{{ 1 / 0 }}"], r"resume\.docx: template error: ZeroDivisionError"),
    ],
    ids=["syntax", "typo", "sandbox", "runtime"],
)
def test_a_broken_word_template_is_a_clear_error(
    tmp_path: Path, examples: dict[str, LoadedProfile], paragraphs: list[str], expected: str
) -> None:
    templates = user_docx(tmp_path, "resume/resume.docx", *paragraphs)
    with pytest.raises(TemplateError, match=expected):
        render_resume(examples["minimal"], formats=["docx"], templates_dir=templates)


def test_a_file_that_is_not_a_word_document_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "tpl" / "resume").mkdir(parents=True)
    (tmp_path / "tpl" / "resume" / "resume.docx").write_text("not a zip")
    result = CliRunner().invoke(
        cli,
        [
            "resume",
            str(EXAMPLES / "minimal.yaml"),
            "-o",
            str(tmp_path / "out"),
            "-f",
            "docx",
            "--templates",
            str(tmp_path / "tpl"),
        ],
    )
    assert result.exit_code == 1, result.output
    assert "resume.docx: not a Word document showcase can read" in result.output
    assert "bug in showcase" not in result.output


def test_a_linked_word_template_is_refused(tmp_path: Path) -> None:
    outside = user_docx(tmp_path / "elsewhere", "secret.docx", "{{ r.name }}")
    (tmp_path / "tpl" / "resume").mkdir(parents=True)
    (tmp_path / "tpl" / "resume" / "resume.docx").symlink_to(outside / "secret.docx")
    loaded = load(tmp_path, "name: J\n")
    with pytest.raises(TemplateError, match="leads outside the template folders"):
        render_resume(loaded, formats=["docx"], templates_dir=tmp_path / "tpl")


# --- on the page --------------------------------------------------------------------------


@pytest.mark.slow
# .ci/run installs LibreOffice, so in CI this never skips; elsewhere it says why it did.
@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (soffice)")
@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_example_resumes_fit_one_page_in_a_word_processor(
    tmp_path: Path, examples: dict[str, LoadedProfile], paper: str
) -> None:
    for loaded in examples.values():
        for name, data in render_resume(loaded, formats=["docx"], paper=paper).files.items():
            (tmp_path / name).write_bytes(data)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            *sorted(str(p) for p in tmp_path.glob("*.docx")),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pages = {
        pdf.stem: len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))
        for pdf in (tmp_path / "pdf").glob("*.pdf")
    }
    assert len(pages) == len(EXAMPLE_NAMES)
    assert pages == dict.fromkeys(pages, 1)


def test_a_word_template_that_unzips_to_too_much_is_refused_unread(tmp_path: Path) -> None:
    """A 343 KB resume.docx holding 300 MB of text in its document.xml took 700 MB of
    memory before lxml gave up on it (QA round 5); one of many small elements parses
    whole. A Word template is a few pages: more is refused before it is parsed."""
    import zipfile

    bundled = zipfile.ZipFile(ROOT / "templates" / "resume" / "resume.docx")
    (tmp_path / "tpl" / "resume").mkdir(parents=True)
    with zipfile.ZipFile(
        tmp_path / "tpl" / "resume" / "resume.docx", "w", zipfile.ZIP_DEFLATED
    ) as bomb:
        for item in bundled.infolist():
            data = bundled.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"</w:body>", b"<w:p/>" * 2_000_000 + b"</w:body>")
            bomb.writestr(item.filename, data)
    loaded = load(tmp_path, "name: J\n")
    with pytest.raises(TemplateError, match=r"resume\.docx: holds 12 MiB of XML, too much"):
        render_resume(loaded, formats=["docx"], templates_dir=tmp_path / "tpl")
