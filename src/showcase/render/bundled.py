"""Where the bundled templates are, found without Jinja.

Its own module so that the PDF helper process, which lays out HTML and never renders a
template, does not import Jinja (30-50 ms) to find the bundled fonts.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from showcase.errors import TemplateError

_CHECKOUT_TEMPLATES = Path(__file__).resolve().parents[3] / "templates"


def bundled_templates_dir() -> Path:
    """The bundled templates: inside the installed package, or the checkout's `templates/`.

    A wheel carries them as ``showcase/templates`` (hatch force-include); an
    editable install has no such folder, so we fall back to the checkout.
    """
    packaged = resources.files("showcase") / "templates"
    if packaged.is_dir():
        return Path(str(packaged))
    if _CHECKOUT_TEMPLATES.is_dir():
        return _CHECKOUT_TEMPLATES
    raise TemplateError("showcase's bundled templates are missing; reinstall showcase")
