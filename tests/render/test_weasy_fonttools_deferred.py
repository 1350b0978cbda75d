"""WeasyPrint is imported without fontTools' subsetter and instancer, which still work
when something needs them (issue #29: a quarter of the import, unused with HarfBuzz)."""

from __future__ import annotations

import subprocess
import sys


def _run(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_pdf_is_written_without_loading_them() -> None:
    code = (
        "import sys\n"
        "from showcase.render.pdf import html_to_pdf\n"
        "pdf = html_to_pdf('<p>Jordan Rivera</p>')\n"
        "assert pdf.startswith(b'%PDF-')\n"
        "print(sorted(m for m in sys.modules if m.startswith(('fontTools.subset.', "
        "'fontTools.varLib'))))\n"
        "print('fontTools.subset' in sys.modules)\n"
    )
    loaded, subset_registered = _run(code).splitlines()
    assert loaded == "[]"  # neither the subsetter's modules nor varLib were run
    assert subset_registered == "True"  # registered, to be run on first use


def test_the_subsetter_loads_on_first_use() -> None:
    code = (
        "from showcase.render.weasy import import_weasyprint\n"
        "import_weasyprint()\n"
        "import weasyprint.pdf.fonts as fonts\n"
        "options = fonts.subset.Options(retain_gids=True)\n"
        "print(type(fonts.subset.Subsetter(options)).__name__, options.retain_gids)\n"
    )
    assert _run(code) == "Subsetter True"


def test_the_instancer_is_the_real_one_when_called_and_when_imported() -> None:
    code = (
        "import sys\n"
        "from showcase.render.weasy import import_weasyprint\n"
        "from showcase.render.templates import bundled_templates_dir\n"
        "import_weasyprint()\n"
        "assert 'fontTools.varLib.instancer' not in sys.modules  # the stand-in is gone\n"
        "import weasyprint.pdf.fonts as fonts\n"
        "from fontTools.ttLib import TTFont\n"
        "static = TTFont(str(bundled_templates_dir() / 'fonts' / 'Inter-Regular.otf'))\n"
        "try:\n"
        "    fonts.instantiateVariableFont(static, {'wght': 400}, static=True)\n"
        "except ValueError as exc:  # the real function: a static font has no fvar\n"
        "    print('fvar' in str(exc))\n"
        "from fontTools.varLib.instancer import instantiateVariableFont as real\n"
        "from showcase.lazyimport import is_stand_in\n"
        "print(real.__module__, is_stand_in(sys.modules[real.__module__]))\n"
    )
    said, module = _run(code).splitlines()
    assert said == "True"
    assert module == "fontTools.varLib.instancer False"


def test_an_instancer_imported_before_is_left_alone() -> None:
    code = (
        "import fontTools.varLib.instancer as before\n"
        "from showcase.render.weasy import import_weasyprint\n"
        "import_weasyprint()\n"
        "import weasyprint.pdf.fonts as fonts\n"
        "print(fonts.instantiateVariableFont is before.instantiateVariableFont)\n"
    )
    assert _run(code) == "True"
