"""LinkedIn's export from a hostile or broken source: ZIP bombs, lying headers, paths out of
the archive, huge CSVs, files that are not exports. Each is a clear message, bounded in time
and memory, nothing is written, and never a traceback."""

from __future__ import annotations

import os
import struct
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from showcase.cli import cli
from showcase.importers import ImportFailed
from showcase.importers.linkedin_archive import MAX_MEMBER_BYTES, MAX_MEMBERS
from showcase.importers.profile import import_profile
from tests.importers.linkedin_layouts import CURRENT, write_folder, write_zip, zip_bytes


def _refused(path: Path, message: str, tmp_path: Path) -> None:
    """`path` is refused with `message`, by the library and by the CLI (exit 1, no file)."""
    with pytest.raises(ImportFailed, match=message):
        import_profile(path)
    target = tmp_path / "out" / "profile.yaml"
    target.parent.mkdir(exist_ok=True)
    result = CliRunner().invoke(cli, ["import", "--profile", str(path), "-o", str(target)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and path.name in result.output
    assert not target.exists() and list(target.parent.iterdir()) == []


@pytest.mark.slow
def test_a_zip_bomb_stops_at_the_cap_in_bounded_memory(tmp_path: Path) -> None:
    # 256 MiB of spaces deflate to about 256 KiB; they are never unpacked beyond the cap.
    path = tmp_path / "bomb.zip"
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("Positions.csv", "w", force_zip64=True) as member,
    ):
        member.write(b"Company Name,Title\n")
        block = b" " * (1024 * 1024)
        for _ in range(256):
            member.write(block)
    assert path.stat().st_size < 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(ImportFailed, match=r"Positions\.csv: unpacks to more than 8 MiB"):
            import_profile(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 * MAX_MEMBER_BYTES
    _refused(path, r"ZIP bomb", tmp_path)


def test_header_sizes_are_not_trusted(tmp_path: Path) -> None:
    """A member whose headers claim 40 bytes but that unpacks to 9 MiB is refused, not read."""
    data = bytearray(zip_bytes({"Skills.csv": b"Name\n" + b"x" * (9 * 1024 * 1024)}))
    real = len(b"Name\n") + 9 * 1024 * 1024
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.find(signature)
        assert struct.unpack_from("<L", data, at + offset)[0] == real
        struct.pack_into("<L", data, at + offset, 40)
    path = tmp_path / "liar.zip"
    path.write_bytes(bytes(data))
    _refused(path, r"Skills\.csv: damaged in the ZIP", tmp_path)


def test_members_together_past_the_total_cap_are_refused(tmp_path: Path) -> None:
    big = "Name\n" + "x\n" * (7 * 512 * 1024)  # 7 MiB each, under the cap of one member
    names = ["Skills.csv", "Courses.csv", "Honors.csv", "Projects.csv", "Positions.csv"]
    path = write_zip(tmp_path, dict.fromkeys(names, big), name="heavy.zip")
    _refused(path, r"more than 32 MiB together", tmp_path)


def test_too_many_members_are_refused_before_zipfile_reads_them(tmp_path: Path) -> None:
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for index in range(MAX_MEMBERS + 1):
            archive.writestr(f"f{index}", b"")
    _refused(path, r"a ZIP of 10,001 members", tmp_path)


@pytest.mark.parametrize(
    "member", ["../Profile.csv", "/etc/Profile.csv", "a/../../Profile.csv", "C:/Profile.csv"]
)
def test_a_member_that_leaves_the_archive_makes_it_refused(tmp_path: Path, member: str) -> None:
    path = write_zip(tmp_path, {**CURRENT, member: CURRENT["Profile.csv"]}, name="escape.zip")
    _refused(path, r"absolute path or `\.\.`", tmp_path)
    assert not (tmp_path.parent / "Profile.csv").exists()


def test_an_encrypted_member_is_refused(tmp_path: Path) -> None:
    data = bytearray(zip_bytes({"Profile.csv": CURRENT["Profile.csv"]}))
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # "encrypted" bit
        at = data.find(signature) + offset
        struct.pack_into("<H", data, at, struct.unpack_from("<H", data, at)[0] | 0x1)
    path = tmp_path / "locked.zip"
    path.write_bytes(bytes(data))
    _refused(path, r"Profile\.csv: encrypted", tmp_path)


def test_a_zip_that_is_not_an_export_is_refused_without_reading_it(tmp_path: Path) -> None:
    only_private = {name: CURRENT[name] for name in ("Connections.csv", "messages.csv")}
    _refused(write_zip(tmp_path, only_private, name="other.zip"), r"not a LinkedIn data", tmp_path)
    _refused(write_zip(tmp_path, {}, name="empty.zip"), r"not a LinkedIn data export", tmp_path)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("text.zip", b"just some text, not a zip", r"not a ZIP file \(or a cut one\)"),
        ("cut.zip", zip_bytes(CURRENT)[:2000], r"not a ZIP file \(or a cut one\)"),
        ("empty.zip", b"", r"not a ZIP file"),
    ],
)
def test_a_broken_zip_is_refused_clearly(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    _refused(path, message, tmp_path)


def test_a_damaged_member_is_refused_clearly(tmp_path: Path) -> None:
    data = bytearray(zip_bytes({"Profile.csv": CURRENT["Profile.csv"] * 20}))
    data[60:70] = b"\x00" * 10  # inside the deflated data of the only member
    path = tmp_path / "damaged.zip"
    path.write_bytes(bytes(data))
    _refused(path, r"Profile\.csv: (damaged in the ZIP|cannot be unpacked)", tmp_path)


def test_a_huge_csv_in_a_folder_is_refused_without_reading_it(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "export", {"Profile.csv": CURRENT["Profile.csv"]})
    with (folder / "Positions.csv").open("wb") as out:  # sparse: costs no disk
        out.truncate(64 * 1024 * 1024)
    _refused(folder, r"Positions\.csv: larger than 8 MiB", tmp_path)


def test_an_empty_folder_or_one_without_the_export_is_refused(tmp_path: Path) -> None:
    _refused(write_folder(tmp_path / "empty", {}), r"not a LinkedIn data export", tmp_path)
    other = write_folder(tmp_path / "other", {"Connections.csv": CURRENT["Connections.csv"]})
    _refused(other, r"not a LinkedIn data export", tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_named_like_an_export_file_does_not_hang(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "export", {"Profile.csv": CURRENT["Profile.csv"]})
    os.mkfifo(folder / "Positions.csv")
    _refused(folder, r"Positions\.csv: not a regular file", tmp_path)
    pipe = tmp_path / "export.zip"
    os.mkfifo(pipe)
    _refused(pipe, r"export\.zip: not a regular file", tmp_path)


def test_a_csv_of_a_million_rows_is_read_up_to_the_row_cap(tmp_path: Path) -> None:
    skills = "Name\n" + "".join(f"Skill {n}\n" for n in range(600_000))  # about 7.5 MiB
    path = write_zip(tmp_path, {"Profile.csv": CURRENT["Profile.csv"], "Skills.csv": skills})
    result = import_profile(path)
    assert sum(len(group["items"]) for group in result.data["skills"]) == 5_000
    assert any("more than 5,000 rows; only the first 5,000" in w for w in result.warnings)


def test_a_cell_past_the_csv_limit_is_a_clear_warning(tmp_path: Path) -> None:
    huge = 'Company Name,Title,Description\nAcme,Analyst,"' + "x" * 200_000 + '"\n'
    path = write_zip(tmp_path, {**CURRENT, "Positions.csv": huge})
    result = import_profile(path)
    assert any("Positions.csv:" in w and "not CSV showcase can read" in w for w in result.warnings)
    assert "experience" not in result.data
