"""`showcase build`: every artifact, the index page, many profiles, failures, atomic writes."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
    # Every credential still news, so the kit holds every kind of post.
    profile = tmp_path_factory.mktemp("profile") / "jordan-rivera.yaml"
    text = (EXAMPLES / "jordan-rivera.yaml").read_text(encoding="utf-8")
    profile.write_text(text + "linkedin:\n  announce_within: 3650\n", encoding="utf-8")
    result = invoke("build", str(profile), "-o", str(out))
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    return out


@pytest.mark.slow
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


@pytest.mark.slow
def test_index_shows_it_all(single: Path) -> None:
    html = (single / "index.html").read_text()
    assert 'href="Jordan-Rivera-Resume.pdf"' in html and 'href="Jordan-Rivera-Resume.docx"' in html
    assert "262 / 3,000 characters" in html  # the short Google Ads post
    assert 'data-copy="text-google-ads-search-short"' in html
    # Each Licenses & Certifications field has its own Copy button.
    assert html.count('data-copy="field-1-') == 7
    assert "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME" in html
    assert 'data-copy-kind="html"' in html and "Copy signature" in html
    assert "Customer trends in a public retail data set" in html
    assert "Check these first" in html  # warnings are shown
    assert 'href="interview/Jordan-Rivera-Interview-Prep.pdf"' in html


@pytest.mark.slow
@pytest.mark.parametrize(("example", "lanes"), [("priya-raman", 1), ("jordan-rivera", 2)])
def test_split_build_gives_the_same_files(example: str, lanes: int) -> None:
    """Laid out in a helper, or in a helper and its twin side by side (a build's two
    lanes), the files are the ones made in one process, byte for byte."""
    loaded = load_example(example)
    from showcase.helper import helper_pool

    together = build_profile(loaded).files
    helper = helper_pool(lanes)
    assert helper is not None  # CI has two cores
    keys: list[str] = []
    submit = helper.submit_keyed

    def noted(key: str, *args: Any, **kwargs: Any) -> Any:
        keys.append(key)
        return submit(key, *args, **kwargs)

    helper.submit_keyed = noted  # type: ignore[method-assign,assignment]
    try:
        split = build_profile(loaded, helper=helper).files
        used = {helper.lane_of(key) for key in keys}
    finally:
        helper.stop()
    assert together.keys() == split.keys()
    assert all(together[name] == split[name] for name in together)
    # The interview sheet and the resume's passes went to both lanes.
    assert used == set(range(lanes))


@pytest.mark.slow
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


@pytest.mark.slow
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


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One Chromium for this module's two browser tests (each page a fresh context);
    launching one costs about a second."""
    from tests.browser import chromium

    with chromium() as launched:
        yield launched


@pytest.mark.browser
def test_index_copy_button_in_a_real_browser(single: Path, browser: Any) -> None:
    from tests.browser import browser_page

    post = (single / "linkedin" / "posts" / "google-ads-search-short.txt").read_text()
    with browser_page(browser=browser) as page:
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


@pytest.mark.browser
def test_index_fields_keep_their_values_readable_on_a_phone(single: Path, browser: Any) -> None:
    """At 375 px the 170 px labels and the Copy buttons left each value of "Licenses &
    Certifications" a column one character wide (a credential URL one letter a line)."""
    from tests.browser import browser_page

    with browser_page(375, 800, browser=browser) as page:
        page.goto((single / "index.html").as_uri())
        table = page.locator("#certifications table.fields").first
        width = table.bounding_box()["width"]
        value = table.locator("td").first.bounding_box()["width"]
        assert value > width / 2, (value, width)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375


@pytest.mark.slow
def test_index_practice_mode_structure(single: Path) -> None:
    from html.parser import HTMLParser

    class Collect(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: list[tuple[str, dict[str, str | None]]] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.append((tag, dict(attrs)))

    html = (single / "index.html").read_text()
    parser = Collect()
    parser.feed(html)
    by_id = {a["id"]: (t, a) for t, a in parser.tags if a.get("id")}
    assert by_id["practice"][0] == "section" and 'href="#practice"' in html
    timer = by_id["timer"][1]
    assert (timer["data-min"], timer["data-max"]) == ("60", "120")
    for state in ("under", "in-range", "over", "short-under", "short-in-range", "short-over"):
        assert timer[f"data-{state}"]
    assert by_id["timer-clock"][1]["role"] == "timer"
    assert by_id["timer-status"][1]["aria-live"] == "polite"
    for button in ("timer-start", "timer-stop", "timer-reset"):
        assert by_id[button] == ("button", by_id[button][1])
        assert by_id[button][1]["type"] == "button"
    cards = [a for t, a in parser.tags if t == "details" and "flashcard" in (a.get("class") or "")]
    assert len(cards) == 8  # the questions of Jordan's two stories
    assert html.count("<summary>") == len(cards) and html.count('<div class="outline">') == 8
    assert "Tell me about a time you used data to change a decision." in html
    # No network: nothing is loaded from anywhere; the script is inline.
    assert not [
        a
        for t, a in parser.tags
        if t in ("script", "link", "img") and (a.get("src") or a.get("href"))
    ]
    assert "fetch(" not in html and "XMLHttpRequest" not in html


def test_index_without_stories_says_so(tmp_path: Path) -> None:
    result = invoke("build", str(EXAMPLES / "minimal.yaml"), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    html = (tmp_path / "index.html").read_text()
    assert 'id="practice"' in html and "No stories yet" in html
    assert 'id="timer"' not in html


@pytest.mark.browser
def test_index_practice_mode_in_a_real_browser(single: Path, browser: Any) -> None:
    from tests.browser import browser_page

    with browser_page(browser=browser) as page:
        page.clock.install()  # time moves only when the test says so
        page.goto((single / "index.html").as_uri())
        first = page.locator("#card-1")
        outline = first.locator(".outline")
        assert not outline.is_visible()
        first.locator("summary").click()
        assert outline.is_visible()
        assert "Situation" in outline.inner_text() and "Result" in outline.inner_text()
        second = page.locator("#card-2")
        second.locator("summary").focus()
        page.keyboard.press("Enter")
        assert second.locator(".outline").is_visible()
        page.keyboard.press("Space")
        assert not second.locator(".outline").is_visible()

        timer = page.locator("#timer")
        assert timer.get_attribute("data-state") == "idle"
        assert page.is_disabled("#timer-stop")
        page.click("#timer-start")
        assert page.is_disabled("#timer-start") and page.is_enabled("#timer-stop")
        assert page.evaluate("document.activeElement.id") == "timer-stop"
        page.clock.run_for(30_000)
        assert page.inner_text("#timer-clock") == "0:30"
        assert timer.get_attribute("data-state") == "under"
        page.clock.run_for(45_000)
        assert timer.get_attribute("data-state") == "in-range"
        assert "in range" in page.inner_text("#timer-status")  # said once, when crossed
        page.keyboard.press("Enter")  # Stop has the focus
        assert page.inner_text("#timer-status") == (
            "You spoke for 1:15: in range (1 to 2 minutes)."
        )
        page.clock.run_for(60_000)  # stopped: the time stands
        assert page.inner_text("#timer-clock") == "1:15"
        page.click("#timer-start")
        page.clock.run_for(50_000)
        assert timer.get_attribute("data-state") == "over"
        assert page.inner_text("#timer-badge") == "over 2 min"
        page.click("#timer-stop")
        assert "over 2 minutes" in page.inner_text("#timer-status")
        page.click("#timer-reset")
        assert page.inner_text("#timer-clock") == "0:00"
        assert timer.get_attribute("data-state") == "idle"


def test_unwritable_output_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = RUNNER.invoke(
        cli, ["resume", str(EXAMPLES / "minimal.yaml"), "-o", str(blocker / "out"), "-f", "md"]
    )
    assert result.exit_code == 1
    assert "cannot write" in result.output and "choose another -o folder" in result.output
    assert "Internal error" not in result.output and "Traceback" not in result.output


@pytest.mark.slow
def test_build_show_ids_puts_credential_ids_on_the_resume(single: Path, tmp_path: Path) -> None:
    assert "Credential ID" not in (single / "Jordan-Rivera-Resume.html").read_text()
    assert "Credential ID 137442019" in (single / "Jordan-Rivera-Resume.txt").read_text()
    profile = str(EXAMPLES / "jordan-rivera.yaml")
    assert invoke("build", profile, "-o", str(tmp_path / "ids"), "--show-ids").exit_code == 0  # type: ignore[attr-defined]
    html = (tmp_path / "ids" / "Jordan-Rivera-Resume.html").read_text()
    assert "Credential ID 137442019" in html


@pytest.mark.slow
def test_a_helper_still_warming_up_is_stopped_at_once_and_leaves_no_process() -> None:
    """A run whose layouts all came from the cache never waits for the helper's WeasyPrint
    import: leaving `started_helper` kills it (before, it waited for the import to end),
    and nothing of it stays (no orphan, no zombie)."""
    from showcase.helper import started_helper

    with started_helper() as helper:
        assert helper is not None  # CI has two cores
        pid = helper.pid
        assert Path(f"/proc/{pid}").exists()  # forked at once, importing WeasyPrint now
        pending = helper.submit(sum, [1, 2])
    assert pending.cancelled() or pending.result() == 3
    assert not Path(f"/proc/{pid}").exists()  # killed and reaped: not even a zombie
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


@pytest.mark.slow
def test_a_build_without_a_database_or_posting_never_imports_their_libraries(
    tmp_path: Path,
) -> None:
    """SQLAlchemy (~0.2 s) only for an applications board, the match report only with
    --for: a plain build imports neither."""
    from tests.helpers import imported_by

    source = tmp_path / "profile.yaml"
    shutil.copy(EXAMPLES / "minimal.yaml", source)
    args = ["build", str(source), "-o", str(tmp_path / "out"), "--today", "2026-11-28"]
    assert imported_by(args, ["sqlalchemy", "showcase.strategy.match"]) == []


@pytest.mark.slow
@pytest.mark.parametrize("command", ["resume", "interview", "build"])
def test_the_pdf_helper_forks_before_pydantic_and_jinja_load(tmp_path: Path, command: str) -> None:
    """The helper starts importing WeasyPrint while the main process still imports the
    profile's models and the templates' engine (`resume` and `interview` imported their
    artifact, with pydantic and Jinja, before forking)."""
    from tests.helpers import imported_by

    args = [command, str(EXAMPLES / "minimal.yaml"), "-o", str(tmp_path / "out")]
    args += ["--today", "2026-11-28", "--no-cache"]
    heavy = ["pydantic", "jinja2", "showcase.profile.models"]
    assert imported_by(args, heavy, at_fork=True) == []


def test_building_one_invalid_profile_shows_its_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: A\ncontact:\n  email: nope\n")
    result = RUNNER.invoke(cli, ["build", str(bad), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "bad.yaml:3:10: contact.email" in result.output
    assert "Internal error" not in result.output


@pytest.mark.slow
def test_build_for_a_posting_on_standard_input(tmp_path: Path) -> None:
    """`build --for -` read standard input once per profile: the first took it all and
    the build failed with "--for -: empty"."""
    posting = (EXAMPLES.parent / "tests" / "data" / "postings" / "01-acme-outdoor.txt").read_bytes()
    out = tmp_path / "out"
    result = RUNNER.invoke(
        cli,
        ["build", str(EXAMPLES / "minimal.yaml"), "--for", "-", "-o", str(out), "--no-cache"],
        input=posting,
    )
    assert result.exit_code == 0, result.output
    assert (out / "for-stdin" / "match" / "stdin.md").is_file()
    assert "Acme Outdoor" in (out / "for-stdin" / "index.html").read_text("utf-8")


def test_index_says_the_day_as_the_profiles_country_writes_it(tmp_path: Path) -> None:
    from showcase.artifacts.build import build_profile, no_layout, no_pages
    from tests.conftest import load_example

    jordan = build_profile(load_example("jordan-rivera"), pdf_job=no_layout, page_counter=no_pages)
    priya = build_profile(load_example("priya-raman"), pdf_job=no_layout, page_counter=no_pages)
    assert b"as of November 28, 2026." in jordan.files["index.html"]  # Austin, TX
    assert b"as of 28 November 2026." in priya.files["index.html"]  # London


@pytest.mark.slow
def test_profiles_of_one_name_keep_their_folders_whatever_order_they_are_given_in(
    tmp_path: Path,
) -> None:
    """Two Sam Lees given in the other order swapped folders, and each folder held the
    other's build: both were refused (left by the QA pass). Each keeps its own now."""
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    shutil.copy(EXAMPLES / "minimal.yaml", first)
    second.write_text(first.read_text().replace("CompTIA A+", "CompTIA Network+"))
    out = tmp_path / "site"
    built = invoke("build", str(first), str(second), "-o", str(out))
    assert built.exit_code == 0  # type: ignore[attr-defined]
    again = invoke("build", str(second), str(first), "-o", str(out))
    assert again.exit_code == 0, again.output  # type: ignore[attr-defined]
    assert "2 of 2 profiles built" in again.output  # type: ignore[attr-defined]
    assert "CompTIA A+" in (out / "Sam-Lee" / "Sam-Lee-Resume.txt").read_text("utf-8")
    assert "CompTIA Network+" in (out / "Sam-Lee-2" / "Sam-Lee-Resume.txt").read_text("utf-8")


@pytest.mark.slow
def test_a_batch_whose_files_were_refused_does_not_say_it_built_them(tmp_path: Path) -> None:
    """A third Sam Lee, from another file, is given the first free name: a folder that
    holds another profile's build. Nothing of it is written, and the summary said "2 of 2
    profiles built"."""
    first, second, third = tmp_path / "a.yaml", tmp_path / "b.yaml", tmp_path / "c.yaml"
    shutil.copy(EXAMPLES / "minimal.yaml", first)
    second.write_text(first.read_text().replace("CompTIA A+", "CompTIA Network+"))
    third.write_text(first.read_text().replace("CompTIA A+", "CompTIA Security+"))
    out = tmp_path / "site"
    assert invoke("build", str(first), str(second), "-o", str(out)).exit_code == 0  # type: ignore[attr-defined]
    again = invoke("build", str(third), str(second), "-o", str(out))
    assert again.exit_code == 1  # type: ignore[attr-defined]
    output = again.output  # type: ignore[attr-defined]
    assert "1 of 2 profiles built" in output
    assert f"{third}: not written completely" in output


def test_a_profile_that_fails_is_said_once_with_its_reason(tmp_path: Path) -> None:
    """ "nope.yaml: FAILED" was followed by "nope.yaml: failed" (QA, 2026-12-06)."""
    missing = tmp_path / "nope.yaml"
    result = CliRunner().invoke(cli, ["build", str(missing), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr.count(str(missing)) == 2  # its status, then its reason
    assert f"{missing}: FAILED" in result.stderr and ": failed" not in result.stderr
    assert "no such file" in result.stderr


def test_an_output_that_is_a_file_is_named_as_one(tmp_path: Path) -> None:
    from tests.conftest import EXAMPLES

    target = tmp_path / "base.yaml"
    target.write_text("mine\n", encoding="utf-8")
    for command in ("build", "resume"):
        result = CliRunner().invoke(
            cli, [command, str(EXAMPLES / "minimal.yaml"), "-o", str(target)]
        )
        assert result.exit_code == 1
        assert f"{target} is a file, not a folder; choose another -o folder" in result.output
    assert target.read_text("utf-8") == "mine\n"
