"""The resume in PDF, DOCX, HTML, Markdown and plain text, all from one `ResumeView`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from showcase.artifacts import Artifact, PdfJob, in_process_pdf
from showcase.artifacts.files import RESUME_FORMATS, resume_files
from showcase.profile import LoadedProfile
from showcase.render import pdf as pdf_writer
from showcase.render.docx import DocxBuilder, Run
from showcase.render.templates import render
from showcase.views.resume import Part, ResumeView, resume_view

FORMATS = RESUME_FORMATS


def render_resume(
    loaded: LoadedProfile,
    *,
    formats: tuple[str, ...] | list[str] = FORMATS,
    paper: str = "letter",
    include_expired: bool = False,
    templates_dir: Path | None = None,
    pdf_job: PdfJob | None = None,
) -> Artifact:
    """The resume files, named ``<First-Last>-Resume.<ext>``."""
    view = resume_view(loaded, include_expired=include_expired)
    created = pdf_writer.creation_date(loaded.today)
    context = {"r": view, "created": created}
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
        artifact.add(names["docx"], resume_docx(view, created, paper))
    if "html" in formats:
        assert html is not None
        artifact.add(names["html"], html)
    if "md" in formats:
        artifact.add(names["md"], render("resume/resume.md.j2", context, templates_dir))
    if "txt" in formats:
        artifact.add(names["txt"], render("resume/resume.txt.j2", context, templates_dir))
    return artifact


def resume_docx(view: ResumeView, created: str, paper: str = "letter") -> bytes:
    """Lay the resume out in Word: the same content and order as the HTML template."""
    doc = DocxBuilder(
        title=view.title,
        author=view.name,
        keywords=", ".join(view.keywords),
        subject=f"Resume of {view.display_name}",
        created=dt.datetime.fromisoformat(created.replace("Z", "+00:00")),
        paper=paper,
    )
    doc.title(view.name)
    if view.tagline:
        doc.paragraph([Run(view.tagline, bold=True)], space_after=2)
    for line in view.contact_lines:
        contact: list[Run] = []
        for i, item in enumerate(line):
            if i:
                contact.append(Run(view.separator, muted=True))
            if item.label:
                contact.append(Run(f"{item.label}: "))
            contact.append(Run(item.text, url=item.url if item.label else None))
        doc.paragraph(contact, space_after=2)

    def fields(parts: tuple[Part, ...]) -> list[Run]:
        runs: list[Run] = []
        for i, part in enumerate(parts):
            if i:
                runs.append(Run(view.separator, muted=True))
            runs.append(Run(part.text, bold=part.strong, muted=part.role == "dates"))
        return runs

    if view.credential_groups:
        doc.heading(view.certifications_title, 1)
    for group in view.credential_groups:
        if group.title:
            doc.heading(
                group.title + (view.separator + group.role_note if group.role_note else ""), 2
            )
        for entry in group.entries:
            c = entry.facts
            doc.entry_line(fields(entry.line), space_before=2)
            details: list[Run] = []
            for i, d in enumerate(entry.details):
                if i:
                    details.append(Run(view.separator, muted=True))
                if d.prefix:
                    details.append(Run(d.prefix, muted=True))
                details.append(Run(d.text, url=d.url, muted=not d.flag, flag=d.flag))
            if details:
                doc.paragraph(details)
            if c.skills:
                doc.paragraph([Run("Skills: " + ", ".join(c.skills), muted=True)])

    for section in view.sections:
        doc.heading(section.title, 1)
        if section.key == "summary" and view.summary:
            doc.paragraph([Run(view.summary)])
        elif section.key == "experience":
            for job in view.experience:
                doc.entry_line(fields(job.line))
                for highlight in job.highlights:
                    doc.bullet([Run(highlight)])
        elif section.key == "projects":
            for project in view.projects:
                doc.entry_line(fields(project.line))
                if project.description:
                    doc.paragraph([Run(project.description)])
                meta: list[Run] = []
                if project.tools:
                    meta.append(Run("Tools: " + ", ".join(project.tools), muted=True))
                if project.link:
                    if meta:
                        meta.append(Run(view.separator, muted=True))
                    meta.append(Run(project.link.text, url=project.link.url, muted=True))
                if meta:
                    doc.paragraph(meta)
        elif section.key == "education":
            for school in view.education:
                doc.entry_line(fields(school.line))
        elif section.key == "skills":
            for skill_line in view.skills:
                doc.paragraph(
                    [Run(f"{skill_line.group}: ", bold=True), Run(", ".join(skill_line.items))],
                    space_after=1,
                )
    return doc.to_bytes()
