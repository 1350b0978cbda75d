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
