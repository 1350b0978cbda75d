"""A small DOCX builder over python-docx, shared by the resume and the interview sheet.

ATS-safe by construction: built-in Title / Heading 1 / Heading 2 / List Bullet
styles (parsers and screen readers know them), no tables or text boxes for
layout, nothing in headers or footers, links as real hyperlinks whose text is
the address.  python-docx is imported lazily, inside `DocxBuilder`.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from typing import Any

ACCENT = (0x1B, 0x5E, 0x8C)
INK = (0x1D, 0x23, 0x30)
MUTED = (0x4A, 0x54, 0x66)
FLAG = (0xA3, 0x3A, 0x2A)

PAGE_SIZES = {"letter": (8.5, 11.0), "a4": (8.27, 11.69)}
MARGIN_IN = 0.7


@dataclass(frozen=True)
class Run:
    """A piece of text with its look; `url` makes it a hyperlink."""

    text: str
    bold: bool = False
    italic: bool = False
    url: str | None = None
    muted: bool = False
    flag: bool = False


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


def runs(*parts: Run | str) -> list[Run]:
    return [Run(p) if isinstance(p, str) else p for p in parts]


class DocxBuilder:
    def __init__(
        self,
        *,
        title: str,
        author: str,
        keywords: str,
        subject: str,
        created: dt.datetime,
        paper: str = "letter",
        language: str = "en-US",
    ) -> None:
        from docx import Document
        from docx.shared import Inches

        self.document: Any = Document()
        self.created = created
        width, height = PAGE_SIZES[paper]
        section = self.document.sections[0]
        section.page_width, section.page_height = Inches(width), Inches(height)
        for side in ("left_margin", "right_margin"):
            setattr(section, side, Inches(MARGIN_IN))
        section.top_margin = section.bottom_margin = Inches(0.5)
        self.text_width = Inches(width - 2 * MARGIN_IN)
        self._styles(language)
        props = self.document.core_properties
        props.title = core_property(title)
        props.author = core_property(author)
        props.last_modified_by = core_property(author)
        props.keywords = core_property(keywords)
        props.subject = core_property(subject)
        props.comments = "Written by showcase"
        props.language = language
        props.created = created.replace(tzinfo=None)
        props.modified = created.replace(tzinfo=None)
        props.last_printed = created.replace(tzinfo=None)
        props.revision = 1

    # --- styles -------------------------------------------------------------------------

    def _styles(self, language: str) -> None:
        from docx.enum.style import WD_STYLE_TYPE
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Pt, RGBColor

        styles = self.document.styles
        normal = styles["Normal"]
        normal.font.name = "Calibri"
        normal.font.size = Pt(9.5)
        normal.font.color.rgb = RGBColor(*INK)
        normal.paragraph_format.space_after = Pt(0)
        normal.paragraph_format.line_spacing = 1.05
        rpr = normal.element.get_or_add_rPr()
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), language)
        rpr.append(lang)

        title = styles["Title"]
        title.font.name = "Calibri"
        title.font.size = Pt(20)
        title.font.bold = True
        title.font.color.rgb = RGBColor(*INK)
        title.paragraph_format.space_after = Pt(2)
        # The default Title has a bottom border and tight spacing meant for reports; drop it.
        ppr = title.element.get_or_add_pPr()
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)

        for name, size, before, after in (("Heading 1", 10.5, 8, 2), ("Heading 2", 9.5, 4, 1)):
            style = styles[name]
            style.font.name = "Calibri"
            style.font.size = Pt(size)
            style.font.bold = True
            style.font.color.rgb = RGBColor(*(ACCENT if name == "Heading 1" else INK))
            style.font.all_caps = name == "Heading 1"
            style.paragraph_format.space_before = Pt(before)
            style.paragraph_format.space_after = Pt(after)
            style.paragraph_format.keep_with_next = True
            # Word's heading styles name "Calibri Light" through the theme: override it.
            rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
            for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                rfonts.set(qn(attr), "Calibri")
            for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
                if rfonts.get(qn(attr)) is not None:
                    del rfonts.attrib[qn(attr)]
            if name == "Heading 1":
                self._bottom_border(style.element.get_or_add_pPr())

        bullet = styles["List Bullet"]
        bullet.paragraph_format.space_after = Pt(1)

        if "Hyperlink" not in [s.name for s in styles]:
            link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
            link.font.color.rgb = RGBColor(*ACCENT)
            link.font.underline = True

    @staticmethod
    def _bottom_border(ppr: Any) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for key, value in (
            ("w:val", "single"),
            ("w:sz", "6"),
            ("w:space", "1"),
            ("w:color", "C9D3E0"),
        ):
            bottom.set(qn(key), value)
        borders.append(bottom)
        ppr.append(borders)

    # --- content ------------------------------------------------------------------------

    def title(self, text: str) -> None:
        self.document.add_paragraph(text, style="Title")

    def heading(self, text: str, level: int = 1) -> None:
        self.document.add_heading(text, level=level)

    def paragraph(
        self,
        parts: list[Run],
        *,
        style: str | None = None,
        space_after: float = 0,
        size: float | None = None,
        keep_with_next: bool = False,
    ) -> Any:
        from docx.shared import Pt

        paragraph = self.document.add_paragraph(style=style)
        paragraph.paragraph_format.space_after = Pt(space_after)
        if keep_with_next:
            paragraph.paragraph_format.keep_with_next = True
        for part in parts:
            self._run(paragraph, part, size)
        return paragraph

    def entry_line(self, left: list[Run], *, space_before: float = 3) -> None:
        """The first line of an entry (title, organization), kept with the lines below it.

        Dates go on the next line rather than at a right tab stop, as in the PDF,
        so that every format reads in the same order.
        """
        from docx.shared import Pt

        paragraph = self.paragraph(left, keep_with_next=True)
        paragraph.paragraph_format.space_before = Pt(space_before)

    def bullet(self, parts: list[Run]) -> None:
        self.paragraph(parts, style="List Bullet", space_after=1)

    def _run(self, paragraph: Any, part: Run, size: float | None = None) -> None:
        from docx.shared import Pt, RGBColor

        if part.url:
            self._hyperlink(paragraph, part)
            return
        run = paragraph.add_run(part.text)
        run.bold = part.bold or None
        run.italic = part.italic or None
        if part.muted:
            run.font.color.rgb = RGBColor(*MUTED)
            run.font.size = Pt(9)
        if part.flag:
            run.font.color.rgb = RGBColor(*FLAG)
            run.bold = True
        if size:
            run.font.size = Pt(size)

    def _hyperlink(self, paragraph: Any, part: Run) -> None:
        # python-docx has no hyperlink API (1.2): relate the URL, then write w:hyperlink.
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        assert part.url is not None
        r_id = paragraph.part.relate_to(part.url, RT.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), r_id)
        run = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        style = OxmlElement("w:rStyle")
        style.set(qn("w:val"), "Hyperlink")
        rpr.append(style)
        if part.muted:
            size = OxmlElement("w:sz")
            size.set(qn("w:val"), "18")
            rpr.append(size)
        run.append(rpr)
        text = OxmlElement("w:t")
        text.set(qn("xml:space"), "preserve")
        text.text = part.text
        run.append(text)
        link.append(run)
        paragraph._p.append(link)

    # --- output -------------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return normalize_zip(buffer.getvalue(), self.created)


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
