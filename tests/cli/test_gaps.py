"""`showcase gaps` end to end: Jordan Rivera against four real-looking marketing postings."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from showcase.cli import cli
from tests.conftest import EXAMPLES, ROOT

POSTINGS = ROOT / "tests" / "data" / "postings"
JORDAN = str(EXAMPLES / "jordan-rivera.yaml")
TODAY = ["--today", "2026-11-28"]


def run(*args: str, input: bytes | None = None) -> click.testing.Result:
    return CliRunner().invoke(cli, ["gaps", *args], input=input, catch_exceptions=False)


@pytest.fixture(scope="module")
def report() -> dict:  # type: ignore[type-arg]
    result = run(JORDAN, str(POSTINGS), "--format", "json", *TODAY)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_json_has_the_shape_of_the_issue(report: dict) -> None:  # type: ignore[type-arg]
    assert set(report) >= {"postings", "terms", "unrecognised", "suggestions"}
    first = report["postings"][0]
    assert {k: first[k] for k in ("source", "title", "company")} == {
        "source": "01-acme-outdoor.txt",
        "title": "Digital Marketing Manager",
        "company": "Acme Outdoor Co.",
    }
    # Each posting's requirement groups, as the match report of --for gives them.
    klaviyo = next(g for g in first["requirements"] if g["any_of"] == ["Klaviyo"])
    assert set(klaviyo) == {"text", "any_of", "strength", "section", "years", "met_by"}
    assert klaviyo["strength"] == "required" and klaviyo["met_by"] == []
    term = report["terms"][0]
    assert set(term) == {"term", "kind", "aliases", "postings", "sources", "have", "evidence"}
    suggestion = report["suggestions"][0]
    for key in ("for", "name", "issuer", "platform", "assessment", "hours", "cost", "url"):
        assert key in suggestion


def test_terms_sorted_by_postings_then_name(report: dict) -> None:  # type: ignore[type-arg]
    keys = [(-t["postings"], t["term"].casefold()) for t in report["terms"]]
    assert keys == sorted(keys)
    assert all(t["postings"] == len(t["sources"]) for t in report["terms"])


def test_have_says_where(report: dict) -> None:  # type: ignore[type-arg]
    terms = {t["term"]: t for t in report["terms"]}
    ads = terms["Google Ads"]
    assert ads["postings"] == 4 and ads["have"]
    assert "credential: Google Ads Search Certification" in ads["evidence"]
    assert terms["Google Analytics"]["evidence"] == ["skills: Analytics"]
    assert not terms["Google Tag Manager"]["have"]
    # The job board's sidebar and footer list Kubernetes, Python, PMP...: none counts.
    assert not {"Kubernetes", "Python", "PMP", "Java"} & set(terms)


def test_certifications_asked_for_are_terms(report: dict) -> None:  # type: ignore[type-arg]
    terms = {t["term"]: t for t in report["terms"]}
    cert = terms["Google Ads Certification"]
    assert cert["kind"] == "certification" and cert["postings"] == 2 and cert["have"]


def test_never_suggests_what_the_profile_holds(report: dict) -> None:  # type: ignore[type-arg]
    ids = {s["id"] for s in report["suggestions"]}
    held = {"google-ads-search", "hubspot-content-marketing", "google-data-analytics"}
    assert not ids & held
    assert "meta-certified-digital-marketing-associate" not in ids
    for suggestion in report["suggestions"]:
        assert suggestion["for"]
        assert suggestion["url"] is None or suggestion["url"].startswith("https://")


def test_terminal_table() -> None:
    result = run(JORDAN, str(POSTINGS), *TODAY)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Jordan Rivera: what 4 postings ask for"
    row = next(line for line in lines if line.strip().startswith("Google Ads "))
    assert "4/4" in row and "have" in row and "credential: Google Ads Search Certification" in row
    gap = next(line for line in lines if line.strip().startswith("Google Tag Manager"))
    assert "2/4" in gap and "GAP" in gap
    assert "10-15 postings give a reliable list" in result.stdout


def test_report_files(tmp_path: Path) -> None:
    result = run(JORDAN, str(POSTINGS), "-o", str(tmp_path), *TODAY)
    assert result.exit_code == 0, result.output
    html = (tmp_path / "gaps" / "report.html").read_text()
    markdown = (tmp_path / "gaps" / "report.md").read_text()
    assert "<svg" in html and "<script" not in html
    assert "#1b7837" in html and "#762a83" in html  # have and gap, two colours
    assert "Shopping list" in html and "Shopping list" in markdown
    assert "| Google Ads | 4/4 | have |" in markdown
    # Writing again is fine: showcase wrote these files.
    assert run(JORDAN, str(POSTINGS), "-o", str(tmp_path), *TODAY).exit_code == 0


def test_posting_text_is_escaped_in_html(tmp_path: Path) -> None:
    posting = tmp_path / "x.txt"
    posting.write_text("<script>alert(1)</script> Analyst <3 R&D\nCompany: <b>Evil</b>\nSQL\n")
    result = run(JORDAN, str(posting), "--format", "html", *TODAY)
    # The tags are no part of the title (strategy/header.py); what is left is escaped.
    assert "<script>" not in result.stdout and "<b>Evil" not in result.stdout
    assert "Analyst &lt;3 R&amp;D (Evil)" in result.stdout


def test_stdin(tmp_path: Path) -> None:
    pasted = b"Data Analyst\n- SQL and Tableau\n---\nMarketing Lead\n- Google Ads\n"
    result = run(JORDAN, "-", "--format", "json", *TODAY, input=pasted)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [p["source"] for p in data["postings"]] == ["stdin #1", "stdin #2"]
    assert any("reliable list" in note for note in data["notes"])


def test_skipped_postings_are_named_and_exit_1(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    result = run(JORDAN, str(POSTINGS / "01-acme-outdoor.txt"), str(tmp_path / "empty.txt"))
    assert result.exit_code == 1
    assert "empty.txt: skipped: empty" in result.stderr
    assert "Google Ads" in result.stdout  # the rest was still read


def test_nothing_readable_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "nothing").mkdir()
    result = run(JORDAN, str(tmp_path / "nothing"))
    assert result.exit_code == 1
    assert "no posting could be read" in result.stderr


def test_another_language_is_said_so(tmp_path: Path) -> None:
    (tmp_path / "de.txt").write_text(
        "Wir suchen eine engagierte Marketingleitung mit Erfahrung im Kundenkontakt.\n"
    )
    result = run(JORDAN, str(tmp_path / "de.txt"), str(POSTINGS / "01-acme-outdoor.txt"))
    assert "de.txt: no known skill, tool or certification found" in result.stdout


def test_unrecognised_recurring_phrases(tmp_path: Path) -> None:
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(
            f"Analyst {n}\nRequirements\n- Experience with Frobnicator Studio and SQL\n"
            f"- {n + 2}+ years of experience\n- Excellent written communication\n"
        )
    data = json.loads(run(JORDAN, str(tmp_path), "--format", "json").stdout)
    phrases = {u["phrase"]: u["postings"] for u in data["unrecognised"]}
    assert phrases["Frobnicator Studio"] == 3
    assert not [p for p in phrases if "years" in p or "SQL" in p or "Analyst" in p]


@pytest.mark.slow
def test_gaps_does_not_import_weasyprint() -> None:
    code = (
        "import sys\nfrom showcase.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print('MODULES', ' '.join(sorted(sys.modules)))"
    )
    args = ["gaps", JORDAN, str(POSTINGS / "01-acme-outdoor.txt"), "--format", "json"]
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    ).stdout
    modules = set(next(x for x in out.splitlines() if x.startswith("MODULES ")).split()[1:])
    assert "weasyprint" not in modules
    assert "trafilatura" not in modules  # only read for .html postings


RUNNER = CliRunner()


def test_gaps_never_reads_its_own_report_as_a_posting(tmp_path: Path) -> None:
    jobs = tmp_path / "jobs"
    jobs.mkdir()
    (jobs / "a.txt").write_text("Data Analyst\nRequirements:\n- SQL\n- Tableau\n")
    args = ["gaps", str(EXAMPLES / "jordan-rivera.yaml"), str(jobs), "-o", str(jobs)]
    first = RUNNER.invoke(cli, [*args, "--format", "json"])
    second = RUNNER.invoke(cli, [*args, "--format", "json", "--force"])
    assert first.exit_code == 0, first.output
    counts = [len(json.loads(r.stdout)["postings"]) for r in (first, second)]
    assert counts == [1, 1]


POSTING = "Data Analyst\nCompany: Fabrikam\nRequirements:\n- SQL\n- Tableau\n"


def test_escapes_and_newlines_in_posting_names_are_shown_escaped(tmp_path: Path) -> None:
    """Before: the ESC sequence went raw into report.md (and the terminal), and the newline
    split the name over two lines of the list."""
    jobs = tmp_path / "jobs"
    jobs.mkdir()
    hostile = "\x1b[2J\x1b[31mred\nline\u202etxt.txt"
    (jobs / hostile).write_text(POSTING)
    out = tmp_path / "out"
    result = RUNNER.invoke(cli, ["gaps", str(EXAMPLES / "jordan-rivera.yaml"), str(jobs),
                                 "-o", str(out), "--today", "2026-11-28"])  # fmt: skip
    assert result.exit_code == 0, result.output
    report = (out / "gaps" / "report.md").read_text("utf-8")
    assert "\x1b" not in report and "\u202e" not in report
    (line,) = [line for line in report.splitlines() if "x1b" in line]
    assert "mred" in line and "nline" in line  # one line, the name still recognisable
    assert "\x1b" not in result.output


@pytest.mark.slow
def test_printing_the_table_never_imports_jinja() -> None:
    """The terminal table and JSON need no template: Jinja (~25 ms) only for -o, md, html."""
    from tests.helpers import imported_by

    posting = str(ROOT / "tests" / "data" / "postings" / "01-acme-outdoor.txt")
    args = ["gaps", str(EXAMPLES / "jordan-rivera.yaml"), posting, "--today", "2026-11-28"]
    assert imported_by(args, ["jinja2"]) == []
    assert imported_by([*args, "--format", "md"], ["jinja2"]) == ["jinja2"]


@pytest.mark.browser
@pytest.mark.slow
def test_the_html_report_fits_a_phone(tmp_path: Path) -> None:
    """At 375 px the chart (640 px) and the shopping list ran past the screen's edge (the
    page scrolled sideways, Hours and Cost off screen): each scrolls within its own box."""
    from tests.browser import browser_page

    assert run(JORDAN, str(POSTINGS), "-o", str(tmp_path), *TODAY).exit_code == 0
    with browser_page(375, 800) as page:
        page.goto((tmp_path / "gaps" / "report.html").as_uri())
        sizes = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert sizes[0] <= sizes[1], sizes
        assert page.evaluate("document.querySelectorAll('.scroll table, .scroll svg').length") == 3
