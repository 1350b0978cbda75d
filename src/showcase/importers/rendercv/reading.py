"""Reading a RenderCV file's YAML within bounds (nested flow collections are counted first)."""

from __future__ import annotations

from typing import Any

from showcase.errors import ProfileError
from showcase.importers.result import ImportFailed

# ruamel's scanner takes time quadratic in the depth of nested flow collections: 1,000
# `[` took 1.4 s, 5,000 took 10 s. They are counted first, in one linear pass.
MAX_FLOW_DEPTH = 64


def _flow_depth_at(text: str) -> int | None:
    """The offset where `[`/`{` nest deeper than `MAX_FLOW_DEPTH`, or None.

    Quoted text and comments are skipped; a bracket inside plain text may count
    too, which only matters for text no CV holds (64 unclosed brackets).
    """
    depth, index, size = 0, 0, len(text)
    while index < size:
        char = text[index]
        if char in "[{":
            depth += 1
            if depth > MAX_FLOW_DEPTH:
                return index
        elif char in "]}":
            depth = max(0, depth - 1)
        elif char == '"':
            index += 1
            while index < size and text[index] != '"':
                index += 2 if text[index] == "\\" else 1
        elif char == "'":
            end = text.find("'", index + 1)
            index = size if end < 0 else end
        elif char == "#" and (index == 0 or text[index - 1] in " \t\n"):
            end = text.find("\n", index)
            index = size if end < 0 else end
        index += 1
    return None


def parse_yaml(text: str, name: str) -> Any:
    """YAML text as plain data, with the profile's bounds (size, depth, aliases)."""
    from showcase.profile.source import parse_source

    deep = _flow_depth_at(text)
    if deep is not None:
        line = text.count("\n", 0, deep) + 1
        raise ImportFailed(
            f"{name}:{line}: brackets nest more than {MAX_FLOW_DEPTH} levels deep; "
            "not a CV (read as RenderCV YAML)"
        )
    try:
        return parse_source(text, name).data
    except ProfileError as exc:
        first = exc.problems[0] if getattr(exc, "problems", None) else None
        detail = first.format() if first is not None else f"{name}: {exc}"
        detail = detail.replace("a profile needs four", "a CV needs a few")
        raise ImportFailed(f"{detail} (read as RenderCV YAML)") from None
