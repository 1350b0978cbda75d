"""Every artifact in the registry is built by `build`, shown on index.html, documented
(docs/templates.md, the README's artifact table and its command's section) and has its
templates; every bundled template folder belongs to one. A new artifact registered in
`showcase.artifacts.registry` is covered here without a new test."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from showcase.artifacts.build import ProfileBuild, build_profile
from showcase.artifacts.contract import TEMPLATES
from showcase.artifacts.registry import REGISTRY, artifact_table, spec
from showcase.artifacts.spec import ArtifactSpec, BuildRequest
from showcase.render.templates import bundled_templates_dir
from showcase.strategy.tailor import read_for
from tests.conftest import ROOT, load_example

POSTINGS = ROOT / "tests" / "data" / "postings"
README = (ROOT / "README.md").read_text("utf-8")
NAMES = [s.name for s in REGISTRY]


@pytest.fixture(scope="module")
def everything() -> tuple[BuildRequest, ProfileBuild]:
    """One build in which every artifact applies: Priya (credentials that expire), aimed
    at a posting, with a folder of postings. The PDFs are laid out: the match report reads
    the tailored resume's PDF as an applicant tracking system would."""
    loaded = load_example("priya-raman")
    tailor = read_for(POSTINGS / "01-acme-outdoor.txt")
    request = BuildRequest(loaded, tailor=tailor, postings=(POSTINGS,))
    result = build_profile(loaded, tailor=tailor, postings=[POSTINGS])
    return request, result


@pytest.mark.slow
def test_every_artifact_applies_to_the_full_build(
    everything: tuple[BuildRequest, ProfileBuild],
) -> None:
    request, _ = everything
    assert [s.name for s in REGISTRY if not s.applies(request)] == []


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_build_writes_it(name: str, everything: tuple[BuildRequest, ProfileBuild]) -> None:
    request, result = everything
    assert result.failures == []
    expected = set(spec(name).files(request.loaded.profile.name).values())
    assert expected and expected <= set(result.files), expected - set(result.files)


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_index_shows_it(name: str, everything: tuple[BuildRequest, ProfileBuild]) -> None:
    _, result = everything
    index = result.files["index.html"].decode()
    cards = [c for c in result.cards if c.template.startswith((f"{name}/", "build/"))]
    assert cards, f"{name} has no section on index.html"
    for anchor, title in cards[0].anchors:
        assert f'id="{anchor}"' in index, anchor
        assert f'<a href="#{anchor}">{html.escape(title, quote=False)}</a>' in index
    for link in cards[0].links:
        assert f'href="{link.href}"' in index


@pytest.mark.parametrize("name", NAMES)
def test_it_is_documented(name: str) -> None:
    found = spec(name)
    templates_md = (ROOT / "docs" / "templates.md").read_text("utf-8")
    for template in found.templates:
        assert template in TEMPLATES
        assert f"## `{template}`" in templates_md
        assert (bundled_templates_dir() / template).is_file(), f"{template} does not exist"
    if found.command:
        assert f"### `showcase {found.command} " in README


def test_the_readme_artifact_table_is_the_registry() -> None:
    assert artifact_table() in README, "README: paste artifact_table() under 'What it makes'"


def test_every_bundled_template_folder_belongs_to_an_artifact() -> None:
    own = {"build", "fonts"}  # the index page and its pieces; the fonts every PDF uses
    declared = {t.split("/")[0] for t in TEMPLATES}
    for folder in bundled_templates_dir().iterdir():
        if folder.is_dir():
            assert folder.name in own | declared, f"templates/{folder.name}/ is no artifact's"


def test_a_view_artifact_needs_only_a_view_templates_and_a_spec(tmp_path: Path) -> None:
    """The three files of a new artifact (docs/contributing.md), without a module of its
    own: the spec's `view` and templates give its files, warnings and index section."""
    from dataclasses import dataclass

    from showcase.artifacts.spec import Variable, named

    @dataclass(frozen=True)
    class PitchView:
        line: str
        warnings: tuple[str, ...] = ()

    (tmp_path / "pitch").mkdir()
    (tmp_path / "pitch" / "pitch.md.j2").write_text("# Pitch\n\n{{ pitch.line }}\n")
    toy = ArtifactSpec(
        name="pitch",
        label="elevator pitch",
        summary="a 30-second pitch",
        files=named("pitch/{stem}-Pitch.{fmt}", ["md"]),
        templates={"pitch/pitch.md.j2": (Variable("pitch", "PitchView", "the pitch"),)},
        view=lambda loaded: PitchView(f"I am {loaded.profile.name}.", ("say it aloud",)),
        context="pitch",
    )
    loaded = load_example("jordan-rivera")
    from showcase.artifacts.spec import RenderSettings

    request = BuildRequest(loaded, RenderSettings(templates_dir=tmp_path))
    made = toy.make(request)
    assert made.files == {"pitch/Jordan-Rivera-Pitch.md": b"# Pitch\n\nI am Jordan Rivera.\n"}
    assert [w.message for w in made.warnings] == ["say it aloud"]
    card = toy.index_card(made, request)
    assert card is not None and card.anchors == (("pitch", "Elevator pitch"),)
    assert [link.href for link in card.links] == ["pitch/Jordan-Rivera-Pitch.md"]
