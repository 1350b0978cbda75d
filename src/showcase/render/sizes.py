"""How long a template's value would be, told without making it (for `budget`): a list's
text, a join, a replace, JSON with an indent. Each count stops once it passes its limit."""

from __future__ import annotations

from typing import Any

_END = object()  # the end of a collection's items, in `weight`


def weight(value: Any, limit: int) -> int:
    """About how many characters `value` takes as text, counted until it passes `limit`:
    a list of 300 references to one 5-million-character string is 1.5 billion, though
    its length is 300 (QA round 2, 2026-12-06: 1.5 GB built before it was measured)."""
    if isinstance(value, (str, bytes)):
        return len(value)
    if not isinstance(value, (list, tuple, set, frozenset, dict)):
        return 0
    total = 0
    stack: list[Any] = [iter(value.items() if isinstance(value, dict) else value)]
    while stack and total <= limit:
        item = next(stack[-1], _END)
        if item is _END:
            stack.pop()
            continue
        total += 2  # a separator
        if isinstance(item, (str, bytes)):
            total += len(item)
        elif isinstance(item, (list, tuple, set, frozenset, dict)) and len(stack) < 100:
            stack.append(iter(item.items() if isinstance(item, dict) else item))
    return total


def join_size(value: Any, separator: Any) -> int:
    """The length of ``separator.join(value)``, told without making it (0 if unknown)."""
    if isinstance(value, (str, dict)) or not isinstance(value, (list, tuple)):
        return 0
    size: int = sum(len(str(item)) for item in value) + len(str(separator)) * len(value)
    return size


def replace_size(text: Any, old: Any, new: Any, limit: int) -> int:
    """The length of ``text.replace(old, new)``, told without making it."""
    if not isinstance(text, str):
        return weight(text, limit)  # told without making its text
    source, before, after = text, str(old), str(new)
    if not before:
        return len(source) + (len(source) + 1) * len(after)
    return len(source) + source.count(before) * (len(after) - len(before))


def json_lines(value: Any, limit: int, depth: int = 1) -> int:
    """The indentation units ``tojson(indent=1)`` writes for `value` (items times their
    depth), counted until it passes limit."""
    if isinstance(value, dict):
        items: list[Any] = list(value.values())
    elif isinstance(value, (list, tuple)):
        items = list(value)
    else:
        return 0
    total = 0
    for item in items:
        total += depth + (json_lines(item, limit, depth + 1) if depth < 100 else 0)
        if total > limit:
            break
    return total
