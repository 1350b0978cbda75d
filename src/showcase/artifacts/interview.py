"""The interview prep sheet in Markdown, PDF and DOCX, all from one `InterviewSheet`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from showcase.artifacts import Artifact, PdfJob, in_process_pdf
from showcase.artifacts.cache import RenderCache
from showcase.artifacts.files import AUTO_PAPER, INTERVIEW_FORMATS, interview_files, profile_paper
from showcase.errors import TemplateError
from showcase.profile import LoadedProfile
from showcase.render import pdf as pdf_writer
from showcase.render.docx import DocProperties, render_docx
from showcase.render.question_bank import load_question_bank
from showcase.render.templates import bundled_templates_dir, is_inside, render, template_file
from showcase.views.interview import InterviewSheet, interview_sheet

if TYPE_CHECKING:
    from showcase.strategy.tailor import Tailoring

FORMATS = INTERVIEW_FORMATS


@dataclass
class InterviewArtifact(Artifact):
    sheet: InterviewSheet | None = None


BANK = "interview/questions.yaml"


def question_bank_path(templates_dir: Path | None) -> Path:
    if templates_dir is not None and (templates_dir / BANK).is_file():
        if not is_inside(templates_dir / BANK, [templates_dir.resolve()]):
            raise TemplateError(
                f"{templates_dir / BANK} leads outside {templates_dir} (through a link); "
                "copy the file into the folder instead"
            )
        return templates_dir / BANK
    return bundled_templates_dir() / BANK


def render_interview(
    loaded: LoadedProfile,
    *,
    formats: tuple[str, ...] | list[str] = FORMATS,
    templates_dir: Path | None = None,
    paper: str = AUTO_PAPER,
    pdf_job: PdfJob | None = None,
    cache: RenderCache | None = None,
    tailor: Tailoring | None = None,
) -> InterviewArtifact:
    paper = profile_paper(loaded, paper)
    bank = load_question_bank(question_bank_path(templates_dir))
    sheet = interview_sheet(loaded, bank, tailor)
    created = pdf_writer.creation_date(loaded.today)
    context = {"sheet": sheet, "created": created}
    names = interview_files(loaded.profile.name, formats)
    artifact = InterviewArtifact(origin=loaded.file, label="interview sheet", sheet=sheet)
    for warning in sheet.warnings:
        artifact.warn(warning)
    if "md" in formats:
        artifact.add(names["md"], render("interview/interview.md.j2", context, templates_dir))
    if "pdf" in formats:
        html = render("interview/interview.html.j2", context, templates_dir)
        allowed = [loaded.folder] + ([templates_dir] if templates_dir else [])
        job = pdf_job or in_process_pdf()
        for warning in pdf_writer.pdf_warnings():
            artifact.warn(warning)
        artifact.add(names["pdf"], job(html, allowed=allowed, paper=paper, base_url=templates_dir))
    if "docx" in formats:
        properties = DocProperties(sheet.title, sheet.name, sheet.subject, sheet.keywords, created)

        def make_docx() -> bytes:
            return render_docx(
                "interview/interview.docx",
                context,
                templates_dir,
                properties=properties,
                paper=paper,
            )

        docx = (
            cache.docx(
                template_file("interview/interview.docx", templates_dir),
                context,
                (properties, paper),
                make_docx,
            )
            if cache
            else make_docx()
        )
        artifact.add(names["docx"], docx)
    return artifact
