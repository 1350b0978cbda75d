"""The template contract (docs/templates.md) is current and true of the bundled templates."""

from __future__ import annotations

import jinja2
from jinja2 import meta

from showcase.artifacts.contract import TEMPLATES, reference_markdown
from showcase.render.templates import bundled_templates_dir, environment
from tests.conftest import ROOT

ALIASES = {"r", "s", "p", "h"}  # the names of showcase 0.1, passed too for users' templates


def test_the_reference_is_current() -> None:
    committed = (ROOT / "docs" / "templates.md").read_text("utf-8")
    assert committed == reference_markdown(), (
        "docs/templates.md is stale: python -m showcase.artifacts.contract > docs/templates.md"
    )


def test_every_bundled_template_is_in_the_contract() -> None:
    root = bundled_templates_dir()
    bundled = {
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.suffix in (".j2", ".docx") and not p.name.startswith("_")
    }
    # Included pieces (build/page.css ...) are not rendered on their own.
    assert bundled <= set(TEMPLATES) | {n for n in bundled if "/_" in n}, bundled - set(TEMPLATES)


def test_templates_use_only_declared_variables() -> None:
    env = environment(None)
    for name, variables in TEMPLATES.items():
        if not name.endswith(".j2"):
            continue
        source = (bundled_templates_dir() / name).read_text("utf-8")
        used = meta.find_undeclared_variables(env.parse(source))
        declared = {v.name for v in variables}
        assert used <= declared, f"{name} uses undeclared {sorted(used - declared)}"
        assert not used & ALIASES, f"{name} uses an old one-letter name: {used & ALIASES}"


def test_an_undeclared_variable_would_be_caught() -> None:
    env = jinja2.Environment()
    assert meta.find_undeclared_variables(env.parse("{{ resume.name }}{{ nope }}")) == {
        "resume",
        "nope",
    }
