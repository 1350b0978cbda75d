"""The README cannot drift from the CLI: its commands run, and every command and option
appears in it."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from showcase.cli import cli
from showcase.cli.app import all_commands
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text()
CI = (ROOT / ".ci" / "run").read_text()


def first_code_block() -> list[str]:
    block = README.split("```sh", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip() and not line.startswith("#")]


def test_readme_opens_with_the_two_commands() -> None:
    install_and_run, tests = first_code_block()
    assert "pip install ." in install_and_run
    assert "showcase build examples/jordan-rivera.yaml" in install_and_run
    assert tests == "bash .ci/run"
    assert "pytest" in CI and ".[test]" in CI  # the same command CI runs installs and tests


def test_readme_main_command_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    install_and_run = first_code_block()[0]
    command = install_and_run.split("&&")[-1].strip()
    args = shlex.split(command)
    assert args[0].endswith("showcase")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    result = CliRunner().invoke(cli, [*args[1:], "--today", "2026-11-28"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "example-out" / "index.html").is_file()
    assert (tmp_path / "example-out" / "Jordan-Rivera-Resume.pdf").is_file()


def _commands() -> list[tuple[str, click.Command]]:
    return sorted(all_commands().items())


def readme_section(name: str) -> str:
    """The README's section of one command: from its heading to the next heading."""
    match = re.search(rf"^### `showcase {name}\b.*?(?=^##)", README, re.MULTILINE | re.DOTALL)
    assert match, f"README lacks a section for {name}"
    return match.group(0)


@pytest.mark.parametrize(("name", "command"), _commands(), ids=[n for n, _ in _commands()])
def test_every_command_and_option_is_documented(name: str, command: click.Command) -> None:
    section = readme_section(name)
    # A group (`applications`): each subcommand named in the section, with its options.
    subcommands = command.commands if isinstance(command, click.Group) else {}
    for sub in subcommands:
        assert f"`{sub}" in section or f"|{sub}" in section, f"{name}: {sub}"
    for where, cmd in [(name, command), *((f"{name} {n}", c) for n, c in subcommands.items())]:
        for param in cmd.params:
            if isinstance(param, click.Option):
                for opt in param.opts:
                    if opt.startswith("--") and opt != "--help":
                        assert f"`{opt}" in section or f" {opt}" in section, f"{where}: {opt}"


def test_the_readmes_catalog_count_is_the_catalogs() -> None:
    """ "a bundled catalog of 166" stayed while entries were added (the nursing ones)."""
    from showcase.strategy.catalog import catalog

    said = re.search(r"bundled catalog of (\d+)", README)
    assert said is not None and int(said.group(1)) == len(catalog().credentials)


@pytest.mark.slow
def test_the_readmes_first_steps_run_one_after_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new user runs the README's commands in order in one folder: the example's build,
    then `init`, `validate` and `build` of their own profile. The example was built into
    showcase-out/, so `showcase build profile.yaml` wrote "0 files in showcase-out" and
    refused to mix the two (a new user's read, words round 2)."""
    install_and_run = first_code_block()[0]
    args = shlex.split(install_and_run.split("&&")[-1].strip())
    monkeypatch.chdir(tmp_path)
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    today = ["--today", "2026-11-28"]
    for command in ([*args[1:], *today], ["init", "profile.yaml"], ["validate", "profile.yaml"]):
        result = CliRunner().invoke(cli, command)
        assert result.exit_code == 0, (command, result.output)
    getting_started = README.split("## Getting started", 1)[1].split("\n## ", 1)[0]
    assert "`showcase build profile.yaml` writes" in getting_started
    result = CliRunner().invoke(cli, ["build", "profile.yaml", *today])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "showcase-out" / "Alex-Morgan-Resume.pdf").is_file()


def test_the_readmes_renewals_transcript_is_what_the_command_prints() -> None:
    """It showed `showcase renewals profile.yaml` printing a CISSP and an AZ-900 that no
    profile a reader has holds (a new user's read, words round 2)."""
    block = README.split("$ showcase renewals ", 1)[1].split("```", 1)[0]
    command, printed = block.split("\n", 1)
    result = CliRunner().invoke(cli, ["renewals", *shlex.split(command)])
    assert result.exit_code == 0
    assert result.stdout == printed


def test_the_readmes_resume_for_example_runs(tmp_path: Path) -> None:
    """`showcase resume profile.yaml --for saved/acme-digital-marketing.txt` named files
    no reader has; the example is the bundled profile and a bundled posting."""
    line = next(x for x in README.splitlines() if x.startswith("showcase resume ") and "--for" in x)
    args = shlex.split(line)[1:]
    assert all((ROOT / a).is_file() for a in args if a.endswith((".yaml", ".txt")))
