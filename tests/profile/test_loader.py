"""One test per class of mistake: the reported place and the message."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from showcase.cli import cli
from showcase.errors import Problem, ProfileError
from showcase.profile import load_profile
from tests.helpers import load, one_problem, problems, profile_text

VALID_CREDENTIAL = """
  - name: Google Ads Search Certification
    issuer: Google
    issued: 2026-02
"""


def test_yaml_syntax_error_points_at_the_line(tmp_path: Path) -> None:
    p = one_problem(tmp_path, "name: Jordan\nheadline: Lead: Data\n")
    assert (p.line, p.column) == (2, 15)
    assert "YAML syntax error" in p.message
    assert "must be quoted" in p.message


def test_unclosed_flow_list(tmp_path: Path) -> None:
    p = one_problem(tmp_path, "name: x\ncredentials:\n  - name: [a\n")
    # Reported where the `[` opens, not where the parser gave up.
    assert (p.line, p.column) == (3, 11) and "the `[` opened here" in p.message


def test_unknown_key_suggests_the_close_one(tmp_path: Path) -> None:
    p = one_problem(
        tmp_path,
        """
        name: Jordan
        credentials:
          - name: A
            isuer: Google
            issuer: Google
            issued: 2026-02
        """,
    )
    assert (p.line, p.column, p.field) == (4, 5, "credentials[0].isuer")
    assert "did you mean `issuer`?" in p.message


def test_unknown_key_without_close_match_lists_allowed(tmp_path: Path) -> None:
    p = one_problem(tmp_path, "name: Jordan\nfavourite_color: blue\n")
    assert (p.line, p.field) == (2, "favourite_color")
    assert "expected one of: name, headline, contact" in p.message


def test_duplicate_key_names_the_first_line(tmp_path: Path) -> None:
    p = one_problem(tmp_path, "name: Jordan\nheadline: a\nname: Rivera\n")
    assert (p.line, p.column, p.field) == (3, 1, "name")
    assert "duplicate key `name` (first given at line 1)" in p.message


def test_duplicate_credential_ids(tmp_path: Path) -> None:
    p = one_problem(
        tmp_path,
        """
        name: Jordan
        credentials:
          - id: ads
            name: A
            issuer: Google
            issued: 2026-02
          - id: ads
            name: B
            issuer: Google
            issued: 2026-03
        """,
    )
    assert (p.line, p.field) == (7, "credentials[1].id")
    assert "`ads` is already used at line 3" in p.message


def test_duplicate_ids_made_from_names(tmp_path: Path) -> None:
    p = one_problem(
        tmp_path,
        "name: J\ncredentials:" + VALID_CREDENTIAL + VALID_CREDENTIAL,
    )
    assert p.line == 7  # the second item; a blank line separates them
    assert "made from its name" in p.message and "at line 3" in p.message


def test_duplicate_project_ids(tmp_path: Path) -> None:
    p = one_problem(tmp_path, "name: J\nprojects:\n  - title: Churn\n  - title: churn\n")
    assert (p.line, p.field) == (4, "projects[1].title")


def test_missing_required_field_is_reported_at_its_mapping(tmp_path: Path) -> None:
    p = one_problem(tmp_path, "name: J\ncredentials:\n  - name: A\n    issued: 2026-01\n")
    assert (p.line, p.column, p.field) == (3, 5, "credentials[0].issuer")
    assert p.message == "missing required field `issuer`"


def test_missing_name(tmp_path: Path) -> None:
    p = one_problem(tmp_path, "headline: x\n")
    assert (p.line, p.field) == (1, "name")
    assert "missing required field `name`" in p.message


@pytest.mark.parametrize(
    ("text", "line", "field", "expected"),
    [
        ("name: J\ncredentials:\n  name: A\n", 3, "credentials", "expected a list"),
        ("name: J\ncontact: [a, b]\n", 2, "contact", "expected a mapping"),
        ("name: [J]\n", 1, "name", "expected text, got a list"),
        (
            "name: J\ncredentials:\n  - name: A\n    issuer: B\n    issued: 2026\n    hours: ten\n",
            6,
            "credentials[0].hours",
            "expected a number, got the text `ten`",
        ),
        (
            "name: J\ncredentials:\n  - name: A\n    issuer: B\n    issued: 2026\n"
            "    featured: maybe\n",
            6,
            "credentials[0].featured",
            "expected true or false",
        ),
    ],
)
def test_wrong_types(tmp_path: Path, text: str, line: int, field: str, expected: str) -> None:
    p = one_problem(tmp_path, text)
    assert (p.line, p.field) == (line, field)
    assert expected in p.message


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-13", "there is no month 13"),
        ("2026-02-30", "February 2026 has 28 days"),
        ("2025-02-29", "February 2025 has 28 days"),
        ("March 2026", "did you mean `2026-03`?"),
        ("1066", "the year 1066 is out of range: give one from 1900 to 2200"),
        ("9999-12", "the year 9999 is out of range: give one from 1900 to 2200"),
    ],
)
def test_impossible_dates(tmp_path: Path, value: str, expected: str) -> None:
    p = one_problem(
        tmp_path, f"name: J\ncredentials:\n  - name: A\n    issuer: B\n    issued: {value}\n"
    )
    assert (p.line, p.column, p.field) == (5, 13, "credentials[0].issued")
    assert expected in p.message


def test_leap_day_is_fine(tmp_path: Path) -> None:
    loaded = load(
        tmp_path, "name: J\ncredentials:\n  - name: A\n    issuer: B\n    issued: 2024-02-29\n"
    )
    assert loaded.profile.credentials[0].issued.iso() == "2024-02-29"


def test_end_before_start(tmp_path: Path) -> None:
    p = one_problem(
        tmp_path,
        "name: J\nexperience:\n  - title: T\n    organization: O\n    start: 2021-05\n"
        "    end: 2020-01\n",
    )
    assert (p.line, p.field) == (6, "experience[0].end")
    assert "before start 2021-05" in p.message


def test_expiry_before_issue(tmp_path: Path) -> None:
    p = one_problem(
        tmp_path,
        "name: J\ncredentials:\n  - name: A\n    issuer: B\n    issued: 2026-05\n"
        "    expires: 2026-01\n",
    )
    assert (p.line, p.field) == (6, "credentials[0].expires")
    assert "expires before it was issued" in p.message


def test_enum_lists_allowed_values(tmp_path: Path) -> None:
    p = one_problem(
        tmp_path,
        "name: J\ncredentials:\n  - name: A\n    issuer: B\n    issued: 2026\n    kind: trophy\n",
    )
    assert (p.line, p.column, p.field) == (6, 11, "credentials[0].kind")
    assert "`trophy` is not allowed here" in p.message
    assert "certificate, certification, badge, nanodegree, course or license" in p.message


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://example.com/x", "file:///etc/passwd", "www.example.com"]
)
def test_urls_must_be_http(tmp_path: Path, url: str) -> None:
    p = one_problem(tmp_path, f'name: J\ncontact:\n  website: "{url}"\n')
    assert (p.line, p.field) == (3, "contact.website")
    assert "https://" in p.message


def test_control_characters_name_the_field(tmp_path: Path) -> None:
    p = one_problem(tmp_path, 'name: J\nsummary: "bell\\x07here"\n')
    assert (p.line, p.field) == (2, "summary")
    assert "control character" in p.message and "DOCX or PDF" in p.message


def test_raw_control_characters_in_the_file(tmp_path: Path) -> None:
    p = one_problem(tmp_path, "name: J\x1b\n")
    assert (p.line, p.column) == (1, 8)
    assert "control character U+001B" in p.message


def test_tabs_and_newlines_are_fine(tmp_path: Path) -> None:
    loaded = load(tmp_path, 'name: J\nsummary: "a\\tb\\nc"\n')
    assert loaded.profile.summary == "a\tb\nc"


def test_stack_reference_to_no_credential(tmp_path: Path) -> None:
    p = one_problem(
        tmp_path,
        "name: J\ncredentials:\n  - id: ads\n    name: A\n    issuer: B\n    issued: 2026\n"
        "stacks:\n  - name: S\n    credentials: [ads, adz]\n",
    )
    assert (p.line, p.column, p.field) == (9, 24, "stacks[0].credentials[1]")
    assert "no credential has the id `adz`; did you mean `ads`?" in p.message


def test_project_reference_to_no_credential(tmp_path: Path) -> None:
    p = one_problem(tmp_path, "name: J\nprojects:\n  - title: P\n    credential: nope\n")
    assert (p.line, p.field) == (4, "projects[0].credential")
    assert "no credential has the id `nope`" in p.message


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("../outside.png", "leaves the profile's folder"),
        ("badges/../../outside.png", "leaves the profile's folder"),
        ("/etc/passwd", "absolute path"),
        ("data:image/png;base64,AAAA", "`data:` is not allowed"),
    ],
)
def test_badge_image_paths_stay_inside(tmp_path: Path, value: str, expected: str) -> None:
    p = one_problem(
        tmp_path,
        f"name: J\ncredentials:\n  - name: A\n    issuer: B\n    issued: 2026\n"
        f'    badge_image: "{value}"\n',
    )
    assert (p.line, p.field) == (6, "credentials[0].badge_image")
    assert expected in p.message


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    p = one_problem(tmp_path, "- name: J\n")
    assert "must be a mapping" in p.message and "not a list" in p.message


def test_plain_text_file(tmp_path: Path) -> None:
    p = one_problem(tmp_path, "just some words\n")
    assert "must be a mapping" in p.message


@pytest.mark.parametrize("text", ["", "# only a comment\n", "\n\n"])
def test_empty_file(tmp_path: Path, text: str) -> None:
    p = one_problem(tmp_path, text)
    assert "the file is empty" in p.message


def test_file_over_one_mib(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("name: J\nsummary: " + "a" * (1024 * 1024) + "\n")
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    assert "larger than 1,024 KiB, the most a profile may be" in info.value.problems[0].message


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("name: Jos\xe9\n".encode("latin-1"))
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    p = info.value.problems[0]
    assert (p.line, p.column) == (1, 10) and "not UTF-8" in p.message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ProfileError) as info:
        load_profile(tmp_path / "nope.yaml")
    assert "no such file" in info.value.problems[0].message


@pytest.mark.slow
def test_alias_bomb_fails_fast_with_bounded_memory(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
        previous = name
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\nname: J\n")
    import tracemalloc

    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "alias bomb" in info.value.problems[0].message
    # Not a timing test of speed: a bomb that expanded would take hours, not seconds.
    assert elapsed < 30
    assert peak < 200 * 1024 * 1024


def test_self_referencing_alias(tmp_path: Path) -> None:
    p = one_problem(tmp_path, "name: J\nx: &a [*a]\n")
    assert "YAML" in p.message or "nested too deeply" in p.message


def test_every_problem_of_a_file_in_one_run(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        """
        name: J
        contact:
          email: nope
        credentials:
          - name: A
            issuer: B
            issued: 2026-13
            kind: trophy
        stacks:
          - name: S
            credentials: [zzz]
        """,
    )
    assert [p.line for p in found] == [3, 7, 8, 11]


def test_numbers_keep_their_written_form(tmp_path: Path) -> None:
    loaded = load(
        tmp_path,
        "name: J\ncredentials:\n  - name: A\n    issuer: B\n    issued: 2026\n"
        "    credential_id: 00172\n",
    )
    assert loaded.profile.credentials[0].credential_id == "00172"


def test_lone_surrogate_escape(tmp_path: Path) -> None:
    p = one_problem(tmp_path, 'name: J\nheadline: "x\\ud800y"\n')
    assert (p.line, p.field) == (2, "headline")
    assert "lone surrogate (U+D800)" in p.message


RUNNER = CliRunner()


def test_ids_that_differ_only_in_case_are_one_id(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        "name: A\ncredentials:\n"
        "  - id: Caps\n    name: A\n    issuer: B\n    issued: 2025-01\n"
        "  - id: caps\n    name: C\n    issuer: D\n    issued: 2025-01\n"
    )
    result = RUNNER.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1 and "already used at line 3" in result.output


def test_a_huge_bad_value_makes_a_short_message(tmp_path: Path) -> None:
    found = problems(tmp_path, profile_text(credential_fields="    kind: " + "x" * 300_000 + "\n"))
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


@pytest.mark.parametrize(
    "text", ["CompTIA\\u202e", "\\u2067CompTIA", "\\u202eAIT\\u202cpmoC\\u202e"]
)
def test_a_direction_override_left_open_is_refused(tmp_path: Path, text: str) -> None:
    """An override or isolate that is never closed (from a pasted or imported name)
    reverses the text after it wherever the value is placed: `CompTIA‮'s LinkedIn page`."""
    p = one_problem(tmp_path, f'name: J\nsummary: "{text}"\n')
    assert (p.line, p.field) == (2, "summary")
    assert "not closed" in p.message and ("U+202" in p.message or "U+206" in p.message)


def test_closed_direction_marks_are_fine(tmp_path: Path) -> None:
    """Right-to-left text set apart as Unicode says (an isolate, an embedding closed,
    a mark) stays as written."""
    text = "\\u2067\\u05e9\\u05dc\\u05d5\\u05dd\\u2069 and \\u202bx\\u202c\\u200f"
    loaded = load(tmp_path, f'name: J\nsummary: "{text}"\n')
    assert loaded.profile.summary is not None and "\u2069" in loaded.profile.summary


_JOBS = """name: Sam Lee
contact:
  email: sam@example.com
experience:
{jobs}
"""
_CASHIER = """  - title: Cashier
    organization: Corner Shop
    start: 2010-01
    end: 2015-06
"""
_ANALYST = """  - title: Data Analyst
    organization: Newco
    start: 2015-07
    end: {end}
"""
_CONTRACT = """  - title: Contract Analyst
    organization: Oldco
    start: 2014-01
    end: 2016-03
"""


def _oldest_first_warnings(tmp_path: Path, jobs: str, sections: str = "") -> list[Problem]:
    text = _JOBS.format(jobs=jobs) + sections
    return [w for w in load(tmp_path, text).warnings if "oldest first" in w.message]


@pytest.mark.parametrize(
    ("jobs", "expected"),
    [
        (_CASHIER + _ANALYST.format(end="present"), 1),  # oldest first
        (_CASHIER + _ANALYST.format(end="2020-01"), 1),  # both ended, oldest first
        (_ANALYST.format(end="present") + _CASHIER, 0),  # newest first
        (_CONTRACT + _ANALYST.format(end="present"), 1),  # overlapping, yet oldest first
        (_ANALYST.format(end="2015-12") + _CONTRACT, 0),  # started later, ended earlier
        (_CASHIER, 0),  # one job
    ],
)
def test_a_resume_whose_jobs_are_listed_oldest_first_says_so(
    tmp_path: Path, jobs: str, expected: int
) -> None:
    """The resume keeps the profile's order; an oldest-first list of jobs is the opposite
    of what recruiters and parsers read for (found by the QA pass: no word of it)."""
    found = _oldest_first_warnings(tmp_path, jobs)
    assert len(found) == expected
    if expected:  # at the newer job, the one to move: the second, on line 9
        assert (found[0].field, found[0].line) == ("experience[1]", 9)
        assert "above it" in found[0].message


def test_no_word_of_the_order_when_the_resume_shows_no_jobs(tmp_path: Path) -> None:
    sections = "resume:\n  sections: [skills]\nskills:\n  - group: Data\n    items: [SQL]\n"
    jobs = _CASHIER + _ANALYST.format(end="present")
    assert _oldest_first_warnings(tmp_path, jobs, sections) == []


@pytest.mark.parametrize(
    ("name", "issuer", "warned"),
    [
        ("Google", "Google", True),
        ("NLN", "NLN", True),
        ("the Linux Foundation", "The Linux Foundation", True),
        ("Google Data Analytics Professional Certificate", "Google", False),
        ("CompTIA A+", "CompTIA", False),
    ],
)
def test_a_credential_named_as_its_issuer_is_warned_of(
    tmp_path: Path, name: str, issuer: str, warned: bool
) -> None:
    """A credential called by its issuer's name gave "I'm building on ... and the Google"
    and "I hold the NLN, awarded by NLN" (QA): showcase cannot tell which one it is."""
    text = (
        f"name: Kim Lee\ncredentials:\n  - name: {name}\n    issuer: {issuer}\n"
        "    issued: 2025-01\n"
    )
    found = [w for w in load(tmp_path, text).warnings if w.field == "credentials[0].name"]
    assert bool(found) is warned
    if warned:
        assert found[0].line == 3 and "the credential's own name" in found[0].message
