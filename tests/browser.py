"""Headless Chromium (Debian's package) driven by Playwright, for tests that need a browser."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@contextmanager
def chromium() -> Iterator[Any]:
    """Headless Chromium for the `with` block. A module's tests may share one (a
    module-scoped fixture): launching costs about a second, and each page still gets a
    fresh context of its own."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def browser_page(
    width: int = 1000, height: int = 900, *, bypass_csp: bool = False, browser: Any = None
) -> Iterator[Any]:
    """A page in a fresh context that may read and write the clipboard, in `browser` (see
    `chromium`) or in a Chromium of its own.

    `bypass_csp` lets a test evaluate its own scripts in a page whose Content Security
    Policy forbids inline code (the editor's); the page's own code is unchanged.
    """
    if browser is None:
        with (
            chromium() as own,
            browser_page(width, height, bypass_csp=bypass_csp, browser=own) as page,
        ):
            yield page
        return
    context = browser.new_context(
        viewport={"width": width, "height": height}, bypass_csp=bypass_csp
    )
    try:
        context.grant_permissions(["clipboard-read", "clipboard-write"])
        yield context.new_page()
    finally:
        context.close()
