"""The faster WeasyPrint import leaves nothing patched behind."""

from __future__ import annotations

import subprocess
import sys


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
