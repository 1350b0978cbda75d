"""The bundled vocabulary and catalog: the rules their authors checked, kept as tests."""

from __future__ import annotations

from collections import Counter

import pytest

from showcase.strategy import catalog as cat
from showcase.strategy._data import DATA_FILES, data_path, twin_text
from showcase.strategy.vocabulary import Field_, TermKind, Vocabulary, normalize, vocabulary

VOCAB = vocabulary()
CATALOG = cat.catalog()

# Everyday words that would match nearly every posting; never a name or an alias.
GENERIC = {
    "communication", "communications", "teamwork", "leadership", "management", "data",
    "marketing", "word", "access", "teams", "outlook", "windows", "sales", "finance",
    "excel at", "project", "analysis", "support", "box", "office", "cloud", "security",
}  # fmt: skip
# Short names reviewed as unambiguous in job postings.
REVIEWED_SHORT = {"ml", "s3", "js", "c#", "qa", "qc", "5s"}


@pytest.mark.parametrize("stem", DATA_FILES)
def test_json_twins_say_what_the_yaml_says(stem: str) -> None:
    """After editing a YAML file: python -m showcase.strategy._data."""
    assert data_path(f"{stem}.json").read_text("utf-8") == twin_text(stem), (
        f"{stem}.json is stale; run python -m showcase.strategy._data"
    )


def test_vocabulary_is_large_and_covers_every_field() -> None:
    assert VOCAB.version == 1
    assert len(VOCAB.terms) >= 800
    per_field = Counter(f for t in VOCAB.terms for f in set(t.fields))
    for field in Field_:
        assert per_field[field] >= 50, field
    assert {t.kind for t in VOCAB.terms} == set(TermKind)


def test_every_spelling_leads_to_one_term() -> None:
    assert VOCAB.duplicates() == []


def test_implies_and_any_of_name_terms() -> None:
    assert VOCAB.dangling() == []
    for term in VOCAB.terms:
        assert term.guarded == [] or term.qualifiers, term.name  # a list or a qualifier
        assert term.name not in term.implies and term.name not in term.any_of


def test_a_term_takes_only_another_terms_spelling_and_only_in_a_context() -> None:
    """`takes` (AWS IAM: "IAM" beside AWS) names another term's spelling, and the taker has
    context words: without them it would take the spelling everywhere."""
    base = {"kind": "tool", "fields": ["cloud"]}
    skill = {"name": "Identity and access management", "aliases": ["IAM"], **base}
    for taker, wrong in (
        ({"name": "AWS IAM", "takes": ["IAM"]}, "no context"),
        ({"name": "AWS IAM", "takes": ["Okta"], "context": ["AWS"]}, "no term's spelling"),
        ({"name": "AWS IAM", "takes": ["AWS IAM"], "context": ["AWS"]}, "its own"),
    ):
        vocab = Vocabulary.model_validate({"version": 1, "terms": [skill, {**base, **taker}]})
        assert vocab.dangling(), wrong
    good = {"name": "AWS IAM", "takes": ["IAM"], "context": ["AWS"], **base}
    assert Vocabulary.model_validate({"version": 1, "terms": [skill, good]}).dangling() == []


def test_no_generic_words_and_short_names_are_guarded() -> None:
    for term in VOCAB.terms:
        assert not term.fields or len(set(term.fields)) == len(term.fields), term.name
        for spelling in [term.name, *term.aliases]:  # guarded spellings are guarded
            assert normalize(spelling) not in GENERIC, spelling
            if len(spelling) <= 2 and normalize(spelling) not in REVIEWED_SHORT:
                assert term.case_sensitive or term.context, spelling


@pytest.mark.parametrize(
    ("spelling", "name"),
    [
        ("GA4", "Google Analytics"),
        ("google analytics 4", "Google Analytics"),
        ("AdWords", "Google Ads"),
        ("search engine optimization", "SEO"),
        ("A/B tests", "A/B testing"),
        ("split testing", "A/B testing"),
        ("Project Management Professional", "PMP"),
        ("Golang", "Go"),
    ],
)
def test_spellings_of_the_brief(spelling: str, name: str) -> None:
    term = VOCAB.find(spelling)
    assert term is not None and term.name == name


@pytest.mark.parametrize("name", ["R", "C", "Go", "Swift", "Epic", "Excel"])
def test_ambiguous_names_match_exact_case(name: str) -> None:
    term = VOCAB.find(name)
    assert term is not None and term.case_sensitive


@pytest.mark.parametrize("name", ["R", "C", "Go", "Swift", "Epic"])
def test_ambiguous_names_count_only_in_context(name: str) -> None:
    term = VOCAB.find(name)
    assert term is not None and term.context


def test_certifications_are_terms_of_kind_certification() -> None:
    for name in ["PMP", "CAPM", "CompTIA A+", "CISSP", "SHRM-CP", "Google Ads Certification"]:
        term = VOCAB.find(name)
        assert term is not None and term.kind == TermKind.CERTIFICATION, name


def test_a_job_title_leads_to_one_term_and_is_not_its_own_spelling() -> None:
    """`titles`: each job title evidences one term, and is not already a spelling of it
    (which every text, postings too, reads already)."""
    titles = [normalize(s) for t in VOCAB.terms for s in t.titles]
    assert len(titles) >= 40
    assert [s for s, n in Counter(titles).items() if n > 1] == []
    for term in VOCAB.terms:
        assert not {normalize(s) for s in term.titles} & {normalize(s) for s in term.spellings}, (
            term.name
        )
