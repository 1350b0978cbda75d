"""Importing into a profile file: what would not load is never written, a file changed
meanwhile is never overwritten, and the file keeps its permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest

from showcase.editor import into
from showcase.editor.into import IntoRefused, import_into
from showcase.importers.against import Decision, Verdict, decide

CSV = Path(__file__).resolve().parents[1] / "data" / "imports" / "Certifications.csv"
PROFILE = "name: Sam Lee  # me\ncredentials: []\n"


def test_entries_the_profile_would_refuse_are_never_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(PROFILE, "utf-8")
    bad = {"name": "X", "issuer": "Y", "issued": "2020", "url": "ftp://example.org/x"}

    def refused(*_: Any) -> tuple[list[Decision], list[str]]:
        return [Decision("made.csv", bad, Verdict.NEW)], []

    monkeypatch.setattr(into, "decide", refused)
    with pytest.raises(IntoRefused, match="would not load, so nothing was written") as caught:
        import_into(profile, [CSV])
    assert "credentials[0].url" in str(caught.value)
    assert profile.read_text("utf-8") == PROFILE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.yaml"]


def test_a_profile_changed_during_the_import_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(PROFILE, "utf-8")
    theirs = "name: Sam Lee  # edited meanwhile\n"

    def meanwhile(*args: Any) -> tuple[list[Decision], list[str]]:
        profile.write_text(theirs, "utf-8")  # another editor saves while we import
        return decide(*args)

    monkeypatch.setattr(into, "decide", meanwhile)
    with pytest.raises(IntoRefused, match="changed on disk during the import"):
        import_into(profile, [CSV])
    assert profile.read_text("utf-8") == theirs


def test_the_file_keeps_its_permissions_and_a_dry_run_writes_nothing(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(PROFILE, "utf-8")
    profile.chmod(0o600)
    dry = import_into(profile, [CSV], dry_run=True)
    assert not dry.written and profile.read_text("utf-8") == PROFILE
    assert "+  - name: Google Analytics Certification\n" in dry.diff()
    done = import_into(profile, [CSV])
    assert done.written and done.after == dry.after == profile.read_text("utf-8")
    assert stat.S_IMODE(profile.stat().st_mode) == 0o600
    assert done.after.startswith("name: Sam Lee  # me\ncredentials:")


def test_a_byte_order_mark_stays(tmp_path: Path) -> None:
    # Was: the BOM a Windows editor wrote was dropped from the imported profile.
    profile = tmp_path / "p.yaml"
    profile.write_bytes(b"\xef\xbb\xbf" + PROFILE.encode("utf-8"))
    done = import_into(profile, [CSV])
    assert done.written
    assert profile.read_bytes() == b"\xef\xbb\xbf" + done.after.encode("utf-8")
    assert profile.with_name("p.yaml.showcase.bak").read_bytes().startswith(b"\xef\xbb\xbf")


def test_a_read_only_profile_is_refused_and_left_alone(tmp_path: Path) -> None:
    # Was: replaced (a rename needs only the folder's permission), keeping its 0444.
    profile = tmp_path / "p.yaml"
    profile.write_text(PROFILE, "utf-8")
    profile.chmod(0o444)
    with pytest.raises(IntoRefused, match="read-only") as caught:
        import_into(profile, [CSV])
    assert "nothing was changed" in str(caught.value)
    assert profile.read_text("utf-8") == PROFILE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.yaml"]


def test_a_profile_with_another_name_is_refused_and_left_alone(tmp_path: Path) -> None:
    # Was: written as a new file, so its hard link (another name for it) kept the old one.
    profile = tmp_path / "p.yaml"
    profile.write_text(PROFILE, "utf-8")
    other = tmp_path / "copy.yaml"
    other.hardlink_to(profile)
    with pytest.raises(IntoRefused, match="hard link") as caught:
        import_into(profile, [CSV])
    assert "nothing was" in str(caught.value)
    assert profile.read_text("utf-8") == PROFILE
    assert os.path.samefile(profile, other)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.yaml", "p.yaml"]


@pytest.mark.parametrize("failure", [KeyboardInterrupt(), OSError(28, "No space left on device")])
def test_a_write_stopped_midway_leaves_the_profile_whole_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    # Ctrl+C or a full disk while the new version is written (held: checked in QA).
    profile = tmp_path / "p.yaml"
    profile.write_text(PROFILE, "utf-8")
    real_fsync = os.fsync
    calls = []

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:  # the profile's, after the backup's
            raise failure
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises((KeyboardInterrupt, IntoRefused)) as caught:
        import_into(profile, [CSV])
    if isinstance(failure, OSError):
        assert "No space left on device); nothing was changed" in str(caught.value)
    assert profile.read_text("utf-8") == PROFILE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.yaml", "p.yaml.showcase.bak"]
    assert (tmp_path / "p.yaml.showcase.bak").read_text("utf-8") == PROFILE
