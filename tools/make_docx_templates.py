"""Write the bundled Word templates: resume/resume.docx, interview/interview.docx and
letter/letter.docx under templates/.

    python tools/make_docx_templates.py          # rewrite both files
    python tools/make_docx_templates.py --check  # exit 1 if they differ from what this writes

The .docx files are generated so that they can be reviewed (this script is
their source) and rebuilt exactly; tests/render/test_docx.py checks
that the committed files match.  Users restyle a copy in Word instead (see the
README, "Your own templates").

What is in them, and why (DESIGN.md, "ATS-safe resumes"):
* one column, no tables or text boxes, nothing in headers or footers;
* Word's built-in paragraph styles, which parsers and screen readers know:
  Title, Heading 1, Heading 2, List Bullet and Normal;
* looks that vary inside a line are Word's built-in character styles, so that
  restyling one changes every place it is used: Strong (the bold field of an
  entry line), Subtle Emphasis (dates, separators, details), Intense Emphasis
  (a warning), Emphasis, and Hyperlink (which python-docx's default lacks);
* docxtpl tags in the text: ``{%p ... %}`` alone in a paragraph repeats or
  drops paragraphs, ``{%r ... %}`` alone in a run does the same for runs,
  ``{{r docx.line(...) }}`` and ``{{r docx.link(...) }}`` place a line whose
  parts differ in look (`showcase.render.docx.Runs`), ``{{ value }}`` places text.
  Every phrase comes from the view or is a label also used by the Markdown and
  HTML templates; nothing here decides what the resume says.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path
from typing import Any, NamedTuple

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

from showcase.render.docx import normalize_zip

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {
    "resume": ROOT / "templates" / "resume" / "resume.docx",
    "interview": ROOT / "templates" / "interview" / "interview.docx",
    "letter": ROOT / "templates" / "letter" / "letter.docx",
}
THEMES = ROOT / "templates" / "resume" / "themes"  # each theme's resume.docx, but classic's

ACCENT = RGBColor(0x1B, 0x5E, 0x8C)
INK = RGBColor(0x1D, 0x23, 0x30)
MUTED = RGBColor(0x4A, 0x54, 0x66)
FLAG = RGBColor(0xA3, 0x3A, 0x2A)
FONT = "Calibri"
LANGUAGE = "en-US"
MARGIN_IN = 0.7  # left and right; 0.5 top and bottom


class Look(NamedTuple):
    """What a resume theme changes in its Word template: colour, case, margins, spacing."""

    accent: RGBColor = ACCENT
    caps: bool = True  # section headings in capitals
    margin_in: float = MARGIN_IN
    heading_before: float = 8  # points above a section heading
    title_size: float = 20


LOOKS = {
    "classic": Look(),
    "modern": Look(accent=RGBColor(0x0F, 0x76, 0x6E), caps=False, title_size=24),
    "compact": Look(margin_in=0.55, heading_before=5, title_size=17),
}
STAMP = dt.datetime(2026, 1, 1)  # the templates' own dates: fixed, so the bytes are too

# Character styles, by the name Word shows (the adapter uses their style ids).
STRONG, MUTED_STYLE, FLAG_STYLE, EMPHASIS, LINK = (
    "Strong",
    "Subtle Emphasis",
    "Intense Emphasis",
    "Emphasis",
    "Hyperlink",
)

Run = str | tuple[str, str | None]  # text, or (text, character style name)


# --- the document and its styles ---------------------------------------------------------


def new_document(title: str, look: Look = LOOKS["classic"]) -> Any:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)  # letter; a4 set later
    section.left_margin = section.right_margin = Inches(look.margin_in)
    section.top_margin = section.bottom_margin = Inches(0.5)
    styles(document, look)
    props = document.core_properties
    props.title = title
    props.author = props.last_modified_by = "showcase"
    props.comments = "A showcase template: its tags are filled in from your profile"
    props.subject = props.keywords = props.category = ""
    props.language = LANGUAGE
    props.created = props.modified = props.last_printed = STAMP
    props.revision = 1
    return document


def styles(document: Any, look: Look = LOOKS["classic"]) -> None:
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(9.5)
    normal.font.color.rgb = INK
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.05
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), LANGUAGE)
    normal.element.get_or_add_rPr().append(lang)

    title = styles["Title"]
    title.font.name = FONT
    title.font.size = Pt(look.title_size)
    title.font.bold = True
    title.font.color.rgb = INK
    title.paragraph_format.space_after = Pt(2)
    # The default Title has a bottom border and tight spacing meant for reports; drop it.
    ppr = title.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)

    headings = (("Heading 1", 10.5, look.heading_before, 2), ("Heading 2", 9.5, 4, 1))
    for name, size, before, after in headings:
        style = styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = look.accent if name == "Heading 1" else INK
        style.font.all_caps = name == "Heading 1" and look.caps
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
        style.paragraph_format.keep_with_next = True
        # Word's heading styles name "Calibri Light" through the theme: override it.
        rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rfonts.set(qn(attr), FONT)
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            if rfonts.get(qn(attr)) is not None:
                del rfonts.attrib[qn(attr)]
        if name == "Heading 1":
            bottom_border(style.element.get_or_add_pPr())

    styles["List Bullet"].paragraph_format.space_after = Pt(1)

    def character(name: str) -> Any:
        if name in [s.name for s in styles]:
            return styles[name]
        return styles.add_style(name, WD_STYLE_TYPE.CHARACTER)

    strong = character(STRONG)
    strong.font.bold = True
    muted = character(MUTED_STYLE)
    muted.font.italic = False  # Word's default is italic; here it is the quiet grey of details
    muted.font.color.rgb = MUTED
    muted.font.size = Pt(9)
    flag = character(FLAG_STYLE)
    flag.font.italic = False
    flag.font.bold = True
    flag.font.color.rgb = FLAG
    character(EMPHASIS).font.italic = True
    link = character(LINK)
    link.font.color.rgb = look.accent
    link.font.underline = True


def bottom_border(ppr: Any) -> None:
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "C9D3E0")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


# --- paragraphs ---------------------------------------------------------------------------


def para(
    document: Any,
    *runs: Run,
    style: str | None = None,
    before: float | None = None,
    after: float | None = None,
    keep: bool = False,
) -> None:
    """A paragraph of runs; each run is its own, so `{{r }}` and `{%r %}` tags stand alone."""
    paragraph = document.add_paragraph(style=style)
    fmt = paragraph.paragraph_format
    if before is not None:
        fmt.space_before = Pt(before)
    if after is not None:
        fmt.space_after = Pt(after)
    if keep:
        fmt.keep_with_next = True
    for run in runs:
        text, run_style = (run, None) if isinstance(run, str) else run
        paragraph.add_run(text, style=run_style)


def tag(document: Any, text: str) -> None:
    """A ``{%p ... %}`` paragraph: docxtpl replaces the whole paragraph with the tag."""
    document.add_paragraph(f"{{%p {text} %}}")


def bullet(document: Any, *runs: Run) -> None:
    para(document, *runs, style="List Bullet", after=1)


# --- the resume ---------------------------------------------------------------------------


def resume(look: Look = LOOKS["classic"]) -> Any:
    d = new_document("showcase resume template", look)
    entry = "{{r docx.line(%s.line, resume.separator) }}"
    para(d, "{{ resume.name }}", style="Title")
    tag(d, "if resume.tagline")
    para(d, ("{{ resume.tagline }}", STRONG), after=2)
    tag(d, "endif")
    tag(d, "for line in resume.contact_lines")
    para(d, "{{r docx.line(line, resume.separator) }}", after=2)
    tag(d, "endfor")

    tag(d, "if resume.credential_groups or resume.additional")
    para(d, "{{ resume.certifications_title }}", style="Heading 1")
    tag(d, "endif")
    tag(d, "for group in resume.credential_groups")
    tag(d, "if group.title")
    para(d, "{{ group.heading }}", style="Heading 2")
    tag(d, "endif")
    tag(d, "for entry in group.entries")
    para(d, entry % "entry", before=2, keep=True)
    tag(d, "if entry.details")
    para(d, "{{r docx.line(entry.details, resume.separator, muted=True) }}")
    tag(d, "endif")
    tag(d, "if entry.skills")
    para(d, ("{{ resume.words.skills }}{{ entry.skills | join(', ') }}", MUTED_STYLE))
    tag(d, "endif")
    tag(d, "endfor")
    tag(d, "endfor")
    tag(d, "if resume.additional")
    para(d, ("{{ resume.additional.label }}: ", STRONG), "{{ resume.additional.text }}", before=2)
    tag(d, "endif")

    tag(d, "for section in resume.sections")
    para(d, "{{ section.title }}", style="Heading 1")
    tag(d, 'if section.key == "summary"')
    para(d, "{{ resume.summary }}")
    tag(d, 'elif section.key == "experience"')
    tag(d, "for job in resume.experience")
    para(d, entry % "job", before=3, keep=True)
    tag(d, "for highlight in job.highlights")
    bullet(d, "{{ highlight }}")
    tag(d, "endfor")
    tag(d, "endfor")
    tag(d, 'elif section.key == "projects"')
    tag(d, "for project in resume.projects")
    para(d, entry % "project", before=3, keep=True)
    tag(d, "if project.description")
    para(d, "{{ project.description }}")
    tag(d, "endif")
    tag(d, "if project.tools or project.link")
    para(
        d,
        "{%r if project.tools %}",
        ("{{ resume.words.tools }}{{ project.tools | join(', ') }}", MUTED_STYLE),
        "{%r endif %}",
        "{%r if project.tools and project.link %}",
        ("{{ resume.separator }}", MUTED_STYLE),
        "{%r endif %}",
        "{%r if project.link %}",
        "{{r docx.link(project.link.text, project.link.url) }}",
        "{%r endif %}",
    )
    tag(d, "endif")
    tag(d, "endfor")
    tag(d, 'elif section.key == "education"')
    tag(d, "for school in resume.education")
    para(d, entry % "school", before=3, keep=True)
    tag(d, "endfor")
    tag(d, 'elif section.key in ("volunteer", "awards", "publications")')
    tag(d, "for item in resume[section.key]")
    para(d, entry % "item", before=3, keep=True)
    tag(d, "if item.summary")
    para(d, "{{ item.summary }}")
    tag(d, "endif")
    tag(d, "for highlight in item.highlights")
    bullet(d, "{{ highlight }}")
    tag(d, "endfor")
    tag(d, "if item.link")
    para(d, "{{r docx.link(item.link.text, item.link.url) }}")
    tag(d, "endif")
    tag(d, "endfor")
    tag(d, 'elif section.key == "languages"')
    para(d, "{{ resume.languages_text }}")
    tag(d, 'elif section.key == "skills"')
    tag(d, "for skill_line in resume.skills")
    para(d, ("{{ skill_line.group }}: ", STRONG), "{{ skill_line.items | join(', ') }}", after=1)
    tag(d, "endfor")
    tag(d, "endif")
    tag(d, "endfor")
    return d


# --- the interview prep sheet -------------------------------------------------------------


def interview() -> Any:
    d = new_document("showcase interview prep template")
    para(d, "{{ sheet.heading }}", style="Title")
    para(d, ("{{ sheet.introduction }}", MUTED_STYLE), after=4)

    para(d, "Tell me about yourself", style="Heading 1")
    para(d, "{{ sheet.pitch.text }}", after=2)
    para(d, ("{{ sheet.pitch.timing }}", MUTED_STYLE), after=4)

    tag(d, "if sheet.why_role")
    para(d, "Why this role?", style="Heading 1")
    para(d, "{{ sheet.why_role }}", after=4)
    tag(d, "endif")
    tag(d, "if sheet.posting_questions")
    para(d, "Questions this posting is likely to bring", style="Heading 1")
    tag(d, "for item in sheet.posting_questions")
    bullet(d, ("{{ item.question }}", STRONG), (" (from “{{ item.requirement }}”)", MUTED_STYLE))
    para(d, "{{ item.answer_hint }}", after=2)
    tag(d, "endfor")
    tag(d, "endif")

    para(d, "Stories", style="Heading 1")
    tag(d, "for story in sheet.stories")
    para(d, "{{ loop.index }}. {{ story.title }}", style="Heading 2")
    facts = (
        "{% if story.credential %}Capstone of: {{ story.credential.name }}, "
        "{{ story.credential.issuer }}, {{ story.credential.date }}. {% endif %}"
        "{% if story.source %}From: {{ story.source }}. {% endif %}"
        "{% if story.competencies %}Competencies: {{ story.competencies | join(', ') }}. "
        "{% endif %}"
        "{% if story.skills %}Shows: {{ story.skills | join(', ') }}. {% endif %}"
        "{% if story.tools %}Tools: {{ story.tools | join(', ') }}. {% endif %}"
        "Length: {{ story.timing }}."
    )
    para(d, (facts, MUTED_STYLE), after=4)
    para(d, ("Open with: ", STRONG), ("{{ story.opening }}", EMPHASIS), after=4)
    for label, field in (("Situation.", "situation"), ("Task.", "task"), ("Obstacle.", "obstacle")):
        star(d, label, field)
    tag(d, "if story.actions")
    para(d, ("Action.", STRONG), keep=True)
    tag(d, "for action in story.actions")
    bullet(d, "{{ action }}")
    tag(d, "endfor")
    tag(d, "endif")
    for label, field in (("Result.", "result"), ("Reflection.", "reflection")):
        star(d, label, field)
    tag(d, "if story.url")
    para(d, ("Show it: ", STRONG), "{{r docx.link(story.url, story.url) }}", after=3)
    tag(d, "endif")
    para(d, ("Questions it answers", STRONG), keep=True)
    tag(d, "for question in story.own_questions")
    bullet(d, "{{ question }}")
    tag(d, "endfor")
    tag(d, "for label, question in story.bank_questions")
    bullet(d, "{{ question }} ", ("({{ label }})", MUTED_STYLE))
    tag(d, "endfor")
    para(d, ("Likely follow-ups", STRONG), keep=True)
    tag(d, "for question in story.follow_ups")
    bullet(d, "{{ question }}")
    tag(d, "endfor")
    tag(d, "for warning in story.warnings")
    para(d, ("Before the interview: ", FLAG_STYLE), "this story {{ warning }}.")
    tag(d, "endfor")
    tag(d, "else")
    para(d, "{{ sheet.no_stories }}", after=3)
    para(d, '{% filter trim %}{% include "interview/add-projects.yaml" %}{% endfilter %}')
    tag(d, "endfor")

    tag(d, "if sheet.seeds")
    para(d, "Results to turn into stories", style="Heading 1")
    para(d, "{{ sheet.seeds_introduction }}", after=3)
    tag(d, "for seed in sheet.seeds")
    para(d, ("{{ seed.highlight }}", STRONG), " ", ("({{ seed.source }})", MUTED_STYLE), keep=True)
    tag(d, "for part, prompt in seed.prompts")
    bullet(d, ("{{ part }}: ", EMPHASIS), "{{ prompt }}")
    tag(d, "endfor")
    tag(d, "endfor")
    tag(d, "endif")

    para(d, "Credentials as evidence", style="Heading 1")
    tag(d, "for row in sheet.evidence")
    para(d, ("{{ row.name }}", STRONG), ", {{ row.issuer }}", before=3, keep=True)
    para(d, ("Proves: ", MUTED_STYLE), "{{ row.proves }}")
    para(d, ("Bring it up: ", MUTED_STYLE), "{{ row.when }}")
    tag(d, "else")
    para(d, "No valid credentials yet.")
    tag(d, "endfor")

    para(d, "Questions to ask them", style="Heading 1")
    tag(d, "for question in sheet.questions_to_ask")
    bullet(d, "{{ question }}")
    tag(d, "endfor")

    para(d, "For your next salary conversation", style="Heading 1")
    para(d, "{{ sheet.salary_introduction }}", after=3)
    tag(d, "for point in sheet.talking_points")
    bullet(d, "{{ point }}")
    tag(d, "endfor")
    return d


def star(d: Any, label: str, field: str) -> None:
    tag(d, f"if story.{field}")
    para(d, (f"{label} ", STRONG), f"{{{{ story.{field} }}}}", after=3)
    tag(d, "endif")


# --- the cover letter ---------------------------------------------------------------------


def letter() -> Any:
    """The resume's letterhead (Title, headline, contact lines under a rule), then the letter
    in Normal paragraphs with room between them."""
    d = new_document("showcase cover letter template")
    d.styles["Normal"].font.size = Pt(10.5)
    para(d, "{{ letter.display_name }}", style="Title")
    tag(d, "if letter.tagline")
    para(d, ("{{ letter.tagline }}", STRONG), after=2)
    tag(d, "endif")
    tag(d, "for line in letter.contact_lines")
    para(d, "{{r docx.line(line, letter.separator) }}", after=2)
    tag(d, "endfor")
    rule = d.add_paragraph()
    bottom_border(rule._p.get_or_add_pPr())
    para(d, "{{ letter.date }}", before=12, after=12)
    para(d, ("{{ letter.subject }}", STRONG), after=9)
    para(d, "{{ letter.greeting }}", after=9)
    tag(d, "for paragraph in letter.paragraphs")
    para(d, "{{ paragraph }}", after=9)
    tag(d, "endfor")
    para(d, "{{ letter.sign_off }}", before=6)
    para(d, ("{{ letter.name }}", STRONG))
    return d


# --- output -------------------------------------------------------------------------------


def to_bytes(document: Any) -> bytes:
    """The document's bytes, with fixed zip timestamps so that a rebuild is identical."""
    buffer = io.BytesIO()
    document.save(buffer)
    return normalize_zip(buffer.getvalue(), STAMP)


def members(data: bytes) -> dict[str, bytes]:
    """A .docx's files and their contents: equal for equal documents, whatever zlib compressed."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def build() -> dict[Path, bytes]:
    """Each bundled template's path and the bytes this script writes there."""
    built = {
        TARGETS["resume"]: to_bytes(resume()),
        TARGETS["interview"]: to_bytes(interview()),
        TARGETS["letter"]: to_bytes(letter()),
    }
    for name, look in LOOKS.items():
        if name != "classic":  # classic is the resume template above
            built[THEMES / name / "resume.docx"] = to_bytes(resume(look))
    return built


def main(argv: list[str]) -> int:
    built = build()
    if "--check" in argv:
        stale = [
            p
            for p, data in built.items()
            if not p.is_file() or members(p.read_bytes()) != members(data)
        ]
        for path in stale:
            print(f"{path.relative_to(ROOT)} is out of date: run tools/make_docx_templates.py")
        return 1 if stale else 0
    for path, data in built.items():
        path.write_bytes(data)
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
