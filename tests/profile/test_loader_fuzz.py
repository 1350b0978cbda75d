"""Mutated profiles either load or raise ProfileError: never anything else."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from showcase.errors import ProfileError
from showcase.profile import load_text
from showcase.profile.source import parse_source
from tests.conftest import EXAMPLES, TODAY

BASE = parse_source((EXAMPLES / "jordan-rivera.yaml").read_text(), "base").data

JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.sampled_from(["present", "2026-13", "2026-02-30", "javascript:x", "../x.png", "\x07"]),
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            out.extend(_paths(value, (*prefix, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out.extend(_paths(value, (*prefix, index)))
    return out


PATHS = [p for p in _paths(BASE) if p]


def _mutate(data: Any, path: tuple[Any, ...], action: str, junk: Any) -> Any:
    data = copy.deepcopy(data)
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if action == "drop":
        del parent[last]
    elif action == "replace":
        parent[last] = junk
    elif action == "insert" and isinstance(parent, dict):
        parent[f"junk_{last}"] = junk
    elif action == "insert" and isinstance(parent, list):
        parent.insert(last, junk)
    return data


def _dump(data: Any) -> str:
    import io

    yaml = YAML(typ="safe", pure=True)
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    mutations=st.lists(
        st.tuples(st.sampled_from(PATHS), st.sampled_from(["drop", "replace", "insert"]), JUNK),
        min_size=1,
        max_size=4,
    )
)
def test_mutated_profiles_load_or_explain(mutations: list[tuple[Any, str, Any]]) -> None:
    data = BASE
    for path, action, junk in mutations:
        try:
            data = _mutate(data, path, action, junk)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed this path
    try:
        text = _dump(data)
    except Exception:  # junk ruamel itself cannot write (e.g. odd floats): not our concern
        return
    try:
        loaded = load_text(text, today=TODAY)
    except ProfileError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.line >= 0 and problem.message
        return
    assert loaded.profile.name


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_loads_or_explains(text: str) -> None:
    try:
        load_text(text, today=TODAY)
    except ProfileError as exc:
        assert exc.problems
