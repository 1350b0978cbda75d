"""The PDF resume reads right to a resume parser (issue #17).

Checked on the content stream itself, as a parser that reads in content order
(or `pdftotext -raw`) sees it:
* each field of a job, school, project or credential line is its own text item,
  with a gap of at least a space's width to the next;
* bullets come right before their text;
* the first line is the name alone;
* the order of the lines in the content stream is their reading order.
"""

from __future__ import annotations

import io
import itertools
import json
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from showcase.artifacts.resume import render_resume
from showcase.profile import LoadedProfile, load_profile, load_text
from showcase.views.resume import Part, resume_view
from tests.conftest import EXAMPLES, TODAY, load_example

pytestmark = pytest.mark.slow


@dataclass
class Glyph:
    text: str
    x0: float
    x1: float
    y: float
    size: float


@dataclass
class Line:
    glyphs: list[Glyph]

    @property
    def text(self) -> str:
        return "".join(g.text for g in self.glyphs)

    @property
    def y(self) -> float:
        return self.glyphs[0].y


def content_lines(pdf: bytes) -> list[list[Line]]:
    """Each page's glyphs in content-stream order, grouped into lines by baseline."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LTChar
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    resources = PDFResourceManager()
    device = PDFPageAggregator(resources, laparams=None)  # no layout analysis: stream order
    interpreter = PDFPageInterpreter(resources, device)
    pages = []
    for pdf_page in PDFPage.get_pages(io.BytesIO(pdf)):
        interpreter.process_page(pdf_page)
        lines: list[Line] = []
        for item in device.get_result():
            if not isinstance(item, LTChar):
                continue
            glyph = Glyph(item.get_text(), item.x0, item.x1, round(item.y0, 1), item.size)
            if lines and abs(lines[-1].y - glyph.y) < glyph.size * 0.5:
                lines[-1].glyphs.append(glyph)
            else:
                lines.append(Line([glyph]))
        pages.append(lines)
    return pages


def _ink(text: str) -> str:
    return "".join(text.split())


def check_fields_apart(lines: list[Line], parts: tuple[Part, ...]) -> None:
    """Some line holds `parts`, in order, with at least a space's gap between each two.

    A heading too long for one line at 10 pt (the smallest body size) may go on over
    the next line, in order; the gap is checked between fields on the same line."""
    wanted = [_ink(p.text) for p in parts]
    candidates = []
    runs = [line.glyphs for line in lines]
    runs += [a.glyphs + b.glyphs for a, b in itertools.pairwise(lines)]
    for run in runs:
        glyphs = [g for g in run if g.text.strip()]
        ink = "".join(g.text for g in glyphs)
        if not ink.startswith(wanted[0]):
            continue
        # The fields, each followed by nothing but a separator: "Acme|Data Analyst|2019".
        separators = "[|·]"
        import re

        pattern = separators.join(f"({re.escape(w)})" for w in wanted)
        match = re.fullmatch(pattern, ink)
        if match is None:
            candidates.append(ink)
            continue
        for i in range(1, len(wanted)):
            last, nxt = glyphs[match.end(i) - 1], glyphs[match.end(i)]
            if nxt.y != last.y:
                continue  # the heading goes on over the next line here
            assert nxt.x0 - last.x1 >= last.size * 0.25, f"{wanted[i - 1]!r} runs into the next"
        return
    raise AssertionError(f"no line reads {' | '.join(wanted)!r}; lines like it: {candidates}")


def check_resume(loaded: LoadedProfile, pdf: bytes) -> None:
    view = resume_view(loaded)
    pages = content_lines(pdf)
    first = pages[0][0]
    assert first.text.strip() == loaded.profile.name.strip()

    for lines in pages:
        ys = [line.y for line in lines]
        assert ys == sorted(ys, reverse=True), "content order differs from reading order"

    all_lines = [line for page in pages for line in page]
    for job in view.experience:
        check_fields_apart(all_lines, job.line)
    for school in view.education:
        check_fields_apart(all_lines, school.line)
    for group in view.credential_groups:
        for entry in group.entries:
            check_fields_apart(all_lines, entry.line)

    # Every bullet stands right before its highlight, in order: none is detached.
    bulleted = [_ink(line.text) for line in all_lines if _ink(line.text).startswith("•")]
    highlights = [_ink(h) for job in view.experience for h in job.highlights]
    assert len(bulleted) >= len(highlights)
    assert [b[1:] for b in bulleted[: len(highlights)]] == [
        h[: len(b) - 1] for h, b in zip(highlights, bulleted, strict=False)
    ]


EXAMPLE_RESUMES = ["jordan-rivera", "priya-raman", "minimal", "collector"]
THEMES = ["classic", "modern", "compact"]  # every bundled theme (test_themes checks the list)


@pytest.fixture(
    scope="module",
    params=[(e, t) for t in THEMES for e in EXAMPLE_RESUMES],
    ids=lambda p: f"{p[0]}-{p[1]}",
)
def example(request: pytest.FixtureRequest) -> tuple[LoadedProfile, bytes]:
    name, theme = request.param
    loaded = load_profile(EXAMPLES / f"{name}.yaml", today=TODAY)
    artifact = render_resume(loaded, formats=["pdf"], theme=theme)
    return loaded, next(iter(artifact.files.values()))


def test_examples_read_right(example: tuple[LoadedProfile, bytes]) -> None:
    check_resume(*example)


def test_examples_stay_on_one_page(example: tuple[LoadedProfile, bytes]) -> None:
    assert len(content_lines(example[1])) == 1


def test_the_certifications_heading_is_not_where_contact_details_go(
    example: tuple[LoadedProfile, bytes],
) -> None:
    loaded, pdf = example
    lines = [line.text.strip() for line in content_lines(pdf)[0]]
    # Capitals in classic and compact, as written in modern: the same words either way.
    heading = [line.upper() for line in lines].index("PROFESSIONAL DEVELOPMENT & CERTIFICATIONS")
    if resume_view(loaded).contact:
        assert heading >= 2
    else:  # nothing to put there: the user is told to add contact details
        warnings = render_resume(loaded, formats=["txt"]).warnings
        assert any("no contact details" in w.message for w in warnings)


def test_post_nominals_never_follow_the_name() -> None:
    loaded = load_example("priya-raman")
    pdf = next(iter(render_resume(loaded, formats=["pdf"]).files.values()))
    lines = [line.text for line in content_lines(pdf)[0]]
    assert lines[0] == "Priya Raman"
    assert lines[1].startswith("PMP · ")


WORDS = st.sampled_from(
    ["Data", "Analyst", "Acme", "Globex", "Austin, TX", "Lead", "Nordic Trails", "Søren", "Zoë"]
)
PHRASE = st.lists(WORDS, min_size=1, max_size=4).map(" ".join)


@st.composite
def resumes(draw: Any) -> dict[str, Any]:
    jobs = [
        {
            "title": draw(PHRASE),
            "organization": draw(PHRASE),
            "location": draw(st.sampled_from(["Austin, TX", "Berlin", "São Paulo, SP"])),
            "start": "2019-03",
            "highlights": draw(st.lists(PHRASE, min_size=1, max_size=2)),
        }
        for _ in range(draw(st.integers(1, 3)))
    ]
    return {
        "name": draw(st.sampled_from(["Ana Lima", "Jordan Rivera", "Zoë Ångström"])),
        "contact": {"email": "a@example.com", "phone": "+1 512 555 0100"},
        "credentials": [{"name": draw(PHRASE), "issuer": draw(PHRASE), "issued": "2024-05"}],
        "experience": jobs,
        "education": [{"institution": draw(PHRASE), "degree": "BSc", "start": 2010, "end": 2014}],
    }


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resumes())
def test_generated_resumes_read_right(data: dict[str, Any]) -> None:
    loaded = load_text(json.dumps(data, ensure_ascii=False), today=TODAY)
    pdf = next(iter(render_resume(loaded, formats=["pdf"]).files.values()))
    check_resume(loaded, pdf)


def test_a_mixed_direction_name_extracts_in_order() -> None:
    from pdfminer.high_level import extract_text

    loaded = load_text(
        json.dumps(
            {
                "name": "Omar Haddad (عمر حداد)",
                "credentials": [{"name": "A", "issuer": "B", "issued": "2024-01"}],
            },
            ensure_ascii=False,
        ),
        today=TODAY,
    )
    pdf = next(iter(render_resume(loaded, formats=["pdf"]).files.values()))
    first = extract_text(io.BytesIO(pdf)).splitlines()[0]
    assert first.startswith("Omar Haddad (")
    assert first.endswith(")")
    assert "\u200e" not in first and "\u200f" not in first
