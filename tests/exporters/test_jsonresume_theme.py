"""The export renders with a real JSON Resume theme from npm (jsonresume-theme-even).

Needs Node 20 or later and the theme installed by `npm ci` in tests/node (the lock
file pins it). Without them the test is skipped with the reason, and .ci/run, which
installs them when Node 20+ is there, sets SHOWCASE_REQUIRE_NODE=1 so that a
missing theme fails there instead of skipping.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from showcase.exporters.jsonresume import to_json_resume
from showcase.importers.profile import import_profile, profile_yaml
from showcase.profile import load_profile, load_text
from tests.conftest import EXAMPLES, ROOT, TODAY

pytestmark = pytest.mark.node

NODE_DIR = ROOT / "tests" / "node"
RENDER = NODE_DIR / "render.mjs"


def _not_ready() -> str | None:
    node = shutil.which("node")
    if node is None:
        return "Node is not installed (the theme test needs Node 20+)"
    version = subprocess.run([node, "--version"], capture_output=True, text=True, check=False)
    match = re.match(r"v(\d+)", version.stdout.strip())
    if not match or int(match[1]) < 20:
        return f"Node {version.stdout.strip() or '?'} is too old; the theme needs Node 20+"
    if not (NODE_DIR / "node_modules" / "jsonresume-theme-even").is_dir():
        return "the theme is not installed; run `npm ci` in tests/node"
    return None


@pytest.fixture(scope="module")
def node() -> str:
    reason = _not_ready()
    if reason is not None:
        if os.environ.get("SHOWCASE_REQUIRE_NODE"):
            pytest.fail(f"SHOWCASE_REQUIRE_NODE is set, but {reason}")
        pytest.skip(reason)
    found = shutil.which("node")
    assert found is not None
    return found


def _render(node: str, document: dict[str, object], tmp_path: Path) -> str:
    path = tmp_path / "resume.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    done = subprocess.run(
        [node, str(RENDER), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=NODE_DIR,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_export_renders_with_jsonresume_theme_even(node: str, tmp_path: Path) -> None:
    document = to_json_resume(load_profile(EXAMPLES / "jordan-rivera.yaml", today=TODAY))
    html = _render(node, document, tmp_path)
    assert html.lstrip().lower().startswith("<!doctype html")
    assert "<title>Jordan Rivera</title>" in html
    for text in ("Google Ads Search Certification", "Lakeside Outfitters", "Austin"):
        assert text in html
    priya = to_json_resume(load_profile(EXAMPLES / "priya-raman.yaml", today=TODAY))
    html = _render(node, priya, tmp_path)
    assert "<title>Priya Raman</title>" in html  # no letters from the theme's side twice


def test_a_rendercv_cv_reaches_a_json_resume_theme(node: str, tmp_path: Path) -> None:
    source = ROOT / "tests" / "data" / "imports" / "rendercv-data-analyst.yaml"
    text, _ = profile_yaml(import_profile(source))
    html = _render(node, to_json_resume(load_text(text, today=TODAY)), tmp_path)
    for text in ("Amara Okafor", "Northwind Retail", "Google Data Analytics Professional"):
        assert text in html
