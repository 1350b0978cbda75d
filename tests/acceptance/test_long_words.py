"""A word longer than the line (a pasted link, a long name) wraps on every PDF: it ran off
the right edge, and what lay past it was cut from the page a recruiter sees."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from showcase import api
from tests.conftest import ROOT
from tests.helpers import write_profile

LINK = "https://lookerstudio.google.com/reporting/" + "5f3c9a1e7b2d4c8a" * 10
PROFILE = f"""
name: Jordan Rivera
credentials:
  - name: Google Data Analytics Professional Certificate
    issuer: Google
    issued: 2024-02
    assessment: graded
    featured: true
experience:
  - title: Data Analyst
    organization: Lakeside Outfitters
    start: 2021-05
    highlights:
      - Published the analysis at {LINK} and cut weekly reporting time by 60%.
"""
POSTING = ROOT / "tests" / "data" / "postings" / "01-acme-outdoor.txt"


def _words_past_the_edge(pdf: bytes, tmp_path: Path) -> list[str]:
    """The words whose box ends beyond the page's width (pdftotext -bbox)."""
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    past = []
    for page in re.finditer(r'<page width="([\d.]+)".*?</page>', html, re.S):
        width = float(page[1])
        for word in re.finditer(
            r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)', page[0]
        ):
            if float(word[1]) > width:
                past.append(word[2])
    return past


@pytest.mark.slow
def test_a_long_link_wraps_inside_the_page_of_every_pdf(tmp_path: Path) -> None:
    person = api.load(write_profile(tmp_path, PROFILE))
    files = api.build(person, posting=POSTING)
    pdfs = {name: data for name, data in files.items() if name.endswith(".pdf")}
    assert any("Cover-Letter" in name for name in pdfs) and len(pdfs) >= 3
    for name, data in pdfs.items():
        assert _words_past_the_edge(data, tmp_path) == [], name
