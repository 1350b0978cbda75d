"""Bytecode for the source trees a benchmark runs, compiled before anything is timed.

An installed showcase has its bytecode: pip compiles it when it installs the package,
and an editable install writes it on the first run. A machine with
PYTHONDONTWRITEBYTECODE set (CI images, this project's sandbox) never writes it, so every
cold process would compile showcase's ~200 modules from source again (0.04-0.08 s a run,
about a seventh of a cached rebuild) while its dependencies, installed by pip, load theirs:
figures against RenderCV or WeasyPrint's import would count a cost no user pays.
"""

from __future__ import annotations

import compileall
import importlib.util
import os
from collections.abc import Iterable
from pathlib import Path


def showcase_source() -> Path:
    """The folder `import showcase` loads from in this environment (children inherit it)."""
    spec = importlib.util.find_spec("showcase")
    if spec is None or spec.origin is None:
        raise SystemExit("showcase is not importable here: install it (pip install -e .)")
    return Path(spec.origin).parent


def compile_sources(extra: Iterable[str | Path | None] = ()) -> str:
    """Compile showcase's modules (and those of `extra` source trees, e.g. a --before
    checkout's src) to bytecode, as an install would have; a line saying so, to print."""
    trees = [showcase_source(), *(Path(tree) for tree in extra if tree)]
    for tree in trees:
        compileall.compile_dir(str(tree), quiet=1)
    flag = (
        " (PYTHONDONTWRITEBYTECODE is set here)"
        if os.environ.get("PYTHONDONTWRITEBYTECODE")
        else ""
    )
    return f"  bytecode compiled first, as an install does{flag}"
