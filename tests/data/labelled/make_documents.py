"""Make the labelled set's .pdf and .docx postings from ../labelled-sources/*.txt.

Run from a checkout: ``python tests/data/labelled/make_documents.py``. A source named
``<field>-<nn>-<slug>.txt`` becomes ``<field>/<nn>-<slug>.pdf`` or ``.docx`` (which one
is said in FORMATS). The first line is the title, lines before the first blank line are
the header, a short line without a full stop opens a section, "- " lines are bullets.
"""

from __future__ import annotations

import html
from pathlib import Path

HERE = Path(__file__).parent
SOURCES = HERE.parent / "labelled-sources"
FIELDS = (
    "marketing",
    "data",
    "it-support",
    "project-management",
    "hr",
    "healthcare-admin",
    "cloud",
)
FORMATS = {
    "marketing-07-orchard-brand": "pdf",
    "it-support-07-redwood-admin": "pdf",
    "hr-07-lakeshore-benefits": "pdf",
    "data-07-granite-analyst": "docx",
    "project-management-07-summit-implementation": "docx",
    "healthcare-admin-07-meadow-unit-secretary": "docx",
    "cloud-07-westbrook-cloud-ops": "docx",
}


def blocks(text: str) -> list[tuple[str, str]]:
    """(kind, text): title, header, heading, bullet or paragraph."""
    lines = text.strip("\n").splitlines()
    out = [("title", lines[0])]
    in_header = True
    for line in lines[1:]:
        if not line.strip():
            in_header = False
            continue
        if in_header:
            out.append(("header", line))
        elif line.startswith("- "):
            out.append(("bullet", line[2:]))
        elif len(line) < 40 and not line.endswith("."):
            out.append(("heading", line))
        else:
            out.append(("paragraph", line))
    return out


def to_pdf(parts: list[tuple[str, str]], target: Path) -> None:
    from weasyprint import HTML

    body = []
    for kind, text in parts:
        text = html.escape(text)
        body.append(
            {"title": f"<h1>{text}</h1>", "header": f"<p>{text}</p>", "heading": f"<h2>{text}</h2>",
             "bullet": f"<ul><li>{text}</li></ul>", "paragraph": f"<p>{text}</p>"}[kind]
        )  # fmt: skip
    HTML(string="<html><body>" + "\n".join(body) + "</body></html>").write_pdf(target)


def to_docx(parts: list[tuple[str, str]], target: Path) -> None:
    import docx

    document = docx.Document()
    for kind, text in parts:
        if kind == "title":
            document.add_heading(text, level=0)
        elif kind == "heading":
            document.add_heading(text, level=2)
        elif kind == "bullet":
            document.add_paragraph(text, style="List Bullet")
        else:
            document.add_paragraph(text)
    document.save(str(target))


def main() -> None:
    for source in sorted(SOURCES.glob("*.txt")):
        field = next(f for f in FIELDS if source.stem.startswith(f + "-"))
        fmt = FORMATS[source.stem]
        target = HERE / field / f"{source.stem[len(field) + 1 :]}.{fmt}"
        (to_pdf if fmt == "pdf" else to_docx)(blocks(source.read_text("utf-8")), target)
        print(f"wrote {target}")


if __name__ == "__main__":
    main()
