"""Round-trip editing keeps what the user wrote outside the edited fields."""

from __future__ import annotations

import difflib
import io
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from showcase.editor.yamledit import EditError, apply_edit, load_document, to_plain
from showcase.profile.starter import starter_text
from tests.conftest import EXAMPLE_NAMES, EXAMPLES

TEXTS = {name: (EXAMPLES / f"{name}.yaml").read_text("utf-8") for name in EXAMPLE_NAMES}
TEXTS["starter"] = starter_text()


def data_of(text: str) -> dict[str, Any]:
    document, _ = load_document(text)
    data = to_plain(document)
    assert isinstance(data, dict)
    return data


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_unchanged_data_writes_the_same_text(name: str) -> None:
    text = TEXTS[name]
    assert apply_edit(text, data_of(text)) == text


def test_one_field_changes_one_line_and_keeps_its_comment() -> None:
    text = TEXTS["starter"]
    data = data_of(text)
    data["credentials"][0]["issued"] = "2026-04"
    after = apply_edit(text, data)
    diff = changed_lines(text, after)
    assert len(diff) == 2, diff
    assert diff[0].startswith("-    issued: 2026-03") and "# required" in diff[0]
    assert diff[1].startswith("+    issued: 2026-04") and "# required" in diff[1]


def test_reordering_by_id_keeps_each_items_comments() -> None:
    text = """\
# my profile
name: Sam Lee
credentials:
  - id: first            # the old one
    name: First Course
    issuer: A
    issued: 2020-01
  - id: second           # the new one
    name: Second Course
    issuer: B   # quoted below
    issued: "2021-02"
"""
    data = data_of(text)
    data["credentials"].reverse()
    after = apply_edit(text, data)
    assert after.index("id: second") < after.index("id: first")
    assert "id: second           # the new one" in after
    assert "id: first            # the old one" in after
    assert "issuer: B   # quoted below" in after
    assert 'issued: "2021-02"' in after  # the quotes it was written with
    assert after.startswith("# my profile\n")


def test_new_removed_and_changed_values() -> None:
    text = "name: Sam Lee  # me\nheadline: Analyst\nsummary: >\n  One line.\n"
    data = data_of(text)
    del data["headline"]
    data["summary"] = "First line.\nSecond line."
    data["contact"] = {"email": "sam@example.com"}
    after = apply_edit(text, data)
    assert "headline" not in after
    assert "name: Sam Lee  # me" in after
    assert "summary: |-\n  First line.\n  Second line.\n" in after
    assert after.endswith("contact:\n  email: sam@example.com\n")
    assert data_of(after) == data


def test_a_changed_quoted_value_keeps_its_quotes() -> None:
    text = 'name: "Sam Lee"\ncontact:\n  phone: "+1 555 0100"\n'
    data = data_of(text)
    data["contact"]["phone"] = "+1 555 0199"
    assert apply_edit(text, data) == 'name: "Sam Lee"\ncontact:\n  phone: "+1 555 0199"\n'


def test_four_space_indentation_is_kept() -> None:
    text = (
        "name: Sam\ncontact:\n    email: a@example.com\ncredentials:\n-   name: A\n    issuer: B\n"
    )
    data = data_of(text)
    data["contact"]["phone"] = "1"
    after = apply_edit(text, data)
    assert "    email: a@example.com\n    phone: '1'\n" in after
    assert "-   name: A\n    issuer: B\n" in after


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name: [unclosed\n", "not valid YAML at line"),
        ("- a list\n", "must be a mapping"),
        ("'just text'\n", "must be a mapping"),
    ],
)
def test_what_cannot_be_edited_says_why(text: str, message: str) -> None:
    with pytest.raises(EditError, match=message):
        apply_edit(text, {"name": "x"})


def _plain_yaml(text: str) -> Any:
    return to_plain(YAML(typ="rt", pure=True).load(io.StringIO(text)))


safe_text = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85"
    ),
    max_size=40,
)


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    example=st.sampled_from(sorted(TEXTS)),
    values=st.lists(safe_text, min_size=1, max_size=6),
    seed=st.integers(0, 10_000),
)
def test_whatever_is_typed_reads_back_exactly(example: str, values: list[str], seed: int) -> None:
    """Text typed into any string field is what a YAML reader finds there afterwards."""
    text = TEXTS[example]
    data = data_of(text)
    places: list[tuple[Any, Any]] = []

    def walk(node: Any) -> None:
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in list(items):
            if isinstance(value, str):
                places.append((node, key))
            elif isinstance(value, dict | list):
                walk(value)

    walk(data)
    for index, value in enumerate(values):
        node, key = places[(seed + index * 7919) % len(places)]
        node[key] = value
    after = apply_edit(text, data)
    expected = to_plain(data)
    assert _plain_yaml(after) == expected


@pytest.mark.parametrize(
    "typed", ["?0", "? x", "- a", "[x", "{y", "&a", "*b", "!t", "%p", "@q", "`r"]
)
def test_text_that_looks_like_yaml_syntax_reads_back_as_typed(typed: str) -> None:
    """Hypothesis found `?0` typed into a skill: written plain in a flow list, it read
    back as a mapping. Whatever is typed reads back as that text."""
    text = TEXTS["jordan-rivera"]
    data = data_of(text)
    data["stacks"][0]["credentials"][0] = typed
    data["name"] = typed
    after = apply_edit(text, data)
    assert _plain_yaml(after) == to_plain(data)


def test_items_added_at_the_end_keep_every_comment_and_the_files_last_comment_last() -> None:
    text = """\
name: Sam Lee
credentials:
- name: First Course  # the old one
  issuer: A
  issued: 2020-01
  skills:
  - SQL      # the one they ask for
  - Excel
  # a note on the first course
# the end of my profile
"""
    data = data_of(text)
    data["credentials"][0]["skills"].append("Python")
    data["credentials"].append({"name": "Second Course", "issuer": "B", "issued": "2021-02"})
    after = apply_edit(text, data)
    assert changed_lines(text, after) == [
        "+  - Python",
        "+- name: Second Course",
        "+  issuer: B",
        "+  issued: 2021-02",
    ]
    assert after.endswith("  issued: 2021-02\n# the end of my profile\n")
    assert "  # a note on the first course\n" in after


def test_a_file_with_windows_line_endings_keeps_them() -> None:
    text = "name: Sam Lee  # me\r\ncredentials:\r\n  - name: A\r\n    issuer: X\r\n"
    text += "    issued: 2020\r\n"
    data = data_of(text)
    assert apply_edit(text, data) == text
    data["credentials"].append({"name": "B", "issuer": "Y", "issued": "2021-02"})
    assert (
        apply_edit(text, data) == text + "  - name: B\r\n    issuer: Y\r\n    issued: 2021-02\r\n"
    )


@pytest.mark.parametrize(
    "before",
    [
        "---\nname: A\n",
        "# my profile, kept by hand\n\n---\nname: A\n",
        "--- # the one document\nname: A\n",
        "%YAML 1.2\n---\nname: A\n",
        "name: A\n...\n",
        "---\nname: A\n...\n# the end\n",
    ],
)
def test_document_markers_and_the_comments_around_them_stay(before: str) -> None:
    # Was: the '---' line, a comment above it and a closing '...' were dropped by any edit
    # (`showcase edit`'s save, `import --into`), so the user's header comment was lost.
    data = data_of(before)
    assert apply_edit(before, data) == before
    data["headline"] = "Analyst"
    edited = apply_edit(before, data)
    assert data_of(edited) == data
    assert changed_lines(before, edited) == ["+headline: Analyst"]


def test_items_added_to_an_empty_flow_list_leave_the_comments_after_it_in_place() -> None:
    # Was: 'credentials: []  # none yet' then '# the end' gave '# the end' above the new
    # items, under the key, as if it were about them.
    text = "name: Sam Lee\ncredentials: []   # none yet\n\n# the end\n"
    data = data_of(text)
    data["credentials"] = [{"name": "A", "issuer": "B", "issued": 2020}]
    after = apply_edit(text, data)
    assert data_of(after) == data
    assert after.endswith("    issued: 2020\n\n# the end\n")
    assert "# none yet\n  - name: A\n" in after
