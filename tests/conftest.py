from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from showcase.profile import LoadedProfile

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"
TODAY = dt.date(2026, 11, 28)  # the one "today" of the tests
EXAMPLE_NAMES = ("jordan-rivera", "priya-raman", "minimal")
_CACHE_ENV = "SHOWCASE_TEST_CACHE_HOME"  # the run's cache folder, for xdist's workers


@pytest.fixture(autouse=True)
def _own_temporary_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Each test gets a temporary folder of its own as the machine-wide one (TMPDIR, for
    this process and every process it starts): what WeasyPrint, tempfile or a child leave
    there is this test's, never another program's. A test can look in it with
    `tempfile.gettempdir()`. It is not `tmp_path`, so a test that lists its `tmp_path`
    sees only what it wrote there."""
    folder = tmp_path_factory.mktemp("tmp")
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@lru_cache(maxsize=32)
def load_example(name: str, today: dt.date = TODAY) -> LoadedProfile:
    """A bundled example, loaded once per test session (LoadedProfile is immutable)."""
    from showcase.profile import load_profile

    return load_profile(EXAMPLES / f"{name}.yaml", today=today)


@pytest.fixture(scope="session")
def jordan() -> LoadedProfile:
    return load_example("jordan-rivera")


@pytest.fixture(scope="session")
def priya() -> LoadedProfile:
    return load_example("priya-raman")


def pytest_configure(config: pytest.Config) -> None:
    """Tests never write into the user's real ~/.cache/showcase (Jinja's bytecode cache,
    the layout cache): this process and every CLI it starts use a folder of their own,
    set before any test module is imported and removed at the end. pytest-xdist's
    workers share their parent's (the cache is keyed by content and safe to share), so
    a layout made by one is not made again by the other."""
    if os.environ.get("PYTEST_XDIST_WORKER") and os.environ.get(_CACHE_ENV):
        os.environ["XDG_CACHE_HOME"] = os.environ[_CACHE_ENV]
        return
    folder = tempfile.mkdtemp(prefix="showcase-test-cache-")
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
    os.environ["XDG_CACHE_HOME"] = os.environ[_CACHE_ENV] = folder


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="Rewrite golden files from current output."
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def build_file_tree(root: Path, spec: dict[str, str | bytes]) -> None:
    """Write files from a {relative path: content} mapping (copier's helper)."""
    for name, content in spec.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def check_golden(name: str, actual: str, update: bool) -> None:
    """Compare `actual` with tests/golden/`name`; rewrite it with --update-golden."""
    path = GOLDEN / name
    if update or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        if not update:
            pytest.fail(f"golden file {name} was missing and has been written; check it in")
        return
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs; if intended, rerun with --update-golden"


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: for the whole suite, one worker more than the cores. About a fifth of its
    time is spent waiting (for a child process, a server, a browser: the slow and browser
    tests), and the extra worker fills those waits: on two idle cores the whole suite took
    85 s with three workers, 92 s with two and 90 s with four (`--dist worksteal`). The
    quick loop (`-m "not slow ..."`) only computes: one worker per core (26 s, 37 s with
    three)."""
    import os

    cores = os.cpu_count() or 1
    quick = "not slow" in (config.getoption("markexpr", "") or "")
    return cores if quick else cores + 1
