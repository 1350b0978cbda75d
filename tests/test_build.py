"""`showcase build`: every artifact, the index page, many profiles, failures, atomic writes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from showcase.artifacts.build import build_profile
from showcase.cli import cli
from tests.conftest import EXAMPLES, load_example

RUNNER = CliRunner()
TODAY_ARGS = ["--today", "2026-11-28"]


def invoke(*args: str) -> object:
    return RUNNER.invoke(cli, [*args, *TODAY_ARGS], catch_exceptions=False)


@pytest.fixture(scope="module")
def single(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("single")
    result = invoke("build", str(EXAMPLES / "jordan-rivera.yaml"), "-o", str(out))
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    return out


def test_single_build_writes_everything(single: Path) -> None:
    expected = [
        "Jordan-Rivera-Resume.pdf",
        "Jordan-Rivera-Resume.docx",
        "Jordan-Rivera-Resume.html",
        "Jordan-Rivera-Resume.md",
        "Jordan-Rivera-Resume.txt",
        "linkedin/certifications.md",
        "linkedin/headline.txt",
        "linkedin/posts/google-ads-search-short.txt",
        "linkedin/posts/stack-digital-marketing.txt",
        "signature/signature.html",
        "signature/signature.txt",
        "signature/preview.html",
        "interview/Jordan-Rivera-Interview-Prep.md",
        "interview/Jordan-Rivera-Interview-Prep.pdf",
        "interview/Jordan-Rivera-Interview-Prep.docx",
        "index.html",
    ]
    for name in expected:
        assert (single / name).is_file(), name
    assert not list(single.rglob("*.tmp"))


def test_index_shows_it_all(single: Path) -> None:
    html = (single / "index.html").read_text()
    assert 'href="Jordan-Rivera-Resume.pdf"' in html and 'href="Jordan-Rivera-Resume.docx"' in html
    assert "333 / 3,000 characters" in html  # the short Google Ads post
    assert 'data-copy="text-google-ads-search-short"' in html
    # Each Licenses & Certifications field has its own Copy button.
    assert html.count('data-copy="field-1-') == 7
    assert "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME" in html
    assert 'data-copy-kind="html"' in html and "Copy signature" in html
    assert "Customer trends in a public retail data set" in html
    assert "Check these first" in html  # warnings are shown
    assert 'href="interview/Jordan-Rivera-Interview-Prep.pdf"' in html


def test_split_build_gives_the_same_files() -> None:
    loaded = load_example("priya-raman")
    from showcase.helper import helper_pool

    together = build_profile(loaded).files
    helper = helper_pool()
    assert helper is not None  # CI has two cores
    try:
        split = build_profile(loaded, helper=helper).files
    finally:
        helper.shutdown()
    assert together.keys() == split.keys()
    assert all(together[name] == split[name] for name in together)


def test_many_profiles_one_bad(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: Broken\ncredentials:\n  - name: A\n    issued: 2026-13\n")
    twin = tmp_path / "twin.yaml"
    shutil.copy(EXAMPLES / "minimal.yaml", twin)  # a second Sam Lee
    out = tmp_path / "site"
    result = invoke(
        "build",
        str(EXAMPLES / "jordan-rivera.yaml"),
        str(bad),
        str(EXAMPLES / "minimal.yaml"),
        str(twin),
        "-o",
        str(out),
        "--jobs",
        "2",
    )
    assert result.exit_code == 1  # type: ignore[attr-defined]
    output = result.output  # type: ignore[attr-defined]
    assert f"{bad}:4:13: credentials[0].issued" in output
    assert "3 of 4 profiles built" in output
    assert (out / "Jordan-Rivera" / "index.html").is_file()
    assert (out / "Sam-Lee" / "Sam-Lee-Resume.pdf").is_file()
    assert (out / "Sam-Lee-2" / "Sam-Lee-Resume.pdf").is_file()
    top = (out / "index.html").read_text()
    assert 'href="Jordan-Rivera/index.html"' in top and 'href="Sam-Lee-2/index.html"' in top
    assert "failed" in top and "missing required field `issuer`" in top


def test_jobs_1_and_jobs_2_write_the_same_files(tmp_path: Path) -> None:
    profiles = [str(EXAMPLES / "jordan-rivera.yaml"), str(EXAMPLES / "priya-raman.yaml")]
    for jobs in ("1", "2"):
        result = invoke("build", *profiles, "-o", str(tmp_path / jobs), "--jobs", jobs)
        assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    one = sorted(p.relative_to(tmp_path / "1") for p in (tmp_path / "1").rglob("*") if p.is_file())
    two = sorted(p.relative_to(tmp_path / "2") for p in (tmp_path / "2").rglob("*") if p.is_file())
    assert one == two
    for rel in one:
        assert (tmp_path / "1" / rel).read_bytes() == (tmp_path / "2" / rel).read_bytes(), rel


def test_crash_mid_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from showcase import output

    out = tmp_path / "out"
    assert invoke("build", str(EXAMPLES / "minimal.yaml"), "-o", str(out)).exit_code == 0  # type: ignore[attr-defined]
    pdf = out / "Sam-Lee-Resume.pdf"
    good = pdf.read_bytes()

    real_fdopen = os.fdopen

    class Exploding:
        def __init__(self, handle: object) -> None:
            self.handle = handle

        def __enter__(self) -> Exploding:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()  # type: ignore[attr-defined]

        def write(self, data: bytes) -> int:
            self.handle.write(data[: len(data) // 2])  # type: ignore[attr-defined]
            raise KeyboardInterrupt  # the user pressed Ctrl+C halfway through

    def fdopen(fd: int, mode: str = "r", *args: object) -> object:
        return Exploding(real_fdopen(fd, mode))

    monkeypatch.setattr(os, "fdopen", fdopen)
    with pytest.raises(KeyboardInterrupt):
        output.atomic_write(pdf, b"%PDF-new" * 1000)
    assert pdf.read_bytes() == good
    assert not list(out.glob(".*.tmp"))


def test_build_refuses_to_clobber_edited_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert invoke("build", str(EXAMPLES / "minimal.yaml"), "-o", str(out)).exit_code == 0  # type: ignore[attr-defined]
    (out / "linkedin" / "headline.txt").write_text("my own headline\n")
    result = invoke("build", str(EXAMPLES / "minimal.yaml"), "-o", str(out))
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert "was changed since showcase wrote it" in result.output  # type: ignore[attr-defined]
    assert (out / "linkedin" / "headline.txt").read_text() == "my own headline\n"


def test_output_dash_is_refused() -> None:
    result = RUNNER.invoke(cli, ["build", str(EXAMPLES / "minimal.yaml"), "-o", "-"])
    assert result.exit_code == 2 and "give a folder" in result.output


@pytest.mark.browser
def test_index_copy_button_in_a_real_browser(single: Path) -> None:
    from tests.browser import browser_page

    post = (single / "linkedin" / "posts" / "google-ads-search-short.txt").read_text()
    with browser_page() as page:
        page.goto((single / "index.html").as_uri())
        assert page.locator("#post-google-ads-search-short").is_visible()
        page.click("#post-google-ads-search-short button")
        page.wait_for_function(
            "document.body.dataset.copiedTarget === 'text-google-ads-search-short'"
        )
        assert page.evaluate("navigator.clipboard.readText()") == post
        assert page.inner_text("#post-google-ads-search-short button") == "Copied"

        page.click("#certifications tr:nth-child(5) button")  # Credential ID of the first entry
        page.wait_for_function("document.body.dataset.copiedTarget === 'field-1-5'")
        assert page.evaluate("navigator.clipboard.readText()") == "137442019"


def test_unwritable_output_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = RUNNER.invoke(
        cli, ["resume", str(EXAMPLES / "minimal.yaml"), "-o", str(blocker / "out"), "-f", "md"]
    )
    assert result.exit_code == 1
    assert "cannot write" in result.output and "choose another -o folder" in result.output
    assert "Internal error" not in result.output and "Traceback" not in result.output


def test_build_show_ids_puts_credential_ids_on_the_resume(single: Path, tmp_path: Path) -> None:
    assert "Credential ID" not in (single / "Jordan-Rivera-Resume.html").read_text()
    assert "Credential ID 137442019" in (single / "Jordan-Rivera-Resume.txt").read_text()
    profile = str(EXAMPLES / "jordan-rivera.yaml")
    assert invoke("build", profile, "-o", str(tmp_path / "ids"), "--show-ids").exit_code == 0  # type: ignore[attr-defined]
    html = (tmp_path / "ids" / "Jordan-Rivera-Resume.html").read_text()
    assert "Credential ID 137442019" in html
