"""The interview prep sheet in Markdown, PDF and DOCX, all from one `InterviewSheet`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from showcase.artifacts import Artifact, PdfJob
from showcase.artifacts.cache import RenderCache
from showcase.artifacts.documents import add_docx, add_pdf
from showcase.artifacts.question_bank import load_question_bank
from showcase.errors import TemplateError
from showcase.files import AUTO_PAPER, INTERVIEW_FORMATS, interview_files
from showcase.profile import LoadedProfile
from showcase.render import pdf as pdf_writer
from showcase.render.docx import DocProperties
from showcase.render.paper import profile_paper
from showcase.render.templates import bundled_templates_dir, is_inside, render
from showcase.views.interview import InterviewSheet, interview_sheet

if TYPE_CHECKING:
    from showcase.strategy.tailor import Tailoring

FORMATS = INTERVIEW_FORMATS


@dataclass
class InterviewArtifact(Artifact):
    sheet: InterviewSheet | None = None


BANK = "interview/questions.yaml"
# The sheet set closer, for when it would leave a few lines on a page of their own.
TIGHT_CSS = "interview/tight.css"


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
        tight_css = render(TIGHT_CSS, {}, templates_dir)  # bounded, confined, yours first
        tighter = html.replace("</head>", f"<style>\n{tight_css}</style>\n</head>", 1)
        add_pdf(
            artifact,
            names["pdf"],
            html,
            loaded=loaded,
            templates_dir=templates_dir,
            paper=paper,
            pdf_job=pdf_job,
            tighter=tighter if tighter != html else None,
        )
    if "docx" in formats:
        add_docx(
            artifact,
            names["docx"],
            "interview/interview.docx",
            context,
            templates_dir=templates_dir,
            properties=DocProperties(
                sheet.title, sheet.name, sheet.subject, sheet.keywords, created
            ),
            paper=paper,
            cache=cache,
        )
    return artifact
