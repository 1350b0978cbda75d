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

from pathlib import Path

from showcase.errors import Problem, ProfileError
from showcase.profile.composer import MAX_DEPTH as MAX_DEPTH
from showcase.profile.composer import MAX_VALUES as MAX_VALUES
from showcase.profile.composer import Builder, compose, protect_line_separators, refuse_deep_flow
from showcase.profile.composer import too_deep as too_deep
from showcase.profile.document import Path_ as Path_
from showcase.profile.document import Source as Source
from showcase.profile.document import YamlFloat as YamlFloat
from showcase.profile.document import YamlInt as YamlInt
from showcase.profile.document import format_loc as format_loc
from showcase.reading import PIPE_WAIT_SECONDS as PIPE_WAIT_SECONDS
from showcase.reading import PipeSilent as PipeSilent
from showcase.reading import TooLarge as TooLarge
from showcase.reading import read_bounded as read_bounded

MAX_FILE_BYTES = 1024 * 1024  # profiles are hand-written; 1 MiB is hundreds of credentials


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

    text, restore = protect_line_separators(text)
    refuse_deep_flow(text, name)
    node = compose(text, name)
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
    builder = Builder(source, restore)
    source.data = builder.build(node, (), 0)
    if builder.exploded:
        raise ProfileError(builder.problems)
    source.problems = builder.problems
    return source
