"""Regressions from hostile testing of the profile reader (issue #10): each failed before."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from showcase.cli import cli
from showcase.errors import Problem
from showcase.profile import load_profile
from showcase.profile.source import MAX_FILE_BYTES
from tests.helpers import load, one_problem, problems

RUNNER = CliRunner()

CREDENTIAL = """
  - name: Google Ads Search Certification
    issuer: Google
    issued: 2026-02
"""


def profile(extra: str = "", credential_fields: str = "") -> str:
    return f"name: Jordan Rivera\ncredentials:{CREDENTIAL}{credential_fields}{extra}"


# --- reading: bounded, whatever the file is ------------------------------------------------


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_device_is_read_only_up_to_the_limit() -> None:
    result = RUNNER.invoke(cli, ["validate", "/dev/zero"])
    assert result.exit_code == 1
    assert f"larger than {MAX_FILE_BYTES // 1024:,} KiB" in result.output


def test_a_fifo_is_read_as_a_stream(tmp_path: Path) -> None:
    fifo = tmp_path / "stream.yaml"
    os.mkfifo(fifo)
    text = profile().encode()

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


# --- positions --------------------------------------------------------------------------


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


def test_a_huge_bad_value_makes_a_short_message(tmp_path: Path) -> None:
    found = problems(tmp_path, profile(credential_fields="    kind: " + "x" * 300_000 + "\n"))
    line = found[0].format()
    assert len(line) < 1000
    assert "…" in line


def test_escape_codes_never_reach_the_terminal(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text('name: J\n"bad\\e[31mkey": 1\n', encoding="utf-8")
    result = RUNNER.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1
    assert "\x1b" not in result.output
    assert "\\x1b[31mkey" in result.output


def test_problem_format_escapes_control_characters() -> None:
    problem = Problem("f.yaml", 1, 2, "a\x1bb", "bad \x07 value\nsecond line")
    text = problem.format()
    assert "\x1b" not in text and "\x07" not in text and "\n" not in text


# --- values -----------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["name", "issuer"])
def test_blank_required_text_is_an_error(tmp_path: Path, field: str) -> None:
    text = profile().replace(
        "Google Ads Search Certification" if field == "name" else "issuer: Google",
        '"   "' if field == "name" else 'issuer: "   "',
    )
    p = one_problem(tmp_path, text)
    assert p.field == f"credentials[0].{field}" and "is blank" in p.message


@pytest.mark.parametrize("blank", ["  ", "\\u200b\\u200b", "\\u2060 \\ufeff"])
def test_blank_profile_name_is_an_error(tmp_path: Path, blank: str) -> None:
    p = one_problem(tmp_path, f'name: "{blank}"\n')
    assert p.field == "name" and "is blank" in p.message


@pytest.mark.parametrize("field", ["name", "issuer", "issued"])
def test_import_placeholders_never_validate(tmp_path: Path, field: str) -> None:
    values = {"name": "Google Ads Search Certification", "issuer": "Google", "issued": "2026-02"}
    values[field] = "TODO"
    text = "name: J\ncredentials:\n" + "".join(
        f"  {'- ' if i == 0 else '  '}{k}: {v}\n" for i, (k, v) in enumerate(values.items())
    )
    p = one_problem(tmp_path, text)
    assert p.field == f"credentials[0].{field}"
    assert p.line == 3 + list(values).index(field)


def test_a_credential_twice_in_one_stack(tmp_path: Path) -> None:
    text = profile(
        "stacks:\n  - name: Ads\n    credentials: [google-ads-search-certification,\n"
        "      google-ads-search-certification]\n"
    )
    p = one_problem(tmp_path, text)
    assert p.field == "stacks[0].credentials[1]" and "already in this stack" in p.message


def test_stacks_whose_names_slug_alike(tmp_path: Path) -> None:
    text = profile(
        "stacks:\n"
        "  - name: Digital Marketing\n    credentials: [google-ads-search-certification]\n"
        "  - name: digital marketing!\n    credentials: [google-ads-search-certification]\n"
    )
    p = one_problem(tmp_path, text)
    assert p.field == "stacks[1].name" and "digital-marketing" in p.message


@pytest.mark.parametrize(
    "email",
    ["a@b.co?bcc=victim@example.com", "javascript:alert(1)//@b.co", "a@b", "a b@c.co", ".a@b.co"],
)
def test_email_is_a_plain_address(tmp_path: Path, email: str) -> None:
    p = one_problem(tmp_path, f'name: J\ncontact:\n  email: "{email}"\n')
    assert p.field == "contact.email" and "not an email address" in p.message


def test_international_email_addresses_are_fine(tmp_path: Path) -> None:
    loaded = load(tmp_path, "name: J\ncontact:\n  email: jürgen.o'neil+cv@müller.example.de\n")
    assert loaded.profile.contact.email == "jürgen.o'neil+cv@müller.example.de"


@pytest.mark.parametrize("bad", ["https://a.example/x\\ny", "https://a.example/x\\ty"])
def test_urls_with_whitespace_are_refused(tmp_path: Path, bad: str) -> None:
    p = one_problem(tmp_path, f'name: J\ncontact:\n  website: "{bad}"\n')
    assert "space, tab or line break" in p.message


def test_unsafe_url_characters_are_percent_encoded(tmp_path: Path) -> None:
    loaded = load(tmp_path, 'name: J\ncontact:\n  website: "https://a.example/<b>?q=\\"1\\"&ü"\n')
    assert loaded.profile.contact.website == "https://a.example/%3Cb%3E?q=%221%22&%C3%BC"


@pytest.mark.parametrize(("written", "meant"), [("Certificate", "certificate"), ("BADGE", "badge")])
def test_enum_values_in_any_case(tmp_path: Path, written: str, meant: str) -> None:
    loaded = load(tmp_path, profile(credential_fields=f"    kind: {written}\n"))
    assert loaded.profile.credentials[0].kind.value == meant


@pytest.mark.parametrize(
    ("written", "suggestion"),
    [("Nov 2025", "2025-11"), ("2026-6-1", "2026-06-01"), ("11/2025", "2025-11")],
)
def test_hand_written_dates_get_the_iso_spelling(
    tmp_path: Path, written: str, suggestion: str
) -> None:
    text = profile().replace("issued: 2026-02", f"issued: {written}")
    p = one_problem(tmp_path, text)
    assert f"did you mean `{suggestion}`?" in p.message


def test_a_huge_number_of_hours_gives_the_range(tmp_path: Path) -> None:
    p = one_problem(tmp_path, profile(credential_fields="    hours: " + "9" * 400 + "\n"))
    assert "from more than 0 to 100,000" in p.message
    assert len(p.message) < 200


# --- one-line fields (issue #30, 4): a line break in a name crashed validate and renewals --


@pytest.mark.parametrize("brk", ["\\n", "\\r", "\\u2028", "\\x85"])
def test_a_line_break_in_the_name_is_an_error_at_its_line(tmp_path: Path, brk: str) -> None:
    text = profile().replace("name: Jordan Rivera", f'name: "Jordan{brk}Rivera"')
    problem = one_problem(tmp_path, text)
    assert problem.line == 1 and problem.field == "name"
    # CR and NEL were already refused as control characters; LF and LS passed before.
    expected = "control character" if brk in ("\\r", "\\x85") else "spans more than one line"
    assert expected in problem.message


def test_a_block_scalar_title_or_issuer_is_refused_but_a_summary_is_not(tmp_path: Path) -> None:
    text = profile(
        "summary: |\n  Two lines\n  of summary.\n"
        "experience:\n  - title: |\n      Store\n      manager\n"
        "    organization: Trailhead\n    start: 2020-01\n"
    ).replace("issuer: Google", 'issuer: "Goo\\ngle"')
    found = {p.field: p for p in problems(tmp_path, text)}
    assert set(found) == {"credentials[0].issuer", "experience[0].title"}


def test_commands_that_crashed_on_a_multi_line_name_now_explain(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(profile().replace("name: Jordan Rivera", 'name: "Jordan\\nRivera"'))
    for command in (["validate", str(path)], ["renewals", str(path), "-o", str(tmp_path / "o")]):
        result = RUNNER.invoke(cli, command)
        assert result.exit_code == 1, result.output
        assert "spans more than one line" in result.output
        assert "Internal error" not in result.output
