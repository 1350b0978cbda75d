"""Open Badges in JSON, baked PNG and SVG: namespaces, entities, bombs, broken data and
Unix-time dates, each refused or read with its reason."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from showcase.importers import ImportFailed, import_file

DATA = Path(__file__).resolve().parents[1] / "data" / "imports"


ASSERTION = (DATA / "ob2-example.json").read_text()


def _svg(body: str, declarations: str = 'xmlns:openbadges="https://openbadges.org"') -> str:
    return f'<svg xmlns="http://www.w3.org/2000/svg" {declarations}>{body}</svg>'


def _import_svg(tmp_path: Path, text: str) -> list[dict[str, object]]:
    path = tmp_path / "badge.svg"
    path.write_text(text, encoding="utf-8")
    return import_file(path).credentials


def _png(keyword: bytes, payload: bytes, compressed: bool) -> bytes:
    from tests.importers.test_importers import _png_with_chunk

    return _png_with_chunk(keyword, payload, compressed)


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
