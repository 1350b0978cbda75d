"""Matching that a careful reader would accept."""

from __future__ import annotations

import pytest

from showcase.strategy.matcher import matcher
from showcase.strategy.vocabulary import normalize

M = matcher()


def names(text: str) -> set[str]:
    return {term.name for term in M.terms(text)}


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("An excellent communicator who will excel here", set(), {"Excel"}),
        ("Advanced Excel (pivot tables) required", {"Excel"}, set()),
        ("Partner with R&D on statistics and Python", {"Python"}, {"R"}),
        ("Statistical modelling in R and Python", {"R", "Python"}, set()),
        ("Present to the C-suite; a go-getter", set(), {"C", "Go"}),
        ("Go ahead and go to the store", set(), {"Go"}),
        ("Build backend microservices in Go and Python", {"Go", "Python"}, set()),
        (
            "GA4, AdWords and search engine optimization",
            {"Google Analytics", "Google Ads", "SEO"},
            set(),
        ),
        ("Run A/B tests and split testing", {"A/B testing"}, set()),
        ("C# and C++ on ASP.NET", {"C#", "C++", ".NET"}, {"C"}),
        # Bilingual and Spanish, both asked for, whichever comes first.
        ("Bilingual Spanish/English strongly preferred", {"Bilingual", "Spanish"}, set()),
        ("Bilingual English/Spanish a plus", {"Bilingual", "Spanish"}, set()),
        ("Bilingual in Spanish", {"Bilingual", "Spanish"}, set()),
        ("Experience caring for residents with dementia", {"Dementia care"}, set()),
        ("Supervise CNAs on the night shift", {"Team supervision"}, set()),
    ],
)
def test_traps(text: str, present: set[str], absent: set[str]) -> None:
    found = names(text)
    assert present <= found
    assert not (absent & found)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Two years of ICU or ED experience", {"Critical care nursing", "Emergency nursing"}),
        ("Email and social media marketing", {"Email marketing", "Social media marketing"}),
        ("Lead risk and change management", {"Risk management", "Change management"}),
        ("Assess and educate patients and families", {"Patient assessment", "Patient education"}),
        ("Rapid assessments and reassessments of patients", {"Patient assessment"}),
        ("Supervise and support certified nursing assistants", {"Team supervision"}),
    ],
)
def test_a_word_two_others_share_is_read_with_each(text: str, present: set[str]) -> None:
    """ "ICU or ED experience" is ICU experience or ED experience (ellipsis: the words
    before "and"/"or" share what follows the second)."""
    assert names(text) == present


def test_a_shared_word_keeps_the_whole_phrase_and_the_senses() -> None:
    found = M.terms("Perform neurological and hemodynamic assessments")
    assert [(t.name, w) for t, w in found.items()] == [
        ("Patient assessment", "neurological and hemodynamic assessments")
    ]
    # The sense rules still hold at the phrase's end ("critical care units": the ward).
    assert "Critical care nursing" not in names("Float to our critical and intensive care units")
    # A word that is a term of its own is read so, not joined ("Excel and Word documents").
    assert names("Excel and Word documents") == {"Excel", "Microsoft Word"}
    # Nor is a guarded spelling made so: "tier ... 2" only as "tier 2" in a list.
    assert "Tier 2 support" not in names("Choose a tier or level 2 plan for help desk staff")


def test_certifications_asked_for_are_certification_terms() -> None:
    found = M.terms("PMP a plus. Google Ads certification preferred.")
    kinds = {term.name: term.kind.value for term in found}
    assert kinds == {"PMP": "certification", "Google Ads Certification": "certification"}


def test_each_term_once_with_the_first_spelling() -> None:
    found = M.terms("Google Analytics 4 daily; Google Analytics and GA4 reports")
    assert [(t.name, w) for t, w in found.items()] == [("Google Analytics", "Google Analytics 4")]


def test_profile_lists_need_no_context() -> None:
    assert "R" in {t.name for t in M.terms("Cleaned the data in R", context=False)}
    assert "R" not in names("Cleaned the data in R")


def test_spellings_collapse_whitespace_as_the_regex_did() -> None:
    """`normalize` splits instead of `re.sub(r"\\s+", ...)`: the same for every character."""
    import re
    import sys

    text = "".join(map(chr, range(sys.maxunicode + 1)))
    spaces = "".join(re.findall(r"\s", text))
    assert spaces == "".join(ch for ch in text if ch.isspace())
    for sample in ["  Google   Ads ", f"A{spaces}B", f"{spaces}x{spaces}", "Tab\tand\nline", ""]:
        assert normalize(sample) == re.sub(r"\s+", " ", sample.strip()).casefold()


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Give scheduled and PRN medications", {"Medication administration"}),
        (
            "Administer oral, IV and subcutaneous medications",
            {"Medication administration", "IV therapy"},
        ),
        ("Titrate nitroglycerin and insulin drips per protocol", {"Drip titration"}),
    ],
)
def test_a_spelling_in_two_parts_reads_across_a_few_words(text: str, present: set[str]) -> None:
    """ "give ... medications": the words between (up to five, with commas, "and", "or")
    name which; the words inside are read on their own too ("IV ... medications")."""
    assert names(text) == present


@pytest.mark.parametrize(
    "text",
    [
        "Give feedback. Review medications with the pharmacist.",  # a sentence between
        "Give new hires a tour of the unit, then explain medications",  # too far apart
        "Give (with the pharmacist) medications",  # no brackets between
    ],
)
def test_a_spelling_in_two_parts_stays_in_one_phrase(text: str) -> None:
    assert "Medication administration" not in names(text)


def test_a_guarded_verb_counts_before_in_and_a_tool_of_its_field() -> None:
    """ "Chart in Epic Stork", "document in Cerner": a nurse's systems confirm the verb as
    charting, and stay terms of their own; Confluence or Excel do not (not a nurse's)."""
    found = M.terms("Chart in Epic Stork and give handoff to the next patient's nurse")
    assert [t.name for t in found] == ["Clinical documentation", "Epic"]
    assert names("Learn to document in the Cerner PowerChart for patients") == {
        "Clinical documentation",
        "Cerner",
    }
    assert "Clinical documentation" not in names("Document in Confluence for the clinical team")
    assert "Clinical documentation" not in names("Build a chart in Excel of patient volumes")
