"""Read a YAML file into plain Python data, remembering where every value came from.

We compose the YAML into nodes (ruamel.yaml, safe and pure: no Python objects
can be built from a profile) and convert the nodes ourselves.  Doing the
conversion here, rather than in ruamel's constructor, is what gives us:

* a position (line, column) for every value and every mapping key, so that
  any later error can name the exact place;
* duplicate keys reported at the second occurrence (YAML says they are an
  error; most loaders silently keep the last);
* a hard cap on the number of values, so an "alias bomb" (a few lines of
  nested anchors that expand to billions of nodes) fails fast with bounded
  memory instead of hanging the machine;
* scalars kept close to what the user wrote: timestamps stay text (our own
  date type parses them), and numbers remember their source text so that a
  credential id like ``00172`` is not silently turned into ``172``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from showcase.errors import Problem, ProfileError

MAX_FILE_BYTES = 1024 * 1024  # profiles are hand-written; 1 MiB is hundreds of credentials
MAX_VALUES = 100_000  # values after alias expansion; the largest real profile has ~2,000
MAX_DEPTH = 64  # the profile format nests 4 levels deep

Path_ = tuple[str | int, ...]

_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"


class YamlInt(int):
    """An int that remembers how it was written (``00172``, ``1_000``)."""

    source: str

    def __new__(cls, value: int, source: str) -> YamlInt:
        obj = super().__new__(cls, value)
        obj.source = source
        return obj


class YamlFloat(float):
    """A float that remembers how it was written (``1.10`` is not ``1.1``)."""

    source: str

    def __new__(cls, value: float, source: str) -> YamlFloat:
        obj = super().__new__(cls, value)
        obj.source = source
        return obj


@dataclass
class Source:
    """Plain data read from a file, with the position of every value in it."""

    file: str  # the name to show in messages
    path: Path | None
    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    # Problems found while reading that do not stop validation (duplicate keys).
    problems: list[Problem] = field(default_factory=list)

    def where(self, loc: Path_, *, key: bool = False) -> tuple[int, int]:
        """The (line, column) of the value at `loc`, or of its nearest ancestor.

        With ``key=True`` the position of the mapping key is preferred (for
        "unknown field" errors the key is what the user has to change).
        """
        loc = tuple(loc)
        if key and loc in self.keys:
            return self.keys[loc]
        while loc:
            if loc in self.values:
                return self.values[loc]
            loc = loc[:-1]
        return self.values.get((), (1, 1))

    def problem(self, loc: Path_, message: str, *, key: bool = False) -> Problem:
        line, column = self.where(loc, key=key)
        return Problem(self.file, line, column, format_loc(loc), message)


def format_loc(loc: Path_) -> str:
    """``("credentials", 2, "issuer")`` -> ``credentials[2].issuer``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


class TooLarge(Exception):
    """A file (or stream) longer than the limit its reader allows."""


def read_bounded(path: Path, limit: int) -> bytes:
    """At most `limit` bytes of `path`; raises TooLarge beyond that.

    The size is measured by reading, never by `st_size`: a FIFO or a
    process substitution has no size, and /dev/zero claims 0 bytes but never ends.
    """
    import os
    import stat

    # O_NONBLOCK: opening a named pipe returns at once instead of waiting for a writer;
    # a pipe is then read as the writer writes, with a bounded wait for it.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        if stat.S_ISFIFO(os.fstat(fd).st_mode):
            data = _read_pipe(fd, path, limit)
        else:
            if hasattr(os, "set_blocking"):
                os.set_blocking(fd, True)
            with os.fdopen(fd, "rb") as handle:
                fd = -1
                data = handle.read(limit + 1)
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > limit:
        raise TooLarge(path)
    return data


PIPE_WAIT_SECONDS = 10.0  # how long a named pipe may stay silent before we give up


class PipeSilent(OSError):
    """Nothing came through a named pipe in time: nobody is writing to it."""


def _read_pipe(fd: int, path: Path, limit: int) -> bytes:
    """Up to `limit` + 1 bytes from a non-blocking pipe, waiting at most
    PIPE_WAIT_SECONDS for each piece (a writer may open it after us)."""
    import os
    import select

    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        ready, _, _ = select.select([fd], [], [], PIPE_WAIT_SECONDS)
        if not ready:
            raise PipeSilent(
                0, f"nothing came through the pipe in {PIPE_WAIT_SECONDS:.0f} s", str(path)
            )
        try:
            chunk = os.read(fd, 1 << 16)
        except BlockingIOError:
            continue
        if not chunk:
            break  # the writer closed it
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)[: limit + 1]


def read_source(path: Path, *, display: str | None = None) -> Source:
    """Read and parse `path`; raise ProfileError for anything unreadable."""
    name = display or str(path)

    def fail(message: str, line: int = 0, column: int = 0) -> ProfileError:
        return ProfileError([Problem(name, line, column, "", message)])

    try:
        if path.is_dir():
            raise fail("this is a folder; give the path of a profile's .yaml file")
        raw = read_bounded(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise fail("no such file; create one with `showcase init`") from None
    except TooLarge:
        raise fail(
            f"the file is larger than {MAX_FILE_BYTES // 1024:,} KiB, the most a profile may be "
            "(is this the right file?)"
        ) from None
    except OSError as exc:
        raise fail(f"cannot read the file: {exc.strerror or exc}") from None
    return parse_source(raw, name, path)


def parse_source(raw: bytes | str, name: str, path: Path | None = None) -> Source:
    """Parse YAML text into a `Source`.  Raises ProfileError on any problem."""
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
            raise ProfileError(
                [
                    Problem(
                        name,
                        line,
                        column,
                        "",
                        "the file is not UTF-8 text; save it as UTF-8 in your editor",
                    )
                ]
            ) from None
    else:
        text = raw
    if len(text) > MAX_FILE_BYTES:  # characters, not bytes: only reached with text from Python
        raise ProfileError(
            [Problem(name, 0, 0, "", f"a profile may be at most {MAX_FILE_BYTES // 1024:,} KiB")]
        )

    text, restore = _protect_line_separators(text)
    _refuse_deep_flow(text, name)
    node = _compose(text, name)
    source = Source(file=name, path=path, data=None)
    if node is None:
        raise ProfileError(
            [
                Problem(
                    name,
                    1,
                    1,
                    "",
                    "the file is empty; start from the example `showcase init` writes",
                )
            ]
        )
    builder = _Builder(source, restore)
    source.data = builder.build(node, (), 0)
    if builder.exploded:
        raise ProfileError(builder.problems)
    source.problems = builder.problems
    return source


def _compose(text: str, name: str) -> Any:
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


def _refuse_deep_flow(text: str, name: str) -> None:
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


def _protect_line_separators(text: str) -> tuple[str, dict[str, str]]:
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


class _Builder:
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
