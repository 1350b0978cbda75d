"""WeasyPrint's C declarations are parsed once and kept (`showcase.render.weasyffi`):
later imports are given an FFI built from the kept data, which lays out the same PDFs;
a kept entry that is not ours, or not of WeasyPrint's declarations, is never trusted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from showcase.render.weasyffi import (
    DeclarationsChanged,
    entry_path,
    kept_ffi,
    read_entry,
    write_entry,
)

# In a process of its own (WeasyPrint is imported once per process): import it as
# showcase does, write a small PDF, and say which FFI WeasyPrint was given.
_IMPORT = """
import json, sys
from showcase.render.weasy import import_weasyprint
weasyprint = import_weasyprint()
ffi = sys.modules["weasyprint.text.ffi"].ffi
pdf = weasyprint.HTML(string="<h1>Kept</h1><p>hello <b>world</b> ÄÖÜ ✓</p>").write_pdf(
    pdf_identifier=b"test")
print(json.dumps({"ffi": type(ffi).__name__, "pycparser": "pycparser" in sys.modules,
                  "pdf": pdf.hex()}))
"""


def _import(cache: Path, *, no_cache: bool = False) -> dict[str, object]:
    environment = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    environment.pop("SHOWCASE_NO_CACHE", None)
    if no_cache:
        environment["SHOWCASE_NO_CACHE"] = "1"
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", result.stderr
    found: dict[str, object] = json.loads(result.stdout)
    return found


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    monkeypatch.delenv("SHOWCASE_NO_CACHE", raising=False)
    return folder


def _entry() -> Path:
    path = entry_path()
    assert path is not None
    return path


def test_kept_after_the_first_import_and_used_by_the_next(cache: Path) -> None:
    first = _import(cache)
    assert first["ffi"] == "Recorded"  # parsed, as without showcase, and then kept
    entry = _entry()
    assert entry.is_relative_to(cache / "showcase")
    assert read_entry(entry) is not None
    second = _import(cache)
    assert second["ffi"] == "KeptFFI"
    assert second["pycparser"] is False  # nothing parsed: neither the cdef nor a type
    assert second["pdf"] == first["pdf"]  # the same PDF, byte for byte


def test_no_cache_parses_every_time_and_keeps_nothing(cache: Path) -> None:
    found = _import(cache, no_cache=True)
    assert found["ffi"] == "FFI"
    assert not (cache / "showcase" / "cffi").exists()
    assert found["pdf"] == _import(cache)["pdf"]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\xff\xfe not ascii",
        b"__import__('os').system('touch PWNED')",  # never run: read as a literal only
        b"[" * 100_000,  # nested past the parser's depth
        b"{'name': '_showcase_weasyprint_ffi', 'cdef': 'x', 'arguments': {'_types': 1}}",
        b"{'name': 'other', 'cdef': 'x', 'arguments': {}}",
        b"{'name': '_showcase_weasyprint_ffi', 'cdef': 'x', 'arguments': {'_includes': ()}}",
        b"{'name': '_showcase_weasyprint_ffi', 'cdef': 'x', 'arguments': {}, 'more': 1}",
        b"{'name': '_showcase_weasyprint_ffi', 'cdef': 'x', 'arguments': {}, 'check': 'x'}",
        b"(" + b"1," * 600_000 + b")",  # larger than any entry
    ],
)
def test_an_entry_not_ours_is_ignored_and_replaced(
    cache: Path, content: bytes, tmp_path: Path
) -> None:
    entry = _entry()
    entry.parent.mkdir(parents=True)
    entry.write_bytes(content)
    assert read_entry(entry) is None
    os.chdir(tmp_path)
    found = _import(cache)
    assert found["ffi"] == "Recorded"
    assert not (tmp_path / "PWNED").exists()
    assert read_entry(entry) is not None  # the next import has a good one


def test_declarations_other_than_the_kept_ones_are_refused(cache: Path) -> None:
    _import(cache)
    data = read_entry(_entry())
    assert data is not None
    ffi = kept_ffi(data)
    with pytest.raises(DeclarationsChanged):
        ffi.cdef("int changed(void);")
    # Kept data that _cffi_backend refuses, or declarations WeasyPrint no longer makes:
    # the import goes the ordinary way, and still works.
    write_entry(_entry(), {**data, "cdef": "0" * 64})
    assert _import(cache)["ffi"] == "FFI"


def test_a_damaged_entry_is_not_used(cache: Path) -> None:
    """_cffi_backend trusts its data (a damaged table crashes the process): an entry
    whose data does not match its digest is not used, and is replaced."""
    _import(cache)
    entry = _entry()
    kept = entry.read_text("ascii")
    assert "'_types': b'" in kept
    entry.write_text(kept.replace("'_types': b'", "'_types': b'\\x00", 1), "ascii")
    assert read_entry(entry) is None
    assert _import(cache)["ffi"] == "Recorded"
    assert read_entry(entry) is not None


def test_a_cache_folder_that_cannot_be_made_keeps_nothing_and_imports(cache: Path) -> None:
    cache.write_text("a file where the cache folder would be")
    assert _import(cache)["ffi"] == "Recorded"
    assert cache.read_text() == "a file where the cache folder would be"


def test_a_changed_weasyprint_or_cffi_is_another_entry(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cffi

    before = _entry()
    monkeypatch.setattr(cffi, "__version__", cffi.__version__ + ".post1")
    assert _entry() != before


def test_a_command_laying_out_in_its_own_process_exits_cleanly(cache: Path, tmp_path: Path) -> None:
    """On one core the resume is laid out in the command's own process, with the heap
    frozen, and a layout its fit kept is still alive at exit: the kept FFI's libraries
    were closed before it, and Pango's destructors crashed the process (after the PDF
    was written). Twice: with the declarations parsed, then with them kept."""
    from tests.conftest import EXAMPLES

    written = []
    for run in ("parsed", "kept"):
        out = tmp_path / run
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "showcase",
                "resume",
                str(EXAMPLES / "jordan-rivera.yaml"),
                "-o",
                str(out),
                "--format",
                "pdf",
                "--today",
                "2026-11-28",
                "--no-cache",
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "XDG_CACHE_HOME": str(cache)},
            preexec_fn=lambda: os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}),
            timeout=120,
        )
        assert result.returncode == 0, (run, result.returncode, result.stderr)
        written.append((out / "Jordan-Rivera-Resume.pdf").read_bytes())
        assert read_entry(_entry()) is not None
    assert written[0] == written[1]


def test_off_linux_nothing_is_kept(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    assert entry_path() is None


def test_a_named_pipe_at_the_entry_is_a_miss_not_a_hang(cache: Path) -> None:
    """Opening a pipe waits for a writer: a pipe planted at the entry hung every PDF
    command (QA, 2026-12-06)."""
    entry = _entry()
    entry.parent.mkdir(parents=True)
    os.mkfifo(entry)
    assert read_entry(entry) is None
    assert _import(cache)["ffi"] == "Recorded"  # in time (a hang is the timeout's error)
    assert read_entry(entry) is not None  # replaced by a good one


def test_a_link_at_the_entry_is_a_miss(cache: Path, tmp_path: Path) -> None:
    _import(cache)
    entry = _entry()
    good = tmp_path / "elsewhere"
    entry.rename(good)
    entry.symlink_to(good)
    assert read_entry(entry) is None


def test_an_entry_cut_short_is_a_miss_and_is_written_again(cache: Path) -> None:
    """An entry truncated mid-write (a full disk, a crash) is not read as data."""
    _import(cache)
    entry = _entry()
    whole = entry.read_bytes()
    for size in (1, len(whole) // 2, len(whole) - 1):
        entry.write_bytes(whole[:size])
        assert read_entry(entry) is None
    assert _import(cache)["ffi"] == "Recorded"
    assert entry.read_bytes() == whole  # the same declarations, kept again
