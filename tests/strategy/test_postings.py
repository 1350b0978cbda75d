"""Reading postings as people save them, and naming the ones that cannot be read."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from showcase import reading
from showcase.strategy import postings
from showcase.strategy.matcher import matcher
from showcase.strategy.postings import printable, read_postings
from tests.conftest import EXAMPLES, ROOT

POSTINGS = ROOT / "tests" / "data" / "postings"


def test_text_and_markdown_titles_and_companies() -> None:
    found = read_postings([POSTINGS / "01-acme-outdoor.txt", POSTINGS / "02-northwind-retail.md"])
    acme, northwind = found.read
    assert (acme.title, acme.company) == ("Digital Marketing Manager", "Acme Outdoor Co.")
    assert (northwind.title, northwind.company) == (
        "Performance Marketing Manager",
        "Northwind Retail",
    )


def test_html_counts_only_the_posting_not_the_page_around_it() -> None:
    (page,) = read_postings([POSTINGS / "04-jobboard-summit.html"]).read
    assert (page.title, page.company) == ("Digital Marketing Lead", "Summit Gear")
    found = {t.name for t in matcher().terms(page.text)}
    assert {"Google Ads", "Google Tag Manager", "Klaviyo", "Shopify"} <= found
    # The sidebar, the navigation and the footer are full of skills; none may count.
    boilerplate = {"Kubernetes", "Python", "Tableau", "Power BI", "Java", "PMP", "Jira", "AWS",
                   "Snowflake", "dbt", "Terraform", "CISSP", "Splunk", "SQL", "Excel", "Docker",
                   "React", "Figma", "Microsoft Azure"}  # fmt: skip
    assert not (boilerplate & found), boilerplate & found


def test_docx_posting(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("IT Support Specialist", level=1)
    document.add_paragraph("Company: Contoso Health")
    document.add_paragraph("Requirements")
    document.add_paragraph(
        "CompTIA A+ required; experience with Active Directory", style="List Bullet"
    )
    document.save(str(tmp_path / "contoso.docx"))
    (posting,) = read_postings([tmp_path / "contoso.docx"]).read
    assert (posting.title, posting.company) == ("IT Support Specialist", "Contoso Health")
    assert {"CompTIA A+", "Active Directory"} <= {t.name for t in matcher().terms(posting.text)}


@pytest.mark.slow
def test_pdf_posting(tmp_path: Path) -> None:
    from showcase.render.weasy import import_weasyprint

    weasyprint = import_weasyprint()
    html = (
        "<h1>Data Analyst</h1><p>Company: Fabrikam</p><h2>Requirements</h2>"
        "<ul><li>SQL and Tableau</li><li>Power BI a plus</li></ul>"
    )
    weasyprint.HTML(string=html).write_pdf(tmp_path / "fabrikam.pdf")
    (posting,) = read_postings([tmp_path / "fabrikam.pdf"]).read
    assert (posting.title, posting.company) == ("Data Analyst", "Fabrikam")
    assert {"SQL", "Tableau", "Power BI"} <= {t.name for t in matcher().terms(posting.text)}


def test_stdin_postings_are_separated_by_dashes() -> None:
    pasted = b"Data Analyst\n- SQL\n---\nMarketing Lead\n- Google Ads\n---\n"
    found = read_postings(["-"], io.BytesIO(pasted))
    assert [(p.source, p.title) for p in found.read] == [
        ("stdin #1", "Data Analyst"),
        ("stdin #2", "Marketing Lead"),
    ]
    assert found.skipped == []


def test_bad_postings_are_named_with_why(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "truncated.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog")
    (tmp_path / "huge.txt").write_bytes(b"SQL " * 400)
    (tmp_path / "fake.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "nothing").mkdir()
    (tmp_path / "ok.txt").write_text("Analyst\nSQL and Tableau\n")
    names = [
        "empty.txt",
        "binary.txt",
        "truncated.pdf",
        "huge.txt",
        "fake.docx",
        "nothing",
        "ok.txt",
    ]
    found = read_postings([tmp_path / n for n in names], limit=1000)
    reasons = {s.source: s.reason for s in found.skipped}
    assert reasons["empty.txt"] == "empty"
    assert "binary" in reasons["binary.txt"]
    assert "PDF" in reasons["truncated.pdf"]
    assert "larger than" in reasons["huge.txt"]
    assert "Word" in reasons["fake.docx"]
    assert "no postings" in reasons[str(tmp_path / "nothing")]
    assert [p.source for p in found.read] == ["ok.txt"]


def test_a_folder_is_read_in_order() -> None:
    found = read_postings([POSTINGS])
    assert [p.source for p in found.read] == sorted(p.name for p in POSTINGS.iterdir())


# --- JSON-LD in HTML postings (issue #30, 3 and 4) -------------------------------------------

_PAGE = (
    "<html><head><title>Data Analyst | Jobs</title>{head}</head><body><main><h1>Data Analyst"
    "</h1><p>We are hiring a data analyst to build dashboards in Tableau and write SQL "
    "queries for the finance team. You will report to the head of analytics.</p></main>"
    "</body></html>"
)


@pytest.mark.parametrize("block", ['"a string"', "42", "[" * 100_000, "null", '{"@graph": 3}'])
def test_json_ld_that_is_not_an_object_leaves_the_posting_readable(
    tmp_path: Path, block: str
) -> None:
    page = _PAGE.format(head=f'<script type="application/ld+json">{block}</script>')
    (tmp_path / "job.html").write_text(page)
    result = read_postings([tmp_path / "job.html"])
    assert len(result.read) == 1, result.skipped
    assert "Tableau" in result.read[0].text


def test_json_ld_job_posting_gives_title_and_company(tmp_path: Path) -> None:
    ld = '{"@type": ["JobPosting"], "title": "Analyst II", "hiringOrganization": {"name": "Acme"}}'
    page = _PAGE.format(head=f'<script type="application/ld+json">{ld}</script>')
    (tmp_path / "job.html").write_text(page)
    (posting,) = read_postings([tmp_path / "job.html"]).read
    assert (posting.title, posting.company) == ("Analyst II", "Acme")


def test_unclosed_scripts_are_scanned_in_linear_time() -> None:
    """4.9 MB of unclosed <script> tags took hours (180 KB: 6 s). Bounded by CPU time in a
    child (RLIMIT_CPU 20 s, about 10,000 times what the scan needs), not by a timer."""
    import subprocess
    import sys

    code = (
        "import resource; resource.setrlimit(resource.RLIMIT_CPU, (20, 20))\n"
        "from showcase.strategy import postings\n"
        "page = '<script type=\"application/ld+json\">{' * 140_000\n"
        "assert len(page) > 4_900_000\n"
        "assert list(postings._json_ld_blocks(page)) == []\n"
        "assert postings._job_posting_metadata(page) == (None, None)\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-500:]


def test_a_docx_that_unzips_to_far_too_much_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "UNZIPPED_LIMIT", 1_000_000)
    bomb = tmp_path / "job.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * 2_000_000)
    with pytest.raises(postings.Unreadable, match="zip bomb"):
        postings.read_posting(bomb, "job.docx")


def test_the_profile_is_not_a_posting() -> None:
    with pytest.raises(postings.Unreadable, match="not a job posting"):
        postings.read_posting(EXAMPLES / "jordan-rivera.yaml", "jordan-rivera.yaml")


def test_printable_leaves_ordinary_names_alone() -> None:
    assert printable("Données — analyste ☃ (2).txt") == "Données — analyste ☃ (2).txt"
    assert printable("a\tb\x07\u200b") == "a\\tb\\x07\\u200b"


def test_a_folder_name_with_an_escape_is_shown_escaped(tmp_path: Path) -> None:
    empty = tmp_path / "x\x1b[31m"
    empty.mkdir()
    (skipped,) = read_postings([empty]).skipped
    assert "\x1b" not in skipped.source and "\\x1b" in skipped.source
