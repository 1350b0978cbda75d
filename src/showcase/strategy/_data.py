"""Reading the bundled data files (vocabulary, catalog, the grammar's verbs) once, with errors
that say where.

The YAML files are what people edit and review. Parsing them with ruamel.yaml
takes about 2 s (pure Python), which would break `gaps`' budget of 0.5 s, so
each ships with a JSON twin that loads in milliseconds (even the grammar's 3 KB
verbs.yaml took 16 ms to parse). A test checks that the
twins say the same; after editing a YAML file, run
``python -m showcase.strategy._data`` to rewrite them.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from pydantic import ValidationError

from showcase.errors import ShowcaseError

DATA_FILES = ("vocabulary", "catalog", "verbs")


class DataError(ShowcaseError):
    """A bundled data file that does not load: a bug in showcase, or a broken install."""


def data_path(name: str) -> Traversable:
    return resources.files("showcase") / "data" / name


def read_data(stem: str) -> Any:
    """The content of ``showcase/data/<stem>.json`` (the twin of ``<stem>.yaml``)."""
    try:
        return json.loads(data_path(f"{stem}.json").read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise DataError(
            f"showcase's {stem}.json cannot be read ({exc}); reinstall showcase"
        ) from None


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector held off while a bundled file becomes thousands of
    long-lived objects (the vocabulary's 1,500 terms): their allocations would start a
    collection that walks every object of the process, ~15 ms of a 0.3 s command, and
    none of them is garbage."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_yaml(stem: str) -> Any:
    """The parsed ``showcase/data/<stem>.yaml``: the source the JSON twin is made from."""
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(data_path(f"{stem}.yaml").read_text("utf-8"))


def twin_text(stem: str) -> str:
    """What ``<stem>.json`` must contain for the current ``<stem>.yaml``."""
    return json.dumps(read_yaml(stem), ensure_ascii=False, separators=(",", ":")) + "\n"


def explain(name: str, exc: ValidationError, data: Any) -> DataError:
    """Every problem of `exc`, each with the entry it is in (``terms.12 ('Go'): ...``)."""
    lines = []
    for error in exc.errors():
        loc = error["loc"]
        where = ".".join(str(part) for part in loc)
        if len(loc) >= 2 and isinstance(loc[1], int):
            try:
                entry = data[loc[0]][loc[1]]
                where += f" ({entry.get('id') or entry.get('name')!r})"
            except (KeyError, IndexError, TypeError, AttributeError):
                pass
        lines.append(f"  {name}: {where}: {error['msg']}")
    return DataError(f"showcase's {name} is invalid; reinstall showcase\n" + "\n".join(lines))


def main() -> None:  # pragma: no cover - a maintainer's tool
    """Rewrite every JSON twin from its YAML file (run from a checkout)."""
    for stem in DATA_FILES:
        target = data_path(f"{stem}.json")
        with resources.as_file(target) as path:
            path.write_text(twin_text(stem), "utf-8")
            print(f"wrote {path}")


if __name__ == "__main__":  # pragma: no cover
    main()
