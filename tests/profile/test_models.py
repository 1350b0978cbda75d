"""The profile's fields as the models check them: required text, e-mail, URLs, enums, dates,
stacks, and what a name may hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import load, one_problem, problems, profile_text


@pytest.mark.parametrize("field", ["name", "issuer"])
def test_blank_required_text_is_an_error(tmp_path: Path, field: str) -> None:
    text = profile_text().replace(
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
    text = profile_text(
        "stacks:\n  - name: Ads\n    credentials: [google-ads-search-certification,\n"
        "      google-ads-search-certification]\n"
    )
    p = one_problem(tmp_path, text)
    assert p.field == "stacks[0].credentials[1]" and "already in this stack" in p.message


def test_stacks_whose_names_slug_alike(tmp_path: Path) -> None:
    text = profile_text(
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
    loaded = load(tmp_path, profile_text(credential_fields=f"    kind: {written}\n"))
    assert loaded.profile.credentials[0].kind.value == meant


@pytest.mark.parametrize(
    ("written", "suggestion"),
    [("Nov 2025", "2025-11"), ("2026-6-1", "2026-06-01"), ("11/2025", "2025-11")],
)
def test_hand_written_dates_get_the_iso_spelling(
    tmp_path: Path, written: str, suggestion: str
) -> None:
    text = profile_text().replace("issued: 2026-02", f"issued: {written}")
    p = one_problem(tmp_path, text)
    assert f"did you mean `{suggestion}`?" in p.message


def test_a_huge_number_of_hours_gives_the_range(tmp_path: Path) -> None:
    p = one_problem(tmp_path, profile_text(credential_fields="    hours: " + "9" * 400 + "\n"))
    assert "from more than 0 to 100,000" in p.message
    assert len(p.message) < 200


@pytest.mark.parametrize("brk", ["\\n", "\\r", "\\u2028", "\\x85"])
def test_a_line_break_in_the_name_is_an_error_at_its_line(tmp_path: Path, brk: str) -> None:
    text = profile_text().replace("name: Jordan Rivera", f'name: "Jordan{brk}Rivera"')
    problem = one_problem(tmp_path, text)
    assert problem.line == 1 and problem.field == "name"
    # CR and NEL were already refused as control characters; LF and LS passed before.
    expected = "control character" if brk in ("\\r", "\\x85") else "spans more than one line"
    assert expected in problem.message


def test_a_block_scalar_title_or_issuer_is_refused_but_a_summary_is_not(tmp_path: Path) -> None:
    text = profile_text(
        "summary: |\n  Two lines\n  of summary.\n"
        "experience:\n  - title: |\n      Store\n      manager\n"
        "    organization: Trailhead\n    start: 2020-01\n"
    ).replace("issuer: Google", 'issuer: "Goo\\ngle"')
    found = {p.field: p for p in problems(tmp_path, text)}
    assert set(found) == {"credentials[0].issuer", "experience[0].title"}
