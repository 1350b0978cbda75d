"""Reading a profile's YAML with positions: devices, pipes and the size limit, syntax errors
at their place, nesting, and YAML 1.2 line separators."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from showcase.cli import cli
from showcase.profile import load_profile
from showcase.profile.source import MAX_FILE_BYTES
from tests.helpers import load, one_problem, problems, profile_text


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_pipe_nobody_writes_to_does_not_hang(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from showcase import reading
    from showcase.errors import ProfileError
    from showcase.profile import load_profile

    monkeypatch.setattr(reading, "PIPE_WAIT_SECONDS", 0.3)
    fifo = tmp_path / "profile.yaml"
    os.mkfifo(fifo)
    with pytest.raises(ProfileError) as info:
        load_profile(fifo)
    assert "nothing came through the pipe" in info.value.problems[0].message


RUNNER = CliRunner()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_device_is_read_only_up_to_the_limit() -> None:
    result = RUNNER.invoke(cli, ["validate", "/dev/zero"])
    assert result.exit_code == 1
    assert f"larger than {MAX_FILE_BYTES // 1024:,} KiB" in result.output


def test_a_fifo_is_read_as_a_stream(tmp_path: Path) -> None:
    fifo = tmp_path / "stream.yaml"
    os.mkfifo(fifo)
    text = profile_text().encode()

    def feed() -> None:
        with open(fifo, "wb") as handle:
            handle.write(text)

    writer = threading.Thread(target=feed)
    writer.start()
    loaded = load_profile(fifo)
    writer.join()
    assert loaded.profile.name == "Jordan Rivera"


def test_the_size_message_does_not_contradict_itself(tmp_path: Path) -> None:
    found = problems(tmp_path, "name: J\nsummary: " + "a" * MAX_FILE_BYTES + "\n")
    message = found[0].message
    assert "larger than 1,024 KiB" in message and "is 1,024 KiB" not in message


def test_an_unclosed_quote_is_reported_where_it_opens(tmp_path: Path) -> None:
    p = one_problem(tmp_path, 'name: "Jordan\nheadline: x\nsummary: y\n')
    assert (p.line, p.column) == (1, 7)
    assert "the quote opened here" in p.message


def test_an_unclosed_brace_is_reported_where_it_opens(tmp_path: Path) -> None:
    p = one_problem(tmp_path, "name: J\ncontact: {email: a@b.co\nsummary: y\n")
    assert (p.line, p.column) == (2, 10)
    assert "`{` opened here" in p.message


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_line_separators_in_comments_are_yaml_1_2_text(tmp_path: Path, separator: str) -> None:
    loaded = load(tmp_path, f"name: Jordan Rivera # a comment{separator}with a separator\n")
    assert loaded.profile.name == "Jordan Rivera"


def test_a_line_separator_in_a_literal_block_is_kept(tmp_path: Path) -> None:
    loaded = load(tmp_path, "name: J\nsummary: |\n  one\u2028two\n  three\n")
    assert loaded.profile.summary == "one\u2028two\nthree"


def test_nesting_too_deep_has_a_line(tmp_path: Path) -> None:
    p = one_problem(tmp_path, "name: J\nsummary: " + "[" * 5000 + "\n")
    assert p.line == 2 and p.column > 0
    assert "nests more than" in p.message


def test_a_long_run_of_brackets_is_refused_at_once(tmp_path: Path) -> None:
    """Refused by a linear scan before ruamel's scanner (quadratic in such runs) sees it."""
    p = one_problem(tmp_path, "name: J\nsummary: " + "[ " * 100_000 + "]" * 100_000 + "\n")
    assert (p.line, p.column) == (2, 10) and "nests more than 64" in p.message
