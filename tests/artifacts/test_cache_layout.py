"""The user's layout cache (#29): shared by every command, fit passes included, bounded,
bypassable, and on a hit WeasyPrint is never imported."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from showcase.artifacts import PdfJob
from showcase.artifacts import cache as cache_module
from showcase.artifacts.cache import RenderCache, clear, default_folder, usage
from showcase.artifacts.cache_keys import referenced_files
from showcase.artifacts.resume import render_resume
from showcase.cli.app import cli
from showcase.render.pdf import Layout, count_pages
from tests.conftest import EXAMPLES, TODAY, load_example
from tests.helpers import imported_by


def test_the_cache_lives_in_the_user_cache_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_folder() == tmp_path / "xdg" / "showcase" / "layouts"


@pytest.mark.slow
def test_a_rebuild_with_unchanged_content_lays_nothing_out(tmp_path: Path) -> None:
    passes: list[str] = []

    def counting(html: str, *, allowed: list[Path], paper: str, base_url: Path | None) -> Layout:
        passes.append(html)
        return count_pages(html, allowed=allowed, paper=paper, base_url=base_url)

    def once() -> tuple[RenderCache, bytes]:
        store = RenderCache(tmp_path / "cache")
        made: list[tuple[str, str | None]] = []
        job = _recording(made, lambda html, _: b"%PDF-1.7 the layout of " + str(len(html)).encode())

        artifact = render_resume(
            load_example("jordan-rivera"),
            formats=["pdf"],
            pdf_job=store.pdf_job(job),
            page_counter=store.page_counter(counting),
            cache=store,
        )
        assert len(made) == len(store.misses)
        return store, next(iter(artifact.files.values()))

    first, pdf = once()
    assert first.passes_made == len(passes) >= 1 and first.misses == ["pdf"]
    passes.clear()
    second, again = once()
    assert passes == [] and second.passes_made == 0
    assert 1 <= second.passes_reused <= first.passes_made and second.hits == ["pdf"]
    assert again == pdf


def test_no_cache_keeps_nothing(tmp_path: Path) -> None:
    store = RenderCache.for_user(enabled=False)
    calls: list[str] = []

    def counter(html: str, *, allowed: list[Path], paper: str, base_url: Path | None) -> Layout:
        calls.append(html)
        return Layout(pages=1, wrapped=0)

    wrapped = store.page_counter(counter)
    for _ in range(2):
        wrapped("<p>x</p>", allowed=[], paper="letter", base_url=None)
    assert len(calls) == 2 and store.folder is None


def test_a_cached_layout_keeps_how_much_of_its_pages_it_fills(tmp_path: Path) -> None:
    """The fit's search predicts the next level from `Layout.extent`; a layout read back
    from the cache had lost it (a warm fit fell back to the text estimate)."""
    store = RenderCache(tmp_path / "cache")
    calls: list[str] = []

    def counter(html: str, *, allowed: list[Path], paper: str, base_url: Path | None) -> Layout:
        calls.append(html)
        return Layout(pages=2, wrapped=1, extent=1.2345)

    wrapped = store.page_counter(counter)
    made = wrapped("<p>x</p>", allowed=[], paper="letter", base_url=None)
    again = wrapped("<p>x</p>", allowed=[], paper="letter", base_url=None)
    assert len(calls) == 1 and again == made == Layout(pages=2, wrapped=1, extent=1.2345)


def test_a_pdf_with_a_closer_setting_to_fall_back_on_is_cached_by_both_documents(
    tmp_path: Path,
) -> None:
    """The interview sheet's PDF depends on its HTML and on the closer setting it may be
    written with instead: a change to either lays it out again."""
    store = RenderCache(tmp_path / "cache")
    made: list[tuple[str, str | None]] = []
    job = _recording(
        made, lambda html, tighter: b"%PDF-" + html.encode() + (tighter or "").encode()
    )
    cached = store.pdf_job(job)
    for tighter in ("<p>a</p><style>x</style>", "<p>a</p><style>x</style>", "<p>a</p><b>"):
        cached("<p>a</p>", allowed=[], paper="letter", base_url=None, tighter=tighter)
    cached("<p>a</p>", allowed=[], paper="letter", base_url=None)
    assert made == [
        ("<p>a</p>", "<p>a</p><style>x</style>"),
        ("<p>a</p>", "<p>a</p><b>"),
        ("<p>a</p>", None),
    ]


def _recording(
    made: list[tuple[str, str | None]], write: Callable[[str, str | None], bytes]
) -> PdfJob:
    """A PdfJob that lays nothing out: it notes each (HTML, closer setting) it is given
    and answers `write`'s bytes."""

    def job(
        html: str,
        *,
        allowed: list[Path],
        paper: str,
        base_url: Path | None,
        tighter: str | None = None,
    ) -> bytes:
        made.append((html, tighter))
        return write(html, tighter)

    return job


def _fill(store: RenderCache, count: int, size: int) -> list[str]:
    keys = []
    for i in range(count):
        key = store.key("pdf", str(i))
        store.put(key, b"%PDF-" + bytes([i % 256]) * size)
        keys.append(key)
        os.utime(store.folder / key, ns=(i * 10**9, i * 10**9))  # type: ignore[operator]
    return keys


def test_the_least_recently_used_entries_go_beyond_the_size_bound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_module, "MAX_BYTES", 10_000)
    store = RenderCache(tmp_path / "cache")
    keys = _fill(store, 4, 2_000)
    assert store.get(keys[0]) is not None  # the oldest, now the most recently used
    store.put(store.key("pdf", "new"), b"%PDF-" + b"n" * 4_000)
    kept = {p.name for p in (tmp_path / "cache").iterdir()}
    assert keys[0] in kept and store.key("pdf", "new") in kept
    assert keys[1] not in kept  # the least recently used went first
    assert usage(tmp_path / "cache")[1] <= 10_000


def test_clear_removes_only_cache_entries(tmp_path: Path) -> None:
    store = RenderCache(tmp_path / "cache")
    _fill(store, 3, 10)
    (tmp_path / "cache" / "notes.txt").write_text("not ours")
    assert clear(tmp_path / "cache")[0] == 3
    assert [p.name for p in (tmp_path / "cache").iterdir()] == ["notes.txt"]
    assert clear(tmp_path / "missing") == (0, 0)


def test_concurrent_writers_never_give_a_reader_half_an_entry(tmp_path: Path) -> None:
    stores = [RenderCache(tmp_path / "cache") for _ in range(4)]
    key = stores[0].key("pdf", "same")
    bodies = [b"%PDF-" + bytes([65 + i]) * 200_000 for i in range(4)]
    seen: list[bytes | None] = []

    def write(i: int) -> None:
        for _ in range(20):
            stores[i].put(key, bodies[i])
            seen.append(stores[i].get(key))

    threads = [threading.Thread(target=write, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen and all(found in bodies for found in seen)
    assert not [p for p in (tmp_path / "cache").iterdir() if p.name.endswith(".tmp")]


def test_a_local_file_the_html_names_is_part_of_the_key(tmp_path: Path) -> None:
    photo = tmp_path / "photo.png"
    photo.write_bytes(b"one")
    html = f'<img src="{photo.as_uri()}"><img src="photo.png"><a href="https://x.example">x</a>'
    before = referenced_files(html, tmp_path)
    photo.write_bytes(b"two")
    assert referenced_files(html, tmp_path) not in ("", before)
    assert referenced_files('<a href="https://x.example">x</a>', tmp_path) == ""


def test_cache_info_and_clear_commands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    _fill(RenderCache(default_folder()), 2, 10)
    info = CliRunner().invoke(cli, ["cache", "info"])
    assert info.exit_code == 0 and "entries: 2" in info.output and str(tmp_path) in info.output
    cleared = CliRunner().invoke(cli, ["cache", "clear"])
    assert cleared.exit_code == 0 and "removed 2 entries" in cleared.output
    assert usage(default_folder()) == (0, 0)


@pytest.mark.slow
@pytest.mark.parametrize("command", ["resume", "interview", "letter"])
def test_a_second_run_lays_nothing_out_and_never_imports_weasyprint(
    tmp_path: Path, command: str
) -> None:
    args = [command, str(EXAMPLES / "minimal.yaml"), "-o", str(tmp_path / "out")]
    args += ["--format", "pdf,docx", "--today", "2026-11-28", "--force"]
    if command == "letter":
        args += [
            "--for",
            str(EXAMPLES.parent / "tests" / "data" / "postings" / "01-acme-outdoor.txt"),
        ]

    def run(*extra: str) -> list[str]:
        return imported_by([*args, *extra], ["weasyprint"], XDG_CACHE_HOME=str(tmp_path / "xdg"))

    folder = tmp_path / "xdg" / "showcase" / "layouts"

    def age() -> dict[str, int]:
        """Each entry's time, after setting it back to 1 s past the epoch."""
        times = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
        for path in folder.iterdir():
            os.utime(path, ns=(10**9, 10**9))
        return times

    run()
    assert age()  # the layouts were stored
    assert run() == []  # every layout from the cache: this process never imported it
    assert all(t > 10**9 for t in age().values())  # ... each entry read (and refreshed)
    run("--no-cache")
    assert set(age().values()) == {10**9}  # neither read nor written


@pytest.mark.slow
def test_the_chosen_fit_candidate_is_written_without_a_second_layout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from showcase.render import pdf

    loaded = load_example("jordan-rivera")
    artifact = render_resume(loaded, formats=["html"])
    html = next(iter(artifact.files.values())).decode()
    fresh = pdf.html_to_pdf(html, allowed=[loaded.folder])
    pdf.count_pages(html, allowed=[loaded.folder])

    def no_layout(*args: object, **kwargs: object) -> object:
        raise AssertionError("laid out again")

    monkeypatch.setattr(pdf, "_with_document", no_layout)
    assert pdf.html_to_pdf(html, allowed=[loaded.folder]) == fresh  # byte-identical
    with pytest.raises(AssertionError, match="laid out again"):
        pdf.html_to_pdf(html, allowed=[loaded.folder])  # used once, then forgotten


@pytest.mark.slow
def test_after_an_edit_the_size_chosen_last_time_is_tried_first(tmp_path: Path) -> None:
    from showcase.profile import load_profile

    source = tmp_path / "profile.yaml"
    text = (EXAMPLES / "jordan-rivera.yaml").read_text()
    source.write_text(text)

    def html_of(store: RenderCache | None) -> tuple[str, int]:
        passes = 0

        def counting(
            html: str, *, allowed: list[Path], paper: str, base_url: Path | None
        ) -> Layout:
            nonlocal passes
            passes += 1
            return count_pages(html, allowed=allowed, paper=paper, base_url=base_url)

        artifact = render_resume(
            load_profile(source, today=TODAY),
            formats=["pdf", "html"],
            pdf_job=lambda html, **_: b"%PDF-",
            page_counter=store.page_counter(counting) if store else counting,
            cache=store,
        )
        html = next(v for k, v in artifact.files.items() if k.endswith(".html"))
        return html.decode(), passes

    _, cold = html_of(RenderCache(tmp_path / "cache"))
    assert cold == 2  # 10.5 (does not fit), 10 pt (fits): Jordan's fits at the smallest size
    source.write_text(text.replace("Digital marketing", "Digital-marketing", 1))
    hinted, passes = html_of(RenderCache(tmp_path / "cache"))
    assert passes == 2  # the hint, 10 pt (fits), and 10.5 pt (does not): settled
    searched, _ = html_of(None)  # the full search, with no hint
    assert hinted == searched and "Digital-marketing" in hinted
