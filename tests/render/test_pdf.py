"""WeasyPrint as `render/pdf.py` runs it: a user's mistake is a user's error, and nothing is
left behind."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from showcase.errors import RenderError


def test_extreme_css_is_a_users_error_and_leaves_no_temporary_folder() -> None:
    from showcase.render.pdf import html_to_pdf

    # The temporary folder is this test's own (tests/conftest.py): another program
    # running WeasyPrint at the same time leaves its weasyprint-* folders elsewhere.
    temporary = Path(tempfile.gettempdir())
    assert "pytest" in str(temporary)
    with pytest.raises(RenderError, match="extreme sizes"):
        html_to_pdf("<style>html{font-size:1e30px}</style><p>x</p>")
    assert html_to_pdf("<p>fine</p>").startswith(b"%PDF-")
    assert not list(temporary.glob("weasyprint-*"))
