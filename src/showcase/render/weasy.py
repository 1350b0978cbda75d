"""Importing WeasyPrint faster.

WeasyPrint finds Pango, HarfBuzz and friends by trying several library names
per platform with cffi.  On Linux the first names of each list never exist, and
for each miss cffi calls `ctypes.util.find_library`, which runs `ldconfig` and
then *gcc* to look for it: about 0.3 s of a 1 s import, spent proving that
Windows and macOS names are absent.  The right soname (``libpango-1.0.so.0``)
is later opened directly, without `find_library`.

So, on Linux only, we import WeasyPrint with `find_library` answering "not
found" at once, and restore it straight after.  If that import fails for any
reason, we import again the ordinary way, so a system that really needs the
slow search still gets it.

WeasyPrint's C declarations are parsed once and kept (`showcase.render.weasyffi`):
0.035 s of the import, and ~0.025 s of a process's first PDF.

Two fontTools modules WeasyPrint imports at its own import are also left for later:
`fontTools.subset` (its fallback subsetter, used only where libharfbuzz-subset is
missing) and `fontTools.varLib.instancer` (used only to flatten a variable font; the
bundled fonts are static). Together about a quarter of the import (0.1-0.15 s).
`fontTools.subset` is imported lazily (`importlib.util.LazyLoader`: the real module,
run on its first use); the instancer's one function is bound to a stand-in that
imports the real one when called, and the stand-in leaves `sys.modules` as soon as
WeasyPrint is imported, so any later import gets the real module.
"""

from __future__ import annotations

import ctypes.util
import importlib.util
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from types import ModuleType

from showcase.lazyimport import standing_in
from showcase.render.weasyffi import declarations_kept

_INSTANCER = "fontTools.varLib.instancer"
_SUBSET = "fontTools.subset"


def _missing_libraries(exc: OSError) -> Exception:
    from showcase.errors import RenderError

    return RenderError(
        f"writing PDF needs the Pango text library, which was not found ({exc}). Install it "
        "(Debian/Ubuntu: sudo apt install libpango-1.0-0 libpangoft2-1.0-0; macOS: brew "
        "install pango), or leave PDF out, e.g. --format docx,html,md,txt"
    )


def import_weasyprint() -> ModuleType:
    loaded: ModuleType | None = sys.modules.get("weasyprint")
    if loaded is not None:
        return loaded
    original = ctypes.util.find_library
    if sys.platform.startswith("linux"):
        ctypes.util.find_library = lambda name: None
    try:
        with _fonttools_on_demand(), declarations_kept():
            import weasyprint
    except Exception:
        for name in [m for m in sys.modules if m == "weasyprint" or m.startswith("weasyprint.")]:
            del sys.modules[name]
        ctypes.util.find_library = original
        try:
            import weasyprint
        except OSError as exc:
            raise _missing_libraries(exc) from None
    finally:
        ctypes.util.find_library = original
    _pin_libraries()
    module: ModuleType = weasyprint
    return module


# The sonames WeasyPrint opens on Linux (weasyprint/text/ffi.py's candidates that exist
# there). A name not loaded is skipped.
_LIBRARIES = (
    "libgobject-2.0.so.0",
    "libpango-1.0.so.0",
    "libharfbuzz.so.0",
    "libharfbuzz-subset.so.0",
    "libharfbuzz-vector.so.0",
    "libfontconfig.so.1",
    "libpangoft2-1.0.so.0",
)


def _pin_libraries() -> None:
    """Keep the libraries WeasyPrint opened loaded until the process ends, as a program
    linked against them has them: at exit Python frees WeasyPrint's modules, whose
    library objects close them, before the Pango objects still alive (the thread's font
    configuration, a layout the fit kept), whose destructors then called into unloaded
    code. A `letter` laid out in its own process (one core) crashed after writing every
    file, with the declarations parsed or kept alike (QA, 2026-12-06). Another handle is
    taken with ctypes, which never closes its libraries."""
    if not sys.platform.startswith("linux"):
        return
    import os

    for name in _LIBRARIES:
        with suppress(OSError):
            ctypes.CDLL(name, mode=os.RTLD_NOW | os.RTLD_NOLOAD)


@contextmanager
def _fonttools_on_demand() -> Iterator[None]:
    """While WeasyPrint is imported: `fontTools.subset` lazily, the instancer stood in for."""
    _lazy(_SUBSET)
    with standing_in(_INSTANCER, ("instantiateVariableFont",)):
        yield


def _lazy(name: str) -> None:
    """Put module `name` in `sys.modules`, to be run on the first use of an attribute."""
    if name in sys.modules:
        return
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return
    if spec is None or spec.loader is None:
        return
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent in sys.modules:
        setattr(sys.modules[parent], child, module)
