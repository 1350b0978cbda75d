"""The PDF helper lays out HTML without importing Jinja (issue #29: 30-50 ms of CPU)."""

from __future__ import annotations

import subprocess
import sys


def test_writing_a_pdf_imports_no_jinja() -> None:
    code = (
        "import sys\n"
        "from showcase.render.pdf import html_to_pdf\n"
        "assert html_to_pdf('<p>\\u201cJordan\\u201d</p>').startswith(b'%PDF-')\n"
        "print(sorted(m for m in ('jinja2', 'markupsafe', 'pydantic') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_templates_module_still_offers_the_bundled_folder() -> None:
    from showcase.render import bundled, templates

    assert templates.bundled_templates_dir() == bundled.bundled_templates_dir()
    assert (templates.bundled_templates_dir() / "fonts" / "fonts.css").is_file()
