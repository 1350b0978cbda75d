"""Regression tests from a hostile tester's report: hostile files are refused clearly,
in bounded time and memory, and what is imported is the user's, not the issuer's."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# --- 1. SVG parsed as XML by a hardened parser ---------------------------------------------

ASSERTION = (DATA / "ob2-example.json").read_text()


def _svg(body: str, declarations: str = 'xmlns:openbadges="https://openbadges.org"') -> str:
    return f'<svg xmlns="http://www.w3.org/2000/svg" {declarations}>{body}</svg>'


def _import_svg(tmp_path: Path, text: str) -> list[dict[str, object]]:
    path = tmp_path / "badge.svg"
    path.write_text(text, encoding="utf-8")
    return import_file(path).credentials


@pytest.mark.parametrize("uri", ["https://openbadges.org", "http://openbadges.org"])
def test_svg_namespace_is_matched_by_uri_not_prefix(tmp_path: Path, uri: str) -> None:
    text = _svg(f"<ob:assertion><![CDATA[{ASSERTION}]]></ob:assertion>", f'xmlns:ob="{uri}"')
    (entry,) = _import_svg(tmp_path, text)
    assert entry["name"] == "Awesome Robotics Badge"


def test_svg_prefix_bound_to_another_namespace_is_not_a_badge(tmp_path: Path) -> None:
    text = _svg(
        f"<openbadges:assertion><![CDATA[{ASSERTION}]]></openbadges:assertion>",
        'xmlns:openbadges="https://example.org/not-badges"',
    )
    with pytest.raises(ImportFailed, match="without baked Open Badges data"):
        _import_svg(tmp_path, text)


def test_svg_entities_are_decoded_and_comments_ignored(tmp_path: Path) -> None:
    escaped = ASSERTION.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    middle = len(escaped) // 2
    body = f"<openbadges:assertion>{escaped[:middle]}<!-- a comment -->{escaped[middle:]}"
    (entry,) = _import_svg(tmp_path, _svg(body + "</openbadges:assertion>"))
    assert entry["name"] == "Awesome Robotics Badge"


def test_svg_commented_out_assertion_is_not_read(tmp_path: Path) -> None:
    body = f"<!-- <openbadges:assertion>{ASSERTION}</openbadges:assertion> -->"
    with pytest.raises(ImportFailed, match="without baked Open Badges data"):
        _import_svg(tmp_path, _svg(body))


def test_svg_single_quoted_verify_attribute(tmp_path: Path) -> None:
    path = tmp_path / "badge.svg"
    path.write_text(_svg("<openbadges:assertion verify='https://example.org/a.json'/>"))
    (warning,) = import_file(path).warnings
    assert "https://example.org/a.json" in warning and "does not fetch it" in warning


@pytest.mark.parametrize(
    "doctype",
    [
        # billion laughs
        '<!DOCTYPE svg [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
        # an external entity
        '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        # an external DTD
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">',
    ],
)
def test_svg_dtds_and_entities_are_refused(tmp_path: Path, doctype: str) -> None:
    text = doctype + _svg("<openbadges:assertion>&c;&x;</openbadges:assertion>")
    with pytest.raises(ImportFailed, match=r"declares a DTD or entities.*refuses to expand"):
        _import_svg(tmp_path, text)


def test_html_and_other_xml_say_what_they_are(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match=r"an HTML page, not an SVG badge"):
        _import_svg(tmp_path, "<!DOCTYPE html>\n<html><body><p>Badge</p></body></html>")
    with pytest.raises(ImportFailed, match=r"XML, but not an SVG \(its root element is <feed>\)"):
        _import_svg(tmp_path, '<?xml version="1.0"?><feed><entry/></feed>')
    with pytest.raises(ImportFailed, match=r"badge.svg:1:\d+: not well-formed XML"):
        _import_svg(tmp_path, "<svg><unclosed></svg>")
    with pytest.raises(ImportFailed, match=r"unbound prefix.*xmlns:openbadges="):
        _import_svg(tmp_path, "<svg><openbadges:assertion/></svg>")


@pytest.mark.slow
def test_crafted_svg_is_read_in_linear_time(tmp_path: Path) -> None:
    # 352 KB of unclosed elements took the old regular expression 49 s (quadratic);
    # a 4.4 MB one never finished. Parsed as XML it is simply not well-formed.
    unit = "<openbadges:assertion>"
    text = _svg(unit * (4_400_000 // len(unit)))
    with pytest.raises(ImportFailed, match="not well-formed XML"):
        _import_svg(tmp_path, text)
    balanced = _svg("<openbadges:assertion verify='https://e.org/a'>x" * 20_000)
    with pytest.raises(ImportFailed, match="not well-formed XML"):
        _import_svg(tmp_path, balanced)


# --- 2. PNG: bounded inflation, strict UTF-8 ------------------------------------------------


def _png(keyword: bytes, payload: bytes, compressed: bool) -> bytes:
    from tests.importers.test_importers import _png_with_chunk

    return _png_with_chunk(keyword, payload, compressed)


@pytest.mark.slow
def test_png_decompression_bomb_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    import tracemalloc

    bomb = b"{" + b" " * (200 * 1024 * 1024)  # 200 MiB of JSON whitespace, ~200 KB deflated
    path = tmp_path / "bomb.png"
    path.write_bytes(_png(b"openbadges", bomb, compressed=True))
    del bomb
    assert path.stat().st_size < 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(ImportFailed, match=r"bomb.png: .*inflates to more than 1024 KiB"):
            import_file(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024 * 1024  # the file, the capped output and a margin


def test_png_data_just_under_the_cap_is_read(tmp_path: Path) -> None:
    from showcase.importers.openbadges import MAX_BAKED_BYTES

    payload = ASSERTION.encode()
    payload += b" " * (MAX_BAKED_BYTES - len(payload))
    path = tmp_path / "badge.png"
    path.write_bytes(_png(b"openbadges", payload, compressed=True))
    (entry,) = import_file(path).credentials
    assert entry["name"] == "Awesome Robotics Badge"
    path.write_bytes(_png(b"openbadges", payload + b" ", compressed=True))
    with pytest.raises(ImportFailed, match="inflates to more than"):
        import_file(path)


def test_png_truncated_compressed_data_is_corrupt(tmp_path: Path) -> None:
    import struct
    import zlib

    body = b"openbadges\x00\x01\x00\x00\x00" + zlib.compress(ASSERTION.encode())[:-10]
    crc = struct.pack(">I", zlib.crc32(b"iTXt" + body))
    path = tmp_path / "cut.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(body)) + b"iTXt" + body + crc)
    with pytest.raises(ImportFailed, match=r"cut.png: the badge's data chunk is corrupt"):
        import_file(path)


@pytest.mark.parametrize("compressed", [False, True])
def test_png_invalid_utf8_is_an_error_naming_the_file(tmp_path: Path, compressed: bool) -> None:
    payload = ASSERTION.encode().replace(b"Awesome", b"Awe\xffsome")
    path = tmp_path / "mangled.png"
    path.write_bytes(_png(b"openbadges", payload, compressed))
    with pytest.raises(ImportFailed, match=r"mangled.png: .*`openbadges` data is not valid UTF-8"):
        import_file(path)


# --- 4. a large LinkedIn export: linear, small ----------------------------------------------


@pytest.mark.slow
def test_large_export_is_imported_in_small_memory(tmp_path: Path) -> None:
    import tracemalloc

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    try:
        from bench_import import write_export  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    from showcase.importers.suggest import to_yaml

    path = tmp_path / "Certifications.csv"
    rows = write_export(path, 500_000)  # about 19,000 rows
    to_yaml([import_file(DATA / "Certifications.csv")])  # imports and caches warmed up
    tracemalloc.start()
    try:
        text, warnings = to_yaml([import_file(path)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert text.count("\n  - name: ") == rows and warnings == []
    # Every entry went through pydantic and ruamel's node graph: 92 MiB here, 1.44 GB
    # for a 5 MiB export. Now about 30 times the file.
    assert peak < 40 * 1024 * 1024


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.lists(st.text(max_size=10), max_size=3))
def test_emitted_yaml_reads_back_exactly(text: str, skills: list[str]) -> None:
    from ruamel.yaml import YAML

    from showcase.importers.suggest import _entry_text

    entry = {"name": text, "issuer": text.upper(), "skills": skills}
    loaded = YAML(typ="safe", pure=True).load("credentials:\n" + _entry_text(entry))
    (back,) = loaded["credentials"]
    assert {k: str(v) if k != "skills" else v for k, v in back.items()} == entry
    assert all(isinstance(v, str) for v in [back["name"], back["issuer"], *back["skills"]])


# --- 5. control characters ------------------------------------------------------------------


def test_control_characters_are_stripped_with_a_warning_naming_the_field(tmp_path: Path) -> None:
    from showcase.importers.suggest import to_yaml
    from showcase.profile import load_text
    from tests.conftest import TODAY

    path = tmp_path / "Certifications.csv"
    path.write_text(
        "Name,Url,Authority,Started On,Finished On,License Number\n"
        "Cloud\x07 Practitioner\x1b[31m,,Amazon\x00 Web Services,Jan 2024,,A\x7f1\x85\n",
        encoding="utf-8",
    )
    text, warnings = to_yaml([import_file(path)])
    for field in ("name", "issuer", "credential_id"):
        assert any("removed control characters" in w and f"from {field}," in w for w in warnings)
    assert "U+0007" in warnings[0] and "U+001B" in warnings[0]
    assert not any(ch in text for ch in "\x00\x07\x1b\x7f\x85")
    assert "name: Cloud Practitioner[31m" in text
    loaded = load_text("name: J\n" + text, today=TODAY)
    (credential,) = loaded.profile.credentials
    assert (credential.issuer, credential.credential_id) == ("Amazon Web Services", "A1")


def test_tab_and_newline_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "badges.json"
    badge = {
        "type": "Assertion",
        "issuedOn": "2024-01-02",
        "badge": {"name": "Two\tparts", "issuer": {"name": "Org"}, "tags": ["a\u0001b", "c"]},
    }
    path.write_text(json.dumps(badge))
    from showcase.importers.suggest import suggestions

    (entry,), warnings = suggestions([import_file(path)])
    assert entry["name"] == "Two\tparts" and entry["skills"] == ["ab", "c"]
    assert any("from skills[0]" in w or "from skills" in w for w in warnings)


# --- 7. the issuer's description is not what the user learned --------------------------------


def test_badge_description_is_a_comment_not_learned() -> None:
    from showcase.importers.suggest import to_yaml
    from showcase.profile import load_text
    from tests.conftest import TODAY

    text, _ = to_yaml([import_file(DATA / "ob3-basic-example.json")])
    assert "learned:" not in text
    lines = text.splitlines()
    at = lines.index("  - name: Teamwork")
    assert lines[at - 2].startswith("  # issuer's description: This badge recognizes")
    assert lines[at - 1].startswith("  # ")
    loaded = load_text("name: J\n" + text, today=TODAY)
    assert loaded.profile.credentials[0].learned is None


def test_long_multiline_description_stays_in_comments(tmp_path: Path) -> None:
    from showcase.importers.suggest import to_yaml

    badge = {
        "type": "Assertion",
        "issuedOn": "2024-01-02",
        "badge": {
            "name": "B",
            "issuer": {"name": "Org"},
            "description": "Line one.\n\nname: injected\n" + "word " * 60,
        },
    }
    path = tmp_path / "b.json"
    path.write_text(json.dumps(badge))
    text, _ = to_yaml([import_file(path)])
    body = text.split("credentials:\n", 1)[1]
    assert all(line.startswith(("  #", "  - ", "    ")) for line in body.splitlines())
    assert "\nname: injected" not in text and "# issuer's description: Line one. name:" in text


# --- 8. Unix-time dates --------------------------------------------------------------------


@pytest.mark.parametrize("issued_on", [1483228799, "1483228799", 1483228799.5])
def test_epoch_issued_on_becomes_a_date_with_a_warning(tmp_path: Path, issued_on: object) -> None:
    badge = json.loads((DATA / "ob2-example.json").read_text())
    badge["issuedOn"] = issued_on
    path = tmp_path / "epoch.json"
    path.write_text(json.dumps(badge))
    result = import_file(path)
    assert result.credentials[0]["issued"] == "2016-12-31"
    assert any("issuedOn is Unix time" in w and "2016-12-31 (UTC)" in w for w in result.warnings)


@pytest.mark.parametrize("issued_on", [-5, 10**15, True, {"date": 1}, "next spring"])
def test_unreadable_issued_on_is_warned_about(tmp_path: Path, issued_on: object) -> None:
    badge = json.loads((DATA / "ob2-example.json").read_text())
    badge["issuedOn"] = issued_on
    path = tmp_path / "odd.json"
    path.write_text(json.dumps(badge))
    result = import_file(path)
    assert result.credentials[0]["issued"] == "TODO"
    assert any("issuedOn" in w and "not a date showcase can read" in w for w in result.warnings)


# --- 10. placeholders are exactly `TODO` ----------------------------------------------------


@pytest.mark.parametrize(
    ("filename", "content"),
    [
        (
            "Certifications.csv",
            "Name,Url,Authority,Started On,Finished On,License Number\nA,,  ,,,\n",
        ),
        ("ob2.json", '{"type": "Assertion", "badge": {"name": "  ", "issuer": {"name": ""}}}'),
        ("ob2b.json", '{"type": "Assertion", "badge": {"name": {"x": 1}, "issuer": {}}}'),
        (
            "ob3.json",
            '{"type": ["VerifiableCredential", "OpenBadgeCredential"], "issuer": {"name": " "},'
            ' "credentialSubject": {"achievement": {"name": ""}}}',
        ),
        ("resume.json", '{"certificates": [{"name": "C", "issuer": " ", "date": ""}]}'),
    ],
)
def test_every_missing_required_field_is_exactly_todo(
    tmp_path: Path, filename: str, content: str
) -> None:
    from showcase.importers.suggest import suggestions

    path = tmp_path / filename
    path.write_text(content)
    (entry,), _ = suggestions([import_file(path)])
    assert entry["issuer"] == "TODO" and entry["issued"] == "TODO"
    assert entry["name"] in ("TODO", "A", "C")
    for field in ("name", "issuer", "issued"):
        assert entry[field] == "TODO" or entry[field].strip() == entry[field] != ""


# --- 6. one bad file does not discard the others --------------------------------------------


def test_one_bad_file_keeps_the_others_output(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from showcase.cli import cli

    bad = tmp_path / "broken.json"
    bad.write_text("{")
    target = tmp_path / "imported.yaml"
    sources = [str(DATA / "Certifications.csv"), str(bad), str(DATA / "ob2-example.json")]
    result = CliRunner().invoke(cli, ["import", *sources, "-o", str(target)])
    assert result.exit_code == 1
    assert "broken.json:1:2: not valid JSON" in result.output
    text = target.read_text()
    assert "# Imported by showcase (6 credentials) from:" in text
    assert "Google Analytics Certification" in text and "Awesome Robotics Badge" in text

    result = CliRunner().invoke(cli, ["import", str(bad), str(tmp_path)])
    assert result.exit_code == 1 and "credentials" not in result.output
    assert "not valid JSON" in result.output and "a folder, not a file" in result.output


def test_import_files_returns_results_and_failures(tmp_path: Path) -> None:
    from showcase.importers import import_files

    bad = tmp_path / "x.txt"
    bad.write_text("hello")
    results, failures = import_files([DATA / "ob2-example.json", bad])
    assert [r.format for r in results] == ["Open Badges 2.0"]
    assert len(failures) == 1 and "x.txt: not a format" in failures[0].format_message()
