"""Round-trip editing: apply a whole new profile (plain JSON data) to the user's YAML text.

The form sends the whole profile; what changes on disk is only what differs. Mappings
are updated in place (existing keys keep their place and comments; new keys go last;
removed keys go), list items are matched by their ``id`` (or by position) so an item
keeps its comments when the list is reordered (items added at the end of a list leave
the others, and their comments, as they are; a comment the file ends with stays last),
and a scalar that did not change keeps the way it was written (quotes, a ``>`` block,
``00172``).
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import math
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    ScalarString,
)
from ruamel.yaml.tokens import CommentToken
from ruamel.yaml.util import load_yaml_guess_indent

from showcase.errors import ShowcaseError


class EditError(ShowcaseError):
    """The YAML cannot be edited field by field (a syntax error, a non-mapping top)."""


def _yaml(mapping: int, sequence: int, offset: int) -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long line the user wrote on one line
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


_LINE = re.compile(r"^( *)(-\s+)?[^\s#-][^:#]*:\s*(#.*)?$")


def _mapping_indent(text: str) -> int:
    """The indentation of the first nested mapping the user wrote (2 when none)."""
    lines = [
        line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]
    for here, after in itertools.pairwise(lines):
        match = _LINE.match(here)
        if match is None or match[2]:
            continue
        step = (len(after) - len(after.lstrip(" "))) - len(match[1])
        if step > 0 and not after.lstrip().startswith("-"):
            return step
    return 2


def load_document(text: str) -> tuple[Any, YAML]:
    """The round-trip document of `text` and a dumper with the file's own indentation."""
    try:
        mapping = _mapping_indent(text)
        yaml = _yaml(mapping, 4, 2)
        document: Any = CommentedMap()
        if text.strip():
            # One parse: the guess reads the text's lines, then loads it with `yaml`
            # (whose indentation matters only when it dumps, so it is set after).
            document, guessed, block_seq_indent = load_yaml_guess_indent(text, yaml=yaml)
            if guessed and block_seq_indent is not None:
                yaml.indent(mapping=mapping, sequence=guessed, offset=block_seq_indent)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise EditError(
            f"the profile is not valid YAML{where}; fix that in a text editor first "
            f"({getattr(exc, 'problem', None) or 'syntax error'})"
        ) from None
    except RecursionError:
        raise EditError("the profile nests too deep to edit in the form") from None
    if document is None:
        document = CommentedMap()
    if not isinstance(document, CommentedMap):
        raise EditError("the top of the profile must be a mapping of fields (name: ...)")
    return document, yaml


def to_plain(node: Any) -> Any:
    """JSON-ready data from a round-trip node: dates as ISO text, keys as text."""
    if isinstance(node, dict):
        return {str(k): to_plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [to_plain(v) for v in node]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node) if math.isfinite(node) else str(node)
    if isinstance(node, dt.date | dt.datetime):
        return node.isoformat()
    return str(node)


def _same(old: Any, new: Any) -> bool:
    """Whether `new` (from JSON) is the value `old` (from YAML) already shows."""
    if isinstance(old, bool) or isinstance(new, bool):
        return type(old) is type(new) and old == new
    return bool(to_plain(old) == new)


def _fresh(value: Any, quoted: bool = False) -> Any:
    """A new node for `value`: multi-line text as a literal block, the rest as is (or,
    `quoted`, text in double quotes: the fallback when a plain scalar would not read back)."""
    if isinstance(value, dict):
        fresh = CommentedMap()
        for key, item in value.items():
            fresh[key] = _fresh(item, quoted)
        return fresh
    if isinstance(value, list):
        seq = CommentedSeq()
        seq.extend(_fresh(v, quoted) for v in value)
        return seq
    if isinstance(value, str) and "\n" in value.strip("\n") and _blockable(value):
        return LiteralScalarString(value)
    if quoted and isinstance(value, str):
        return DoubleQuotedScalarString(value)
    return value


def _blockable(text: str) -> bool:
    """Whether `text` reads back the same from a block scalar (``|``, ``>``)."""
    lines = text.split("\n")
    return (
        bool(text.strip())
        and not text[:1].isspace()
        and all(line == line.rstrip() for line in lines)
        and not text.endswith("\n\n")
        and "\t" not in text
        and all(ch.isprintable() or ch == "\n" for ch in text)
    )


def _scalar(old: Any, new: Any, quoted: bool = False) -> Any:
    if _same(old, new):
        return old
    if isinstance(new, str) and isinstance(old, ScalarString):
        if isinstance(old, LiteralScalarString | FoldedScalarString) and _blockable(new):
            # A paragraph stays a block; a folded block that now holds a line break
            # becomes literal so the break survives.
            literal = isinstance(old, LiteralScalarString) or "\n" in new
            return (LiteralScalarString if literal else FoldedScalarString)(new)
        if "\n" not in new:
            return type(old)(new)  # the same quotes
    return _fresh(new, quoted)


def _key(item: Any) -> str | None:
    if isinstance(item, dict):
        value = item.get("id")
        if isinstance(value, str | int) and not isinstance(value, bool):
            return str(value)
    return None


def _tail(seq: CommentedSeq | CommentedMap, index: Any) -> tuple[Any, Any, int]:
    """Where the comment after item `index` of `seq` is kept: the deepest last value's
    node, key and slot in its comment list."""
    node: Any = seq
    key: Any = index
    while True:
        value = node[key]
        if isinstance(value, CommentedMap) and len(value):
            node, key = value, list(value)[-1]
        elif isinstance(value, CommentedSeq) and len(value):
            node, key = value, len(value) - 1
        else:
            return node, key, 2 if isinstance(node, CommentedMap) else 0


def _carry_comment(seq: CommentedSeq, last_old: int, column: int) -> None:
    """Items were added after item `last_old`: the lines of the comment after it that are
    less indented than its content (`column`), and the blank lines at its end, belong after
    the list (the end of the file, the next section), so they move after the new last
    item; the rest stay."""
    node, key, slot = _tail(seq, last_old)
    entry = node.ca.items.get(key)
    token = entry[slot] if entry is not None and len(entry) > slot else None
    if token is None or not isinstance(token.value, str):
        return
    head, _, rest = token.value.partition("\n")
    lines = rest.split("\n")
    cut = next(
        (
            i
            for i, line in enumerate(lines)
            if line.strip() and len(line) - len(line.lstrip(" ")) < column
        ),
        None,
    )
    if cut is None:  # only the blank lines after the last line of comment
        cut = max((i + 1 for i, line in enumerate(lines) if line.strip()), default=0)
    while cut > 0 and not lines[cut - 1].strip():
        cut -= 1  # the blank lines before it go with it
    if cut == len(lines) - 1:
        return  # nothing after the item's own lines
    kept = head + "\n" + "".join(line + "\n" for line in lines[:cut])
    entry[slot] = None if not kept.strip() else CommentToken(kept, token.start_mark)
    moved = CommentToken("\n" + "\n".join(lines[cut:]), CommentMark(0))
    node, key, slot = _tail(seq, len(seq) - 1)
    node.ca.items.setdefault(key, [None, None, None, None])[slot] = moved


def _split_comment(parent: CommentedMap, key: Any, value: Any) -> CommentToken | None:
    """An empty ``[]`` or ``{}`` at `key` that gets items: the comment lines under its line
    (the next section's, the end of the file's), taken from its line's own comment to go
    after its last item; None when there are none."""
    before = parent[key]
    if not isinstance(before, CommentedSeq | CommentedMap) or len(before) or not value:
        return None
    entry = parent.ca.items.get(key)
    token = entry[2] if entry is not None and len(entry) > 2 else None
    if token is None or not isinstance(token.value, str):
        return None
    head, _, rest = token.value.partition("\n")
    if not rest.strip():
        return None
    entry[2] = CommentToken(head + "\n", token.start_mark)
    before.ca.comment = None  # the same token, kept by the flow list too
    return CommentToken("\n" + rest, CommentMark(0))


def merge(old: Any, new: Any, quoted: bool = False) -> Any:
    """`old` (a round-trip node) changed in place as far as possible to equal `new`."""
    if isinstance(new, dict):
        if not isinstance(old, CommentedMap):
            return _fresh(new, quoted)
        for key in [k for k in old if str(k) not in new]:
            del old[key]
        existing = {str(k): k for k in old}
        for key, value in new.items():
            if key in existing:
                real = existing[key]
                after = _split_comment(old, real, value)
                merged = merge(old[real], value, quoted)
                if merged is not old[real]:
                    old[real] = merged
                if after is not None and isinstance(merged, CommentedSeq | CommentedMap):
                    node, last, slot = _tail(
                        merged, len(merged) - 1 if isinstance(merged, list) else list(merged)[-1]
                    )
                    node.ca.items.setdefault(last, [None, None, None, None])[slot] = after
            else:
                old[key] = _fresh(value, quoted)
        return old
    if isinstance(new, list):
        if not isinstance(old, CommentedSeq):
            return _fresh(new, quoted)
        by_id = {k: item for item in old if (k := _key(item)) is not None}
        unchanged_order = len(old) <= len(new) and all(
            _key(a) == (_key(b) if isinstance(b, dict) else None)
            for a, b in zip(old, new[: len(old)], strict=True)
        )
        if unchanged_order:  # the same items in the same order, perhaps more at the end
            for index, value in enumerate(new[: len(old)]):
                merged = merge(old[index], value, quoted)
                if merged is not old[index]:
                    old[index] = merged
            last = len(old) - 1
            old.extend(_fresh(value, quoted) for value in new[len(old) :])
            if 0 <= last < len(old) - 1 and last in old.lc.data:
                _carry_comment(old, last, old.lc.item(last)[1])
            return old
        items = []
        used: set[int] = set()
        for index, value in enumerate(new):
            key = _key(value)
            base = by_id.get(key) if key is not None else None
            if base is None and key is None and index < len(old) and _key(old[index]) is None:
                base = old[index]
            if base is not None and id(base) in used:
                base = None  # a duplicated item: a copy, not the same node twice
            if base is not None:
                used.add(id(base))
                items.append(merge(base, value, quoted))
            else:
                items.append(_fresh(value, quoted))
        comments = old.ca
        old.clear()
        old.extend(items)
        # Comments tied to positions would now sit on other items: drop them.
        comments.items.clear()
        return old
    return _scalar(old, new, quoted)


# The lines a document starts with ('---', and the comments, blank lines and directives
# above it) and the '...' it may end with, and the comments after: ruamel drops them, so
# they are kept aside, as written, and put back around the edited document.
_START = re.compile(r"(?:[ \t]*(?:#[^\n]*)?\n|%[^\n]*\n)*---(?:[ \t]+#[^\n]*)?[ \t]*(?:\n|\Z)")
_END = re.compile(r"(?m)^\.\.\.[ \t]*(?:#.*)?(?:\n[ \t]*(?:#.*)?)*\n?\Z")


def _markers(text: str) -> tuple[str, str, str]:
    """`text` as (its start marker's lines, the document, its end marker's lines)."""
    start = _START.match(text)
    head = start[0] if start else ""
    end = _END.search(text, len(head))
    tail = end[0] if end and (end.start() == len(head) or text[end.start() - 1] == "\n") else ""
    return head, text[len(head) : len(text) - len(tail)], tail


def apply_edit(text: str, data: Any) -> str:
    """`text` (a profile's YAML) changed to hold `data`, everything else kept as written.

    The result is read back and must hold exactly `data`. ruamel writes some new text
    plain where a reader takes it for something else (``?0`` in a flow list reads as a
    mapping key): then every changed text value is written again in double quotes.
    """
    if not isinstance(data, dict):
        raise EditError("the profile sent is not a mapping of fields")
    # Windows line endings: edited as "\n" (ruamel writes those), written back as they were.
    crlf = "\r\n" in text and text.count("\n") == text.count("\r\n")
    if crlf:
        text = text.replace("\r\n", "\n")
    wanted = to_plain(data)
    head, text, tail = _markers(text)
    for quoted in (False, True):
        document, yaml = load_document(text)
        merge(document, data, quoted)
        out = io.StringIO()
        yaml.dump(document, out)
        result = head + out.getvalue() + tail
        try:
            again, _ = load_document(result)
        except EditError:
            continue
        if to_plain(again) == wanted:
            return result.replace("\n", "\r\n") if crlf else result
    raise EditError("the profile could not be written as YAML that reads back the same")
