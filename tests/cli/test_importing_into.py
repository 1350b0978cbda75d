"""`showcase import SOURCES --into PROFILE` as a user meets it: importing next month's export
again adds nothing and leaves the file's bytes alone; comments stay; a profile that does not
load, a link or a pipe is refused and left as it was; a bad source is still a clear error."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from showcase.cli import cli

DATA = Path(__file__).resolve().parents[1] / "data" / "imports"
CSV = DATA / "Certifications.csv"
CREDLY = DATA / "credly-badges.json"

PROFILE = """\
# My profile: kept by hand
name: Jordan Rivera   # as on my resume
credentials:
  # the ones employers ask about
  - id: meta-marketing
    name: Meta Certified Digital Marketing Associate
    issuer: Meta
    issued: 2025-08
    credential_id: "5D1C0B7E"   # from the certificate

  - name: Introduction to SEO
    issuer: LinkedIn Learning
    issued: 2024-02

# --- what I did with them ---
stacks:
  - name: Marketing
    credentials: [meta-marketing]
"""


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, ["import", *map(str, args)])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    path = tmp_path / "profile.yaml"
    path.write_text(PROFILE, "utf-8")
    return path


def test_importing_twice_adds_once_and_the_second_run_leaves_the_bytes_alone(
    profile: Path,
) -> None:
    first = run(CSV, CREDLY, "--into", profile)
    assert first.exit_code == 0, first.output
    assert "added 5 credentials; 2 already there; 0 not added" in first.stdout
    assert (
        "already there: `Meta Certified Digital Marketing Associate` "
        f"({CSV}) is `Meta Certified Digital Marketing Associate` (meta-marketing): "
        "the same credential ID" in first.stdout
    )
    assert "the same issuer, name and issue month" in first.stdout  # LinkedIn / ... Learning
    text = profile.read_text("utf-8")
    assert text.count("name: Google Analytics Certification") == 1
    assert text.count("Introduction to SEO") == 1
    assert "issued: 2024-04-18\n" in text  # a whole date, written plain
    after_first = digest(profile)
    backup = profile.with_name("profile.yaml.showcase.bak")
    assert backup.read_text("utf-8") == PROFILE

    second = run(CSV, CREDLY, "--into", profile)
    assert second.exit_code == 0, second.output
    assert "added 0 credentials; 7 already there; 0 not added" in second.stdout
    assert digest(profile) == after_first
    assert backup.read_text("utf-8") == PROFILE  # nothing written, not even the backup


def test_the_users_comments_order_and_layout_stay_and_only_lines_are_added(
    profile: Path,
) -> None:
    assert run(CSV, "--into", profile).exit_code == 0
    before, after = PROFILE.splitlines(), profile.read_text("utf-8").splitlines()
    kept = iter(after)
    assert all(line in kept for line in before), "every line, in its order"  # a subsequence
    added = after[
        after.index("    issued: 2024-02") + 1 : after.index("# --- what I did with them ---")
    ]
    assert added[0] == "  - name: Google Analytics Certification"
    assert added[-1] == ""  # the blank line before the next section stays before it
    assert after[-3:] == before[-3:]


def test_dry_run_shows_the_change_and_writes_nothing(profile: Path) -> None:
    result = run(CSV, "--into", profile, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "+  - name: Google Analytics Certification\n" in result.stdout
    assert (
        "would add 3 credentials" in result.stdout
        and "--dry-run: nothing was written" in result.stdout
    )
    assert profile.read_text("utf-8") == PROFILE
    assert not profile.with_name("profile.yaml.showcase.bak").exists()


def test_another_issue_of_a_held_credential_is_reported_not_added(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(
        "name: Sam Lee\ncredentials:\n  - name: Google Analytics Certification\n"
        "    issuer: Google\n    issued: 2025-01\n",
        "utf-8",
    )
    before = profile.read_bytes()
    source = tmp_path / "Certifications.csv"
    source.write_text(
        "Name,Url,Authority,Started On,Finished On,License Number\n"
        "Google Analytics Certification,,Google,Jan 2026,Jan 2027,\n"
        "Undated Course,,Acme Training,,,\n",
        "utf-8",
    )
    result = run(source, "--into", profile)
    assert result.exit_code == 0, result.output
    assert "added 0 credentials; 0 already there; 2 not added" in result.stdout
    assert (
        "is another issue of `Google Analytics Certification` (google-analytics-certification) "
        "(issued 2026-01 in the import, 2025-01 in the profile): to record a renewal, change"
        in result.stdout
    )
    assert "`Undated Course`" in result.stdout and "does not give its `issued:`" in result.stdout
    assert profile.read_bytes() == before

    listed = run(source, "--skip-known", profile)  # the way to keep both: paste it
    assert listed.exit_code == 0, listed.output
    assert "id: google-analytics-certification-2\n" in listed.stdout
    assert "name: Undated Course" in listed.stdout and "issued: TODO" in listed.stdout
    assert "another issue: `Google Analytics Certification`" in listed.stderr


def test_skip_known_prints_only_what_the_profile_lacks(profile: Path) -> None:
    result = run(CSV, "--skip-known", profile)
    assert result.exit_code == 0, result.output
    assert "# Imported by showcase (3 credentials) from:" in result.stdout
    assert "# Left out 2 already in" in result.stdout
    assert "Meta Certified" not in result.stdout and "Introduction to SEO" not in result.stdout
    assert "already there: `Introduction to SEO`" in result.stderr
    assert profile.read_text("utf-8") == PROFILE


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("name: Sam\ncredentials: [\n", "YAML syntax error"),
        ("name: Sam\ncredentials:\n  - name: A\n    issued: 2020\n", "issuer"),
    ],
    ids=["does-not-parse", "does-not-validate"],
)
def test_a_profile_with_errors_is_refused_and_left_as_it_was(
    tmp_path: Path, text: str, says: str
) -> None:
    profile = tmp_path / "profile.yaml"
    profile.write_text(text, "utf-8")
    result = run(CSV, "--into", profile)
    assert result.exit_code == 1
    assert "the profile has errors, so nothing was imported into it" in result.output
    assert says in result.output and "Traceback" not in result.output
    assert profile.read_text("utf-8") == text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["profile.yaml"]


def test_a_link_a_pipe_a_folder_or_nothing_as_into_is_refused(
    tmp_path: Path, profile: Path
) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to(profile)
    result = run(CSV, "--into", link)
    assert result.exit_code == 1 and "a symbolic link" in result.output
    assert str(profile) in result.output  # the file it points to, to give instead
    assert link.is_symlink() and profile.read_text("utf-8") == PROFILE

    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    result = run(CSV, "--into", pipe)  # refused before any read: no wait for a writer
    assert result.exit_code == 1 and "not a regular file" in result.output

    result = run(CSV, "--into", tmp_path)
    assert result.exit_code == 1 and "a folder" in result.output

    result = run(CSV, "--into", tmp_path / "none.yaml")
    assert result.exit_code == 1 and "no such profile" in result.output
    assert "Traceback" not in result.output


def test_a_bad_source_is_a_clear_error_and_the_others_are_still_added(
    tmp_path: Path, profile: Path
) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text("{")
    result = run(bad, CSV, tmp_path / "missing.csv", "--into", profile)
    assert result.exit_code == 1
    assert "broken.json:1:2: not valid JSON" in result.output
    assert "missing.csv" in result.output and "Traceback" not in result.output
    assert "name: Google Analytics Certification" in profile.read_text("utf-8")


def test_one_credential_in_two_sources_is_added_once(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text("name: Sam Lee\n", "utf-8")
    copy = tmp_path / "again.csv"
    copy.write_bytes(CSV.read_bytes())
    result = run(CSV, copy, "--into", profile)
    assert result.exit_code == 0, result.output
    assert "added 5 credentials; 5 already there" in result.stdout
    assert "earlier in this import" in result.stdout
    assert profile.read_text("utf-8").count("name: Google Analytics Certification") == 1


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--dry-run"], "give --into PROFILE"),
        (["--into", "p.yaml", "-o", "x.yaml"], "it takes no -o"),
        (["--into", "p.yaml", "--skip-known", "p.yaml"], "it takes no -o or --skip-known"),
    ],
)
def test_options_that_do_not_go_together_are_a_usage_error(args: list[str], says: str) -> None:
    result = run(CSV, *args)
    assert result.exit_code == 2 and says in result.output


def test_help_shows_an_example_of_into() -> None:
    result = CliRunner().invoke(cli, ["import", "--help"])
    assert "--into profile.yaml --dry-run" in result.output
    assert "--skip-known" in result.output
