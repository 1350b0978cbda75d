"""Resume themes: found by folder, described by a manifest, chosen by --theme or the profile."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from showcase.artifacts.resume import render_resume
from showcase.cli import cli
from showcase.render.themes import ThemeError, available_themes, resolve_theme
from tests.artifacts.test_resume_parser_readable import THEMES
from tests.conftest import EXAMPLES, TODAY, check_golden, load_example
from tests.helpers import load

RUNNER = CliRunner()


def user_theme(root: Path, name: str, manifest: str, css: str | None = None) -> Path:
    folder = root / "resume" / "themes" / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "theme.yaml").write_text(manifest, encoding="utf-8")
    if css is not None:
        (folder / "resume.css").write_text(css, encoding="utf-8")
    return root


def test_the_bundled_themes_are_the_ones_the_structural_test_checks() -> None:
    found = available_themes()
    assert sorted(found) == sorted(THEMES)
    assert all(t.description and t.bundled for t in found.values())
    assert found["classic"].parent is None
    assert found["modern"].parent == found["compact"].parent == "classic"
    for name in ("modern", "compact"):  # each its own stylesheet and Word template
        assert found[name].stylesheet and found[name].word_template


def test_showcase_themes_lists_them_as_text_and_json(tmp_path: Path) -> None:
    result = RUNNER.invoke(cli, ["themes"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [line.split()[0] for line in lines] == ["classic", "compact", "modern"]
    assert "(default)" in lines[0]
    mine = user_theme(tmp_path, "mine", "name: mine\ndescription: Mine.\nparent: modern\n")
    result = RUNNER.invoke(cli, ["themes", "--format", "json", "--templates", str(mine)])
    listed = json.loads(result.output)
    assert [t["name"] for t in listed] == ["classic", "compact", "mine", "modern"]
    assert all(set(t) >= {"name", "description"} for t in listed)
    assert listed[2]["parent"] == "modern" and listed[2]["source"] != "bundled"


def test_a_manifest_is_parsed_once_until_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every build resolves its theme: a manifest whose bytes were parsed before is not
    parsed again; an edited one is, even at the same size in the same clock tick."""
    from showcase.profile import source

    parsed: list[str] = []
    original = source.parse_source

    def counting(raw: bytes | str, name: str, path: Path | None = None) -> source.Source:
        parsed.append(name)
        return original(raw, name, path)

    monkeypatch.setattr(source, "parse_source", counting)
    mine = user_theme(tmp_path, "mine", "name: mine\ndescription: First.\nparent: modern\n")
    assert available_themes(mine)["mine"].description == "First."
    assert available_themes(mine)["mine"].description == "First."
    assert len([name for name in parsed if "mine" in name]) == 1
    user_theme(tmp_path, "mine", "name: mine\ndescription: Other.\nparent: modern\n")
    assert available_themes(mine)["mine"].description == "Other."
    user_theme(tmp_path, "mine", "name: mine\ndescription: Other.\nparent: nobody\n")
    with pytest.raises(ThemeError, match="no parent theme of `mine` is called `nobody`"):
        resolve_theme("mine", mine)


def test_a_manifest_too_large_is_refused(tmp_path: Path) -> None:
    mine = user_theme(tmp_path, "mine", "name: mine\ndescription: " + "x" * 70_000 + "\n")
    with pytest.raises(ThemeError, match=r"theme\.yaml: a theme manifest is a few lines"):
        available_themes(mine)


def html_of(loaded: object, **options: object) -> str:
    files = render_resume(loaded, formats=["html"], **options).files  # type: ignore[arg-type]
    return next(iter(files.values())).decode()


def test_a_theme_adds_its_stylesheet_after_its_parents(tmp_path: Path) -> None:
    jordan = load_example("jordan-rivera")
    classic = html_of(jordan)
    modern = html_of(jordan, theme="modern")
    assert "#0f766e" in modern and "#0f766e" not in classic
    root = user_theme(
        tmp_path, "mine", "name: mine\ndescription: Pink.\nparent: modern\n", "h2 { color: pink; }"
    )
    mine = html_of(jordan, theme="mine", templates_dir=root)
    assert mine.index("#0f766e") < mine.index("h2 { color: pink; }")
    # The body size comes last, so no theme sets the text below 10 pt.
    assert mine.index("h2 { color: pink; }") < mine.index("html { font-size:")


def test_the_profile_chooses_a_theme_and_theme_overrides_it(tmp_path: Path) -> None:
    text = (EXAMPLES / "minimal.yaml").read_text() + "resume:\n  theme: modern\n"
    loaded = load(tmp_path, text)
    assert "#0f766e" in html_of(loaded)
    assert "#0f766e" not in html_of(loaded, theme="classic")


def test_each_theme_has_its_word_template() -> None:
    import docx

    colours = {}
    for name in THEMES:
        files = render_resume(load_example("jordan-rivera"), formats=["docx"], theme=name).files
        document = docx.Document(io.BytesIO(next(iter(files.values()))))
        colours[name] = str(document.styles["Heading 1"].font.color.rgb)
    assert colours["modern"] == "0F766E" and colours["classic"] == "1B5E8C"


def test_a_themes_paper_applies_when_the_profile_says_nothing(tmp_path: Path) -> None:
    root = user_theme(tmp_path / "t", "euro", "name: euro\ndescription: A4.\npaper: a4\n")
    assert resolve_theme("euro", root).paper == "a4"
    import docx

    unknown = load(tmp_path, "name: A\n")
    files = render_resume(unknown, formats=["docx"], theme="euro", templates_dir=root).files
    section = docx.Document(io.BytesIO(files["A-Resume.docx"])).sections[0]
    assert section.page_width is not None and round(section.page_width.inches, 2) == 8.27
    texan = load(tmp_path, "name: A\ncontact: {location: 'Austin, TX'}\n")
    files = render_resume(texan, formats=["docx"], theme="euro", templates_dir=root).files
    section = docx.Document(io.BytesIO(files["A-Resume.docx"])).sections[0]
    assert section.page_width is not None and round(section.page_width.inches, 2) == 8.5


@pytest.mark.parametrize(
    ("manifest", "error"),
    [
        ("name: other\ndescription: x\n", "must be the folder's name"),
        ("name: bad\n", "`description:` is missing"),
        ("name: bad\ndescription: x\ncolour: red\n", "unknown field `colour`"),
        ("name: bad\ndescription: x\npaper: legal\n", "letter or a4"),
        ("name: bad\ndescription: x\nparent: nowhere\n", "no parent theme of `bad`"),
        ("name: bad\ndescription: x\nparent: bad\n", "loop"),
        ("name: [bad\n", "YAML"),
    ],
)
def test_a_broken_manifest_is_a_clear_error(tmp_path: Path, manifest: str, error: str) -> None:
    root = user_theme(tmp_path, "bad", manifest)
    with pytest.raises(ThemeError, match=error.replace("[", r"\[")):
        resolve_theme("bad", root)
    profile = EXAMPLES / "minimal.yaml"
    args = ["resume", str(profile), "-o", str(tmp_path / "out"), "-f", "txt"]
    result = RUNNER.invoke(cli, [*args, "--theme", "bad", "--templates", str(root)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    # `themes` says so too (a missing parent or a loop was listed as "builds on nowhere")
    listed = RUNNER.invoke(cli, ["themes", "--templates", str(root)])
    assert listed.exit_code == 1 and "Traceback" not in listed.output
    assert error.split("`")[0].replace("[", "") in listed.output


def test_an_unknown_theme_names_the_known_ones(tmp_path: Path) -> None:
    args = ["resume", str(EXAMPLES / "minimal.yaml"), "-o", str(tmp_path), "-f", "txt"]
    result = RUNNER.invoke(cli, [*args, "--theme", "fancy"])
    assert result.exit_code == 1
    assert "no theme is called `fancy`; the themes are: classic, compact, modern" in result.output


@pytest.mark.slow
@pytest.mark.parametrize("theme", THEMES)
def test_golden_pdf_text_of_each_theme(theme: str, update_golden: bool) -> None:
    from pdfminer.high_level import extract_text

    from showcase.profile import load_profile

    loaded = load_profile(EXAMPLES / "jordan-rivera.yaml", today=TODAY)
    artifact = render_resume(loaded, formats=["pdf"], theme=theme)
    artifact.resolve()
    text = extract_text(io.BytesIO(artifact.files["Jordan-Rivera-Resume.pdf"]))
    check_golden(f"resume/themes/{theme}.pdf.txt", text, update_golden)


@pytest.mark.slow
def test_build_takes_the_theme_too(tmp_path: Path) -> None:
    args = ["build", str(EXAMPLES / "minimal.yaml"), "-o", str(tmp_path), "--today", "2026-11-28"]
    result = RUNNER.invoke(cli, [*args, "--theme", "modern"])
    assert result.exit_code == 0, result.output
    (html,) = tmp_path.rglob("*-Resume.html")
    assert "#0f766e" in html.read_text(encoding="utf-8")
