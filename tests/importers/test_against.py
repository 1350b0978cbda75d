"""Deciding each imported entry against a profile: new, held, another issue or incomplete;
a new one gets an id no credential uses."""

from __future__ import annotations

import datetime as dt

from showcase.importers.against import Verdict, decide, profile_entry
from showcase.importers.result import DESCRIPTION, Imported
from showcase.profile.models import Credential


def held(**fields: str) -> Credential:
    return Credential.model_validate(fields)


def test_a_new_entry_whose_name_makes_a_used_id_gets_a_free_one() -> None:
    profile = [
        held(name="Teamwork", issuer="Acme", issued="2012"),
        held(id="teamwork-2", name="T2", issuer="B", issued="2013"),
    ]
    result = Imported("badge.json", "Open Badges 3.0")
    result.credentials = [
        {"name": "Teamwork", "issuer": "Example Corp", "issued": "2010-01-01"},
        {"name": "Teamwork", "issuer": "Acme", "issued": "2012"},
    ]
    decisions, _ = decide([result], profile)
    assert [d.verdict for d in decisions] == [Verdict.NEW, Verdict.HELD]
    assert decisions[0].entry["id"] == "teamwork-3"
    assert decisions[1].other == "`Teamwork` (teamwork)"


def test_incomplete_entries_and_the_issuers_description() -> None:
    result = Imported("Certifications.csv", "LinkedIn Certifications.csv")
    result.credentials = [
        {"name": "Undated", "issuer": "Acme", "issued": "TODO"},
        {"name": "Dated", "issuer": "Acme", "issued": "2024-04-18", DESCRIPTION: "About it."},
    ]
    decisions, _ = decide([result], [])
    assert [d.verdict for d in decisions] == [Verdict.INCOMPLETE, Verdict.NEW]
    assert decisions[0].missing == ["issued"]
    assert "does not give its `issued:`" in decisions[0].line(into=True)
    assert profile_entry(decisions[1].entry) == {
        "name": "Dated",
        "issuer": "Acme",
        "issued": dt.date(2024, 4, 18),
    }
    assert decisions[1].line(into=True, dry_run=True) == "would add: `Dated` (Certifications.csv)"


def test_a_year_is_written_as_a_number() -> None:
    entry = {"name": "A", "issuer": "B", "issued": "2021", "expires": "2024-02"}
    assert profile_entry(entry) == {
        "name": "A",
        "issuer": "B",
        "issued": 2021,
        "expires": "2024-02",
    }
