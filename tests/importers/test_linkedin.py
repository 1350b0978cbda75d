"""LinkedIn's Certifications.csv: columns found by name in any order, and a CSV that is not
LinkedIn's is not taken for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from showcase.importers import ImportFailed, import_file


def test_reordered_linkedin_columns_are_detected(tmp_path: Path) -> None:
    path = tmp_path / "Certifications.csv"
    path.write_text(
        "Authority,Started On,Name,License Number,Finished On,Url\n"
        "Google,Jan 2026,Google Analytics Certification,88213471,Jan 2027,"
        "https://skillshop.credential.net/88213471\n"
    )
    result = import_file(path)
    assert result.format == "LinkedIn Certifications.csv"
    assert result.credentials == [
        {
            "name": "Google Analytics Certification",
            "issuer": "Google",
            "issued": "2026-01",
            "expires": "2027-01",
            "credential_id": "88213471",
            "url": "https://skillshop.credential.net/88213471",
        }
    ]


def test_a_csv_that_is_not_linkedins_is_not_taken_for_it(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("Name,Email\nA,a@example.com\n")
    with pytest.raises(ImportFailed, match="not a format showcase can import"):
        import_file(path)
