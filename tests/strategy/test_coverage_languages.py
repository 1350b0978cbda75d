"""A language the profile lists at a working level is evidence (QA, 2026-12-06: `gaps`
and the match report told a native Spanish speaker that "Bilingual English/Spanish
preferred" was missing)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from showcase.profile import load_profile
from showcase.strategy.coverage import profile_evidence
from showcase.strategy.matcher import matcher


def _shown(tmp_path: Path, languages: str, locale: str = "") -> set[str]:
    (tmp_path / "p.yaml").write_text(
        f"name: María Núñez\ncontact: {{email: m@example.com}}\n{locale}languages:\n{languages}",
        encoding="utf-8",
    )
    loaded = load_profile(tmp_path / "p.yaml", today=dt.date(2026, 12, 6))
    return {term.name for term in profile_evidence(loaded, matcher())}


@pytest.mark.parametrize("level", ["native", "full professional", "professional working"])
def test_a_working_language_is_shown_and_makes_an_english_writer_bilingual(
    tmp_path: Path, level: str
) -> None:
    shown = _shown(tmp_path, f"  - {{language: Spanish, level: {level}}}\n")
    assert {"Spanish", "Bilingual"} <= shown


@pytest.mark.parametrize("level", ["elementary", "limited working"])
def test_a_few_words_of_a_language_are_not_evidence(tmp_path: Path, level: str) -> None:
    shown = _shown(tmp_path, f"  - {{language: Spanish, level: {level}}}\n")
    assert not {"Spanish", "Bilingual"} & shown


def test_one_language_in_a_profile_not_in_english_is_not_bilingual(tmp_path: Path) -> None:
    shown = _shown(tmp_path, "  - {language: Spanish, level: native}\n", "locale: es-MX\n")
    assert "Spanish" in shown and "Bilingual" not in shown
    two = _shown(
        tmp_path,
        "  - {language: Spanish, level: native}\n  - {language: Mandarin, level: native}\n",
        "locale: es-MX\n",
    )
    assert {"Spanish", "Mandarin", "Bilingual"} <= two


def test_a_language_named_with_its_word_is_found(tmp_path: Path) -> None:
    assert "French language" in _shown(tmp_path, "  - {language: French, level: native}\n")
