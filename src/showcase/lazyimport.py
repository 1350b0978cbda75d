"""Importing a library without one of its modules that the run will not use.

Some libraries import, at their own import, modules only a feature showcase rarely
calls needs: WeasyPrint imports fontTools' variable-font instancer (for variable fonts;
the bundled fonts are static; see `showcase.render.weasy`). (trafilatura's downloader
was measured too: 3-5 ms of its import, not worth a stand-in.) `standing_in(name,
functions)` puts a stand-in
for module `name` in `sys.modules` while the library is imported: the library binds
the stand-in's functions, each of which imports the real module when first called and
calls the real function. The stand-in leaves `sys.modules` when the `with` ends, so any
later import of `name` gets the real module. An attribute the library reads at import
time that is not one of `functions` imports the real module at once (nothing is lost,
only the saving).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

_MARK = "_showcase_stand_in"


@contextmanager
def standing_in(name: str, functions: tuple[str, ...]) -> Iterator[None]:
    """While the `with` runs, module `name` is a stand-in offering `functions`."""
    standing = name not in sys.modules
    if standing:
        sys.modules[name] = _stand_in(name, functions)
    try:
        yield
    finally:
        if standing and is_stand_in(sys.modules.get(name)):
            del sys.modules[name]


def is_stand_in(module: object) -> bool:
    return bool(getattr(module, _MARK, False))


def _real(name: str) -> ModuleType:
    if is_stand_in(sys.modules.get(name)):
        del sys.modules[name]
    return importlib.import_module(name)


def _stand_in(name: str, functions: tuple[str, ...]) -> ModuleType:
    module = ModuleType(name)
    setattr(module, _MARK, True)
    for function in functions:
        setattr(module, function, _forward(name, function))

    def __getattr__(attribute: str) -> Any:
        if attribute.startswith("__"):  # the import system asking about __path__ and such
            raise AttributeError(attribute)
        return getattr(_real(name), attribute)

    module.__getattr__ = __getattr__  # type: ignore[method-assign]
    return module


def _forward(name: str, function: str) -> Callable[..., Any]:
    def forward(*args: Any, **kwargs: Any) -> Any:
        return getattr(_real(name), function)(*args, **kwargs)

    forward.__name__ = forward.__qualname__ = function
    return forward
