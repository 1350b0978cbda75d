"""The tree keeps the shape docs/contributing.md describes: layers that import only
downwards (type-checking imports aside), no import cycle between modules, no module
over 400 lines."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pytest

from tests.conftest import ROOT

SRC = ROOT / "src" / "showcase"

# Bottom first. A module may import from its own layer and the layers below it, never
# from a layer above (docs/contributing.md explains each).
LAYERS: tuple[frozenset[str], ...] = (
    frozenset(
        {
            "showcase",
            "__version__",
            "errors",
            "bounded",
            "reading",
            "files",
            "output",
            "localserver",
            "lazyimport",
            "heap",
        }
    ),
    frozenset({"profile"}),
    frozenset({"exporters", "tracker"}),
    frozenset({"strategy"}),
    frozenset({"render"}),
    frozenset({"views", "importers"}),
    frozenset({"artifacts"}),
    frozenset({"helper", "preview"}),
    frozenset({"batch", "editor"}),
    frozenset({"apply", "watch"}),
    frozenset({"cli", "api", "__main__"}),
)
MAX_LINES = 400


def layer_of(module: str) -> int:
    """``showcase.strategy.gaps`` -> the index of the layer holding ``strategy``."""
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else parts[0]
    for index, layer in enumerate(LAYERS):
        if top in layer:
            return index
    raise AssertionError(f"{module}: its package {top!r} is in no layer of LAYERS")


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports(tree: ast.AST, *, top_level_only: bool) -> Iterator[str]:
    """The showcase modules a module imports, skipping `if TYPE_CHECKING:` blocks (and,
    with `top_level_only`, imports inside functions, which run only when called)."""
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _is_type_checking(node):
            stack.extend(node.orelse)
            continue
        if top_level_only and isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "showcase":
                yield from (f"showcase.{alias.name}" for alias in node.names)
            elif node.module.startswith("showcase."):
                yield node.module
        elif isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.startswith("showcase."))
        stack.extend(ast.iter_child_nodes(node))


@lru_cache(maxsize=1)
def sources() -> dict[str, ast.Module]:
    """Every module's syntax tree, parsed once for the tests of this file (read-only)."""
    return {module_name(p): ast.parse(p.read_text("utf-8")) for p in sorted(SRC.rglob("*.py"))}


@lru_cache(maxsize=1)
def all_imports() -> dict[str, tuple[str, ...]]:
    """Each module's imports of showcase, in functions too (`imports`), found once."""
    return {
        module: tuple(imports(tree, top_level_only=False)) for module, tree in sources().items()
    }


def test_no_module_imports_up_the_layers() -> None:
    upward = [
        f"{module} imports {target}"
        for module, targets in all_imports().items()
        for target in targets
        if layer_of(target) > layer_of(module)
    ]
    assert upward == []


def test_strategy_imports_nothing_that_presents() -> None:
    """Analysis returns dataclasses; wording, templates and files are above it."""
    presenting = ("showcase.render", "showcase.artifacts", "showcase.views", "showcase.cli")
    found = [
        f"{module} imports {target}"
        for module, targets in all_imports().items()
        if module.startswith("showcase.strategy")
        for target in targets
        if target.startswith(presenting)
    ]
    assert found == []


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle_between_modules() -> None:
    trees = sources()
    graph: dict[str, set[str]] = {}
    for module, found in all_imports().items():
        targets = set()
        # Imports inside functions count too: a cycle that only closes at run time is
        # still two modules that cannot be understood apart.
        for target in found:
            # `from showcase.x import y` may name a module y or a name in x.
            targets.add(target if target in trees else target.rsplit(".", 1)[0])
        # A package's __init__ importing its own modules is how packages work.
        graph[module] = {
            t for t in targets if t in trees and t != module and not module_is_parent(module, t)
        }
    assert _cycles(graph) == []


def module_is_parent(module: str, target: str) -> bool:
    return target.startswith(module + ".")


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: module_name(p))
def test_no_module_over_400_lines(path: Path) -> None:
    lines = len(path.read_text("utf-8").splitlines())
    assert lines <= MAX_LINES, f"{module_name(path)} has {lines} lines; split it by concern"


def test_every_package_is_in_a_layer() -> None:
    for path in SRC.iterdir():
        if path.name.startswith(("_", ".")) and path.name not in ("__init__.py", "__main__.py"):
            continue
        if path.is_dir() and not (path / "__init__.py").exists():
            continue  # data, static files
        layer_of(module_name(path / "__init__.py" if path.is_dir() else path))
