"""Importers: LinkedIn's export, Open Badges (JSON, baked PNG and SVG), JSON Resume."""

from __future__ import annotations

import contextlib
import json
import os
import struct
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.cli import cli
from showcase.importers import MAX_IMPORT_BYTES, ImportFailed, import_file, read_limited
from showcase.importers.dates import to_profile_date
from showcase.importers.suggest import to_yaml
from showcase.profile import load_text
from tests.conftest import TODAY

DATA = Path(__file__).resolve().parents[1] / "data" / "imports"


def test_linkedin_export() -> None:
    result = import_file(DATA / "Certifications.csv")
    assert result.format == "LinkedIn Certifications.csv"
    names = [c["name"] for c in result.credentials]
    assert names == [
        "Google Analytics Certification",
        "HubSpot Content Marketing Certification, 2025 edition",  # a quoted comma
        "Meta Certified Digital Marketing Associate",  # stray spaces trimmed
        "Project Management Professional (PMP)®",
        "Introduction to SEO",
    ]
    first = result.credentials[0]
    assert first == {
        "name": "Google Analytics Certification",
        "issuer": "Google",
        "issued": "2026-01",
        "expires": "2027-01",
        "credential_id": "88213471",
        "url": "https://skillshop.credential.net/88213471",
    }
    pmp = result.credentials[3]
    assert "url" not in pmp and pmp["expires"] == "2022-03"
    assert "expires" not in result.credentials[4]  # Finished On empty: does not expire


def test_open_badges_2() -> None:
    (entry,) = import_file(DATA / "ob2-example.json").credentials
    assert entry["name"] == "Awesome Robotics Badge"
    assert entry["issuer"] == "An Example Badge Issuer"
    assert entry["kind"] == "badge" and entry["issued"] == "2016-12-31"
    assert entry["badge_image"] == "https://example.org/robotics-badge.png"


def test_open_badges_3() -> None:
    result = import_file(DATA / "ob3-basic-example.json")
    assert result.format == "Open Badges 3.0"
    (entry,) = result.credentials
    assert (entry["name"], entry["issuer"], entry["issued"]) == (
        "Teamwork",
        "Example Corp",
        "2010-01-01",
    )
    # The issuer's description, not the user's `learned:` (shown as a comment).
    assert "learned" not in entry
    assert entry["description"].startswith("This badge recognizes")


def test_json_resume() -> None:
    (entry,) = import_file(DATA / "senior-engineer.resume.json").credentials
    assert entry == {
        "name": "AWS Certified Solutions Architect - Professional",
        "issuer": "Amazon Web Services",
        "issued": "2019-03-01",
        "url": "https://aws.amazon.com/certification/certified-solutions-architect-professional/",
    }


def _png_with_chunk(keyword: bytes, text: bytes, compressed: bool = False) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    payload = zlib.compress(text) if compressed else text
    itxt = (
        keyword + b"\x00" + (b"\x01" if compressed else b"\x00") + b"\x00" + b"\x00\x00" + payload
    )
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"iTXt", itxt) + chunk(b"IEND", b"")


@pytest.mark.parametrize("compressed", [False, True])
def test_baked_png(tmp_path: Path, compressed: bool) -> None:
    assertion = (DATA / "ob2-example.json").read_bytes()
    path = tmp_path / "badge.png"
    path.write_bytes(_png_with_chunk(b"openbadges", assertion, compressed))
    (entry,) = import_file(path).credentials
    assert entry["name"] == "Awesome Robotics Badge"

    credential = (DATA / "ob3-basic-example.json").read_bytes()
    path.write_bytes(_png_with_chunk(b"openbadgecredential", credential, compressed))
    (entry,) = import_file(path).credentials
    assert entry["name"] == "Teamwork"


def test_baked_png_with_only_a_link_is_not_fetched(tmp_path: Path) -> None:
    path = tmp_path / "badge.png"
    path.write_bytes(_png_with_chunk(b"openbadges", b"https://example.org/assertion.json"))
    result = import_file(path)
    assert result.credentials == []
    assert "does not fetch it" in result.warnings[0]


def test_png_without_badge_data(tmp_path: Path) -> None:
    path = tmp_path / "plain.png"
    path.write_bytes(_png_with_chunk(b"Comment", b"hello"))
    with pytest.raises(ImportFailed, match="without baked Open Badges data"):
        import_file(path)


def test_baked_svg(tmp_path: Path) -> None:
    assertion = (DATA / "ob2-example.json").read_text()
    path = tmp_path / "badge.svg"
    path.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://openbadges.org">'
        f'<openbadges:assertion verify="https://example.org/a.json"><![CDATA[{assertion}]]>'
        "</openbadges:assertion><circle r='4'/></svg>"
    )
    (entry,) = import_file(path).credentials
    assert entry["name"] == "Awesome Robotics Badge"
    path.write_text(
        '<svg xmlns:openbadges="http://openbadges.org">'
        '<openbadges:assertion verify="https://example.org/a.json"/></svg>'
    )
    assert "does not fetch it" in import_file(path).warnings[0]


def test_unknown_and_broken_files(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"type": "Assertion",\n  "badge": }')
    with pytest.raises(ImportFailed, match=r"broken.json:2:12: not valid JSON"):
        import_file(broken)
    other = tmp_path / "other.json"
    other.write_text('{"hello": "world"}')
    with pytest.raises(ImportFailed, match="not an Open Badges assertion"):
        import_file(other)
    text = tmp_path / "notes.txt"
    text.write_text("just notes\n")
    with pytest.raises(ImportFailed, match="not a format showcase can import"):
        import_file(text)


def test_suggested_yaml_loads_as_a_profile() -> None:
    results = [
        import_file(DATA / name)
        for name in (
            "Certifications.csv",
            "ob2-example.json",
            "ob3-basic-example.json",
            "senior-engineer.resume.json",
        )
    ]
    text, warnings = to_yaml(results)
    assert text.startswith("# Imported by showcase (8 credentials) from:")
    loaded = load_text("name: Jordan Rivera\n" + text, today=TODAY)
    assert len(loaded.profile.credentials) == 8
    assert loaded.profile.credentials[1].name == (
        "HubSpot Content Marketing Certification, 2025 edition"
    )
    assert warnings == []


def test_invalid_fields_are_left_out_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "Certifications.csv"
    path.write_text(
        "Name,Url,Authority,Started On,Finished On,License Number\n"
        "A,ftp://example.com/a,Org,Jan 2024,Dec 2023,\n"
        "B,,Org,sometime,,\n"
        "A,,Org,Feb 2024,,\n"
    )
    text, warnings = to_yaml([import_file(path)])
    assert "ftp://" not in text
    assert any("left out url" in w for w in warnings)
    assert any("left out expires (2023-12): it is before the issue date" in w for w in warnings)
    assert any("`B` has no readable issue date (sometime)" in w for w in warnings)
    assert "id: a-2" in text  # the second `A` gets its own id
    loaded = load_text("name: J\n" + text.replace("TODO", "2024"), today=TODAY)
    assert [c.id for c in loaded.profile.credentials] == ["a", "b", "a-2"]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Oct 2023", "2023-10"),
        ("October 2023", "2023-10"),
        ("Sept. 2023", None),
        ("2016-12-31T23:59:59Z", "2016-12-31"),
        ("2024-02-30", None),
        ("2023", "2023"),
        ("", None),
        (None, None),
        ("soon", None),
    ],
)
def test_dates(text: str | None, date: str | None) -> None:
    assert to_profile_date(text) == date


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_import_or_explain(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        for suffix, prefix in ((".png", b"\x89PNG\r\n\x1a\n"), (".json", b"{"), (".svg", b"<")):
            path = Path(folder) / f"x{suffix}"
            path.write_bytes(prefix + data)
            with contextlib.suppress(ImportFailed):  # anything else is a bug
                import_file(path)


def test_cli_prints_and_never_overwrites(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        cli, ["import", str(DATA / "ob3-basic-example.json")], catch_exceptions=False
    )
    assert result.exit_code == 0 and "name: Teamwork" in result.output
    target = tmp_path / "imported.yaml"
    assert (
        runner.invoke(
            cli, ["import", str(DATA / "Certifications.csv"), "-o", str(target)]
        ).exit_code
        == 0
    )
    assert "Google Analytics Certification" in target.read_text()
    target.write_text("mine")
    result = runner.invoke(cli, ["import", str(DATA / "Certifications.csv"), "-o", str(target)])
    assert result.exit_code == 1 and "already exists" in result.output
    assert target.read_text() == "mine"
    assert json.loads((DATA / "ob2-example.json").read_text())["type"] == "Assertion"


def test_export_without_the_needed_columns(tmp_path: Path) -> None:
    path = tmp_path / "Certifications.csv"
    path.write_text("Name,Url,Authority,License Number\nA,,Org,1\n")
    with pytest.raises(ImportFailed, match=r"Certifications.csv:1: the header lacks Started On"):
        import_file(path)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_device_is_read_only_up_to_the_limit() -> None:
    with pytest.raises(ImportFailed, match=r"/dev/zero: larger than 5 MiB, too large"):
        import_file(Path("/dev/zero"))


def test_a_folder_is_refused_clearly(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match=r"a folder, not a file"):
        import_file(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_pipe_nobody_writes_to_is_refused_after_a_bounded_wait(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from showcase import reading

    monkeypatch.setattr(reading, "PIPE_WAIT_SECONDS", 0.3)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(ImportFailed, match=r"nothing came through the pipe"):
        import_file(fifo)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_pipe_is_read_as_a_stream_like_a_profile(tmp_path: Path) -> None:
    """One rule for every reader (showcase.reading): `import <(curl ...)` works."""
    import threading

    fifo = tmp_path / "badge.json"
    os.mkfifo(fifo)
    payload = (DATA / "ob2-example.json").read_bytes()

    def feed() -> None:
        with open(fifo, "wb") as handle:
            handle.write(payload)

    writer = threading.Thread(target=feed)
    writer.start()
    try:
        imported = import_file(fifo)
    finally:
        writer.join()
    assert imported.credentials


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


def test_import_files_returns_results_and_failures(tmp_path: Path) -> None:
    from showcase.importers import import_files

    bad = tmp_path / "x.txt"
    bad.write_text("hello")
    results, failures = import_files([DATA / "ob2-example.json", bad])
    assert [r.format for r in results] == ["Open Badges 2.0"]
    assert len(failures) == 1 and "x.txt: not a format" in failures[0].format_message()
