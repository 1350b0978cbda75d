"""The resume aimed at one posting (`--for`), with its match report.

The tailored resume is rendered in the formats asked for, the untailored one only
in the format coverage is measured on, and both are read back as an applicant
tracking system would (the PDF's extracted text when there is a PDF).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from showcase.artifacts import Artifact, PageCounter, PdfJob
from showcase.artifacts.cache import RenderCache
from showcase.artifacts.resume import render_resume
from showcase.files import AUTO_PAPER, RESUME_FORMATS, match_files, resume_files
from showcase.profile import LoadedProfile
from showcase.render.templates import render
from showcase.strategy.match import MatchReport, json_text, match_report
from showcase.strategy.tailor import Tailoring
from showcase.views.years import years_shown


@dataclass
class TailoredResume(Artifact):
    match: MatchReport | None = None


def _text(content: bytes, fmt: str) -> str:
    if fmt == "pdf":
        from pdfminer.high_level import extract_text

        return str(extract_text(io.BytesIO(content)))
    return content.decode("utf-8")


def render_tailored_resume(
    loaded: LoadedProfile,
    tailor: Tailoring,
    *,
    formats: tuple[str, ...] | list[str] = RESUME_FORMATS,
    paper: str = AUTO_PAPER,
    include_expired: bool = False,
    only_relevant: bool = False,
    show_ids: bool = False,
    templates_dir: Path | None = None,
    pdf_job: PdfJob | None = None,
    theme: str | None = None,
    page_counter: PageCounter | None = None,
    cache: RenderCache | None = None,
    side_by_side: Callable[[], object] | None = None,
) -> TailoredResume:
    """The resume aimed at `tailor`'s posting, plus ``match/<posting>.md`` and ``.json``."""
    measure = "pdf" if "pdf" in formats else "txt"
    tailored = render_resume(
        loaded,
        formats=sorted({*formats, measure}, key=list(RESUME_FORMATS).index),
        paper=paper,
        include_expired=include_expired,
        templates_dir=templates_dir,
        pdf_job=pdf_job,
        theme=theme,
        tailor=tailor,
        page_counter=page_counter,
        cache=cache,
        only_relevant=only_relevant,
        show_ids=show_ids,
        side_by_side=side_by_side,
    )
    baseline = render_resume(
        loaded,
        formats=[measure],
        paper=paper,
        include_expired=include_expired,
        show_ids=show_ids,
        templates_dir=templates_dir,
        pdf_job=pdf_job,
        theme=theme,
        page_counter=page_counter,
        side_by_side=side_by_side,
    )
    tailored.resolve()
    baseline.resolve()
    name = resume_files(loaded.profile.name, [measure])[measure]
    report = match_report(
        loaded,
        tailor,
        _text(tailored.files[name], measure),
        _text(baseline.files[name], measure),
        measured_on="PDF" if measure == "pdf" else "plain-text resume",
    )
    result = TailoredResume(origin=tailored.origin, label=tailored.label, match=report)
    result.extend(tailored)
    if not report.requirements:
        result.warn(
            f"{tailor.posting.source}: no skill, tool or certification showcase knows was "
            "found in it; is it a job posting (or one in another language)? The resume is "
            "the untailored one"
        )
    if measure not in formats:
        del result.files[name]
    names = match_files(tailor.stem)
    result.add(names["md"], report_markdown(report, templates_dir))
    result.add(names["json"], json_text(report))
    return result


def report_markdown(report: MatchReport, templates_dir: Path | None = None) -> str:
    """The match report's Markdown (`match/report.md.j2`, with what it is given)."""
    return render(
        "match/report.md.j2", {"match": report, "years_shown": years_shown}, templates_dir
    )
