"""Regression tests from a hostile tester's report: hostile files are refused clearly,
in bounded time and memory, and what is imported is the user's, not the issuer's."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from showcase.importers import MAX_IMPORT_BYTES, ImportFailed, import_file, read_limited

DATA = Path(__file__).resolve().parents[1] / "data" / "imports"


# --- 3. non-regular files, folders, deep nesting -----------------------------------------


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_refused_without_reading_it() -> None:
    with pytest.raises(ImportFailed, match=r"/dev/zero: not a regular file"):
        import_file(Path("/dev/zero"))


def test_a_folder_is_refused_clearly(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match=r"a folder, not a file"):
        import_file(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(ImportFailed, match=r"not a regular file"):
        import_file(fifo)


def test_at_most_limit_plus_one_bytes_are_read(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b"{" + b" " * 100)
    assert len(read_limited(path, limit=101)) == 101
    with pytest.raises(ImportFailed, match=r"too large for an import"):
        read_limited(path, limit=100)
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as out:  # sparse: costs no disk
        out.truncate(MAX_IMPORT_BYTES + 1)
    with pytest.raises(ImportFailed, match=r"too large for an import"):
        import_file(huge)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_a_file_whose_size_says_zero_is_still_read() -> None:
    assert os.stat("/proc/self/status").st_size == 0
    assert read_limited(Path("/proc/self/status")).startswith(b"Name:")


@pytest.mark.parametrize("opening", ["[", '{"a":'])
def test_deeply_nested_json_is_refused_clearly(tmp_path: Path, opening: str) -> None:
    depth = sys.getrecursionlimit() * 2
    path = tmp_path / "deep.json"
    path.write_text(opening * depth)
    with pytest.raises(ImportFailed, match=r"nested too deeply"):
        import_file(path)


def test_nested_lists_and_odd_links_are_explained(tmp_path: Path) -> None:
    path = tmp_path / "nested.json"
    path.write_text("[[[[]]]]")
    with pytest.raises(ImportFailed, match=r"item 0 of the list is not a badge"):
        import_file(path)
    path.write_text('{"type": "Assertion", "badge": [[[[1]]]]}')
    (warning,) = import_file(path).warnings
    assert "a list, not a link" in warning


# --- 9. LinkedIn columns in another order --------------------------------------------------


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
