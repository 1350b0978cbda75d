"""The imported profile written as YAML: what it emits reads back exactly, in bounded
memory; control characters, descriptions and missing fields are handled and said."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.importers import import_file

DATA = Path(__file__).resolve().parents[1] / "data" / "imports"


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
