"""The layout cache's keys: a user's template folder is fingerprinted within bounds."""

from __future__ import annotations

from pathlib import Path

import pytest

from showcase.artifacts import cache_keys
from showcase.artifacts.cache_keys import folder_fingerprint
from tests.helpers import run_limited


def test_the_fingerprint_follows_content(tmp_path: Path) -> None:
    (tmp_path / "resume").mkdir()
    (tmp_path / "resume" / "resume.md.j2").write_text("a")
    first = folder_fingerprint(tmp_path)
    assert folder_fingerprint(tmp_path) == first
    (tmp_path / "resume" / "resume.md.j2").write_text("b")
    assert folder_fingerprint(tmp_path) != first


@pytest.mark.slow
def test_a_huge_file_in_the_templates_folder_is_not_read_into_memory(tmp_path: Path) -> None:
    """--templates pointed at a folder with a 3 GB video held 3.1 GB of memory: files are
    hashed in pieces, and past FINGERPRINT_BYTES the folder is not cached at all."""
    big = tmp_path / "video.mp4"
    with big.open("wb") as out:
        out.truncate(3 << 30)
    result = run_limited(
        f"""
        from pathlib import Path
        from showcase.artifacts.cache_keys import folder_fingerprint
        one = folder_fingerprint(Path({str(tmp_path)!r}))
        two = folder_fingerprint(Path({str(tmp_path)!r}))
        print(one != two)
        """,
        memory_mib=1024,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"  # a key that matches nothing: no cache


def test_a_folder_of_too_many_files_is_not_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--templates / walked and read the whole disk; past FINGERPRINT_ENTRIES names the
    walk stops, and the key matches nothing."""
    monkeypatch.setattr(cache_keys, "FINGERPRINT_ENTRIES", 20)
    for i in range(30):
        (tmp_path / f"{i}.css").write_text("x")
    assert folder_fingerprint(tmp_path) != folder_fingerprint(tmp_path)
