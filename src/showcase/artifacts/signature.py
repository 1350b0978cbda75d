"""The email signature: HTML for Gmail and Outlook, plain text, and a preview page."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from showcase.artifacts import Artifact
from showcase.errors import RenderError
from showcase.files import SIGNATURE_HTML, SIGNATURE_PREVIEW, SIGNATURE_TEXT
from showcase.profile import LoadedProfile
from showcase.render.templates import render
from showcase.views.signature import DEFAULT_MAX_CREDENTIALS, SignatureView, signature_view

GMAIL_LIMIT = 10_000  # Gmail refuses signatures over 10,000 characters of HTML
MAX_WIDTH = 600  # pixels: wider signatures wrap or scroll in mail clients
FORBIDDEN_TAGS = {"style", "div", "script", "link", "iframe", "form", "object", "embed"}


class _EmailHtmlChecker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}> is not allowed in an email signature")
        if tag == "img":
            missing = [a for a in ("alt", "width", "height") if values.get(a) in (None, "")]
            if missing:
                self.problems.append(f"an <img> lacks {', '.join(missing)}")
            src = values.get("src") or ""
            if not src.startswith("https://"):
                self.problems.append(f"an <img> has src {src[:60]!r}; only https:// images work")
        for name in ("width",):
            value = values.get(name)
            if tag == "table" and value and value.isdigit() and int(value) > MAX_WIDTH:
                self.problems.append(f"a table is {value}px wide; at most {MAX_WIDTH}px")
        href = values.get("href")
        if href is not None and not href.startswith(("https://", "http://", "mailto:", "tel:")):
            self.problems.append(f"a link to {href[:60]!r}; only web, mailto: and tel: links")


def check_email_html(html: str) -> list[str]:
    """What would break the signature in Gmail or Outlook."""
    problems = []
    if len(html) > GMAIL_LIMIT:
        problems.append(
            f"the HTML is {len(html):,} characters; Gmail refuses signatures over "
            f"{GMAIL_LIMIT:,} (shorten the template or show fewer credentials)"
        )
    checker = _EmailHtmlChecker()
    checker.feed(html)
    problems.extend(dict.fromkeys(checker.problems))
    return problems


def _longest_text(view: SignatureView) -> str:
    """Which of the profile's texts makes the signature too long, when one alone is a
    large part of it (a paragraph pasted as the headline); "" otherwise."""
    texts = [
        ("your name", view.display_name),
        ("your job or headline", view.job_line or ""),
        *(("a contact line", c.text) for c in view.contact),
        *(("a credential's name", c.name) for c in view.credentials),
        *(("a credential's issuer", c.issuer) for c in view.credentials),
    ]
    what, text = max(texts, key=lambda item: len(item[1]))
    if len(text) < GMAIL_LIMIT // 4:
        return ""
    return f"the longest text in it is {what} ({len(text):,} characters): shorten it in the profile"


@dataclass
class SignatureArtifact(Artifact):
    html: str = ""  # signature.html, as written
    text: str = ""  # signature.txt, as written


def _context(view: SignatureView) -> dict[str, object]:
    # `s` is what templates written for showcase 0.1 use; the bundled ones say `signature`.
    return {"signature": view, "s": view}


def render_signature(
    loaded: LoadedProfile,
    *,
    variant: str = "full",
    max_credentials: int = DEFAULT_MAX_CREDENTIALS,
    badge_base_url: str | None = None,
    templates_dir: Path | None = None,
) -> SignatureArtifact:
    view = signature_view(
        loaded, variant=variant, max_credentials=max_credentials, badge_base_url=badge_base_url
    )
    html = render("signature/signature.html.j2", _context(view), templates_dir).strip() + "\n"
    problems = check_email_html(html)
    if problems:
        if len(html) > GMAIL_LIMIT:
            problems.append(_longest_text(view))
        raise RenderError(
            f"{SIGNATURE_HTML} would not survive email: " + "; ".join(p for p in problems if p)
        )
    text = render("signature/signature.txt.j2", _context(view), templates_dir).rstrip("\n") + "\n"
    artifact = SignatureArtifact(origin=loaded.file, label="signature", html=html, text=text)
    for warning in view.warnings:
        artifact.warn(warning)
    artifact.add(SIGNATURE_HTML, html)
    artifact.add(SIGNATURE_TEXT, text)
    artifact.add(
        SIGNATURE_PREVIEW,
        render(
            "signature/preview.html.j2",
            {**_context(view), "signature_html": html, "text": text, "warnings": view.warnings},
            templates_dir,
        ),
    )
    return artifact
