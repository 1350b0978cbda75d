"""The editor's live preview: the resume page, the LinkedIn posts and the signature.

Rendered by the same artifact functions as `showcase build` (`render_resume`,
`render_linkedin`, `render_signature`), in process and without a PDF layout, so
a saved edit shows within a fraction of a second. A profile with errors keeps
the last good preview, marked as stale.
"""

from __future__ import annotations

import html
import threading
from dataclasses import dataclass, field
from pathlib import Path

from showcase.profile.loaded import LoadedProfile

PAGES = ("resume", "posts", "signature")

_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font:15px/1.5 system-ui,sans-serif;margin:1.5rem;color:#1f2328}}
article{{border:1px solid #d0d7de;border-radius:6px;padding:1rem;margin:0 0 1rem;
white-space:pre-wrap}}h1{{font-size:1.1rem}}h2{{font-size:1rem;margin:0 0 .5rem}}</style>
</head><body>{body}</body></html>
"""


def _posts_page(headline: str, posts: list[tuple[str, str]]) -> str:
    parts = [
        "<h1>LinkedIn</h1>",
        f"<article><h2>Headline</h2>{html.escape(headline)}</article>",
    ]
    if not posts:
        parts.append("<p>No post: add a credential to announce.</p>")
    for title, text in posts:
        parts.append(f"<article><h2>{html.escape(title)}</h2>{html.escape(text)}</article>")
    return _PAGE.format(title="LinkedIn posts", body="\n".join(parts))


def render_pages(loaded: LoadedProfile, templates_dir: Path | None = None) -> dict[str, bytes]:
    """Each preview page of `loaded`, as HTML."""
    from showcase.artifacts.linkedin import render_linkedin
    from showcase.artifacts.resume import render_resume
    from showcase.artifacts.signature import render_signature
    from showcase.files import SIGNATURE_PREVIEW

    resume = render_resume(loaded, formats=("html",), templates_dir=templates_dir)
    resume_html = next(data for name, data in resume.files.items() if name.endswith(".html"))
    kit = render_linkedin(loaded, templates_dir=templates_dir)
    signature = render_signature(loaded, templates_dir=templates_dir)
    return {
        "resume": resume_html,
        "posts": _posts_page(kit.headline, [(p.title, p.text) for p in kit.posts]).encode(),
        "signature": signature.files[SIGNATURE_PREVIEW],
    }


@dataclass
class Previews:
    """The last good preview pages and their version (thread-safe)."""

    version: int = 0
    stale: bool = False  # the profile on disk has errors: these pages are from before
    error: str = ""
    pages: dict[str, bytes] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def update(self, loaded: LoadedProfile | None, templates_dir: Path | None = None) -> None:
        """Render `loaded` (None: the profile has errors, keep the last good pages)."""
        if loaded is None:
            with self._lock:
                self.stale = True
            return
        try:
            pages = render_pages(loaded, templates_dir)
        except Exception as exc:  # a template's mistake must not stop the editor
            with self._lock:
                self.stale, self.error = True, f"{type(exc).__name__}: {exc}"
            return
        with self._lock:
            self.pages, self.stale, self.error = pages, False, ""
            self.version += 1

    def page(self, name: str) -> bytes | None:
        with self._lock:
            return self.pages.get(name)

    def state(self) -> dict[str, object]:
        with self._lock:
            return {"version": self.version, "stale": self.stale, "error": self.error}
