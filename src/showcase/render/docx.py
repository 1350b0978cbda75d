"""Word documents from Word templates: docxtpl, run by the same rules as the other templates.

The bundled ``resume/resume.docx`` and ``interview/interview.docx`` are written by
``tools/make_docx_templates.py``; a user's copy in ``--templates`` comes first,
so a resume is restyled in Word. Templates are found along the same search
path and confined the same way as the text ones, and run in the same
sandboxed, StrictUndefined Jinja environment with autoescaping on (user text
is always text, never Word XML); see `showcase.render.templates`.

ATS-safe by construction in the bundled templates (built-in Title / Heading 1 /
Heading 2 / List Bullet styles, no tables or text boxes for layout, nothing in
headers or footers); links are real hyperlinks. docxtpl and python-docx are
imported lazily, inside `render_docx`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from showcase.errors import TemplateError
from showcase.reading import oversized_docx
from showcase.render.budget import Budget, active
from showcase.render.templates import environment, is_inside, template_errors, template_file

PAGE_SIZES = {"letter": (8.5, 11.0), "a4": (8.27, 11.69)}

# Word's built-in character styles (by style id) that the templates define: restyling
# one in Word restyles every place it is used.
STRONG = "Strong"
MUTED = "SubtleEmphasis"
FLAG = "IntenseEmphasis"
LINK = "Hyperlink"


CORE_PROPERTY_LIMIT = 255  # python-docx refuses longer core properties (as Word's UI does)


def core_property(text: str, limit: int = CORE_PROPERTY_LIMIT) -> str:
    """`text` cut to fit a DOCX core property, at a word or list boundary when it can."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    boundary = max(cut.rfind(", "), cut.rfind(" "))
    if boundary >= limit // 2:
        cut = cut[:boundary]
    return cut.rstrip(" ,;") + "…"


@dataclass(frozen=True)
class DocProperties:
    """A document's core properties, decided by its view."""

    title: str
    author: str
    subject: str
    keywords: Iterable[str]
    created: str  # W3C date, as in the PDF and HTML


class Runs:
    """What a DOCX template calls to place a line whose parts differ in look.

    ``{{r docx.line(entry.line, r.separator) }}`` and ``{{r docx.link(text, url) }}``:
    it writes no words of its own, only gives each part of the view its
    character style (bold field, quiet dates and separators, a flagged detail)
    and makes links real hyperlinks.
    """

    def __init__(self, template: Any) -> None:
        self._template = template

    def line(self, items: Iterable[object], separator: str = "", muted: bool = False) -> Any:
        """Items (a `Part`, `ContactItem` or `Detail`: `text`, and maybe `prefix`,
        `url`, `strong`, `flag`, `role`) in one line, `separator` between them."""
        from docxtpl import RichText

        text = RichText()
        for i, item in enumerate(items):
            if i and separator:
                text.add(separator, style=MUTED)
            prefix = getattr(item, "prefix", "")
            if prefix:
                text.add(prefix, style=MUTED if muted else None)
            url = getattr(item, "url", None)
            if url:
                text.add(self.link(str(getattr(item, "text", "")), url))
                continue
            if getattr(item, "strong", False):
                style: str | None = STRONG
            elif getattr(item, "flag", False):
                style = FLAG
            elif muted or getattr(item, "role", "") == "dates":
                style = MUTED
            else:
                style = None
            text.add(str(getattr(item, "text", "")), style=style)
        return text

    def link(self, text: str, url: str) -> Any:
        """`text` as a real hyperlink to `url`, in Word's Hyperlink style."""
        from docxtpl import RichText

        return RichText(text, style=LINK, url_id=self._template.build_url_id(url))


@lru_cache(maxsize=8)
def _word_environment(shared: SandboxedEnvironment) -> SandboxedEnvironment:
    """The environment Word templates render in, one per search path.

    An overlay shares the loader (confined, user first), filters, sandbox and
    StrictUndefined; docxtpl turns autoescape on in it, not in the shared one. docxtpl
    compiles a document's XML with ``from_string`` at every render (0.05 s a document,
    most of a build's Word time); here a source compiled once is rendered again, as
    the loader's cache does for text templates. Loop and time budgets are charged when
    a template runs, not when it compiles, so a cached template keeps them."""
    env = shared.overlay(trim_blocks=False, lstrip_blocks=False, autoescape=True)

    @lru_cache(maxsize=16)
    def compile_once(source: str) -> jinja2.Template:
        # Through Jinja's bytecode cache on disk too (a cold process compiled each Word
        # template's XML again: ~20 ms a document), keyed by the source's checksum.
        cache = env.bytecode_cache
        if cache is None:
            return env.__class__.from_string(env, source)
        name = "docx:" + hashlib.sha256(source.encode("utf-8")).hexdigest()
        bucket = cache.get_bucket(env, name, None, source)
        code = bucket.code
        if code is None:
            code = env.compile(source)
            bucket.code = code
            cache.set_bucket(bucket)
        return env.template_class.from_code(env, code, env.make_globals(None), None)

    def from_string(source: str, *args: Any, **kwargs: Any) -> jinja2.Template:
        if args or kwargs:  # docxtpl passes the source alone; anything else is not cached
            return env.__class__.from_string(env, source, *args, **kwargs)
        return compile_once(source)

    setattr(env, "from_string", from_string)  # noqa: B010 - an instance's own method
    return env


def render_docx(
    name: str,
    context: Mapping[str, Any],
    user_dir: Path | None,
    *,
    properties: DocProperties,
    paper: str = "letter",
    font_size: float | None = None,
    language: str | None = None,
) -> bytes:
    """Render Word template `name` (``resume/resume.docx``) with `context` and ``docx`` (`Runs`).

    The page size and the core properties are set after rendering, from
    `paper` and `properties`, whatever the template says. `font_size` (points)
    sets the body text of a bundled template (headings keep their step above it);
    a user's own template keeps the sizes its styles give. `language` (``de``) is
    the language of its text, for Word's spelling and hyphenation.
    """
    from docx.shared import Inches
    from docxtpl import DocxTemplate

    path = template_file(name, user_dir)
    theirs = user_dir is not None and is_inside(path, [user_dir.resolve()])
    try:
        if theirs:
            _check_unzipped_size(path)
        template = DocxTemplate(path)
        template.init_docx()
    except TemplateError:
        raise
    except Exception as exc:
        if not theirs:
            raise  # the bundled template is broken: a bug in showcase
        raise TemplateError(
            f"{path}: not a Word document showcase can read ({type(exc).__name__}: {exc}); "
            "save it from Word as .docx"
        ) from None
    env = _word_environment(environment(user_dir))
    with template_errors(name, user_dir, file=path), active(Budget() if theirs else None):
        template.render({**context, "docx": Runs(template)}, env, autoescape=True)

    document = template.docx
    if font_size is not None and not theirs:
        body_size(document, font_size)
    if language is not None:
        _language(document, language)
    width, height = PAGE_SIZES[paper]
    for section in document.sections:
        section.page_width, section.page_height = Inches(width), Inches(height)
    created = dt.datetime.fromisoformat(properties.created.replace("Z", "+00:00"))
    props = document.core_properties
    props.title = core_property(properties.title)
    props.author = props.last_modified_by = core_property(properties.author)
    props.keywords = core_property(", ".join(properties.keywords))
    props.subject = core_property(properties.subject)
    props.comments = "Written by showcase"
    props.created = props.modified = props.last_printed = created.replace(tzinfo=None)
    props.revision = 1
    buffer = io.BytesIO()
    template.save(buffer)
    return normalize_zip(buffer.getvalue(), created)


def _check_unzipped_size(path: Path) -> None:
    """Refuse a user's template that is a zip bomb, or holds XML too large or too dense to
    parse, before python-docx reads it (`oversized_docx`; QA round 5)."""
    problem = oversized_docx(path, "a template")
    if problem is not None:
        raise TemplateError(f"{path}: {problem}")


def body_size(document: Any, points: float) -> None:
    """Body text at `points`, the headings as far above it as the template had them,
    and the quiet details (dates, links) at the body's size, never smaller."""
    from docx.shared import Pt

    styles = document.styles
    names = {style.name for style in styles}
    normal = styles["Normal"]
    before = normal.font.size.pt if normal.font.size is not None else points
    normal.font.size = Pt(points)
    for name in ("Title", "Heading 1", "Heading 2"):
        style = styles[name]
        if name in names and style.font.size is not None:
            style.font.size = Pt(max(points, style.font.size.pt - before + points))
    for name in (MUTED, "Subtle Emphasis"):
        if name in names:
            styles[name].font.size = None  # the size of its paragraph


def _language(document: Any, language: str) -> None:
    """The Normal style's language (which every style inherits) and the document's."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr = document.styles["Normal"].element.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), language)
    document.core_properties.language = language


def normalize_zip(data: bytes, when: dt.datetime) -> bytes:
    """Rewrite a DOCX's zip with fixed timestamps, so equal input gives equal bytes."""
    stamp = (max(when.year, 1980), when.month, when.day, 0, 0, 0)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(item.filename))
    return out.getvalue()
