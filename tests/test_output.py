"""Nothing the user wrote is lost, and no interruption locks them out (issue #10)."""

from __future__ import annotations

import json
import multiprocessing
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from showcase.batch import BuildOptions, run_build
from showcase.cli import cli
from showcase.errors import ShowcaseError
from showcase.output import MANIFEST, OutputBusyError, OutputDir, folder_lock
from tests.conftest import EXAMPLES

RUNNER = CliRunner()

OLD = {f"f{i}.txt": f"old {i}\n" for i in range(5)} | {"sub/g.txt": "old g\n"}
NEW = {name: text.replace("old", "new") for name, text in OLD.items()}


def _write_and_die(root: str, files: dict[str, str], renames_before_death: int) -> None:
    """In a child: write `files`, dying (as kill -9 would) at the n-th rename."""
    count = 0
    real_replace = os.replace

    def replace(src: str, dst: str) -> None:
        nonlocal count
        if count == renames_before_death:
            os._exit(9)
        count += 1
        real_replace(src, dst)

    os.replace = replace  # type: ignore[assignment]  # the fork that dies owns this process
    OutputDir(Path(root)).write_all(files)
    os._exit(0)


@pytest.mark.parametrize("deaths_at", range(9))
def test_a_run_killed_at_any_rename_never_locks_the_next_one_out(
    tmp_path: Path, deaths_at: int
) -> None:
    """Every moment of the write window: 2 manifest saves and 6 files, plus after all."""
    OutputDir(tmp_path).write_all(OLD)
    context = multiprocessing.get_context("fork")
    child = context.Process(target=_write_and_die, args=(str(tmp_path), NEW, deaths_at))
    child.start()
    child.join()
    assert child.exitcode in (0, 9)
    report = OutputDir(tmp_path).write_all(NEW)  # no --force
    assert report.refused == []
    assert {p.relative_to(tmp_path).as_posix() for p in report.written} == set(NEW)
    assert not list(tmp_path.rglob("*.tmp")), "stray temporary files were left"
    for name, text in NEW.items():
        assert (tmp_path / name).read_text() == text


def test_stray_temporary_files_are_cleaned(tmp_path: Path) -> None:
    OutputDir(tmp_path).write_all(OLD)
    stray = tmp_path / ".f0.txt.abc123.tmp"
    stray.write_text("half a file")
    OutputDir(tmp_path).write_all(NEW)
    assert not stray.exists()


def test_an_edited_file_is_refused_and_the_rest_still_written(tmp_path: Path) -> None:
    OutputDir(tmp_path).write_all(OLD)
    (tmp_path / "f1.txt").write_text("my own words\n")
    report = OutputDir(tmp_path).write_all(NEW)
    assert len(report.refused) == 1 and "f1.txt" in report.refused[0]
    assert "--force" in report.refused[0]
    assert (tmp_path / "f1.txt").read_text() == "my own words\n"
    assert (tmp_path / "f2.txt").read_text() == NEW["f2.txt"]


def test_unfinished_files_are_never_written(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="unfinished"):
        OutputDir(tmp_path).write_all({"a.pdf": b""}, {"a.pdf": object()})
    assert not (tmp_path / "a.pdf").exists()


@pytest.mark.parametrize(
    "damage",
    ["[" * 100_000 + "]" * 100_000, "not json", "[1, 2]", "folder"],
    ids=["deep", "text", "list", "folder"],
)
def test_a_damaged_manifest_is_a_clear_error(tmp_path: Path, damage: str) -> None:
    if damage == "folder":
        (tmp_path / MANIFEST).mkdir()
    else:
        (tmp_path / MANIFEST).write_text(damage)
    with pytest.raises(ShowcaseError) as info:
        OutputDir(tmp_path).write_all(NEW)
    assert str(tmp_path / MANIFEST) in info.value.format_message()
    assert "delete" in info.value.format_message()


def test_a_second_run_waits_then_says_the_folder_is_in_use(tmp_path: Path) -> None:
    with (
        folder_lock(tmp_path),
        pytest.raises(OutputBusyError, match="in use"),
        folder_lock(tmp_path, wait=0.2),
    ):
        pass
    with folder_lock(tmp_path, wait=0.2):  # free again once the first run is done
        pass


def test_the_manifest_lists_digests(tmp_path: Path) -> None:
    OutputDir(tmp_path).write_all(OLD)
    manifest = json.loads((tmp_path / MANIFEST).read_text())
    assert set(manifest) == set(OLD)
    assert all(isinstance(v, str) and len(v) == 64 for v in manifest.values())


# --- builds -----------------------------------------------------------------------------


def _profile(folder: Path, file: str, name: str) -> Path:
    path = folder / file
    path.write_text(
        f'name: "{name}"\ncredentials:\n  - name: A\n    issuer: B\n    issued: 2025-01\n',
        encoding="utf-8",
    )
    return path


def test_names_that_slug_alike_get_their_own_folders(tmp_path: Path) -> None:
    sources = [
        _profile(tmp_path, f"{i}.yaml", name)
        for i, name in enumerate(["Jordan Rivera", "Jordan Rivera!", "Jordan Rivera 2"])
    ]
    outcomes = run_build(sources, tmp_path / "out", BuildOptions(), jobs=1)
    folders = [o.folder for o in outcomes]
    assert all(o.complete for o in outcomes), [o.errors + o.refused for o in outcomes]
    assert len(set(folders)) == 3
    assert [f.name for f in folders if f] == [
        "Jordan-Rivera",
        "Jordan-Rivera-2",
        "Jordan-Rivera-2-2",
    ]


def test_a_batch_decides_today_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import showcase.batch as batch

    seen = []
    real = batch.build_one

    def spy(loaded, folder, options, source, helper=None):  # type: ignore[no-untyped-def]
        seen.append((options.today, loaded.today))
        return real(loaded, folder, options, source, helper)

    monkeypatch.setattr(batch, "build_one", spy)
    sources = [_profile(tmp_path, f"{i}.yaml", f"P {i}") for i in range(2)]
    run_build(sources, tmp_path / "out", BuildOptions(), jobs=1)
    assert len(seen) == 2 and seen[0] == seen[1] and seen[0][0] is not None


def test_a_failing_artifact_does_not_stop_the_others(tmp_path: Path) -> None:
    templates = tmp_path / "tpl" / "resume"
    templates.mkdir(parents=True)
    (templates / "resume.md.j2").write_text("line one\n{{ 1 / 0 }}\n")
    out = tmp_path / "out"
    result = RUNNER.invoke(
        cli,
        [
            "build",
            str(EXAMPLES / "minimal.yaml"),
            "-o",
            str(out),
            "--templates",
            str(tmp_path / "tpl"),
        ],
    )
    assert result.exit_code == 1
    assert "resume: not written" in result.output
    assert "resume.md.j2:2" in result.output and "ZeroDivisionError" in result.output
    assert (out / "linkedin" / "certifications.md").is_file()
    assert (out / "signature" / "signature.html").is_file()
    assert (out / "index.html").is_file()
    assert not list(out.glob("*-Resume.*"))


def test_a_second_persons_build_never_mixes_into_the_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Profiles named as typed in the folder (a long temporary path is cut in the message).
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    alex, jordan = "alex.yaml", "jordan.yaml"
    OutputDir(out, owner=alex).write_all({"index.html": "Alex"})
    assert OutputDir(out, owner=alex).write_all({"index.html": "Alex 2"}).ok  # same file
    report = OutputDir(out, owner=jordan).write_all({"index.html": "Jordan"})
    assert report.refused and "built from" in report.refused[0] and "alex.yaml" in report.refused[0]
    assert (out / "index.html").read_text() == "Alex 2"
    forced = OutputDir(out, owner=jordan, force=True).write_all({"index.html": "J"})
    assert forced.ok


def _dangling(tmp_path: Path) -> Path:
    link = tmp_path / "out.yaml"
    link.symlink_to(tmp_path / "elsewhere" / "missing.yaml")
    return link


@pytest.mark.parametrize(
    "command",
    [
        ["init", "{link}"],
        ["schema", "-o", "{link}"],
        ["import", "--profile", "{resume}", "-o", "{link}"],
        ["import", "{badge}", "-o", "{link}"],
    ],
    ids=["init", "schema", "import-profile", "import"],
)
def test_a_dangling_link_at_the_output_is_never_replaced(
    tmp_path: Path, command: list[str]
) -> None:
    """Before: each replaced the link with a file (exit 0)."""
    link = _dangling(tmp_path)
    resume = tmp_path / "resume.json"
    resume.write_text('{"basics": {"name": "Sam Lee"}}')
    badge = tmp_path / "badge.json"
    badge.write_text(
        '{"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "issuedOn":'
        ' "2024-01-01", "badge": {"type": "BadgeClass", "name": "A", "issuer":'
        ' {"type": "Profile", "name": "B"}}}'
    )
    args = [a.format(link=link, resume=resume, badge=badge) for a in command]
    result = RUNNER.invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert "link" in result.output and "does not exist" in result.output
    assert link.is_symlink() and not link.exists()
    assert os.readlink(link) == str(tmp_path / "elsewhere" / "missing.yaml")


@pytest.mark.parametrize("name", ["../escape.txt", "a/../../escape.txt", "/abs.txt", "", "."])
def test_a_file_name_that_leaves_the_folder_is_refused(tmp_path: Path, name: str) -> None:
    """Only names inside the folder are written: `..`, an absolute path or no name at
    all is refused by name, and the other files are still written."""
    root = tmp_path / "out"
    report = OutputDir(root).write_all({name: "x", "ok.txt": "fine"})
    assert report.written == [root / "ok.txt"]
    assert len(report.refused) == 1 and "not a file name inside" in report.refused[0]
    assert not (tmp_path / "escape.txt").exists()


def test_a_name_that_is_both_file_and_folder_gets_the_right_advice(tmp_path: Path) -> None:
    """`a` as a file and `a/b` below it cannot both be written: the refusal says why, not
    "free some space"."""
    written = OutputDir(tmp_path / "out").write_all({"a": b"1", "a/b": b"2"})
    assert written.refused and "free some space" not in written.refused[0]
    assert "a file and a folder of that name" in written.refused[0]


def test_the_lock_is_never_taken_through_a_link_or_on_a_pipe(tmp_path: Path) -> None:
    """`open(".showcase-lock", "a+")` followed a link planted at its name and created the
    file it pointed to, outside the output folder (QA, 2026-12-06)."""
    from showcase.output import LOCK, folder_lock

    out, victim = tmp_path / "out", tmp_path / "victim"
    out.mkdir()
    victim.mkdir()
    (out / LOCK).symlink_to(victim / "created")
    with pytest.raises(ShowcaseError, match="is not showcase's lock file"), folder_lock(out):
        pass
    assert not (victim / "created").exists()
    (out / LOCK).unlink()
    os.mkfifo(out / LOCK)
    refused = pytest.raises(ShowcaseError, match="is not showcase's lock file")
    with refused, folder_lock(out, wait=0.1):
        pass
    (out / LOCK).unlink()
    with folder_lock(out):  # and an ordinary folder still locks
        assert (out / LOCK).is_file()


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o027, 0o640)])
def test_written_files_get_the_mode_the_users_umask_gives(
    tmp_path: Path, umask: int, mode: int
) -> None:
    # Every file was 0o644 whatever the umask: a user of a shared machine with umask 077
    # (nobody else reads my files) had a world-readable resume and profile.
    import subprocess
    import sys

    out = tmp_path / "out"
    profile = tmp_path / "profile.yaml"
    commands = [
        ["init", str(profile)],
        ["resume", str(profile), "-o", str(out), "--format", "txt,md"],
    ]
    for args in commands:
        done = subprocess.run(
            [sys.executable, "-m", "showcase", *args],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            preexec_fn=lambda: os.umask(umask),  # the child sets its own umask
        )
        assert done.returncode in (0, 1), done.stderr  # 1: the starter's warnings (strict)
    written = [profile, *(p for p in out.iterdir() if not p.name.startswith(".showcase-"))]
    assert len(written) >= 3
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == mode, path.name
