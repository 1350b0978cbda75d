"""The layout cache: a PDF is laid out again only when its HTML changed, a DOCX made again
only when its view changed; a damaged cache is ignored, never an error."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from showcase.artifacts.build import build_profile
from showcase.artifacts.cache import RenderCache
from showcase.artifacts.cache_keys import Uncacheable, canonical
from showcase.batch import BuildOptions, build_one
from showcase.profile import load_profile
from tests.conftest import TODAY

PROFILE = """\
name: Sam Lee
headline: Support technician
credentials:
  - id: aplus
    name: CompTIA A+
    issuer: CompTIA
    kind: certification
    issued: 2026-06
    expires: 2029-06
    learned: How to troubleshoot hardware.
education:
  - institution: Austin Community College
"""
pytestmark = pytest.mark.slow


def build(tmp_path: Path, text: str, cache: Path) -> tuple[dict[str, bytes], list[str], list[str]]:
    source = tmp_path / "profile.yaml"
    source.write_text(text)
    result = build_profile(load_profile(source, today=TODAY), cache=cache)
    result.resolve()
    return result.files, result.reused, result.made


def test_a_warm_cache_gives_the_same_bytes_without_laying_out(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold, reused, made = build(tmp_path, PROFILE, cache)
    assert sorted(made) == ["docx", "docx", "pdf", "pdf"] and reused == []
    warm, reused, made = build(tmp_path, PROFILE, cache)
    assert made == [] and sorted(reused) == ["docx", "docx", "pdf", "pdf"]
    assert warm == cold


def test_only_the_artifact_whose_html_changed_is_laid_out(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    build(tmp_path, PROFILE, cache)
    # Education is on the resume only (the interview sheet's pitch uses the headline).
    edited = PROFILE.replace("Austin Community College", "Texas State University")
    _, reused, made = build(tmp_path, edited, cache)
    assert made == ["pdf", "docx"]  # the resume's; the interview sheet's are reused
    assert sorted(reused) == ["docx", "pdf"]


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:100],  # cut short
        lambda data: data[:-10] + b"0123456789",  # bytes changed
        lambda data: b"",  # emptied
        lambda data: b"not a cache entry at all",
    ],
    ids=["truncated", "altered", "empty", "foreign"],
)
def test_a_damaged_entry_is_ignored_and_laid_out_again(tmp_path: Path, damage: object) -> None:
    cache = tmp_path / "cache"
    good, _, _ = build(tmp_path, PROFILE, cache)
    for entry in cache.iterdir():
        entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
    again, reused, made = build(tmp_path, PROFILE, cache)
    assert reused == [] and sorted(made) == ["docx", "docx", "pdf", "pdf"]
    assert again == good


def test_an_unwritable_cache_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder would be")
    files, reused, _ = build(tmp_path, PROFILE, blocker)
    assert files["Sam-Lee-Resume.pdf"].startswith(b"%PDF-") and reused == []


def test_the_key_covers_paper_templates_and_version(tmp_path: Path) -> None:
    templates = tmp_path / "mine"
    templates.mkdir()
    plain = RenderCache(tmp_path / "c")
    theirs = RenderCache(tmp_path / "c", templates_dir=templates)
    assert plain.key("pdf", "<p>x</p>", "letter") != plain.key("pdf", "<p>x</p>", "a4")
    assert plain.key("pdf", "<p>x</p>", "letter") == RenderCache(tmp_path / "d").key(
        "pdf", "<p>x</p>", "letter"
    )
    (templates / "style.css").write_text("p { color: red }")
    assert RenderCache(tmp_path / "c", templates_dir=templates).key("pdf", "x") != theirs.key(
        "pdf", "x"
    )
    # Parts are length-prefixed: moving a boundary gives a different key.
    assert plain.key("pdf", "ab", "c") != plain.key("pdf", "a", "bc")


def test_canonical_refuses_what_it_cannot_describe() -> None:
    @dataclasses.dataclass(frozen=True)
    class View:
        when: dt.date
        items: tuple[str, ...]

    assert canonical(View(TODAY, ("a",))) == canonical(View(TODAY, ("a",)))
    assert canonical(View(TODAY, ("a",))) != canonical(View(TODAY, ("b",)))
    with pytest.raises(Uncacheable):
        canonical(object())


def test_a_plain_build_rewrites_nothing_when_nothing_changed(tmp_path: Path) -> None:
    source = tmp_path / "profile.yaml"
    source.write_text(PROFILE)
    out = tmp_path / "out"
    first = build_one(load_profile(source, today=TODAY), out, BuildOptions(), source)
    assert first.complete and first.unchanged == []
    mtimes = {p: p.stat().st_mtime_ns for p in first.written}
    second = build_one(load_profile(source, today=TODAY), out, BuildOptions(), source)
    assert second.complete and second.made == []
    assert sorted(second.unchanged) == sorted(first.written) == sorted(second.written)
    assert {p: p.stat().st_mtime_ns for p in second.written} == mtimes
