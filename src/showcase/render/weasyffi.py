"""WeasyPrint's C declarations, parsed once and kept.

WeasyPrint declares the Pango, HarfBuzz and fontconfig functions it calls in one
`ffi.cdef(...)` of about 500 lines, which cffi parses with pycparser at every import
(~0.035 s with pycparser's own import). Every C type it names later, such as
``ffi.new("hb_codepoint_t[46]")``, is parsed by pycparser again with all those typedefs
in front: ~2 ms each, a dozen for a process's first PDF (~0.025 s).

cffi's out-of-line ABI mode keeps parsed declarations as data (no C compiler is
involved), which `_cffi_backend` loads in about a millisecond and whose types it parses
in C, in microseconds. So the first import that parses WeasyPrint's declarations also
keeps their out-of-line form in the user's cache folder, beside Jinja's compiled
templates: literal bytes and tuples, read back with `ast.literal_eval`, so nothing read
from the cache is ever run. Later imports give WeasyPrint an FFI built from them, whose
`cdef` checks that it is handed the very declarations it was built from.

The entry's name is a digest of WeasyPrint's declaring module, cffi's version and
Python's, so an upgrade of either makes a new one. Any mismatch, unreadable entry or
failure means the ordinary import (`showcase.render.weasy` imports again without this).
``SHOWCASE_NO_CACHE`` turns it off, like every cache of showcase's. Linux only: the
only system it was tried on.
"""

from __future__ import annotations

import ast
import hashlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from showcase.reading import read_regular

_MODULE = "weasyprint.text.ffi"  # the module whose `cffi.FFI()` is answered
_LIMIT = 1 << 20  # bytes; an entry is ~25 KB, WeasyPrint's module ~20 KB
_NAME = "_showcase_weasyprint_ffi"
# The arguments of `_cffi_backend.FFI` an out-of-line module passes, with their types.
_ARGUMENTS = {
    "_version": int,
    "_types": bytes,
    "_globals": tuple,
    "_struct_unions": tuple,
    "_enums": tuple,
    "_typenames": tuple,
}


class DeclarationsChanged(Exception):
    """WeasyPrint declared something other than what the kept FFI was built from."""


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def kept_ffi(data: dict[str, Any]) -> Any:
    """The FFI the out-of-line `data` describes (`kept_data`'s), whose `cdef` accepts
    only the declarations it was made from."""
    import _cffi_backend

    class KeptFFI(_cffi_backend.FFI):  # type: ignore[misc]
        def cdef(self, csource: str, *args: object, **kwargs: object) -> None:
            if args or kwargs or _digest(csource) != data["cdef"]:
                raise DeclarationsChanged("WeasyPrint's C declarations are not the kept ones")

    return KeptFFI(data["name"], **data["arguments"])


def kept_data(ffi: Any, csource: str) -> dict[str, Any] | None:
    """What `kept_ffi` needs to rebuild `ffi` (which `csource` was declared in) without
    parsing it: its out-of-line form, as literals; None when cffi makes it otherwise."""
    import io

    from cffi import recompiler

    out = io.StringIO()
    recompiler.make_py_source(ffi, _NAME, out)
    tree = ast.parse(out.getvalue())
    calls = [
        node.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and [getattr(t, "id", None) for t in node.targets] == ["ffi"]
        and isinstance(node.value, ast.Call)
    ]
    if len(calls) != 1 or [ast.literal_eval(arg) for arg in calls[0].args] != [_NAME]:
        return None
    arguments = {kw.arg: ast.literal_eval(kw.value) for kw in calls[0].keywords}
    if set(arguments) - set(_ARGUMENTS):  # e.g. _includes: not a module of its own
        return None
    return {"name": _NAME, "cdef": _digest(csource), "arguments": arguments}


def _check(data: dict[str, Any]) -> str:
    """A digest of an entry's data: `_cffi_backend` trusts what it is given (a damaged
    `_types` can crash the process), so an entry whose data does not match its digest
    is not used. It guards against a damaged file, not against whoever can write the
    user's cache folder, who can already change what runs (Jinja's compiled templates
    are kept there too)."""
    return _digest(repr((data["name"], data["cdef"], data["arguments"])))


def read_entry(path: Path) -> dict[str, Any] | None:
    """The kept data at `path`, checked for shape and against its digest; None when
    absent or not ours."""
    try:
        raw = read_regular(path, _LIMIT)
        if raw is None:
            return None
        data = ast.literal_eval(raw.decode("ascii"))
    except (OSError, ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None
    if not isinstance(data, dict) or set(data) != {"name", "cdef", "arguments", "check"}:
        return None
    arguments = data["arguments"]
    if (
        data["name"] != _NAME
        or not isinstance(data["cdef"], str)
        or not isinstance(arguments, dict)
    ):
        return None
    if not all(isinstance(arguments.get(k, ()), t) for k, t in _ARGUMENTS.items()) or set(
        arguments
    ) - set(_ARGUMENTS):
        return None
    if data["check"] != _check(data):
        return None
    del data["check"]
    return data


def write_entry(path: Path, data: dict[str, Any]) -> None:
    """Keep `data` at `path`, whole or not at all (another process may be reading)."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(repr({**data, "check": _check(data)}))
        os.replace(temporary, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise


def entry_path() -> Path | None:
    """Where the kept declarations of the installed WeasyPrint go; None when showcase's
    caches are off, WeasyPrint's declaring module cannot be read, or off Linux (the
    only system this was tried on: how libraries are kept loaded differs elsewhere)."""
    if os.environ.get("SHOWCASE_NO_CACHE") or not sys.platform.startswith("linux"):
        return None
    import importlib.util

    import cffi

    try:
        spec = importlib.util.find_spec("weasyprint")
        if spec is None or spec.origin is None:
            return None
        with (Path(spec.origin).parent / "text" / "ffi.py").open("rb") as handle:
            source = handle.read(_LIMIT + 1)
    except (OSError, ImportError, ValueError):
        return None
    digest = hashlib.sha256(source)
    digest.update(f"\0{cffi.__version__}\0{sys.version}".encode())
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "showcase" / "cffi" / f"weasyprint-{digest.hexdigest()[:32]}.py-data"


@contextmanager
def declarations_kept() -> Iterator[None]:
    """While WeasyPrint is imported: its `cffi.FFI()` is the kept FFI when there is one;
    else the ordinary FFI, whose declarations are kept once the import succeeds."""
    path = entry_path()
    if path is None:
        yield
        return
    import cffi

    kept: Any = None
    if (data := read_entry(path)) is not None:
        with suppress(Exception):  # an entry _cffi_backend refuses: the ordinary import
            kept = kept_ffi(data)
    plain = cffi.FFI
    declared: list[tuple[Any, str]] = []

    class Recorded(plain):  # type: ignore[misc, valid-type]
        def cdef(self, csource: str, *args: Any, **kwargs: Any) -> None:
            declared.append((self, csource))
            super().cdef(csource, *args, **kwargs)

    def answer(*args: Any, **kwargs: Any) -> Any:
        if args or kwargs or sys._getframe(1).f_globals.get("__name__") != _MODULE:
            return plain(*args, **kwargs)
        return kept if kept is not None else Recorded()

    cffi.FFI = answer
    try:
        yield
    finally:
        cffi.FFI = plain
    if kept is None and len(declared) == 1:
        with suppress(Exception):  # not kept: the next import parses them again
            made = kept_data(*declared[0])
            if made is not None:
                write_entry(path, made)
