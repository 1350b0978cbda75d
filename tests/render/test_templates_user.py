"""A user's templates: their mistakes are theirs, named with file and line (issue #10)."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from showcase.artifacts.resume import render_resume
from showcase.cli import cli
from showcase.errors import TemplateError
from showcase.files import STEM_BYTES, file_stem
from showcase.render.docx import CORE_PROPERTY_LIMIT
from tests.conftest import EXAMPLES
from tests.helpers import load

RUNNER = CliRunner()


def user_template(root: Path, body: str, name: str = "resume/resume.md.j2") -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("ok\n{{ 1 / 0 }}\n", "ZeroDivisionError"),
        ("ok\n{{ 'text' | wordwrap(-1) }}\n", "ValueError"),
        ("ok\n{% for i in range(100000000) %}{% endfor %}\n", "OverflowError"),
    ],
    ids=["division", "wordwrap", "range"],
)
def test_a_runtime_error_in_a_users_template_names_file_and_line(
    tmp_path: Path, body: str, error: str
) -> None:
    templates = user_template(tmp_path / "tpl", body)
    result = RUNNER.invoke(
        cli,
        [
            "resume",
            str(EXAMPLES / "minimal.yaml"),
            "-o",
            str(tmp_path / "out"),
            "-f",
            "md",
            "--templates",
            str(templates),
        ],
    )
    assert result.exit_code == 1, result.output
    assert "resume.md.j2:2: template error" in result.output
    assert error in result.output
    assert "bug in showcase" not in result.output
    assert ".;" not in result.output  # Jinja's sentence, then ours: one stop between


def test_validate_checks_the_users_templates_too(tmp_path: Path) -> None:
    templates = user_template(tmp_path / "tpl", "{{ 1 / 0 }}\n")
    plain = RUNNER.invoke(cli, ["validate", "-q", str(EXAMPLES / "minimal.yaml")])
    assert plain.exit_code == 0, plain.output
    result = RUNNER.invoke(
        cli, ["validate", "-q", str(EXAMPLES / "minimal.yaml"), "--templates", str(templates)]
    )
    assert result.exit_code == 1
    assert "resume: not written" in result.output and "resume.md.j2:1" in result.output


def test_a_link_out_of_the_templates_folder_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    templates = user_template(tmp_path / "tpl", "{% include 'resume/leak.txt' %}\n")
    (templates / "resume" / "leak.txt").symlink_to(secret)
    loaded = load(tmp_path, "name: J\n")
    with pytest.raises(TemplateError, match="leads outside the template folders"):
        render_resume(loaded, formats=["md"], templates_dir=templates)


def test_a_linked_template_itself_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    templates = tmp_path / "tpl"
    (templates / "resume").mkdir(parents=True)
    (templates / "resume" / "resume.txt.j2").symlink_to(secret)
    loaded = load(tmp_path, "name: J\n")
    with pytest.raises(TemplateError) as info:
        render_resume(loaded, formats=["txt"], templates_dir=templates)
    assert "TOP SECRET" not in info.value.format_message()


@pytest.mark.slow
def test_a_relative_templates_folder_works_for_pdfs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mytpl").mkdir()
    result = RUNNER.invoke(
        cli,
        [
            "resume",
            str(EXAMPLES / "minimal.yaml"),
            "-o",
            "out",
            "-f",
            "pdf",
            "--templates",
            "mytpl",
        ],
    )
    assert result.exit_code == 0, result.output
    assert next((tmp_path / "out").glob("*.pdf")).read_bytes().startswith(b"%PDF-")


# --- long and wide names ------------------------------------------------------------------


def test_docx_core_properties_fit_their_limit(tmp_path: Path) -> None:
    skills = ", ".join(f"Skill number {i}" for i in range(40))
    name = "Alexandria " * 23
    loaded = load(
        tmp_path,
        f"name: {name.strip()}\ncredentials:\n  - name: A\n    issuer: B\n    issued: 2025-01\n"
        f"    skills: [{skills}]\nskills:\n  - group: All\n    items: [{skills}]\n",
    )
    artifact = render_resume(loaded, formats=["docx"])
    document = docx.Document(io.BytesIO(next(iter(artifact.files.values()))))
    props = document.core_properties
    for value in (props.title, props.author, props.keywords, props.subject):
        assert 0 < len(value) <= CORE_PROPERTY_LIMIT
    assert props.keywords.startswith("Skill number 0")


def test_a_long_cjk_name_makes_a_short_stable_file_name() -> None:
    name = "字" * 100
    stem = file_stem(name)
    assert len(stem.encode("utf-8")) <= STEM_BYTES
    assert stem == file_stem(name)  # stable
    assert stem != file_stem("字" * 99 + "子")  # distinct when cut


def test_plain_text_resume_keeps_its_lines_apart(tmp_path: Path) -> None:
    loaded = load(
        tmp_path,
        """
        name: J
        credentials:
          - name: CompTIA Network+
            issuer: CompTIA
            issued: 2026-06
            url: https://example.com/verify
            skills: [Networking]
          - name: CompTIA A+
            issuer: CompTIA
            issued: 2026-05
        """,
    )
    text = render_resume(loaded, formats=["txt"]).files["J-Resume.txt"].decode()
    lines = text.splitlines()
    assert "  Skills: Networking" in lines
    assert not any("Verify:" in line and "Skills:" in line for line in lines)
    assert not any("Issued" in line and "* " in line for line in lines)


def test_an_old_template_with_a_variable_gone_names_file_line_and_fix(tmp_path: Path) -> None:
    """A build/index.html.j2 copied from an older showcase uses `renewals`, which
    index.html no longer receives: the error names the user's file and line and
    says where the variables are listed, and the build does not say to open an
    index.html it did not write."""
    body = "<html>\n<body>\n{% if renewals %}x{% endif %}\n{{ renewals | length }}\n</body>\n"
    templates = user_template(tmp_path / "tpl", body, name="build/index.html.j2")
    out = tmp_path / "out"
    result = RUNNER.invoke(
        cli,
        ["build", str(EXAMPLES / "minimal.yaml"), "-o", str(out), "--templates", str(templates)],
    )
    assert result.exit_code == 1, result.output
    assert f"{templates.resolve() / 'build' / 'index.html.j2'}:3:" in result.output
    assert "'renewals' is undefined" in result.output
    assert "docs/templates.md" in result.output
    assert not (out / "index.html").exists()
    assert "open " + str(out / "index.html") not in result.output


def test_something_unsafe_in_an_included_card_names_the_card(tmp_path: Path) -> None:
    """index.html includes each artifact's card.html.j2: an unsafe access in the user's
    card names that file and line, not index.html.j2."""
    templates = user_template(
        tmp_path / "tpl", "<p>\n{{ card.data.__class__ }}</p>\n", name="resume/card.html.j2"
    )
    result = RUNNER.invoke(
        cli,
        [
            "build",
            str(EXAMPLES / "minimal.yaml"),
            "-o",
            str(tmp_path / "out"),
            "--templates",
            str(templates),
        ],
    )
    assert result.exit_code == 1, result.output
    card = templates.resolve() / "resume" / "card.html.j2"
    assert f"{card}:2 tried something unsafe" in result.output


def test_a_template_that_is_not_utf8_is_the_users_error(tmp_path: Path) -> None:
    """It was an internal error: UnicodeDecodeError from Jinja's loader."""
    templates = tmp_path / "tpl"
    (templates / "resume").mkdir(parents=True)
    (templates / "resume" / "resume.md.j2").write_bytes(b"\xff\xfe{{ resume.name }}")
    loaded = load(tmp_path, "name: J\n")
    with pytest.raises(TemplateError, match=r"resume\.md\.j2: not UTF-8 text"):
        render_resume(loaded, formats=["md"], templates_dir=templates)


def test_a_template_too_large_to_be_one_is_refused_unread(tmp_path: Path) -> None:
    """Jinja's loader reads a template whole: a 3 GB file there held 3 GB of memory."""
    templates = tmp_path / "tpl"
    (templates / "resume").mkdir(parents=True)
    with (templates / "resume" / "resume.md.j2").open("wb") as sparse:
        sparse.truncate(3 << 30)  # a sparse file: 3 GB on paper, nothing on disk
    loaded = load(tmp_path, "name: J\n")
    with pytest.raises(TemplateError, match=r"resume\.md\.j2: larger than 1 MiB"):
        render_resume(loaded, formats=["md"], templates_dir=templates)
