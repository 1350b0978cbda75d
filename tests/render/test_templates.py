"""Jinja as showcase runs it: the Markdown escape keeps a user's text text; the cache of
compiled templates reads only regular files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest
from markdown_it import MarkdownIt


def _blocks(markdown: str) -> list[str]:
    return [token.type for token in MarkdownIt("commonmark").parse(markdown)]


@pytest.mark.parametrize(
    "text", ["a\n===\nb", "a\n---", "a\n  ==  \nb", "a\n- - -\nb", "---", "a\n=\nb", "a\n-"]
)
def test_md_escape_keeps_underlines_text(text: str) -> None:
    from showcase.render.templates import md_escape

    assert _blocks(md_escape(text)) == ["paragraph_open", "inline", "paragraph_close"]


def test_a_named_pipe_in_the_compiled_template_cache_is_a_miss_not_a_hang(
    tmp_path: Path,
) -> None:
    """Jinja opened each cache entry and waited for a writer: a pipe planted at one hung
    every command, `--format md` too (QA, 2026-12-06)."""
    from tests.conftest import EXAMPLES

    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    environment.pop("SHOWCASE_NO_CACHE", None)
    command = [
        sys.executable, "-m", "showcase", "resume", str(EXAMPLES / "jordan-rivera.yaml"),
        "--format", "md", "--today", "2026-11-28", "--force", "-o",
    ]  # fmt: skip
    first = subprocess.run([*command, str(tmp_path / "a")], env=environment, capture_output=True)
    assert first.returncode == 0, first.stderr
    entries = list((tmp_path / "xdg" / "showcase").glob("jinja-*/*.cache"))
    assert entries
    for entry in entries:
        entry.unlink()
        os.mkfifo(entry)
    again = subprocess.run(
        [*command, str(tmp_path / "b")], env=environment, capture_output=True, timeout=60
    )
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "b" / "Jordan-Rivera-Resume.md").read_bytes() == (
        tmp_path / "a" / "Jordan-Rivera-Resume.md"
    ).read_bytes()


def test_compiled_templates_are_kept_per_budget_compiler(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Code compiled by an older budget lacks its newer checks (each piece of a `~` is
    now sized): the cache's folder is named for the budget's code, so such code is never
    loaded (QA round 2, 2026-12-06)."""
    import hashlib

    from showcase.render import budget, templates

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("SHOWCASE_NO_CACHE", raising=False)
    cache = templates._bytecode_cache()
    assert cache is not None
    digest = hashlib.sha256(Path(budget.__file__).read_bytes()).hexdigest()[:12]
    assert Path(cache.directory).name.endswith(f"-{digest}")  # type: ignore[attr-defined]


def test_a_compiled_template_the_disk_refuses_to_keep_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk made Jinja's write of a compiled template an "Internal error" (QA round
    2, 2026-12-06): the render goes on, and the next run compiles it again."""
    import errno
    import tempfile

    from showcase.render import templates

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("SHOWCASE_NO_CACHE", raising=False)
    cache = templates._bytecode_cache()
    assert cache is not None

    def full(*args: object, **kwargs: object) -> object:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", full)
    bucket = jinja2.bccache.Bucket(templates._environment(()), "key", "checksum")
    bucket.code = compile("x = 1", "<t>", "exec")
    cache.dump_bytecode(bucket)  # no error
    assert not list(Path(cache.directory).iterdir())  # type: ignore[attr-defined]
