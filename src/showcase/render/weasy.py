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
"""

from __future__ import annotations

import ctypes.util
import sys
from types import ModuleType


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
    if not sys.platform.startswith("linux"):
        try:
            import weasyprint
        except OSError as exc:
            raise _missing_libraries(exc) from None
        plain: ModuleType = weasyprint
        return plain
    original = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
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
    module: ModuleType = weasyprint
    return module
