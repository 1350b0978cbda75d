"""The resume: content and order in every format, ATS-readability, safety, reproducibility."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from showcase.artifacts.resume import render_resume
from showcase.errors import RenderError
from showcase.profile import LoadedProfile
from showcase.views.resume import CERTIFICATIONS_TITLE, resume_view
from tests.conftest import EXAMPLES, check_golden, load_example
from tests.helpers import load, style_of


@pytest.fixture(scope="module")
def jordan_files(jordan: LoadedProfile) -> dict[str, bytes]:
    return render_resume(jordan).files


def pdf_text(data: bytes) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data))


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def assert_in_order(text: str, parts: list[str]) -> None:
    """Each part occurs after the previous one."""
    position = 0
    for part in parts:
        found = text.find(part, position)
        assert found >= 0, f"{part!r} not found after position {position}"
        position = found + len(part)


@pytest.mark.parametrize("example", ["jordan-rivera", "priya-raman", "minimal", "collector"])
@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_golden_text_outputs(example: str, fmt: str, update_golden: bool) -> None:
    loaded = load_example(example)
    artifact = render_resume(loaded, formats=[fmt])
    ((name, content),) = artifact.files.items()
    check_golden(f"resume/{name}", content.decode(), update_golden)


def test_files_are_named_after_the_person(jordan_files: dict[str, bytes]) -> None:
    assert sorted(jordan_files) == [
        f"Jordan-Rivera-Resume.{ext}" for ext in sorted(["pdf", "docx", "html", "md", "txt"])
    ]


def test_pdf_reads_in_natural_order(jordan_files: dict[str, bytes], jordan: LoadedProfile) -> None:
    text = squash(pdf_text(jordan_files["Jordan-Rivera-Resume.pdf"]))
    order = [
        "Jordan Rivera",
        "PROFESSIONAL DEVELOPMENT & CERTIFICATIONS",
        "Digital Marketing",
        "Google Ads Search Certification | Google (via Skillshop)",
        "Issued Feb 2026 | Valid until Feb 2027 | Verify: skillshop.credential.net",
        "Content Marketing Certification",
        "Meta Certified Digital Marketing Associate",
        "Google Data Analytics Professional Certificate",
        "Introduction to SEO",  # completion-only: last
        "SUMMARY",
        "EXPERIENCE",
        "Lakeside Outfitters | Marketing Manager | Austin, TX | May 2021 – Present",
        "PROJECTS",
        "EDUCATION",
        "SKILLS",
    ]
    assert_in_order(text, order)
    for credential in jordan.valid_credentials:
        assert credential.name in text


def test_expired_credentials_are_left_out_unless_asked(priya: LoadedProfile) -> None:
    default = render_resume(priya, formats=["pdf", "txt"])
    text = squash(pdf_text(default.files["Priya-Raman-Resume.pdf"]))
    assert "Priya Raman PMP · HR Business Partner" in text  # letters on their own line
    assert "SHRM Certified Professional" not in text
    assert "SHRM Certified Professional" not in default.files["Priya-Raman-Resume.txt"].decode()

    included = render_resume(priya, formats=["pdf"], include_expired=True)
    text = squash(pdf_text(included.files["Priya-Raman-Resume.pdf"]))
    assert "SHRM Certified Professional (SHRM-CP)" in text
    assert "Expired Jul 2026" in text
    assert "Priya Raman PMP · " in text  # an expired credential still gives no letters


def test_pdf_metadata_fonts_and_tagging(jordan_files: dict[str, bytes]) -> None:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    data = jordan_files["Jordan-Rivera-Resume.pdf"]
    document = PDFDocument(PDFParser(io.BytesIO(data)))
    info = document.info[0]
    raw_title = info["Title"]
    title = raw_title.decode("utf-16") if raw_title.startswith(b"\xfe\xff") else raw_title.decode()
    assert title == "Jordan Rivera – Resume"
    assert info["Author"] == b"Jordan Rivera"
    assert b"Google Ads" in info["Keywords"]
    catalog = document.catalog
    assert "StructTreeRoot" in catalog  # tagged
    assert resolve1(catalog["MarkInfo"])["Marked"] is True
    assert resolve1(catalog["Lang"]) == b"en"
    fonts = set()
    for page in PDFPage.create_pages(document):
        for font in resolve1(resolve1(page.resources)["Font"]).values():
            font = resolve1(font)
            for descendant in resolve1(font.get("DescendantFonts")) or [font]:
                descriptor = resolve1(resolve1(descendant).get("FontDescriptor")) or {}
                embedded = bool({"FontFile", "FontFile2", "FontFile3"} & set(descriptor))
                fonts.add((font["BaseFont"].name, embedded))
    assert fonts and all(name.split("+")[-1].startswith("Inter") for name, _ in fonts)
    assert all(embedded for _, embedded in fonts)


def test_no_hyphenation_and_no_header_footer_contact(jordan_files: dict[str, bytes]) -> None:
    html = jordan_files["Jordan-Rivera-Resume.html"].decode()
    assert "hyphens: manual" in html
    assert "@top" not in html  # nothing in page headers
    assert "jordan.rivera@example.com" in html.split("<body>")[1]


def test_reproducible_bytes(jordan: LoadedProfile, jordan_files: dict[str, bytes]) -> None:
    again = render_resume(jordan, formats=["pdf", "docx"]).files
    assert again["Jordan-Rivera-Resume.pdf"] == jordan_files["Jordan-Rivera-Resume.pdf"]
    assert again["Jordan-Rivera-Resume.docx"] == jordan_files["Jordan-Rivera-Resume.docx"]


def test_source_date_epoch_sets_the_document_date(
    jordan: LoadedProfile, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    html = render_resume(jordan, formats=["html"]).files["Jordan-Rivera-Resume.html"].decode()
    assert 'content="2023-11-14T22:13:20Z"' in html


def test_docx_structure_and_hyperlinks(jordan_files: dict[str, bytes]) -> None:
    import docx

    document = docx.Document(io.BytesIO(jordan_files["Jordan-Rivera-Resume.docx"]))
    styled = [(style_of(p), p.text) for p in document.paragraphs if p.text.strip()]
    assert styled[0] == ("Title", "Jordan Rivera")
    headings = [text for style, text in styled if style == "Heading 1"]
    assert headings == [
        CERTIFICATIONS_TITLE,
        "Summary",
        "Experience",
        "Projects",
        "Education",
        "Skills",
    ]
    assert ("Heading 2", "Digital Marketing") in styled
    assert any(style == "List Bullet" for style, _ in styled)
    assert not document.tables
    links = {
        rel.target_ref for rel in document.part.rels.values() if rel.reltype.endswith("/hyperlink")
    }
    assert "https://skillshop.credential.net/137442019" in links
    assert "https://www.linkedin.com/in/jordan-rivera-example" in links
    assert document.core_properties.title == "Jordan Rivera – Resume"
    assert document.core_properties.author == "Jordan Rivera"
    header_text = "".join(p.text for s in document.sections for p in s.header.paragraphs)
    assert header_text == ""


def test_a4_paper(jordan: LoadedProfile) -> None:
    files = render_resume(jordan, formats=["pdf", "docx"], paper="a4").files
    from pdfminer.pdfpage import PDFPage

    (page, *_) = PDFPage.get_pages(io.BytesIO(files["Jordan-Rivera-Resume.pdf"]))
    assert [round(x) for x in page.mediabox] == [0, 0, 595, 842]
    import docx

    section = docx.Document(io.BytesIO(files["Jordan-Rivera-Resume.docx"])).sections[0]
    assert section.page_width is not None
    assert abs(section.page_width.inches - 8.27) < 0.01


HOSTILE = """
name: "<b>Bold</b> {{ 7*7 }}"
summary: "{% raw %}{{ 7*7 }}{% endraw %} <script>alert(1)</script> *not bold* [x](y)"
credentials:
  - name: "A & B <i>Cert</i>"
    issuer: "{{ config }}"
    issued: 2026
"""


def test_user_text_is_text_in_every_format(tmp_path: Path) -> None:
    loaded = load(tmp_path, HOSTILE)
    files = render_resume(loaded, formats=["html", "md", "txt", "docx"]).files
    html = files["b-Bold-b-7-7-Resume.html"].decode()
    assert "&lt;b&gt;Bold&lt;/b&gt; {{ 7*7 }}" in html
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "A &amp; B &lt;i&gt;Cert&lt;/i&gt;" in html
    assert "{{ config }}" in html
    txt = files["b-Bold-b-7-7-Resume.txt"].decode()
    assert "<b>Bold</b> {{ 7*7 }}" in txt  # nothing evaluated, nothing escaped
    assert "{% raw %}{{ 7*7 }}{% endraw %} <script>alert(1)</script>" in txt
    md = files["b-Bold-b-7-7-Resume.md"].decode()
    assert r"\<b\>Bold\</b\> {{ 7\*7 }}" in md
    assert r"\*not bold\* \[x\](y)" in md
    import docx

    document = docx.Document(io.BytesIO(files["b-Bold-b-7-7-Resume.docx"]))
    assert document.paragraphs[0].text == "<b>Bold</b> {{ 7*7 }}"


@pytest.mark.parametrize(
    "snippet",
    [
        '<link rel="attachment" href="file:///etc/passwd">',
        '<img src="file:///etc/hostname" alt="x">',
        '<img src="http://127.0.0.1:9/x.png" alt="x">',
        '<style>@import url("https://example.com/x.css");</style>',
    ],
)
def test_templates_cannot_fetch_outside_files_or_the_network(
    tmp_path: Path, jordan: LoadedProfile, snippet: str
) -> None:
    from showcase.render.templates import bundled_templates_dir

    override = tmp_path / "templates" / "resume"
    override.mkdir(parents=True)
    original = (bundled_templates_dir() / "resume" / "resume.html.j2").read_text()
    (override / "resume.html.j2").write_text(original.replace("<body>", "<body>" + snippet))
    with pytest.raises(RenderError) as info:
        render_resume(jordan, formats=["pdf"], templates_dir=tmp_path / "templates")
    assert "never the network" in str(info.value)


def _attach(tmp_path: Path, href: str) -> Path:
    """A resume template override that attaches `href` invisibly (issue #30, 1)."""
    from showcase.render.templates import bundled_templates_dir

    override = tmp_path / "templates" / "resume"
    override.mkdir(parents=True)
    original = (bundled_templates_dir() / "resume" / "resume.html.j2").read_text()
    link = f'<link rel="attachment" href="{href}">'
    (override / "resume.html.j2").write_text(original.replace("<body>", "<body>" + link))
    return tmp_path / "templates"


def _profile_with_secret(tmp_path: Path) -> LoadedProfile:
    folder = tmp_path / "profile"
    folder.mkdir()
    (folder / ".env").write_text("API_KEY=secret-value\n")
    (folder / "notes.txt").write_text("a plain file beside the profile\n")
    text = (EXAMPLES / "minimal.yaml").read_text()
    return load(folder, text)


@pytest.mark.parametrize(
    "href",
    [
        "file://{name}.example.invalid/proc/self/cwd/notes.txt",  # urllib resolved the host
        "file://localhost{folder}/notes.txt",  # any host, even localhost
        "file://{folder}/.env",  # a hidden file inside an allowed folder
        "file:///proc/self/cwd/.env",  # /proc reaches the working folder
        "file:///proc/self/cwd/notes.txt",
    ],
)
def test_file_urls_with_a_host_hidden_files_and_proc_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, href: str
) -> None:
    import socket

    loaded = _profile_with_secret(tmp_path)
    folder = tmp_path / "profile"
    monkeypatch.chdir(folder)
    looked_up: list[object] = []

    def refuse(*args: object, **kwargs: object) -> object:
        looked_up.append(args)
        raise OSError("no lookups in this test")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "gethostbyname", refuse)
    templates = _attach(tmp_path, href.format(name="Jordan-Rivera", folder=folder))
    with pytest.raises(RenderError) as info:
        render_resume(loaded, formats=["pdf"], templates_dir=templates)
    assert "never the network" in str(info.value)
    assert looked_up == []


def test_a_plain_file_beside_the_profile_may_still_be_attached(tmp_path: Path) -> None:
    loaded = _profile_with_secret(tmp_path)
    templates = _attach(tmp_path, f"file://{tmp_path / 'profile' / 'notes.txt'}")
    pdf = render_resume(loaded, formats=["pdf"], templates_dir=templates).files
    (name,) = [n for n in pdf if n.endswith(".pdf")]
    assert b"notes.txt" in pdf[name] or b"EmbeddedFile" in pdf[name]


def test_template_override_by_name(tmp_path: Path, jordan: LoadedProfile) -> None:
    (tmp_path / "resume").mkdir()
    (tmp_path / "resume" / "resume.txt.j2").write_text("CUSTOM {{ r.display_name }}\n")
    files = render_resume(jordan, formats=["txt", "md"], templates_dir=tmp_path).files
    assert files["Jordan-Rivera-Resume.txt"] == b"CUSTOM Jordan Rivera\n"
    assert files["Jordan-Rivera-Resume.md"].startswith(b"# Jordan Rivera")  # others bundled


def test_a_template_typo_is_a_clear_error(tmp_path: Path, jordan: LoadedProfile) -> None:
    from showcase.errors import TemplateError

    (tmp_path / "resume").mkdir()
    (tmp_path / "resume" / "resume.txt.j2").write_text("{{ r.nmae }}\n")
    with pytest.raises(TemplateError, match="nmae"):
        render_resume(jordan, formats=["txt"], templates_dir=tmp_path)


def test_section_order_and_titles_from_the_profile(tmp_path: Path) -> None:
    loaded = load(
        tmp_path,
        """
        name: J
        summary: Hello.
        credentials:
          - name: A
            issuer: B
            issued: 2026
        experience:
          - title: T
            organization: O
            start: 2020
        skills:
          - group: G
            items: [x]
        resume:
          sections: [skills, experience]
          titles:
            experience: Work History
        """,
    )
    view = resume_view(loaded)
    assert [s.title for s in view.sections] == ["Skills", "Work History"]
    txt = render_resume(loaded, formats=["txt"]).files["J-Resume.txt"].decode()
    assert txt.index(CERTIFICATIONS_TITLE.upper()) < txt.index("SKILLS") < txt.index("WORK HISTORY")
    assert "SUMMARY" not in txt


def test_resume_section_names_are_checked(tmp_path: Path) -> None:
    from tests.helpers import one_problem

    p = one_problem(tmp_path, "name: J\nresume:\n  sections: [skills, hobbies]\n")
    assert (p.line, p.field) == (3, "resume.sections[1]")
    assert "summary, experience, projects, volunteer, education, awards" in p.message


def test_missing_glyphs_are_named(tmp_path: Path) -> None:
    loaded = load(
        tmp_path,
        """
        name: Łukasz Żółć Nguyễn Ελένη Жанна 王小明
        credentials:
          - name: شهادة
            issuer: B
            issued: 2026
        """,
    )
    artifact = render_resume(loaded, formats=["pdf"])
    (warning,) = [w.message for w in artifact.warnings if "glyphs" in w.message]
    assert "'王' (CJK UNIFIED IDEOGRAPH-738B)" in warning
    assert "ARABIC LETTER" in warning
    for covered in "ŁŻóễλЖ":
        assert f"'{covered}'" not in warning


def test_cli_writes_every_format_and_refuses_to_clobber(tmp_path: Path) -> None:
    from showcase.cli import cli

    runner = CliRunner()
    args = ["resume", str(EXAMPLES / "minimal.yaml"), "-o", str(tmp_path), "--today", "2026-11-28"]
    result = runner.invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.glob("Sam-Lee-Resume.*")) == [
        "Sam-Lee-Resume.docx",
        "Sam-Lee-Resume.html",
        "Sam-Lee-Resume.md",
        "Sam-Lee-Resume.pdf",
        "Sam-Lee-Resume.txt",
    ]
    # Rewriting our own files is fine; an edited one is kept unless --force.
    assert runner.invoke(cli, args, catch_exceptions=False).exit_code == 0
    (tmp_path / "Sam-Lee-Resume.md").write_text("my notes")
    result = runner.invoke(cli, [*args, "--format", "md,txt"], catch_exceptions=False)
    assert result.exit_code == 1 and "was changed since showcase wrote it" in result.output
    assert (tmp_path / "Sam-Lee-Resume.md").read_text() == "my notes"
    assert runner.invoke(cli, [*args, "--format", "md", "--force"]).exit_code == 0
    assert (tmp_path / "Sam-Lee-Resume.md").read_text().startswith("# Sam Lee")


def test_cli_rejects_unknown_format(tmp_path: Path) -> None:
    from showcase.cli import cli

    result = CliRunner().invoke(cli, ["resume", str(EXAMPLES / "minimal.yaml"), "-f", "pdf,odt"])
    assert result.exit_code == 2 and "odt: choose from pdf,docx,html,md,txt" in result.output


def test_templates_are_sandboxed(tmp_path: Path, jordan: LoadedProfile) -> None:
    from showcase.errors import TemplateError

    (tmp_path / "resume").mkdir()
    (tmp_path / "resume" / "resume.txt.j2").write_text(
        "{{ r.__class__.__init__.__globals__['os'].system('echo pwned') }}\n"
    )
    with pytest.raises(TemplateError, match="unsafe"):
        render_resume(jordan, formats=["txt"], templates_dir=tmp_path)


def test_no_valid_credentials_means_no_empty_section(tmp_path: Path) -> None:
    import docx

    loaded = load(
        tmp_path,
        """
        name: J
        credentials:
          - name: Old
            issuer: B
            issued: 2020
            expires: 2021
        experience:
          - title: T
            organization: O
            start: 2020
        """,
    )
    artifact = render_resume(loaded, formats=["md", "txt", "html", "docx"])
    assert any("no valid credentials to show" in w.message for w in artifact.warnings)
    for name in ("J-Resume.md", "J-Resume.txt", "J-Resume.html"):
        text = artifact.files[name].decode()
        assert CERTIFICATIONS_TITLE not in text and CERTIFICATIONS_TITLE.upper() not in text
        assert "Experience" in text or "EXPERIENCE" in text
    document = docx.Document(io.BytesIO(artifact.files["J-Resume.docx"]))
    assert [p.text for p in document.paragraphs if style_of(p) == "Heading 1"] == ["Experience"]


# --- the recruiter's view (issue #13) -----------------------------------------------------


def test_credential_ids_only_in_the_text_resume_unless_asked(jordan: LoadedProfile) -> None:
    import docx

    ids = [c.credential_id for c in jordan.valid_credentials if c.credential_id]
    assert ids
    page = ("Jordan-Rivera-Resume.html", "Jordan-Rivera-Resume.md")
    default = render_resume(jordan, formats=["html", "md", "txt", "docx"]).files
    shown = render_resume(jordan, formats=["html", "md", "txt", "docx"], show_ids=True).files

    def word(files: dict[str, bytes]) -> str:
        document = docx.Document(io.BytesIO(files["Jordan-Rivera-Resume.docx"]))
        return "\n".join(p.text for p in document.paragraphs)

    for name in page:
        assert "Credential ID" not in default[name].decode()
    assert "Credential ID" not in word(default)
    for credential_id in ids:
        line = f"Credential ID {credential_id}"
        assert line in default["Jordan-Rivera-Resume.txt"].decode()  # forms ask for it
        assert line in shown["Jordan-Rivera-Resume.txt"].decode()
        assert line in word(shown)
        for name in page:
            assert line in shown[name].decode()


def test_skills_line_names_only_what_the_skills_section_does_not(tmp_path: Path) -> None:
    loaded = load(
        tmp_path,
        """
        name: J
        credentials:
          - name: All listed
            issuer: B
            issued: 2026
            skills: [sql, Tableau]
          - name: Some new
            issuer: B
            issued: 2025
            skills: [SQL, Looker, dbt]
        skills:
          - group: Data
            items: [SQL, Tableau]
        """,
    )
    (group,) = resume_view(loaded).credential_groups
    assert [e.skills for e in group.entries] == [(), ("Looker", "dbt")]
    text = render_resume(loaded, formats=["txt"]).files["J-Resume.txt"].decode()
    assert "Skills: Looker, dbt" in text
    assert text.count("Skills:") == 1


def test_every_verify_link_shows_its_host(jordan: LoadedProfile, priya: LoadedProfile) -> None:
    from urllib.parse import urlsplit

    for loaded in (jordan, priya):
        for group in resume_view(loaded).credential_groups:
            for entry in group.entries:
                for verify in [d for d in entry.details if d.prefix == "Verify: "]:
                    assert verify.url is not None
                    assert verify.text == urlsplit(verify.url).netloc.removeprefix("www.")


def test_a_stack_heading_names_the_specialisation_not_the_job_sought(
    jordan: LoadedProfile, tmp_path: Path
) -> None:
    (stack, _rest) = resume_view(jordan).credential_groups
    assert stack.heading == "Digital Marketing"
    loaded = load(
        tmp_path,
        """
        name: J
        credentials:
          - {id: a, name: A, issuer: B, issued: 2026}
          - {id: b, name: C, issuer: B, issued: 2026}
        stacks:
          - {name: HR, credentials: [a], target_role: HR Business Partner}
          - {name: Analyst, credentials: [b], target_role: analyst}
        """,
    )
    headings = [g.heading for g in resume_view(loaded).credential_groups]
    assert headings == ["HR", "Analyst"]
    text = render_resume(loaded, formats=["txt"]).files["J-Resume.txt"].decode()
    assert "role" not in text and "HR Business Partner" not in text


def test_cli_show_ids(tmp_path: Path) -> None:
    from showcase.cli import cli

    args = ["resume", str(EXAMPLES / "jordan-rivera.yaml"), "-o", str(tmp_path), "-f", "md"]
    result = CliRunner().invoke(cli, [*args, "--today", "2026-11-28"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Credential ID" not in (tmp_path / "Jordan-Rivera-Resume.md").read_text()
    result = CliRunner().invoke(cli, [*args, "--today", "2026-11-28", "--show-ids"])
    assert result.exit_code == 0, result.output
    assert "Credential ID 137442019" in (tmp_path / "Jordan-Rivera-Resume.md").read_text()


SUMMARY = "Ten years in analytics.\n===\nI build dashboards.\n---\n- - -\nAnd teach SQL."


def test_a_summary_with_underlines_never_becomes_a_heading_or_a_rule(tmp_path: Path) -> None:
    """Before: "Ten years in analytics." became an <h1> and "I build dashboards." an <h2>
    in resume.md, and "- - -" a rule."""
    from showcase.artifacts.resume import render_resume

    loaded = load(
        tmp_path,
        f"""
        name: Sam Lee
        summary: {json.dumps(SUMMARY)}
        credentials:
          - name: CompTIA A+
            issuer: CompTIA
            issued: 2026-06
        """,
    )
    assert loaded.profile.summary is not None and "\n===\n" in loaded.profile.summary
    (markdown,) = [
        content.decode("utf-8")
        for name, content in render_resume(loaded, formats=["md"]).files.items()
        if name.endswith(".md")
    ]
    plain = MarkdownIt("commonmark").render(markdown)
    assert "<hr />" not in plain
    headings = [line for line in plain.splitlines() if line.startswith(("<h1", "<h2", "<h3"))]
    assert not any("analytics" in h or "dashboards" in h for h in headings), headings
    assert "Ten years in analytics." in plain and "And teach SQL." in plain


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("theme", ["classic", "compact", "modern"])
def test_the_html_resume_fits_a_phone(tmp_path: Path, theme: str) -> None:
    """Opened on a phone (375 px), a project's long link (public.tableau.com/app/...)
    ran past the screen's edge and the page scrolled sideways."""
    from tests.browser import browser_page

    made = render_resume(load_example("jordan-rivera"), formats=["html"], theme=theme)
    page_file = tmp_path / "resume.html"
    page_file.write_bytes(made.files["Jordan-Rivera-Resume.html"])
    with browser_page(375, 800) as page:
        page.goto(page_file.as_uri())
        sizes = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
    assert sizes[0] <= sizes[1], sizes


def test_a_text_only_resume_never_renders_the_html_template(
    tmp_path: Path, jordan: LoadedProfile
) -> None:
    """`--format txt,md` renders no HTML (5-20 ms of every such run): an HTML template of
    the user's that does not render stops only the runs that write HTML or PDF."""
    from showcase.errors import TemplateError

    override = tmp_path / "templates" / "resume"
    override.mkdir(parents=True)
    (override / "resume.html.j2").write_text("{{ resume.no_such_field }}\n")
    files = render_resume(jordan, formats=["txt", "md"], templates_dir=tmp_path / "templates")
    assert set(files.files) == {"Jordan-Rivera-Resume.txt", "Jordan-Rivera-Resume.md"}
    assert b"Jordan Rivera" in files.files["Jordan-Rivera-Resume.txt"]
    with pytest.raises(TemplateError, match=r"resume\.html\.j2"):
        render_resume(jordan, formats=["html"], templates_dir=tmp_path / "templates")
