"""The bundled vocabulary and catalog: the rules their authors checked, kept as tests."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from showcase.strategy import catalog as cat
from showcase.strategy._data import DATA_FILES, data_path, twin_text
from showcase.strategy.vocabulary import Field_, TermKind, normalize, vocabulary

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


def test_catalog_has_150_credentials_with_unique_ids() -> None:
    ids = [e.id for e in CATALOG.credentials]
    assert len(ids) >= 150
    assert [i for i, n in Counter(ids).items() if n > 1] == []


def test_catalog_has_no_duplicates() -> None:
    keys = Counter((normalize(e.short_name), normalize(e.issuer)) for e in CATALOG.credentials)
    assert [k for k, n in keys.items() if n > 1] == []


def test_every_catalog_term_is_a_vocabulary_name() -> None:
    for entry in CATALOG.credentials:
        for term in entry.terms:
            found = VOCAB.find(term)
            assert found is not None, f"{entry.id}: {term!r} is not in the vocabulary"
            assert found.name == term, f"{entry.id}: write {found.name!r}, not {term!r}"
        assert len(set(entry.terms)) == len(entry.terms), entry.id


def test_a_certification_evidences_its_own_term() -> None:
    for entry_id, term in [("pmp", "PMP"), ("comptia-a-plus", "CompTIA A+"), ("cissp", "CISSP")]:
        entry = cat.find(entry_id)
        assert entry is not None and entry.terms[0] == term


def test_recognised_issuers_are_issuers_of_the_catalog() -> None:
    issuers = {e.issuer for e in CATALOG.credentials}
    assert set(CATALOG.recognised_issuers) <= issuers


def test_find_by_id_name_and_short_name() -> None:
    pmp = cat.find("pmp")
    assert pmp is not None
    assert cat.find("Project Management Professional (PMP)") is pmp
    assert cat.find("project management professional") is pmp
    assert cat.find("no such credential") is None


def test_for_terms_puts_the_named_credential_and_exams_first() -> None:
    assert [e.id for e in cat.for_terms(["PMP"])][:1] == ["pmp"]
    ranked = cat.for_terms(["Project management"])
    ranks = [cat.ASSESSMENT_RANK[e.assessment] for e in ranked]
    assert ranks == sorted(ranks)
    assert "pmp" not in [e.id for e in cat.for_terms(["PMP"], exclude=["pmp"])]


def test_renewal_rule() -> None:
    rule = cat.renewal_rule("CISSP")
    assert rule is not None and rule.validity_years == 3 and rule.fact is not None
    assert rule.fact.how == cat.RenewalHow.CREDITS and rule.fact.credits == 120
    assert rule.fact.fee is not None and rule.fact.fee.per == "year"
    assert rule.summary == "every 3 years: 120 credits + $125 a year"
    assert rule.source and cat.host(rule.source[0]) == "www.isc2.org"
    assert cat.renewal_rule("no such credential") is None


def test_cost_reads_as_people_say_it() -> None:
    entry = cat.find("gcp-cloud-digital-leader")
    assert entry is not None and entry.cost is not None and entry.cost.startswith("$99 (")


def test_catalog_json_is_the_yaml() -> None:
    raw = json.loads(data_path("catalog.json").read_text("utf-8"))
    assert len(raw["credentials"]) == len(CATALOG.credentials)
