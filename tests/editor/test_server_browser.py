"""The editor in real Chromium: edit through the form, see the preview, keep the YAML."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from showcase.editor.server import EditorServer
from tests.browser import browser_page, chromium
from tests.conftest import ROOT
from tests.editor.conftest import serving

pytestmark = pytest.mark.browser

AXE = ROOT / "tests" / "node" / "node_modules" / "axe-core" / "axe.min.js"

PROFILE = """\
# Sam's profile: keep this comment
name: Sam Lee                 # as on the resume
contact:
  email: sam@example.com
credentials:
  - id: first                 # the oldest
    name: Excel Essential Training
    issuer: LinkedIn Learning
    kind: course
    issued: 2023-07
  - id: second
    name: Google Data Analytics Professional Certificate
    issuer: Google
    platform: Coursera
    issued: 2024-05
experience:
  - title: Store Manager
    organization: Northwind Retail
    start: 2019-01
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One Chromium for this module's tests (each page gets a fresh context)."""
    with chromium() as launched:
        yield launched


@pytest.fixture
def editor(tmp_path: Path) -> Iterator[EditorServer]:
    path = tmp_path / "profile.yaml"
    path.write_text(PROFILE, "utf-8")
    with serving(path) as server:
        yield server


def wait_for(check: Callable[[], Any], seconds: float = 10.0) -> Any:
    deadline = time.monotonic() + seconds
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.05)


def saved(page: Any) -> None:
    page.wait_for_function(
        "document.getElementById('save-status').textContent.startsWith('Saved')", timeout=10000
    )


def field(page: Any, path: str) -> Any:
    return page.locator(f'[data-path="{path}"]')


def test_add_a_credential_see_the_preview_reload_and_the_comments_are_kept(
    editor: EditorServer, browser: Any
) -> None:
    path = editor.profile.path
    with browser_page(bypass_csp=True, browser=browser) as page:
        page.goto(editor.url)
        page.wait_for_selector('[data-path="credentials[1].name"]')
        frame = page.frame_locator("#preview")
        assert "Northwind" in frame.locator("body").inner_text()
        page.get_by_role("button", name="Add credential").click()
        field(page, "credentials[2].name").fill("Customer Service Fundamentals")
        field(page, "credentials[2].issuer").fill("HubSpot Academy")
        field(page, "credentials[2].issued").fill("2025-02")
        saved(page)
        frame.get_by_text("Customer Service Fundamentals").first.wait_for(timeout=10000)
        text = path.read_text("utf-8")
        assert "name: Customer Service Fundamentals" in text
        for comment in ("# Sam's profile: keep this comment", "# as on the resume", "# the oldest"):
            assert comment in text
        page.reload()
        page.wait_for_selector('[data-path="credentials[2].name"]')
        assert field(page, "credentials[2].name").input_value() == "Customer Service Fundamentals"


def test_an_invalid_month_shows_at_its_field_and_the_file_keeps_what_was_typed(
    editor: EditorServer, browser: Any
) -> None:
    with browser_page(bypass_csp=True, browser=browser) as page:
        page.goto(editor.url)
        issued = field(page, "credentials[0].issued")
        issued.fill("2023-13")
        saved(page)
        box = page.locator('[data-field="credentials[0].issued"]')
        error = box.locator(".error-text")
        error.wait_for(timeout=10000)
        assert "no month 13" in error.inner_text()
        assert issued.get_attribute("aria-invalid") == "true"
        described = issued.get_attribute("aria-describedby") or ""
        assert error.get_attribute("id") in described.split()
        assert "issued: 2023-13" in editor.profile.path.read_text("utf-8")
        assert page.locator("#stale").is_visible()


def test_a_change_on_disk_is_offered_as_a_reload_never_overwritten(
    editor: EditorServer, browser: Any
) -> None:
    path = editor.profile.path
    with browser_page(bypass_csp=True, browser=browser) as page:
        page.goto(editor.url)
        page.wait_for_selector('[data-path="name"]')
        path.write_text(PROFILE.replace("Sam Lee", "Samantha Lee"), "utf-8")
        banner = page.locator("#conflict")
        banner.wait_for(state="visible", timeout=10000)
        # Typing now must not overwrite the other editor's change.
        field(page, "contact.email").fill("other@example.com")
        page.wait_for_timeout(800)
        assert "Samantha Lee" in path.read_text("utf-8")
        assert "other@example.com" not in path.read_text("utf-8")
        page.get_by_role("button", name="Load the version on disk").click()
        assert field(page, "name").input_value() == "Samantha Lee"


def test_keyboard_reorder_and_writes_without_the_token_are_refused(
    editor: EditorServer, browser: Any
) -> None:
    path = editor.profile.path
    with browser_page(bypass_csp=True, browser=browser) as page:
        page.goto(editor.url)
        move = page.get_by_role("button", name="Move down: Credential 1: Excel Essential Training")
        move.focus()
        page.keyboard.press("Enter")
        saved(page)
        text = path.read_text("utf-8")
        assert text.index("id: second") < text.index("id: first")
        assert "id: first                 # the oldest" in text
        status = page.evaluate(
            """() => fetch('/api/profile', {method: 'PUT', headers: {'If-Match': '*',
                 'Content-Type': 'application/json'}, body: JSON.stringify({profile: {}})})
                 .then(r => r.status)"""
        )
        assert status == 403
        assert path.read_text("utf-8") == text


def _axe_ready() -> None:
    if not AXE.is_file():
        if os.environ.get("SHOWCASE_REQUIRE_NODE"):
            pytest.fail(f"{AXE} is missing: `npm ci` in tests/node")
        pytest.skip("axe-core is not installed; run `npm ci` in tests/node")


@pytest.mark.parametrize("width", [1280, 375])
def test_axe_finds_no_serious_violation(editor: EditorServer, width: int, browser: Any) -> None:
    _axe_ready()
    with browser_page(width=width, height=900, bypass_csp=True, browser=browser) as page:
        page.goto(editor.url)
        page.wait_for_selector('[data-path="credentials[1].name"]')
        field(page, "credentials[0].issued").fill("2023-13")  # errors shown too
        saved(page)
        page.add_script_tag(content=AXE.read_text("utf-8"))
        result = page.evaluate(
            "() => axe.run(document)"
            ".then(r => ({violations: r.violations, passes: r.passes.length}))"
        )
        assert result["passes"] > 10  # axe really ran its rules over the page
        serious = [v for v in result["violations"] if v["impact"] in {"serious", "critical"}]
        assert not serious, json.dumps(serious, indent=1)[:3000]
        if width == 375:
            overflow = page.evaluate("document.documentElement.scrollWidth")
            assert overflow <= 375


def test_a_dropped_linkedin_export_adds_its_credentials(editor: EditorServer, browser: Any) -> None:
    export = ROOT / "tests" / "data" / "imports" / "Certifications.csv"
    with browser_page(bypass_csp=True, browser=browser) as page:
        page.goto(editor.url)
        page.wait_for_selector('[data-path="credentials[1].name"]')
        before = page.locator('[data-list="credentials"] .item').count()
        page.locator("#dropzone input[type=file]").set_input_files(str(export))
        page.wait_for_function(
            "document.getElementById('save-status').textContent.startsWith('Imported')",
            timeout=10000,
        )
        saved(page)
        after = page.locator('[data-list="credentials"] .item').count()
        assert after > before
        text = editor.profile.path.read_text("utf-8")
        first_new = field(page, f"credentials[{before}].name").input_value()
        assert first_new and f"name: {first_new}" in text
        assert "# the oldest" in text


def test_a_value_of_two_shapes_gets_the_form_of_the_shape_it_has(
    tmp_path: Path, browser: Any
) -> None:
    """`open_to` as {roles, visibility} is a list and a menu, not JSON to type."""
    path = tmp_path / "profile.yaml"
    path.write_text(
        PROFILE + "open_to:\n  roles: [Project Coordinator]\n  visibility: recruiters\n", "utf-8"
    )
    with serving(path) as server, browser_page(bypass_csp=True, browser=browser) as page:
        page.goto(server.url)
        visibility = field(page, "open_to.visibility")
        visibility.wait_for(timeout=10000)
        assert field(page, "open_to.roles").input_value() == "Project Coordinator"
        visibility.select_option("public")
        saved(page)
        assert "visibility: public" in path.read_text("utf-8")
        assert "roles: [Project Coordinator]" in path.read_text("utf-8")
