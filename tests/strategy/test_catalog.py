"""The catalog: its credentials, lookups, renewal rules and costs, and its JSON twin."""

from __future__ import annotations

import json
from collections import Counter

from showcase.strategy import catalog as cat
from showcase.strategy import catalog_renewal
from showcase.strategy._data import data_path
from showcase.strategy.vocabulary import normalize, vocabulary

VOCAB = vocabulary()


CATALOG = cat.catalog()


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
    rule = catalog_renewal.renewal_rule("CISSP")
    assert rule is not None and rule.validity_years == 3 and rule.fact is not None
    assert rule.fact.how == cat.RenewalHow.CREDITS and rule.fact.credits == 120
    assert rule.fact.fee is not None and rule.fact.fee.per == "year"
    assert rule.summary == "every 3 years: 120 credits + $125 a year"
    assert rule.source and cat.host(rule.source[0]) == "www.isc2.org"
    assert catalog_renewal.renewal_rule("no such credential") is None


def test_cost_reads_as_people_say_it() -> None:
    entry = cat.find("gcp-cloud-digital-leader")
    assert entry is not None and entry.cost is not None and entry.cost.startswith("$99 (")


def test_catalog_json_is_the_yaml() -> None:
    raw = json.loads(data_path("catalog.json").read_text("utf-8"))
    assert len(raw["credentials"]) == len(CATALOG.credentials)
