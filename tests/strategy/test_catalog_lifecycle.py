"""Renamed and retired credentials: never suggested, the earned name kept on the resume,
the new name in `review`; exam codes and earlier names recognised; `showcase catalog`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from showcase.cli import cli
from showcase.strategy import catalog as cat
from showcase.strategy import catalog_renewal
from showcase.views.resume import resume_view
from showcase.views.review.checks import review
from tests.helpers import load

TODAY = dt.date(2026, 12, 6)
PAGE = {"source": "https://www.example.org/page", "checked": "2026-12-06"}


def entry(entry_id: str, name: str, **facts: Any) -> dict[str, Any]:
    return {
        "id": entry_id,
        "name": name,
        "issuer": "Example Body",
        "kind": "certification",
        "assessment": "exam",
        "terms": ["Cloud computing"],
        "facts": facts,
    }


MINI = {
    "version": 2,
    "recognised_issuers": ["Example Body"],
    "issuer_domains": {"Example Body": ["www.example.org"]},
    "credentials": [
        entry(
            "new-cert",
            "Example Cloud Engineer",
            renewal={"how": "exam", "period_years": 3, "text": "Pass the exam again.", **PAGE},
            exam_code={"value": "EXC-C02", **PAGE},
        ),
        entry(
            "old-cert",
            "Example Cloud Administrator",
            status={"value": "renamed", "replaced_by": "new-cert", **PAGE},
        ),
        entry(
            "gone-cert",
            "Example Gone Specialist",
            status={"value": "retired", "retired_on": "2025-03-31", **PAGE},
        ),
        entry(
            "going-cert",
            "Example Going Associate",
            status={"value": "retired", "retired_on": "2027-01-31", **PAGE},
        ),
    ],
}


@pytest.fixture
def mini(monkeypatch: pytest.MonkeyPatch) -> cat.Catalog:
    catalog = cat.load_catalog(MINI)
    monkeypatch.setattr(cat, "catalog", lambda: catalog)
    return catalog


def ids(entries: list[cat.Entry]) -> list[str]:
    return [e.id for e in entries]


def test_suggestions_never_offer_a_retired_or_renamed_credential(mini: cat.Catalog) -> None:
    assert ids(cat.for_terms(["Cloud computing"], today=TODAY)) == ["new-cert", "going-cert"]
    after = dt.date(2027, 2, 1)
    assert ids(cat.for_terms(["Cloud computing"], today=after)) == ["new-cert"]
    assert ids(cat.for_terms(["Cloud computing"])) == ["new-cert"]  # no day: not retiring
    # Holding the old name is holding the new one: it is not suggested either.
    assert ids(cat.for_terms(["Cloud computing"], exclude=["old-cert"], today=TODAY)) == [
        "going-cert"
    ]


def test_renamed_entries_follow_to_their_successor(mini: cat.Catalog) -> None:
    old = cat.find("Example Cloud Administrator")
    assert old is not None and old.status == cat.Lifecycle.RENAMED
    later = cat.successor(old)
    assert later is not None and later.id == "new-cert"
    rule = catalog_renewal.renewal_rule(old)  # none of its own: its successor's
    assert rule is not None and rule.entry_id == "new-cert" and rule.validity_years == 3


def test_exam_codes_find_their_credential(mini: cat.Catalog) -> None:
    for spelling in ("EXC-C02", "exc-c02", "Example thing (EXC-C02)"):
        found = cat.find(spelling)
        assert found is not None and found.id == "new-cert", spelling
    assert cat.find("EXC-C03") is None


def test_the_renamed_credential_keeps_its_name_on_the_resume_and_review_names_the_new_one(
    tmp_path: Path, mini: cat.Catalog
) -> None:
    profile = """
    name: Sam Lee
    credentials:
      - name: Example Cloud Administrator
        issuer: Example Body
        kind: certification
        issued: 2025-05
        url: https://www.example.org/verify/1
      - name: Example Gone Specialist
        issuer: Example Body
        kind: certification
        issued: 2024-01
        url: https://www.example.org/verify/2
    """
    loaded = load(tmp_path, profile, today=TODAY)
    view = resume_view(loaded)
    names = [e.facts.name for group in view.credential_groups for e in group.entries]
    assert "Example Cloud Administrator" in names and "Example Cloud Engineer" not in names
    findings = {f.code: f for f in review(loaded).findings}
    renamed = findings["renamed"]
    assert renamed.credentials == ("Example Cloud Administrator",)
    assert "renamed Example Cloud Administrator to Example Cloud Engineer" in renamed.message
    assert "Keep the name you earned" in renamed.fix
    retired = findings["retired"]
    assert "retired Example Gone Specialist on 2025-03-31" in retired.message
    assert "no longer be renewed" in retired.message


def test_the_real_catalogs_renames_are_found_under_both_names() -> None:
    for entry_ in cat.catalog().credentials:
        if entry_.status == cat.Lifecycle.RENAMED:
            assert cat.find(entry_.name) is entry_
            later = cat.successor(entry_)
            assert later is not None and cat.find(later.name) is later


# --- showcase catalog ------------------------------------------------------------------------


def run(*args: str) -> Any:
    result = CliRunner().invoke(cli, ["catalog", *args])
    assert result.exit_code == 0, result.output
    return result


def test_catalog_table_filters_by_every_word() -> None:
    out = run("aws", "associate", "--today", TODAY.isoformat()).stdout
    lines = out.splitlines()
    assert lines[0].split() == [
        "name", "issuer", "level", "assessment", "hours", "cost", "renewal",
    ]  # fmt: skip
    body = lines[1:-1]
    assert body and all("Associate" in line and "Amazon Web Services" in line for line in body)
    assert "every 3 years: exam" in out
    assert lines[-1].startswith(f"{len(body)} credentials;")


def test_catalog_query_words_match_the_start_of_words() -> None:
    out = run("comptia", "a+").stdout
    assert "CompTIA A+" in out and "CySA+" not in out and "Data+" not in out
    assert "CompTIA Security+" in run("secur", "comptia").stdout


def test_catalog_finds_by_exam_code_and_says_unknown_as_a_dash() -> None:
    out = run("az-900").stdout
    assert "Azure Fundamentals (AZ-900)" in out and "does not expire" in out
    assert run("no such thing anywhere").stdout == "no credential in the catalog matches\n"


def test_catalog_json_gives_each_facts_source_and_date() -> None:
    data = json.loads(run("cissp", "--format", "json").stdout)
    (cissp,) = [e for e in data["catalog"] if e["id"] == "cissp"]
    renewal = cissp["facts"]["renewal"]
    assert renewal["how"] == "credits" and renewal["credits"] == 120
    assert renewal["source"].startswith("https://www.isc2.org/")
    assert renewal["checked"] == "2026-12-06"
    assert renewal["fee"]["per"] == "year" and renewal["fee"]["source"].startswith("https://")
    assert list(renewal)[:1] == ["how"]  # the value first, then where and when


def test_catalog_stale_lists_facts_older_than_a_year(mini: cat.Catalog) -> None:
    assert "no fact was checked more than a year" in run("--stale", "--today", "2027-12-06").stdout
    out = run("--stale", "--today", "2027-12-08").stdout
    assert out.startswith("5 facts checked more than a year before 2027-12-08")
    assert "2026-12-06  new-cert.renewal  https://www.example.org/page" in out
    data = json.loads(run("--stale", "--today", "2027-12-08", "--format", "json").stdout)
    assert {f["id"] for f in data["stale"]} == {"new-cert", "old-cert", "gone-cert", "going-cert"}
    assert all(f["days"] == 367 for f in data["stale"])


def test_month_only_dates_count_from_the_first_day() -> None:
    assert cat.checked_day("2026-11") == dt.date(2026, 11, 1)
    assert cat.checked_day("2026-12-06") == dt.date(2026, 12, 6)
