"""YAML text to nodes (ruamel, safe: no Python objects) and nodes to plain data with positions
(`Builder`), within bounds: a cap on values after alias expansion, on nesting depth, and on
unclosed or deeply nested flow collections, with errors that name the place and suggest the
fix.
"""

from __future__ import annotations

import re
from typing import Any

from showcase.errors import Problem, ProfileError
from showcase.profile.document import Path_, Source, YamlFloat, YamlInt, format_loc

MAX_VALUES = 100_000  # values after alias expansion; the largest real profile has ~2,000
MAX_DEPTH = 64  # the profile format nests 4 levels deep

_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"


def compose(text: str, name: str) -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    yaml = YAML(typ="safe", pure=True)
    try:
        return yaml.compose(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or "invalid YAML"
        opened = _unclosed(exc.context or "")
        if opened and exc.context_mark is not None:
            # Report where the quote or bracket opens: the end of the file, where the
            # parser noticed, says nothing about which one was left open.
            closed_by = (
                "the end of the file" if "end of stream" in what else f"line {mark.line + 1}"
            )
            what = f"{opened} opened here is still open at {closed_by}; close it"
            mark = exc.context_mark
        elif exc.context:
            what = f"{exc.context}: {what}" if "found" in what else f"{what} ({exc.context})"
        line = mark.line + 1 if mark is not None else 0
        column = mark.column + 1 if mark is not None else 0
        raise ProfileError(
            [Problem(name, line, column, "", f"YAML syntax error: {what}{_yaml_hint(what)}")]
        ) from None
    except ReaderError as exc:
        before = text[: exc.position]
        line = before.count("\n") + 1
        column = exc.position - (before.rfind("\n") + 1) + 1
        raise ProfileError(
            [
                Problem(
                    name,
                    line,
                    column,
                    "",
                    f"the file holds the control character U+{_codepoint(exc.character):04X}, "
                    "which cannot appear in a resume; delete it",
                )
            ]
        ) from None
    except YAMLError as exc:
        raise ProfileError([Problem(name, 0, 0, "", f"YAML error: {exc}")]) from None
    except RecursionError:
        line, column = _too_deep_at(text)
        raise too_deep(name, line, column) from None


# A run of this many opening brackets ("[[[[", "{ [ {", commas and spaces between) is
# refused before parsing: ruamel's scanner slows down with the square of such a run
# (5,000 took seconds), and no profile needs more than four levels.
_OPEN_RUN = re.compile(r"(?:[\[{][\s,]*)" + "{" + str(MAX_DEPTH + 1) + ",}")


def refuse_deep_flow(text: str, name: str) -> None:
    """Refuse a run of more than MAX_DEPTH opening brackets, in linear time, at its place."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return
    match = _OPEN_RUN.search(text)
    if match is None:
        return
    before = text[: match.start()]
    line = before.count("\n") + 1
    column = match.start() - (before.rfind("\n") + 1) + 1
    raise too_deep(name, line, column)


def too_deep(name: str, line: int, column: int) -> ProfileError:
    message = f"the YAML nests more than {MAX_DEPTH} levels deep here; a profile needs four"
    return ProfileError([Problem(name, line, column, "", message)])


def _unclosed(context: str) -> str:
    """What a parser's "while scanning ..." context says was left open, if anything."""
    if "quoted scalar" in context:
        return "the quote"
    if "flow mapping" in context:
        return "the `{`"
    if "flow sequence" in context:
        return "the `[`"
    return ""


def _too_deep_at(text: str) -> tuple[int, int]:
    """(line, column) where nesting first passes MAX_DEPTH, from the parser's events.

    The parser keeps its own stack (no recursion), unlike the composer that failed.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    depth = 0
    try:
        for event in YAML(typ="safe", pure=True).parse(text):
            kind = type(event).__name__
            if kind in ("MappingStartEvent", "SequenceStartEvent"):
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark.line + 1, event.start_mark.column + 1
            elif kind in ("MappingEndEvent", "SequenceEndEvent"):
                depth -= 1
    except (YAMLError, RecursionError):
        pass
    return 0, 0


# YAML 1.2 treats NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR as ordinary characters,
# but ruamel's reader breaks lines at them (as YAML 1.1 did), so a comment or a literal
# block holding one fails as bad indentation. They are swapped for private-use
# stand-ins while parsing (one character for one, so positions hold) and put back.
_LINE_SEPARATORS = "\x85\u2028\u2029"
_STAND_INS = "\uf8f0\uf8f1\uf8f2"


def protect_line_separators(text: str) -> tuple[str, dict[str, str]]:
    if not any(ch in text for ch in _LINE_SEPARATORS) or any(ch in text for ch in _STAND_INS):
        return text, {}
    table = str.maketrans(_LINE_SEPARATORS, _STAND_INS)
    # NEL is a line break in the text it came from; the two separators stay themselves.
    return text.translate(table), dict(zip(_STAND_INS, "\n\u2028\u2029", strict=True))


def _codepoint(character: Any) -> int:
    return character if isinstance(character, int) else ord(str(character)[:1] or "?")


def _yaml_hint(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return "; a value containing ': ' must be quoted, e.g. title: \"Lead: Data\""
    if "found character '\\t'" in problem or "tab" in problem:
        return "; indent with spaces, not tabs"
    if "could not find expected ':'" in problem:
        return "; is a `key:` missing its colon, or a quote left open?"
    if "expected <block end>" in problem:
        return "; check the indentation of this line against the lines above"
    return ""


class Builder:
    """Turns composed nodes into dicts, lists and scalars, recording positions."""

    def __init__(self, source: Source, restore: dict[str, str] | None = None) -> None:
        self.source = source
        self.restore = str.maketrans(restore) if restore else None
        self.count = 0
        self.problems: list[Problem] = []
        self.exploded = False

    def _problem(self, node: Any, loc: Path_, message: str) -> None:
        mark = node.start_mark
        self.problems.append(
            Problem(self.source.file, mark.line + 1, mark.column + 1, format_loc(loc), message)
        )

    def build(self, node: Any, loc: Path_, depth: int) -> Any:
        if self.exploded:
            return None
        self.count += 1
        if self.count > MAX_VALUES:
            self.exploded = True
            self._problem(
                node,
                loc,
                f"the file expands to more than {MAX_VALUES:,} values; YAML anchors and "
                "aliases (&name / *name) that nest like this are refused (an 'alias bomb')",
            )
            return None
        if depth > MAX_DEPTH:
            self.exploded = True
            self._problem(node, loc, "nested too deeply (or an alias refers to itself)")
            return None
        mark = node.start_mark
        self.source.values[loc] = (mark.line + 1, mark.column + 1)
        kind = type(node).__name__
        if kind == "MappingNode":
            return self._mapping(node, loc, depth)
        if kind == "SequenceNode":
            if node.tag != _SEQ:
                self._problem(node, loc, f"unsupported YAML tag {node.tag}; remove it")
            return [self.build(item, (*loc, i), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node, loc)

    def _mapping(self, node: Any, loc: Path_, depth: int) -> dict[str, Any]:
        if node.tag != _MAP:
            self._problem(node, loc, f"unsupported YAML tag {node.tag}; remove it")
        out: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                self._problem(
                    key_node,
                    loc,
                    "YAML merge keys (<<) are not supported in a profile; write the fields out",
                )
                continue
            if type(key_node).__name__ != "ScalarNode":
                self._problem(key_node, loc, "a key must be a plain word, not a list or mapping")
                continue
            key = str(key_node.value)
            if self.restore is not None:
                key = key.translate(self.restore)
            key_loc = (*loc, key)
            line = key_node.start_mark.line + 1
            if key in first_seen:
                self._problem(
                    key_node,
                    key_loc,
                    f"duplicate key `{key}` (first given at line {first_seen[key]}); "
                    "keep one of them",
                )
                continue
            first_seen[key] = line
            self.source.keys[key_loc] = (line, key_node.start_mark.column + 1)
            out[key] = self.build(value_node, key_loc, depth + 1)
        return out

    def _scalar(self, node: Any, loc: Path_) -> Any:
        value: str = node.value
        if self.restore is not None:
            value = value.translate(self.restore)
        tag = node.tag
        if node.style:  # quoted or block scalar: always text
            return value
        if tag in (_STR, _TIMESTAMP):
            return value
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return value.lower() == "true"
        if tag == _INT:
            cleaned = value.replace("_", "")
            try:
                if cleaned.lower().startswith(("0x", "-0x", "+0x")):
                    number = int(cleaned, 16)
                elif cleaned.lower().startswith(("0o", "-0o", "+0o")):
                    number = int(cleaned, 8)
                else:
                    number = int(cleaned, 10)
            except ValueError:
                return value
            return YamlInt(number, value)
        if tag == _FLOAT:
            try:
                return YamlFloat(float(value.replace("_", "")), value)
            except ValueError:
                return value
        self._problem(node, loc, f"unsupported YAML tag {tag}; remove it")
        return value
