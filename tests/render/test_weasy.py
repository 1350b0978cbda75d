"""The faster WeasyPrint import leaves nothing patched behind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def test_import_restores_find_library_and_works() -> None:
    code = (
        "import ctypes.util\n"
        "original = ctypes.util.find_library\n"
        "from showcase.render.weasy import import_weasyprint\n"
        "weasyprint = import_weasyprint()\n"
        "assert ctypes.util.find_library is original\n"
        "pdf = weasyprint.HTML(string='<p>hello</p>').write_pdf()\n"
        "assert pdf.startswith(b'%PDF')\n"
        "assert import_weasyprint() is weasyprint\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_missing_pango_is_a_clear_error(tmp_path: object) -> None:
    from pathlib import Path

    fake = Path(str(tmp_path)) / "weasyprint"
    fake.mkdir()
    (fake / "__init__.py").write_text("raise OSError(\"cannot load library 'libpango-1.0-0'\")\n")
    code = (
        "from showcase.render.weasy import import_weasyprint\n"
        "from showcase.errors import RenderError\n"
        "try:\n    import_weasyprint()\n"
        "except RenderError as exc:\n    print(exc.format_message())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert "needs the Pango text library" in result.stdout
    assert "--format docx,html,md,txt" in result.stdout


@pytest.mark.parametrize("declarations", ["parsed", "kept"])
def test_a_letter_laid_out_in_its_own_process_exits_cleanly(
    tmp_path: Path, declarations: str
) -> None:
    """On one core the PDFs are laid out in the command's own process; at exit Python
    closed WeasyPrint's libraries before the thread's font configuration was freed, and
    Pango's destructors crashed `letter` (exit 139, every file written) with the
    declarations parsed (QA, 2026-12-06). The libraries are now kept loaded."""
    from tests.conftest import EXAMPLES, ROOT

    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    environment.pop("SHOWCASE_NO_CACHE", None)
    if declarations == "parsed":
        environment["SHOWCASE_NO_CACHE"] = "1"
    posting = ROOT / "tests" / "data" / "postings" / "03-bluebird-health.txt"
    for run in range(2):  # the first run keeps the declarations, the second uses them
        result = subprocess.run(
            [sys.executable, "-m", "showcase", "letter", str(EXAMPLES / "jordan-rivera.yaml"),
             "--for", str(posting), "-o", str(tmp_path / f"out{run}"), "--no-cache"],
            capture_output=True,
            text=True,
            env=environment,
            preexec_fn=lambda: os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}),
            timeout=120,
        )  # fmt: skip
        assert result.returncode == 0, (run, result.returncode, result.stderr[-800:])
