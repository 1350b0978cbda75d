"""The resume in PDF, DOCX, HTML, Markdown and plain text, all from one `ResumeView`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from showcase.artifacts import Artifact, PdfJob, in_process_pdf
from showcase.artifacts.cache import RenderCache
from showcase.artifacts.files import RESUME_FORMATS, resume_files
from showcase.profile import LoadedProfile
from showcase.render import pdf as pdf_writer
from showcase.render.docx import DocProperties, render_docx
from showcase.render.templates import render, template_file
from showcase.views.resume import resume_view

if TYPE_CHECKING:
    from showcase.strategy.tailor import Tailoring

FORMATS = RESUME_FORMATS


def render_resume(
    loaded: LoadedProfile,
    *,
    formats: tuple[str, ...] | list[str] = FORMATS,
    paper: str = "letter",
    include_expired: bool = False,
    templates_dir: Path | None = None,
    pdf_job: PdfJob | None = None,
    tailor: Tailoring | None = None,
    only_relevant: bool = False,
    show_ids: bool = False,
    cache: RenderCache | None = None,
) -> Artifact:
    """The resume files, named ``<First-Last>-Resume.<ext>``.

    `show_ids` puts credential IDs on the PDF, DOCX, HTML and Markdown too; the
    text resume always has them.
    """
    view = resume_view(
        loaded,
        include_expired=include_expired,
        tailor=tailor,
        only_relevant=only_relevant,
        show_ids=show_ids,
    )
    created = pdf_writer.creation_date(loaded.today)
    # `r` is what templates written for showcase 0.1 use; the bundled ones say `resume`.
    context = {"resume": view, "r": view, "created": created}
    artifact = Artifact(origin=loaded.file, label="resume")
    if not view.credential_groups:
        artifact.warn(
            f'no valid credentials to show, so the resume has no "{view.certifications_title}"'
            " section"
        )
    if not view.contact:
        artifact.warn(
            "the resume has no contact details; add `contact:` (email, phone, location) so "
            "recruiters, and the resume parsers that expect them under the name, find them"
        )
    names = resume_files(loaded.profile.name, formats)
    html: str | None = None
    if "html" in formats or "pdf" in formats:
        html = render("resume/resume.html.j2", context, templates_dir)
    if "pdf" in formats:
        assert html is not None
        missing = pdf_writer.missing_glyphs(loaded.profile.model_dump_json())
        if missing:
            artifact.warn(
                f"the bundled font has no glyphs for {pdf_writer.describe_missing(missing)}; "
                "the PDF uses a system font for them if one is installed, else they show as "
                "boxes (the DOCX, HTML and text files are not affected)"
            )
        allowed = [loaded.folder] + ([templates_dir] if templates_dir else [])
        job = pdf_job or in_process_pdf()
        for warning in pdf_writer.pdf_warnings():
            artifact.warn(warning)
        artifact.add(names["pdf"], job(html, allowed=allowed, paper=paper, base_url=templates_dir))
    if "docx" in formats:
        properties = DocProperties(view.title, view.name, view.subject, view.keywords, created)

        def make_docx() -> bytes:
            return render_docx(
                "resume/resume.docx", context, templates_dir, properties=properties, paper=paper
            )

        docx = (
            cache.docx(
                template_file("resume/resume.docx", templates_dir),
                context,
                (properties, paper),
                make_docx,
            )
            if cache
            else make_docx()
        )
        artifact.add(names["docx"], docx)
    if "html" in formats:
        assert html is not None
        artifact.add(names["html"], html)
    if "md" in formats:
        artifact.add(names["md"], render("resume/resume.md.j2", context, templates_dir))
    if "txt" in formats:
        artifact.add(names["txt"], render("resume/resume.txt.j2", context, templates_dir))
    return artifact
