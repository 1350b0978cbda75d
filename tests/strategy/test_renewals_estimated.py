"""`renewals` without `expires`: the catalog's period gives an estimated date (marked, with a
request to add `expires`), "does not expire" is said as such, a retiring credential's
renewal path has its end date, and `--format json` carries all of it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from showcase.cli import cli
from showcase.strategy import catalog as cat
from showcase.strategy.renewals import add_years, renewals
from tests.helpers import load, write_profile

TODAY = dt.date(2026, 12, 6)

PROFILE = """
name: Robin Hale
credentials:
  - name: "Microsoft Certified: Azure Administrator Associate (AZ-104)"
    issuer: Microsoft
    issued: 2026-03-10
  - name: CISSP
    issuer: ISC2
    issued: 2024-02
  - name: "Microsoft Certified: Azure Fundamentals (AZ-900)"
    issuer: Microsoft
    issued: 2023
  - name: Homemade Badge
    issuer: Nobody Institute
    issued: 2025
  - name: CompTIA Security+
    issuer: CompTIA
    issued: 2020-01-15
    expires: 2023-01-15
"""


def test_missing_expires_is_estimated_from_the_catalogs_period(tmp_path: Path) -> None:
    report = renewals(load(tmp_path, PROFILE, today=TODAY))
    by_name = {r.credential.name: r for r in report.dated}
    az104 = by_name["Microsoft Certified: Azure Administrator Associate (AZ-104)"]
    assert az104.estimated and az104.expires == dt.date(2027, 3, 10)  # yearly
    cissp = by_name["CISSP"]
    # "2024-02": from the first day it may mean, so the estimate is never late.
    assert cissp.estimated and cissp.expires == dt.date(2027, 2, 1)
    assert cissp.days_left == (dt.date(2027, 2, 1) - TODAY).days
    given = by_name["CompTIA Security+"]
    assert not given.estimated and given.expired
    # Given dates stay in `rows` (the build's card); estimates are apart.
    assert [r.credential.name for r in report.rows] == ["CompTIA Security+"]
    assert [i.credential.name for i in report.does_not_expire] == [
        "Microsoft Certified: Azure Fundamentals (AZ-900)"
    ]
    assert [i.credential.name for i in report.unknown] == ["Homemade Badge"]


def test_the_table_marks_estimates_and_says_does_not_expire(tmp_path: Path) -> None:
    path = write_profile(tmp_path, PROFILE)
    result = CliRunner().invoke(cli, ["renewals", str(path), "--today", TODAY.isoformat()])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "~2027-03-10" in out and "~2027-02-01" in out
    assert "add the date on your certificate as `expires:` to " in out
    assert "does not expire: Microsoft Certified: Azure Fundamentals (AZ-900) (https://" in out
    assert "no rule in the catalog: Homemade Badge" in out
    assert "EXPIRED  2023-01-15" in out  # a given date has no ~


def test_json(tmp_path: Path) -> None:
    path = write_profile(tmp_path, PROFILE)
    result = CliRunner().invoke(
        cli, ["renewals", str(path), "--today", TODAY.isoformat(), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    items: list[dict[str, Any]] = json.loads(result.stdout)["renewals"]
    assert all(
        set(item) == {"credential", "expires", "estimated", "days_left", "rule", "source"}
        for item in items
    )
    by_name = {item["credential"]: item for item in items}
    assert items[0]["credential"] == "CompTIA Security+"  # expired first
    cissp = by_name["CISSP"]
    assert cissp["expires"] == "2027-02-01" and cissp["estimated"] is True
    assert cissp["days_left"] == 57 and cissp["source"].startswith("https://www.isc2.org/")
    assert "120 CPE" in cissp["rule"]
    az900 = by_name["Microsoft Certified: Azure Fundamentals (AZ-900)"]
    assert az900["rule"] == "does not expire" and az900["expires"] is None
    assert az900["source"].startswith("https://learn.microsoft.com/")
    badge = by_name["Homemade Badge"]
    assert badge["rule"] is None and badge["source"] is None and badge["estimated"] is False


def test_markdown_and_calendar_mark_estimates(tmp_path: Path) -> None:
    from icalendar import Calendar

    path = write_profile(tmp_path, PROFILE)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["renewals", str(path), "--today", TODAY.isoformat(), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    page = (out / "renewals" / "renewals.md").read_text("utf-8")
    assert "| CISSP | 2027-02-01 (estimated) |" in page
    assert "Does not expire: Microsoft Certified: Azure Fundamentals (AZ-900)." in page
    calendar = Calendar.from_ical((out / "renewals" / "renewals.ics").read_bytes())
    summaries = {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}
    assert "CISSP expires (estimated)" in summaries
    assert "CompTIA Security+ expires" in summaries


@pytest.mark.parametrize(
    ("day", "years", "expected"),
    [
        (dt.date(2024, 2, 29), 1, dt.date(2025, 2, 28)),
        (dt.date(2024, 5, 20), 3, dt.date(2027, 5, 20)),
        (dt.date(2024, 1, 1), 0.5, dt.date(2024, 7, 1)),
    ],
)
def test_add_years(day: dt.date, years: float, expected: dt.date) -> None:
    assert add_years(day, years) == expected


RETIRING = {
    "version": 2,
    "recognised_issuers": ["Example Body"],
    "issuer_domains": {"Example Body": ["www.example.org"]},
    "credentials": [
        {
            "id": "old-cert",
            "name": "Example Old Cert",
            "issuer": "Example Body",
            "kind": "certification",
            "assessment": "exam",
            "terms": ["Cloud computing"],
            "facts": {
                "status": {
                    "value": "retired",
                    "retired_on": "2027-01-31",
                    "source": "https://www.example.org/retire",
                    "checked": "2026-12-06",
                },
                "renewal": {
                    "how": "assessment",
                    "period_years": 1,
                    "text": "Renew yearly with a free online assessment.",
                    "source": "https://www.example.org/renew",
                    "checked": "2026-12-06",
                },
            },
        },
    ],
}


@pytest.fixture
def retiring(monkeypatch: pytest.MonkeyPatch) -> None:
    mini = cat.load_catalog(RETIRING)
    monkeypatch.setattr(cat, "catalog", lambda: mini)


@pytest.mark.usefixtures("retiring")
@pytest.mark.parametrize(
    ("today", "said"),
    [
        (
            dt.date(2026, 12, 6),
            "Example Old Cert retires on 2027-01-31: its renewal path ends then, "
            "before this expiry",
        ),
        (
            dt.date(2027, 2, 1),
            "Example Old Cert retired on 2027-01-31: it can no longer be renewed",
        ),
    ],
)
def test_a_retiring_credentials_renewal_path_ends(
    tmp_path: Path, today: dt.date, said: str
) -> None:
    text = """
name: A
credentials:
  - {name: Example Old Cert, issuer: Example Body, issued: 2026-06-01}
"""
    (row,) = renewals(load(tmp_path, text, today=today)).dated
    assert row.estimated and row.expires == dt.date(2027, 6, 1)
    assert said in row.takes
