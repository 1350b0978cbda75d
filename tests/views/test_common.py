"""Shortening text to a limit: the paths a long post or headline takes; a credential
with its issuer."""

from __future__ import annotations

import pytest

from showcase.profile import Credential
from showcase.views.common import join_words, of_issuer, same_title, shorten


def test_text_that_fits_is_unchanged() -> None:
    assert shorten("Short enough.", 50) == "Short enough."


def test_cut_at_a_sentence_when_one_ends_late_enough() -> None:
    text = "First sentence is here. Second one runs on and on past the limit."
    assert shorten(text, 40) == "First sentence is here."


def test_cut_at_a_word_with_an_ellipsis_when_no_sentence_ends_in_time() -> None:
    text = "One very long sentence without any full stop that goes on and on"
    out = shorten(text, 30)
    assert out.endswith("…") and len(out) <= 30
    assert text.startswith(out[:-1])
    assert not out[:-1].endswith(" ")


def test_nothing_when_not_even_one_word_fits() -> None:
    assert shorten("Supercalifragilisticexpialidocious", 10) == ""
    assert shorten("abc def", 1) == ""


def test_join_words() -> None:
    assert join_words([]) == ""
    assert join_words(["a"]) == "a"
    assert join_words(["a", "b"]) == "a and b"
    assert join_words(["a", "b", "c"]) == "a, b and c"


@pytest.mark.parametrize(
    ("name", "issuer", "said"),
    [
        # The name says who issued it: "the Google Ads Search Certification from Google"
        # said Google twice (QA, 2026-12-06: every pitch, About section and letter).
        ("Google Ads Search Certification", "Google", "the Google Ads Search Certification"),
        ("CompTIA A+", "CompTIA", "the CompTIA A+"),
        ("Zendesk Support Administrator", "Zendesk", "the Zendesk Support Administrator"),
        # It does not: the issuer is said.
        (
            "Content Marketing Certification",
            "HubSpot Academy",
            "the Content Marketing Certification from HubSpot Academy",
        ),
        (
            "HubSpot Content Marketing",
            "HubSpot Academy",
            "the HubSpot Content Marketing from HubSpot Academy",
        ),
        ("Googleplex Tour Badge", "Google", "the Googleplex Tour Badge from Google"),
        (
            "Registered Nurse License",
            "Texas Board of Nursing",
            "the Registered Nurse License from the Texas Board of Nursing",
        ),
        # A card written by its letters, from the issuer the catalog knows them from, is
        # said by its whole name: "I'm building on the BLS from AHA" (QA, stop 38).
        (
            "BLS",
            "AHA",
            "the Basic Life Support (BLS) from the American Heart Association (AHA)",
        ),
        (
            "PALS",
            "American Heart Association",
            "the Pediatric Advanced Life Support (PALS) from the American Heart Association",
        ),
        # ... never when the catalog cannot be sure which card it is.
        # (The Red Cross takes "the" as every body does: org_name.)
        ("BLS", "American Red Cross", "the BLS from the American Red Cross"),
        ("XYZ", "AHA", "the XYZ from AHA"),
        ("BLS", "American", "the BLS from American"),
        ("Bls", "AHA", "the Bls from AHA"),  # not letters alone: maybe something else
    ],
)
def test_a_credential_names_its_issuer_once(name: str, issuer: str, said: str) -> None:
    credential = Credential.model_validate({"name": name, "issuer": issuer, "issued": "2025-01"})
    assert of_issuer(credential) == said


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Registered Nurse, Medical-Surgical", "Registered Nurse - Medical/Surgical", True),
        ("data analyst", "Data Analyst", True),
        # The sign is part of the language's name: a C developer who wants a C++ role is
        # moving (the pitch and the letter's bridge said nothing of it).
        ("C Developer", "C++ Developer", False),
        ("C Developer", "C# Developer", False),
        ("C++ Developer", "C++ developer", True),
    ],
)
def test_one_title_whatever_its_punctuation(a: str, b: str, same: bool) -> None:
    assert same_title(a, b) is same
