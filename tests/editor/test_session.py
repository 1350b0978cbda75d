"""The profile file: compare-and-swap saves, the previous version kept, problems by field."""

from __future__ import annotations

import os
import stat
import threading
import time
from pathlib import Path

import pytest

from showcase.editor.session import Conflict, ProfileFile, etag_of
from showcase.editor.yamledit import EditError
from showcase.errors import ShowcaseError
from showcase.profile.source import MAX_FILE_BYTES
from tests.conftest import EXAMPLES, TODAY


def copy_example(tmp_path: Path, name: str = "jordan-rivera") -> Path:
    path = tmp_path / "profile.yaml"
    path.write_bytes((EXAMPLES / f"{name}.yaml").read_bytes())
    return path


def test_a_save_over_another_version_is_a_conflict_and_writes_nothing(tmp_path: Path) -> None:
    path = copy_example(tmp_path)
    profile = ProfileFile(path, today=TODAY)
    first = profile.snapshot()
    path.write_text(path.read_text("utf-8") + "# edited elsewhere\n", "utf-8")
    on_disk = path.read_bytes()
    assert first.data is not None
    with pytest.raises(Conflict) as caught:
        profile.save({**first.data, "name": "Somebody Else"}, first.etag)
    assert path.read_bytes() == on_disk
    assert caught.value.current.etag == etag_of(on_disk)
    assert not profile.backup.exists()


def test_a_save_keeps_the_previous_version_and_the_files_mode(tmp_path: Path) -> None:
    path = copy_example(tmp_path)
    users_own = tmp_path / "profile.yaml.bak"
    users_own.write_text("my own backup\n", "utf-8")
    os.chmod(path, 0o600)
    before = path.read_bytes()
    profile = ProfileFile(path, today=TODAY)
    snapshot = profile.snapshot()
    assert snapshot.data is not None
    after = profile.save({**snapshot.data, "name": "Jordan A. Rivera"}, snapshot.etag)
    assert profile.backup.read_bytes() == before
    assert profile.backup.name == "profile.yaml.showcase.bak"
    assert users_own.read_text("utf-8") == "my own backup\n"  # the user's .bak untouched
    assert "name: Jordan A. Rivera" in path.read_text("utf-8")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert after.etag == etag_of(path.read_bytes()) != snapshot.etag
    assert after.loaded is not None and after.loaded.profile.name == "Jordan A. Rivera"


def test_an_invalid_value_is_saved_as_typed_with_its_error_at_the_field(tmp_path: Path) -> None:
    path = copy_example(tmp_path)
    profile = ProfileFile(path, today=TODAY)
    snapshot = profile.snapshot()
    assert snapshot.data is not None
    snapshot.data["credentials"][1]["issued"] = "2025-13"
    saved = profile.save(snapshot.data, snapshot.etag)
    assert "issued: 2025-13" in path.read_text("utf-8")
    errors = [p for p in saved.problems if p["severity"] == "error"]
    assert [p["field"] for p in errors] == ["credentials[1].issued"]
    assert "no month 13" in errors[0]["message"]
    assert saved.loaded is None


def test_warnings_come_as_hints(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    path.write_text(
        "name: Sam Lee\ncontact:\n  email: sam@example.com\ncredentials:\n"
        "  - name: AWS Certified Cloud Practitioner\n    issuer: Amazon Web Services\n"
        "    kind: certification\n    issued: 2024-01\n    expires: 2027-01\n",
        "utf-8",
    )
    problems = ProfileFile(path, today=TODAY).snapshot().problems
    assert problems and all(p["severity"] == "warning" for p in problems)
    assert all(p["field"] and p["message"] for p in problems)


def test_a_file_that_is_not_yaml_is_shown_without_a_form(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    path.write_bytes(b"name: [oops\n")
    snapshot = ProfileFile(path, today=TODAY).snapshot()
    assert snapshot.data is None
    assert snapshot.problems[0]["severity"] == "error"
    path.write_bytes(b"name: \xff\xfe\n")
    snapshot = ProfileFile(path, today=TODAY).snapshot()
    assert snapshot.data is None and "UTF-8" in snapshot.problems[0]["message"]


def test_a_profile_that_is_not_utf8_is_refused_at_save_not_crashed(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    path.write_bytes("name: Jos\xe9\ncredentials: []\n".encode("latin-1"))
    before = path.read_bytes()
    profile = ProfileFile(path, today=TODAY)
    snapshot = profile.snapshot()
    with pytest.raises(EditError, match="not UTF-8"):
        profile.save({"name": "Jose"}, snapshot.etag)
    assert path.read_bytes() == before


@pytest.mark.slow
def test_a_save_too_large_to_read_back_is_refused_and_writes_nothing(tmp_path: Path) -> None:
    path = copy_example(tmp_path)
    before = path.read_bytes()
    profile = ProfileFile(path, today=TODAY)
    snapshot = profile.snapshot()
    assert snapshot.data is not None
    huge = {**snapshot.data, "summary": "x" * (MAX_FILE_BYTES + 1)}
    with pytest.raises(EditError, match="too large"):
        profile.save(huge, snapshot.etag)
    assert path.read_bytes() == before
    assert profile.snapshot().etag == snapshot.etag  # still readable


def test_a_profile_behind_a_symbolic_link_is_saved_where_it_points(tmp_path: Path) -> None:
    real = copy_example(tmp_path)
    (tmp_path / "dotfiles").mkdir()
    link = tmp_path / "dotfiles" / "profile.yaml"
    link.symlink_to(real)
    profile = ProfileFile(link, today=TODAY)
    snapshot = profile.snapshot()
    assert snapshot.data is not None
    profile.save({**snapshot.data, "name": "Jordan A. Rivera"}, snapshot.etag)
    assert link.is_symlink()
    assert "name: Jordan A. Rivera" in real.read_text("utf-8")


def test_a_byte_order_mark_stays_through_a_save(tmp_path: Path) -> None:
    path = copy_example(tmp_path)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    profile = ProfileFile(path, today=TODAY)
    snapshot = profile.snapshot()
    assert snapshot.data is not None
    profile.save({**snapshot.data, "name": "Jordan A. Rivera"}, snapshot.etag)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # was dropped
    assert "name: Jordan A. Rivera" in path.read_text("utf-8-sig")


def test_a_read_only_profile_is_not_saved_over(tmp_path: Path) -> None:
    path = copy_example(tmp_path)
    os.chmod(path, 0o444)
    before = path.read_bytes()
    profile = ProfileFile(path, today=TODAY)
    snapshot = profile.snapshot()
    assert snapshot.data is not None
    with pytest.raises(ShowcaseError, match="read-only"):
        profile.save({**snapshot.data, "name": "Jordan A. Rivera"}, snapshot.etag)
    assert path.read_bytes() == before  # was replaced, though the user had made it read-only
    assert not profile.backup.exists()


def test_a_profile_with_another_name_is_not_saved_over(tmp_path: Path) -> None:
    path = copy_example(tmp_path)
    other = tmp_path / "other-name.yaml"
    os.link(path, other)
    before = path.read_bytes()
    profile = ProfileFile(path, today=TODAY)
    snapshot = profile.snapshot()
    assert snapshot.data is not None
    with pytest.raises(ShowcaseError, match="hard link") as caught:
        profile.save({**snapshot.data, "name": "Jordan A. Rivera"}, snapshot.etag)
    assert "what you typed is still in the page" in str(caught.value)
    # The rename had left the other name the old version, the saved one seen in one only.
    assert path.read_bytes() == before == other.read_bytes()
    assert os.stat(path).st_ino == os.stat(other).st_ino
    assert not profile.backup.exists()


def test_two_writers_at_once_never_both_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two imports (or an import and a save) checked the file, each saw the version it
    # read, and both renamed theirs over it: the first one's entries were lost, though
    # both said they were written. The moment between the check and the rename is made
    # long here; now the second waits for the first, sees its version and is a conflict.
    path = copy_example(tmp_path)
    old = path.read_bytes()
    real_replace = os.replace

    def slow_replace(src: str, dst: str | Path) -> None:
        if Path(dst) == path:
            time.sleep(0.3)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", slow_replace)
    outcomes: dict[str, str] = {}

    def write(label: str) -> None:
        try:
            ProfileFile(path, today=TODAY).replace(old, old + f"# {label}\n".encode())
            outcomes[label] = "written"
        except Conflict:
            outcomes[label] = "conflict"

    threads = [threading.Thread(target=write, args=(label,)) for label in ("first", "second")]
    for thread in threads:
        thread.start()
        time.sleep(0.05)
    for thread in threads:
        thread.join(10)
    assert sorted(outcomes.values()) == ["conflict", "written"]
    written = next(label for label, outcome in outcomes.items() if outcome == "written")
    assert path.read_bytes() == old + f"# {written}\n".encode()
