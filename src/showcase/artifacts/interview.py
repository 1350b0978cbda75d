"""The interview prep sheet in Markdown, PDF and DOCX, all from one `InterviewSheet`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from showcase.artifacts import Artifact, PdfJob, in_process_pdf
from showcase.artifacts.files import INTERVIEW_FORMATS, interview_files
from showcase.errors import TemplateError
from showcase.profile import LoadedProfile
from showcase.render import pdf as pdf_writer
from showcase.render.docx import DocxBuilder, Run
from showcase.render.templates import bundled_templates_dir, is_inside, render
from showcase.views.interview import InterviewSheet, interview_sheet, load_question_bank

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
    paper: str = "letter",
    pdf_job: PdfJob | None = None,
) -> InterviewArtifact:
    bank = load_question_bank(question_bank_path(templates_dir))
    sheet = interview_sheet(loaded, bank)
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
        artifact.add(names["docx"], interview_docx(sheet, created, paper))
    return artifact


def interview_docx(sheet: InterviewSheet, created: str, paper: str = "letter") -> bytes:
    """The sheet in Word: the same content and order as the Markdown and PDF."""
    doc = DocxBuilder(
        title=f"Interview prep – {sheet.name}",
        author=sheet.name,
        keywords="interview, STAR",
        subject=f"Interview prep sheet of {sheet.display_name}",
        created=dt.datetime.fromisoformat(created.replace("Z", "+00:00")),
        paper=paper,
    )
    doc.title(f"Interview prep: {sheet.display_name}")
    target = f" for a {sheet.target} role" if sheet.target else ""
    doc.paragraph(
        [
            Run(
                f"Prepared {sheet.date}{target}. Read each story aloud once and time it: 1 to 2 "
                "minutes is right, with most of it on what you did.",
                muted=True,
            )
        ],
        space_after=4,
    )
    doc.heading("Stories", 1)
    if not sheet.stories:
        doc.paragraph(
            [
                Run(
                    "Your profile has no projects yet, so there are no stories to "
                    "rehearse. A capstone is your best evidence: add one under "
                    "projects: for each, told as STAR (situation, task, actions, "
                    "result with a number, reflection)."
                )
            ]
        )
    for number, story in enumerate(sheet.stories, 1):
        doc.heading(f"{number}. {story.title}", 2)
        facts: list[Run] = []
        if story.credential:
            c = story.credential
            facts.append(Run(f"Capstone of: {c.name}, {c.issuer}, {c.date}. ", muted=True))
        if story.skills:
            facts.append(Run(f"Shows: {', '.join(story.skills)}. ", muted=True))
        if story.tools:
            facts.append(Run(f"Tools: {', '.join(story.tools)}. ", muted=True))
        facts.append(Run(f"Length: {story.timing}.", muted=True))
        doc.paragraph(facts, space_after=4)
        doc.paragraph(
            [Run("Open with: ", bold=True), Run(story.opening, italic=True)], space_after=4
        )
        for label, text in (("Situation.", story.situation), ("Task.", story.task)):
            if text:
                doc.paragraph([Run(f"{label} ", bold=True), Run(text)], space_after=3)
        if story.actions:
            doc.paragraph([Run("Action.", bold=True)], keep_with_next=True)
            for action in story.actions:
                doc.bullet([Run(action)])
        for label, text in (("Result.", story.result), ("Reflection.", story.reflection)):
            if text:
                doc.paragraph([Run(f"{label} ", bold=True), Run(text)], space_after=3)
        if story.url:
            doc.paragraph(
                [Run("Show it: ", bold=True), Run(story.url, url=story.url)], space_after=3
            )
        doc.paragraph([Run("Questions it answers", bold=True)], keep_with_next=True)
        for question in story.own_questions:
            doc.bullet([Run(question)])
        for label, question in story.bank_questions:
            doc.bullet([Run(question + " "), Run(f"({label})", muted=True, italic=True)])
        for warning in story.warnings:
            doc.paragraph([Run("Before the interview: ", flag=True), Run(f"this story {warning}.")])

    doc.heading("Credentials as evidence", 1)
    if not sheet.evidence:
        doc.paragraph([Run("No valid credentials yet.")])
    for row in sheet.evidence:
        doc.entry_line([Run(row.name, bold=True), Run(f", {row.issuer}")], space_before=3)
        doc.paragraph([Run("Proves: ", muted=True), Run(row.proves)])
        doc.paragraph([Run("Bring it up: ", muted=True), Run(row.when)])

    doc.heading("For your next salary conversation", 1)
    if sheet.recent:
        doc.paragraph([Run("Earned in the last 12 months:")], keep_with_next=True)
        for line in sheet.recent:
            doc.bullet([Run(line)])
    else:
        doc.paragraph([Run("No credentials earned in the last 12 months.")])
    if sheet.results:
        doc.paragraph([Run("Results you can point to:")], keep_with_next=True)
        for line in sheet.results:
            doc.bullet([Run(line)])
    return doc.to_bytes()
