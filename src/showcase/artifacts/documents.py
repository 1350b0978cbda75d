"""The two document formats every artifact with pages shares: a PDF laid out by the
build's PDF job (in a helper process, or cached), and a Word document from a docxtpl
template (cached by its view). Written once, here, for the resume, the interview sheet
and the cover letter."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import Any

from showcase.artifacts import Artifact, PdfJob, in_process_pdf
from showcase.artifacts.cache import RenderCache
from showcase.profile import LoadedProfile
from showcase.render import pdf as pdf_writer
from showcase.render.docx import DocProperties, render_docx
from showcase.render.templates import template_file


def add_pdf(
    artifact: Artifact,
    name: str,
    html: str,
    *,
    loaded: LoadedProfile,
    templates_dir: Path | None,
    paper: str,
    pdf_job: PdfJob | None,
    tighter: str | None = None,
) -> None:
    """Lay `html` out as `name` (now, or in the helper: `artifact.resolve` waits), with
    what the user should know about it: characters of the profile the bundled font cannot
    draw, the PDF writer's warnings (a missing font subsetter ...). Local files may come
    from the profile's folder and the user's template folder only."""
    missing = pdf_writer.missing_glyphs(loaded.profile.model_dump_json())
    if missing:
        artifact.warn(
            f"the bundled font has no glyphs for {pdf_writer.describe_missing(missing)}; "
            "the PDF uses a system font for them if one is installed, else they show as "
            "boxes, though its text keeps them for parsers (the DOCX, HTML, Markdown and "
            "text files are not affected)"
        )
    allowed = [loaded.folder] + ([templates_dir] if templates_dir else [])
    job = pdf_job or in_process_pdf()
    for warning in pdf_writer.pdf_warnings():
        artifact.warn(warning)
    if tighter is None:
        artifact.add(name, job(html, allowed=allowed, paper=paper, base_url=templates_dir))
    else:  # the same document set closer, for when `html` spills onto a last page
        made = job(html, allowed=allowed, paper=paper, base_url=templates_dir, tighter=tighter)
        artifact.add(name, made)


def add_docx(
    artifact: Artifact,
    name: str,
    template: str,
    context: Mapping[str, Any],
    *,
    templates_dir: Path | None,
    properties: DocProperties,
    paper: str,
    cache: RenderCache | None,
    font_size: float | None = None,
    language: str | None = None,
) -> None:
    """Render Word template `template` as `name`; with a cache, only when its view, its
    template, its properties or its paper changed."""

    def make() -> bytes:
        return render_docx(
            template,
            context,
            templates_dir,
            properties=properties,
            paper=paper,
            font_size=font_size,
            language=language,
        )

    if cache is None:
        artifact.add(name, make())
        return
    settings: tuple[Hashable, ...] = (properties, paper, font_size, language)
    artifact.add(name, cache.docx(template_file(template, templates_dir), context, settings, make))
