"""The email signature: what it shows, the rules mail clients impose, and the preview page."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from showcase.artifacts.signature import GMAIL_LIMIT, check_email_html, render_signature
from showcase.cli import cli
from showcase.errors import RenderError, ShowcaseError
from showcase.views.signature import signature_view
from tests.conftest import EXAMPLES, check_golden, load_example
from tests.helpers import load

PRIYA = """
name: Priya Raman
headline: "<Senior> HR & People Partner"
contact:
  email: priya@example.com
  phone: "+44 20 7946 0321"
  linkedin: https://www.linkedin.com/in/priya
credentials:
  - name: Project Management Professional
    issuer: PMI
    issued: 2024-05
    expires: 2027-05
    kind: certification
    post_nominal: PMP
    featured: true
    url: https://www.credly.com/badges/pmp
    badge_image: https://images.example.com/pmp.png
  - name: SHRM Certified Professional
    issuer: SHRM
    issued: 2023-07
    expires: 2026-07
    kind: certification
    post_nominal: SHRM-CP
    featured: true
  - name: Certified Compensation Professional
    issuer: WorldatWork
    issued: 2025-01
    kind: certification
    post_nominal: CCP
    featured: true
    badge_image: badges/ccp.png
  - name: Third Featured
    issuer: X
    issued: 2025-01
    featured: true
"""


@pytest.mark.parametrize("example", ["jordan-rivera", "priya-raman", "minimal"])
@pytest.mark.parametrize("name", ["signature.html", "signature.txt"])
def test_golden_signatures(example: str, name: str, update_golden: bool) -> None:
    artifact = render_signature(load_example(example))
    check_golden(
        f"signature/{example}-{name}", artifact.files[f"signature/{name}"].decode(), update_golden
    )


def test_name_letters_and_expired_credentials(tmp_path: Path) -> None:
    view = signature_view(load(tmp_path, PRIYA))
    assert view.display_name == "Priya Raman, PMP, CCP"  # SHRM-CP expired: no letters
    names = [c.name for c in view.credentials]
    assert names == ["Project Management Professional", "Certified Compensation Professional"]
    # The loader says "featured but expired" once; the signature does not say it again.
    loaded = load(tmp_path, PRIYA)
    assert sum("featured but expired" in w.message for w in loaded.warnings) == 1
    assert not any("featured but expired" in w for w in view.warnings)
    assert any("showing the first 2 featured" in w and "Third Featured" in w for w in view.warnings)


def test_expired_never_appears_even_when_featured(tmp_path: Path) -> None:
    artifact = render_signature(load(tmp_path, PRIYA), max_credentials=10)
    for name in ("signature/signature.html", "signature/signature.txt"):
        text = artifact.files[name].decode()
        assert "SHRM" not in text
        assert "Third Featured" in artifact.files["signature/signature.html"].decode()


def test_images_only_from_https_with_alt_and_size(tmp_path: Path) -> None:
    loaded = load(tmp_path, PRIYA)
    html = render_signature(loaded).files["signature/signature.html"].decode()
    assert (
        '<img src="https://images.example.com/pmp.png" alt="Project Management '
        'Professional badge" width="48" height="48"'
    ) in html
    assert "badges/ccp.png" not in html  # a local file: left out ...
    view = signature_view(loaded)
    assert any(
        "local file (badges/ccp.png)" in w and "--badge-base-url" in w for w in view.warnings
    )
    # ... unless it was uploaded somewhere.
    html = (
        render_signature(loaded, badge_base_url="https://cdn.example.com/b/")
        .files["signature/signature.html"]
        .decode()
    )
    assert 'src="https://cdn.example.com/b/ccp.png"' in html
    assert "data:" not in html


def test_badge_base_url_must_be_https(tmp_path: Path) -> None:
    with pytest.raises(ShowcaseError, match="must be an https:// address"):
        signature_view(load(tmp_path, PRIYA), badge_base_url="http://cdn.example.com")


def test_compact_variant_has_no_images_or_headline(tmp_path: Path) -> None:
    html = (
        render_signature(load(tmp_path, PRIYA), variant="compact")
        .files["signature/signature.html"]
        .decode()
    )
    assert "<img" not in html and "HR &amp; People Partner" not in html
    assert "Priya Raman, PMP, CCP" in html


def test_user_text_is_escaped(tmp_path: Path) -> None:
    html = render_signature(load(tmp_path, PRIYA)).files["signature/signature.html"].decode()
    assert "&lt;Senior&gt; HR &amp; People Partner" in html
    assert "<Senior>" not in html


def test_email_html_rules() -> None:
    for example in ("jordan-rivera", "priya-raman"):
        html = render_signature(load_example(example)).files["signature/signature.html"].decode()
        assert check_email_html(html) == []
        assert len(html) < GMAIL_LIMIT
        for tag in ("<style", "<div", "<script", "<link"):
            assert tag not in html.lower()
        assert "max-width:600px" in html
        assert "font-family:Arial,Helvetica,sans-serif" in html


@pytest.mark.parametrize(
    ("html", "problem"),
    [
        ("<div>x</div>", "<div> is not allowed"),
        ("<style>p{}</style>", "<style> is not allowed"),
        ('<img src="https://x/y.png">', "lacks alt, width, height"),
        ('<img src="data:image/png;base64,AA" alt="a" width="1" height="1">', "only https://"),
        ('<img src="badge.png" alt="a" width="1" height="1">', "only https://"),
        ('<table width="800"></table>', "800px wide"),
        ('<a href="javascript:alert(1)">x</a>', "only web, mailto: and tel: links"),
        ("<p>" + "x" * GMAIL_LIMIT + "</p>", "Gmail refuses signatures over 10,000"),
    ],
)
def test_email_html_checker(html: str, problem: str) -> None:
    assert any(problem in p for p in check_email_html(html))


def test_a_template_over_gmails_limit_fails_clearly(tmp_path: Path) -> None:
    (tmp_path / "signature").mkdir()
    (tmp_path / "signature" / "signature.html.j2").write_text(
        "<table><tr><td>{{ s.display_name }}" + " " * 10_001 + "</td></tr></table>"
    )
    loaded = load_example("jordan-rivera")
    with pytest.raises(RenderError, match="Gmail refuses signatures over 10,000"):
        render_signature(loaded, templates_dir=tmp_path)


def test_plain_text_rules(tmp_path: Path) -> None:
    for text in (
        render_signature(load(tmp_path, PRIYA), max_credentials=5)
        .files["signature/signature.txt"]
        .decode(),
        render_signature(load_example("jordan-rivera")).files["signature/signature.txt"].decode(),
    ):
        lines = text.split("\n")
        assert lines[0] == "-- "  # dash dash space (RFC 3676)
        body = [line for line in lines[1:] if line]
        assert 1 <= len(body) <= 4
        assert all(len(line) <= 70 for line in body)


def test_plain_text_keeps_the_most_important_lines_and_warns(tmp_path: Path) -> None:
    loaded = load(
        tmp_path,
        """
        name: Alexandra Konstantinopoulou-Vandenberghe
        headline: Senior Director of Global Talent Acquisition and Employer Branding, EMEA
        contact:
          email: alexandra.konstantinopoulou@very-long-company-domain.example
          phone: "+32 2 555 01 99"
          linkedin: https://www.linkedin.com/in/alexandra-konstantinopoulou-vandenberghe
        credentials:
          - name: SHRM Senior Certified Professional
            issuer: Society for Human Resource Management
            issued: 2025-01
            featured: true
          - name: Certified Diversity Recruiter
            issuer: AIRS
            issued: 2025-03
            featured: true
        """,
    )
    view = signature_view(loaded)
    lines = view.text_lines
    assert len(lines) == 4 and all(len(line) <= 70 for line in lines)
    assert lines[0] == "Alexandra Konstantinopoulou-Vandenberghe"
    assert lines[1].startswith("Senior Director of Global Talent") and lines[1].endswith("…")
    assert lines[2] == "alexandra.konstantinopoulou@very-long-company-domain.example"
    assert lines[3].startswith("SHRM Senior Certified Professional")
    # The second credential ranks below name, contact, first credential and headline.
    assert any(
        "kept the 4 most important lines" in w and "Certified Diversity Recruiter" in w
        for w in view.warnings
    )
    assert any("left out +32 2 555 01 99" in w for w in view.warnings)


def test_cli_writes_three_files(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "signature",
            str(EXAMPLES / "jordan-rivera.yaml"),
            "-o",
            str(tmp_path),
            "--today",
            "2026-11-28",
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    for name in ("signature.html", "signature.txt", "preview.html"):
        assert (tmp_path / "signature" / name).is_file()
    assert "preview.html in a browser" in result.output


@pytest.mark.browser
def test_preview_in_a_real_browser_copies_the_html(tmp_path: Path) -> None:
    from tests.browser import browser_page

    loaded = load_example("priya-raman")
    artifact = render_signature(loaded)
    preview = tmp_path / "preview.html"
    preview.write_bytes(artifact.files["signature/preview.html"])
    signature_html = artifact.files["signature/signature.html"].decode()
    with browser_page() as page:
        page.goto(preview.as_uri())
        table = page.locator("#signature table").first
        assert table.is_visible()
        box = table.bounding_box()
        assert box is not None and 0 < box["width"] <= 600
        assert "Priya Raman, PMP" in page.inner_text("#signature")

        page.click("#copy-html")
        page.wait_for_function("document.body.dataset.copied === 'html'")
        payload = page.evaluate("window.showcaseLastCopy['text/html']")
        # The payload is the signature as the browser parsed it (it adds <tbody>).
        assert payload == page.evaluate("document.getElementById('signature').innerHTML")
        for part in (
            "Priya Raman, PMP",
            "Project Management Professional (PMP)",
            "max-width:600px",
            "https://www.credly.com/badges/",
        ):
            assert part in payload and part in signature_html
        clipboard = page.evaluate(
            "navigator.clipboard.read().then(items => items[0].getType('text/html'))"
            ".then(blob => blob.text())"
        )
        assert "Priya Raman, PMP" in clipboard and "<table" in clipboard
        assert "copied" in page.inner_text("#status").lower()

        page.click("#copy-text")
        page.wait_for_function("document.body.dataset.copied === 'text'")
        text = page.evaluate("navigator.clipboard.readText()")
        assert text == artifact.files["signature/signature.txt"].decode()


STORE_MANAGER = """
name: Morgan Diaz
headline: Project Coordinator | Retail Operations Leader
open_to: {roles: [Operations Manager], visibility: public}
credentials:
  - name: Google Project Management Certificate
    issuer: Google
    issued: 2026-09
experience:
  - title: Assistant Store Manager
    organization: Harbor Goods
    start: 2018-01
    end: 2022-06
  - title: Store Manager
    organization: Lakeside Outfitters
    start: 2022-07
"""


def test_signature_states_the_job_never_the_headline_or_a_target(tmp_path: Path) -> None:
    view = signature_view(load(tmp_path, STORE_MANAGER))
    assert view.job_line == "Store Manager, Lakeside Outfitters"
    text = view.text
    assert "Store Manager, Lakeside Outfitters" in text
    for said in ("Project Coordinator", "Retail Operations", "Operations Manager", "Harbor"):
        assert said not in text
    # Between jobs, the headline is what the person is.
    ended = STORE_MANAGER.replace("start: 2022-07", "start: 2022-07\n    end: 2026-05")
    assert signature_view(load(tmp_path, ended)).job_line == (
        "Project Coordinator | Retail Operations Leader"
    )
    # A title with its own comma takes a middle dot; the organisation is said once.
    comma = STORE_MANAGER.replace("title: Store Manager", "title: Store Manager, Flagship")
    assert signature_view(load(tmp_path, comma)).job_line == (
        "Store Manager, Flagship · Lakeside Outfitters"
    )
    named = STORE_MANAGER.replace("title: Store Manager", "title: Lakeside Outfitters Store Lead")
    assert signature_view(load(tmp_path, named)).job_line == "Lakeside Outfitters Store Lead"


def test_a_long_headline_over_gmails_limit_is_named(tmp_path: Path) -> None:
    """A pasted paragraph as the headline made the signature too long for Gmail: the
    error names the headline, not the template nor the credentials."""
    loaded = load(tmp_path, "name: Long\nheadline: " + "Analyst and more. " * 700 + "\n")
    with pytest.raises(
        RenderError, match=r"the longest text in it is your job or headline \(12,599 characters\)"
    ):
        render_signature(loaded)


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("width", [375, 1280])
def test_the_preview_page_never_scrolls_sideways(tmp_path: Path, width: int) -> None:
    """A name of one 270-character word ran the signature past the preview's edge and
    the whole page scrolled sideways (left by the QA pass): it scrolls in its own box."""
    from showcase.artifacts.signature import render_signature
    from tests.browser import browser_page
    from tests.helpers import load

    name = "W" + "o" * 269
    loaded = load(tmp_path, f"name: {name}\ncontact:\n  email: a@example.com\n")
    made = render_signature(loaded)
    preview = tmp_path / "preview.html"
    (preview_name,) = [n for n in made.files if n.endswith("preview.html")]
    preview.write_bytes(made.files[preview_name])
    with browser_page(width, 800) as page:
        page.goto(preview.as_uri())
        sizes = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
    assert sizes[0] <= sizes[1], sizes


LONG_LINES = """
name: María José Núñez-Peña
experience:
  - {organization: Hospital Universitario San José, title: Registered Nurse, start: 2022-06}
contact:
  email: mj.nunez@example.com
  phone: +1 210 555 0182
  linkedin: https://www.linkedin.com/in/mj-nunez-pena-example
credentials:
  - {name: Basic Life Support (BLS) Provider, issuer: American Heart Association,
     issued: 2025-01, expires: 2027-01, featured: true}
  - {name: Advanced Cardiovascular Life Support (ACLS) Provider,
     issuer: American Heart Association, issued: 2025-03, expires: 2027-03, featured: true}
"""


def test_a_line_left_out_is_not_also_said_to_be_shortened(tmp_path: Path) -> None:
    """The text signature said it "shortened the ACLS line to 70 characters", then that
    it left the line out (QA, 2026-12-06): only what happened is said."""
    view = signature_view(load(tmp_path, LONG_LINES))
    assert any("left out 'Advanced Cardiovascular" in w for w in view.warnings)
    assert not any("shortened the `Advanced Cardiovascular" in w for w in view.warnings)
    short = LONG_LINES.replace(
        "  - {name: Basic Life Support (BLS) Provider, issuer: American "
        "Heart Association,\n     issued: 2025-01, expires: 2027-01, "
        "featured: true}\n",
        "",
    )
    kept = signature_view(load(tmp_path, short))
    assert any("shortened the `Advanced Cardiovascular" in w for w in kept.warnings)
    assert any(line.startswith("Advanced Cardiovascular") for line in kept.text_lines)
