"""The command line, as a user meets it."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import showcase.cli.app as app
from showcase import __version__
from showcase.cli import cli, main
from tests.conftest import EXAMPLES

RUNNER = CliRunner()


def run(*args: str) -> click.testing.Result:
    return RUNNER.invoke(cli, list(args), catch_exceptions=False)


def all_commands() -> list[str]:
    return sorted(app.all_commands())


@pytest.mark.parametrize("command", all_commands())
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output
    assert f"showcase {command}" in result.output


def _subcommands() -> list[tuple[str, str]]:
    assert isinstance(cli, click.Group)
    return [
        (name, sub)
        for name, command in sorted(app.all_commands().items())
        if isinstance(command, click.Group)
        for sub in sorted(command.commands)
    ]


@pytest.mark.parametrize(("group", "command"), _subcommands())
def test_every_subcommand_has_help_with_an_example(group: str, command: str) -> None:
    # `showcase cache info --help` and `cache clear --help` had none (words round 2).
    result = run(group, command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output
    assert f"showcase {group} {command}" in result.output


@pytest.mark.parametrize("group", ["", "applications", "cache"])
def test_every_commands_summary_is_whole_and_says_what_it_does(group: str) -> None:
    """In an 80-column terminal the list of commands cut summaries mid-sentence ("Follow
    the jobs you applied to: status, contacts, notes,..."), and one opened with a noun
    ("The layout cache: ..."): each is now a whole phrase that opens with a verb."""
    result = RUNNER.invoke(cli, [*group.split(), "--help"], terminal_width=80)
    assert result.exit_code == 0
    listed = result.output.split("Commands:\n", 1)[1].splitlines()
    assert listed
    for line in listed:
        _, summary = line.split(maxsplit=1)
        assert not summary.endswith("..."), line
        assert summary.endswith("."), line
        assert summary.split()[0].rstrip(",") in VERBS, line


# The verbs a command's summary opens with, in the imperative.
VERBS = frozenset(
    {
        "Add",
        "Browse",
        "Build",
        "Change",
        "Check",
        "Compare",
        "Edit",
        "Export",
        "Follow",
        "List",
        "Print",
        "Read",
        "Remove",
        "Review",
        "Show",
        "Write",
    }
)


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.output


def test_init_writes_a_valid_starter_and_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "me.yaml"
    result = run("init", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_text()
    assert text.startswith("# yaml-language-server: $schema=./showcase-profile.schema.json")
    schema = json.loads((tmp_path / "showcase-profile.schema.json").read_text())
    assert schema["properties"]["credentials"]
    assert run("validate", str(target)).exit_code == 0

    target.write_text(text + "# my edit\n")
    result = run("init", str(target))
    assert result.exit_code == 1
    assert "already exists" in result.output
    assert target.read_text().endswith("# my edit\n")


def test_validate_summary_and_warnings() -> None:
    result = run("validate", str(EXAMPLES / "priya-raman.yaml"), "--today", "2026-11-28")
    assert result.exit_code == 0
    assert "valid profile of Priya Raman, PMP" in result.output
    assert "4 active, 0 expiring, 1 expired" in result.output
    assert "warning: credentials[1].expires" in result.output


def test_validate_counts_every_warning_it_lists(tmp_path: Path) -> None:
    """The count above the warnings is of all of them, the rendering's too (was the
    profile's alone: "1 warning:" above five)."""
    path = tmp_path / "profile.yaml"
    path.write_text("name: Ann Lee\nheadline: Nurse\n", "utf-8")
    result = run("validate", str(path), "--today", "2026-11-28")
    assert result.exit_code == 0, result.output
    listed = result.output.count(": warning: ")
    assert listed > 1
    assert f"  {listed} warnings:" in result.output


def test_validate_reports_every_error_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: J\ncontact:\n  emial: x@example.com\ncredentials: 3\n")
    good = EXAMPLES / "minimal.yaml"
    result = run("validate", str(bad), str(good))
    assert result.exit_code == 1
    assert f"{bad}:3:3: error: contact.emial: unknown field `emial`; did you mean `email`?" in (
        result.output
    )
    assert f"{bad}:4:14: error: credentials: expected a list" in result.output
    assert "valid profile of Sam Lee" in result.output  # the good one is still checked
    assert "Traceback" not in result.output


def test_bad_today_is_a_usage_error() -> None:
    result = run("validate", str(EXAMPLES / "minimal.yaml"), "--today", "28/11/2026")
    assert result.exit_code == 2 and "not a date like" in result.output


def test_schema_matches_the_committed_copy() -> None:
    result = run("schema")
    assert result.exit_code == 0
    committed = (EXAMPLES / "showcase-profile.schema.json").read_text()
    hint = "run: showcase schema -o examples/showcase-profile.schema.json"
    assert result.output == committed, hint


def test_schema_validates_the_examples() -> None:
    import jsonschema

    from showcase.profile.source import read_source

    schema = json.loads(run("schema").output)
    for path in EXAMPLES.glob("*.yaml"):
        jsonschema.validate(read_source(path).data, schema)


def _modules_after(*args: str) -> set[str]:
    code = (
        "import sys\nfrom showcase.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print('MODULES', ' '.join(sorted(sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    ).stdout
    line = next(line for line in out.splitlines() if line.startswith("MODULES "))
    return set(line.split()[1:])


def test_help_does_not_import_heavy_writers() -> None:
    modules = _modules_after("--help")
    assert "weasyprint" not in modules
    assert "docx" not in modules
    assert "click" in modules  # the probe itself worked


def test_validate_renders_everything_but_never_lays_out_a_pdf() -> None:
    modules = _modules_after("validate", str(EXAMPLES / "jordan-rivera.yaml"))
    assert "weasyprint" not in modules
    assert "docx" in modules  # the DOCX files are built in memory: valid means it builds


@pytest.mark.parametrize("command", ["resume", "interview"])
def test_file_commands_refuse_stdout(command: str) -> None:
    result = RUNNER.invoke(cli, [command, str(EXAMPLES / "minimal.yaml"), "-o", "-", "-f", "md"])
    assert result.exit_code == 2 and "give a folder" in result.output
    assert not Path("-").exists()


def test_schema_never_overwrites_a_file_it_did_not_write(tmp_path: Path) -> None:
    target = tmp_path / "notes.json"
    target.write_text('{"mine": true}')
    result = run("schema", "-o", str(target))
    assert result.exit_code == 1 and "not a showcase schema" in result.output
    assert target.read_text() == '{"mine": true}'
    ours = tmp_path / "showcase-profile.schema.json"
    assert run("schema", "-o", str(ours)).exit_code == 0
    assert run("schema", "-o", str(ours)).exit_code == 0  # refreshing our own is fine
    assert run("schema", "-o", str(target), "--force").exit_code == 0
    assert json.loads(target.read_text())["$id"].endswith("profile-v1.json")


def test_the_starter_models_a_good_story(tmp_path: Path) -> None:
    from showcase.artifacts.interview import question_bank_path
    from showcase.artifacts.question_bank import load_question_bank
    from showcase.profile import load_profile
    from showcase.views.interview import interview_sheet

    target = tmp_path / "profile.yaml"
    assert run("init", str(target)).exit_code == 0
    loaded = load_profile(target, today=dt.date(2026, 11, 28))
    assert loaded.warnings == ()
    sheet = interview_sheet(loaded, load_question_bank(question_bank_path(None)))
    assert sheet.stories and all(s.warnings == () for s in sheet.stories)
    # The starter's "Tell me about yourself" is short (two jobs, one credential): the sheet
    # says so, which is what a new user should hear.
    assert sheet.pitch.sentences and sheet.pitch.career_change


def test_missing_templates_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = RUNNER.invoke(
        cli,
        [
            "resume",
            str(EXAMPLES / "minimal.yaml"),
            "-o",
            str(tmp_path),
            "-f",
            "txt",
            "--templates",
            str(tmp_path / "nope"),
        ],
    )
    assert result.exit_code == 1
    assert f"--templates {tmp_path / 'nope'}: no such folder" in result.output
    assert "Traceback" not in result.output and "Internal error" not in result.output


def test_sigterm_unwinds_like_ctrl_c(monkeypatch: pytest.MonkeyPatch) -> None:
    def terminated(*_: object, **__: object) -> None:
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(app.cli, "main", terminated)
    previous = signal.getsignal(signal.SIGTERM)
    try:
        with pytest.raises(SystemExit) as info:
            main([])
        assert info.value.code == 128 + signal.SIGTERM
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_a_command_imports_its_own_module_only(tmp_path: Path) -> None:
    from tests.helpers import imported_by

    others = [f"showcase.cli.{module}" for module, _ in app.COMMANDS.values()]
    args = ["resume", str(EXAMPLES / "minimal.yaml"), "-o", str(tmp_path / "out")]
    found = imported_by([*args, "--format", "txt", "--today", "2026-11-28"], others)
    assert found == ["showcase.cli.resume"]


def test_every_command_is_listed_and_a_near_miss_is_named() -> None:
    listed = run("--help").output
    for name in app.COMMANDS:
        assert f"\n  {name} " in listed
    result = RUNNER.invoke(cli, ["resum"])
    assert result.exit_code == 2
    assert "No such command 'resum'. Did you mean 'resume'?" in result.output


def test_every_command_module_is_listed_under_its_own_name() -> None:
    """The lazily loaded commands are listed by hand (app.COMMANDS): a command module left
    out would be unreachable, and a name that differs from the command's own would show
    two spellings. Every module of showcase.cli that defines a command is listed, under
    the name the command gives itself."""
    import importlib
    import pkgutil

    import showcase.cli

    found: dict[str, tuple[str, str]] = {}
    for info in pkgutil.iter_modules(showcase.cli.__path__):
        if info.name == "app":  # the group itself
            continue
        module = importlib.import_module(f"showcase.cli.{info.name}")
        commands = {k: v for k, v in vars(module).items() if isinstance(v, click.Command)}
        below = {
            id(c)
            for g in commands.values()
            if isinstance(g, click.Group)
            for c in g.commands.values()
        }
        for attribute, command in commands.items():
            callback = command.callback
            if id(command) not in below and callback and callback.__module__ == module.__name__:
                found[command.name or attribute] = (info.name, attribute)
    assert found == app.COMMANDS
