"""tools/catalog_facts.py: researched facts merged only from the issuer's own https pages;
renames, retirements and yearly fees land where the catalog reads them; a second run
changes nothing; the file it writes loads as the catalog."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from showcase.strategy import catalog as cat
from showcase.strategy._data import data_path
from tests.helpers import load_tool

ROOT = Path(__file__).resolve().parents[2]
PAGE = "https://aws.amazon.com/certification/certified-cloudops-engineer-associate/"


def tool() -> ModuleType:
    return load_tool("catalog_facts")


@pytest.fixture
def data() -> dict[str, Any]:
    return copy.deepcopy(json.loads(data_path("catalog.json").read_text("utf-8")))


def entry(data: dict[str, Any], entry_id: str) -> dict[str, Any]:
    found: list[dict[str, Any]] = [e for e in data["credentials"] if e["id"] == entry_id]
    assert len(found) == 1, entry_id
    return found[0]


ITEMS: list[dict[str, Any]] = [
    {
        "name": "AWS Certified CloudOps Engineer – Associate",
        "issuer": "Amazon Web Services",
        "catalog_id": "aws-cloudops-engineer-associate",
        "facts": {
            "status": {
                "value": "renamed",
                "formerly": "AWS Certified SysOps Administrator – Associate",
                "source": PAGE + "?utm_source=x",
                "checked": "2026-12-06",
            },
            "exam_code": {"value": "SOA-C03", "source": PAGE, "checked": "2026-12-06"},
            "cost": {
                "amount": 150,
                "currency": "USD",
                "source": "https://reading.serenaabinusa.workers.dev/readme-https-aws.amazon.com/x",
                "checked": "2026-12-06",
            },
            "level": {
                "value": "associate",
                "source": "http://aws.amazon.com/x",
                "checked": "2026-12-06",
            },
        },
    },
    {
        "name": "CISSP",
        "issuer": "ISC2",
        "catalog_id": "cissp",
        "facts": {
            "annual_fee": {
                "amount": 135,
                "currency": "USD",
                "source": "https://www.isc2.org/policies-procedures/amf",
                "checked": "2026-12-06",
            }
        },
    },
    {
        "name": "Microsoft Certified: Azure Security Engineer Associate (AZ-500)",
        "issuer": "Microsoft",
        "catalog_id": "ms-azure-security-engineer-az-500",
        "facts": {
            "retired_on": {
                "value": "2026-08-31",
                "source": "https://learn.microsoft.com/en-us/credentials/certifications/retired",
                "checked": "2026-12-06",
            }
        },
    },
    {"name": "Something New", "issuer": "Nobody", "catalog_id": None, "facts": {}},
]  # fmt: skip


def test_only_issuer_pages_are_merged(data: dict[str, Any]) -> None:
    result = tool().merge(data, copy.deepcopy(ITEMS))
    cloudops = entry(data, "aws-cloudops-engineer-associate")
    assert cloudops["facts"]["exam_code"]["value"] == "SOA-C03"
    assert "cost" not in cloudops["facts"] and "level" not in cloudops["facts"]
    rejected = "\n".join(result.rejected)
    assert "cost: source https://reading.serenaabinusa.workers.dev" in rejected
    assert "level: source http://aws.amazon.com/x" in rejected
    assert "Something New: not in the catalog" in rejected


def test_renames_retirements_and_fees_land_where_the_catalog_reads_them(
    data: dict[str, Any],
) -> None:
    tool().merge(data, copy.deepcopy(ITEMS))
    sysops = entry(data, "aws-sysops-administrator-associate")
    assert sysops["facts"]["status"]["value"] == "renamed"
    assert sysops["facts"]["status"]["replaced_by"] == "aws-cloudops-engineer-associate"
    assert sysops["facts"]["status"]["source"] == PAGE  # tracking parameters dropped
    az500 = entry(data, "ms-azure-security-engineer-az-500")["facts"]["status"]
    assert (az500["value"], az500["retired_on"]) == ("retired", "2026-08-31")
    fee = entry(data, "cissp")["facts"]["renewal"]["fee"]
    assert (fee["amount"], fee["per"]) == (135, "year")
    assert fee["source"] == "https://www.isc2.org/policies-procedures/amf"
    merged = cat.load_catalog(data)  # what the tool made is a valid catalog
    old = merged.get("aws-sysops-administrator-associate")
    assert old is not None and merged.successor(old) is merged.get(
        "aws-cloudops-engineer-associate"
    )
    assert tool().merge(data, copy.deepcopy(ITEMS)).merged == 0  # a second run: no change
    # A rule researched again keeps the yearly fee read on its own page.
    rule = copy.deepcopy(entry(data, "cissp")["facts"]["renewal"])
    del rule["fee"]
    again = {"name": "CISSP", "issuer": "ISC2", "catalog_id": "cissp", "facts": {"renewal": rule}}
    assert tool().merge(data, [again]).merged == 0
    assert entry(data, "cissp")["facts"]["renewal"]["fee"]["amount"] == 135


def test_a_rename_to_a_name_not_in_the_catalog_makes_its_entry(data: dict[str, Any]) -> None:
    item = {
        "name": "Tableau Desktop Foundations",
        "issuer": "Tableau (Salesforce)",
        "catalog_id": "tableau-desktop-specialist",
        "facts": {
            "status": {
                "value": "renamed",
                "formerly": "Tableau Desktop Specialist",
                "source": "https://www.tableau.com/learn/certification/desktop-foundations",
                "checked": "2026-12-06",
            }
        },
    }
    tool().merge(data, [item])
    new = entry(data, "tableau-desktop-foundations")
    old = entry(data, "tableau-desktop-specialist")
    assert new["name"] == "Tableau Desktop Foundations" and new["terms"] == old["terms"]
    assert old["facts"]["status"]["replaced_by"] == "tableau-desktop-foundations"
    cat.load_catalog(data)


def test_the_written_file_keeps_its_header_and_loads(tmp_path: Path, data: dict[str, Any]) -> None:
    module = tool()
    target = tmp_path / "catalog.yaml"
    shutil.copy(ROOT / "src" / "showcase" / "data" / "catalog.yaml", target)
    module.merge(data, copy.deepcopy(ITEMS))
    module.write(data, target)
    text = target.read_text("utf-8")
    assert text.startswith("# showcase credential catalog")
    assert json.loads(target.with_suffix(".json").read_text("utf-8")) == data


def test_a_course_renewal_and_a_shared_name_survive_the_merge_and_the_file(
    tmp_path: Path, data: dict[str, Any]
) -> None:
    """AHA cards are renewed by taking the course again (`how: course`), and their names are
    given by other bodies too (`shared_name`): neither is lost on the way to the file."""
    module = tool()
    card = entry(data, "comptia-a-plus")
    card["shared_name"] = True
    item = {
        "name": card["name"],
        "issuer": "CompTIA",
        "catalog_id": "comptia-a-plus",
        "facts": {
            "renewal": {
                "how": "take the course again",
                "period_years": 2,
                "text": "Take the course again every two years.",
                "source": "https://www.comptia.org/renew",
                "checked": "2026-12-06",
            }
        },
    }
    assert module.merge(data, [item]).merged == 1
    assert card["facts"]["renewal"]["how"] == "course"
    target = tmp_path / "catalog.yaml"
    shutil.copy(ROOT / "src" / "showcase" / "data" / "catalog.yaml", target)
    module.write(data, target)
    assert "    shared_name: true\n" in target.read_text("utf-8")
    written = cat.load_catalog(json.loads(target.with_suffix(".json").read_text("utf-8")))
    entry_written = written.get("comptia-a-plus")
    assert entry_written is not None and entry_written.shared_name
    assert entry_written.facts.renewal is not None
    # (CompTIA's yearly fee, read on a page of its own, stays)
    assert entry_written.facts.renewal.summary().startswith("every 2 years: the course again")
