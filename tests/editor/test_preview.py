"""The preview pages of every example: the resume page, the posts, the signature."""

from __future__ import annotations

import pytest

from showcase.editor.preview import PAGES, Previews, render_pages
from tests.conftest import EXAMPLE_NAMES, load_example


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_example_has_every_preview_page(name: str) -> None:
    loaded = load_example(name)
    pages = render_pages(loaded)
    assert sorted(pages) == sorted(PAGES)
    surname = loaded.profile.name.split()[-1].encode()
    assert surname in pages["resume"] and surname in pages["signature"]
    assert pages["resume"].lstrip().lower().startswith(b"<!doctype html")


def test_errors_keep_the_last_good_pages() -> None:
    previews = Previews()
    previews.update(load_example("minimal"))
    first = previews.page("resume")
    assert first and previews.state() == {"version": 1, "stale": False, "error": ""}
    previews.update(None)
    assert previews.page("resume") == first
    assert previews.state()["stale"] is True
