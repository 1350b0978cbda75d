"""`showcase import --profile` from LinkedIn's data export: the ZIP or its folder, every year's
columns, mapped field by field; what LinkedIn lacks is a TODO listed with its line."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.cli import cli
from showcase.importers.linkedin_export import points, profile_from_export, story
from showcase.importers.profile import import_profile, profile_yaml
from tests.importers.linkedin_layouts import (
    BASIC,
    CURRENT,
    OLDER,
    write_folder,
    write_zip,
    zip_bytes,
)
from tests.importers.test_profile import _import, _load, _problem_lines


def _body(text: str) -> str:
    """The profile without its header comment (which names the source)."""
    return "\n".join(line for line in text.splitlines() if not line.startswith("#"))


def test_a_complete_export_is_mapped_field_by_field(tmp_path: Path) -> None:
    result, text, placeholders = _import(write_zip(tmp_path, CURRENT))
    assert placeholders == [] and _problem_lines(text) == []
    profile = _load(text).profile
    assert profile.name == "Priya Verma"
    assert profile.headline == "Senior Data Scientist at Flipkart"
    assert profile.summary == 'I work on ranking, search and "ML at scale".\nJEC 2012 alumna.'
    contact = profile.contact
    assert contact.email == "priya@example.com"  # the primary one, not the first
    assert contact.phone == "+91 80 5550 0147"
    assert contact.location == "Bengaluru, Karnataka, India"
    assert contact.website == "https://priya.example.com"
    assert contact.github == "https://github.com/priyav"
    current, earlier = profile.experience
    assert (current.title, current.organization, current.start.iso(), current.end) == (
        "Senior Data Scientist",
        "Flipkart",
        "2021-01",
        "present",  # an empty Finished On is the current job
    )
    assert current.highlights == [
        "Search ranking and recommendations",
        "Led a team of 4",
        "Cut p99 latency by 30%",
    ]
    assert str(earlier.end) == "Jun 2018" and earlier.location == "Mysore"
    school = profile.education[0]
    assert (school.institution, school.degree, str(school.start), str(school.end)) == (
        "Jabalpur Engineering College",
        "Bachelor of Engineering (B.E.)",
        "2008",
        "2012",
    )
    # Skills split by the vocabulary's kinds; a repeated one ("python") kept once.
    assert [(g.group, g.items) for g in profile.skills] == [
        ("Skills", ["Machine Learning"]),
        ("Tools", ["Python", "Tableau"]),
        ("Methods", ["Agile Methodologies"]),
    ]
    google, aws = profile.credentials
    assert (google.issuer, google.issued.iso(), google.credential_id) == (
        "Google",
        "2023-03",
        "X1",
    )
    assert google.url == "https://coursera.org/verify/X1"
    # The catalog's facts where it knows the credential.
    assert (google.platform, google.assessment) == ("Coursera", "graded")
    assert (aws.kind, aws.assessment, str(aws.expires)) == ("certification", "exam", "Jan 2027")
    project = profile.projects[0]
    assert (project.title, project.situation, project.actions, project.url) == (
        "Ranking revamp",
        "Rebuilt the ranking stack.",
        ["Shipped 12 A/B tests"],
        "https://example.com/ranking",
    )
    assert [(item.language, item.level.value) for item in profile.languages] == [
        ("Hindi", "native"),
        ("English", "full-professional"),
        ("Kannada", "professional-working"),
        ("Tamil", "limited-working"),
        ("German", "elementary"),
    ]
    award = profile.awards[0]
    assert (award.title, award.awarder, str(award.date), award.summary) == (
        "Hackathon winner",
        None,
        "Feb 2025",
        "First of 60 teams",
    )
    volunteer = profile.volunteer[0]
    assert (volunteer.organization, volunteer.role, str(volunteer.start), volunteer.end) == (
        "Code for India",
        "Mentor",
        "Jun 2020",
        None,  # still going on: the profile leaves `end` out
    )
    assert volunteer.summary == "Mentored 30 students"
    paper = profile.publications[0]
    assert (paper.title, paper.publisher, str(paper.date), paper.url, paper.summary) == (
        "Learning to rank at scale",
        "KDD",
        "Sep 2023",
        "https://example.com/paper",
        "How we rank",
    )
    # What has no place in a profile is reported, never dropped silently.
    carried = "\n".join(result.not_carried)
    assert "Courses.csv (1: Distributed Systems)" in carried
    assert "Profile.csv: Twitter Handles" in carried and "Volunteering.csv: Cause" in carried
    # Never read: personal data a profile does not hold, and other people's.
    for private in ("12 Secret Lane", "1990", "560001", "Ravi", "private words", "hello"):
        assert private not in text


def test_the_sections_the_resume_adds_are_read_with_linkedins_levels(tmp_path: Path) -> None:
    data = profile_from_export(write_zip(tmp_path, CURRENT)).data
    languages = [(item["language"], item.get("level")) for item in data["languages"]]
    assert languages == [
        ("Hindi", "native"),
        ("English", "full-professional"),
        ("Kannada", "professional-working"),
        ("Tamil", "limited-working"),
        ("German", "elementary"),
    ]
    award = {k: v for k, v in data["awards"][0].items() if not k.startswith("_")}
    assert award == {
        "title": "Hackathon winner",
        "awarder": None,
        "date": "2025-02",
        "summary": "First of 60 teams",
    }
    volunteer = data["volunteer"][0]
    assert (volunteer["organization"], volunteer["role"], volunteer["start"]) == (
        "Code for India",
        "Mentor",
        "2020-06",
    )
    assert volunteer["end"] is None and volunteer["summary"] == "Mentored 30 students"
    publication = data["publications"][0]
    assert (publication["title"], publication["publisher"], publication["date"]) == (
        "Learning to rank at scale",
        "KDD",
        "2023-09",
    )
    assert publication["url"] == "https://example.com/paper"
    assert data["languages"][4]["_where"] == "Languages.csv:6 languages[4]"


def test_the_folder_and_the_older_layout_give_the_same_profile(tmp_path: Path) -> None:
    _r, from_zip, _ = _import(write_zip(tmp_path, CURRENT))
    _r, from_folder, _ = _import(write_folder(tmp_path / "export", CURRENT))
    _r, from_older, _ = _import(write_zip(tmp_path, OLDER, name="older.zip"))
    assert _body(from_folder) == _body(from_zip)
    assert _body(from_older) == _body(from_zip)
    assert "LinkedIn data export folder" in from_folder and "LinkedIn data export ZIP" in from_zip


def test_bom_crlf_nested_folder_and_other_spellings_of_file_names(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {}
    for name, text in CURRENT.items():
        data = ("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8")
        # Some unzip tools (and LinkedIn itself, over the years) put the files in a folder
        # or write Email_Addresses.csv for Email Addresses.csv.
        files[f"Basic_LinkedInDataExport/{name.replace(' ', '_')}"] = data
    _r, text, _ = _import(write_zip(tmp_path, files))
    _r, plain, _ = _import(write_zip(tmp_path, CURRENT, name="plain.zip"))
    assert _body(text) == _body(plain)


def test_year_only_dates_and_non_latin_names_and_places(tmp_path: Path) -> None:
    files = {
        "Profile.csv": "First Name,Last Name,Headline,Geo Location\n"
        'ليلى,حداد,مهندسة بيانات,"دبي، الإمارات العربية المتحدة"\n',
        "Positions.csv": "Company Name,Title,Description,Location,Started On,Finished On\n"
        "株式会社メルカリ,データエンジニア,• 検索基盤の構築,東京都,2019,2021\n",
        "Education.csv": "School Name,Start Date,End Date,Notes,Degree Name,Activities\n"
        "جامعة الإمارات,2010,2014,,بكالوريوس,\n",
    }
    result, text, placeholders = _import(write_zip(tmp_path, files))
    assert placeholders == [] and _problem_lines(text) == []
    profile = _load(text).profile
    assert profile.name == "ليلى حداد" and profile.headline == "مهندسة بيانات"
    assert profile.contact.location == "دبي، الإمارات العربية المتحدة"
    job = profile.experience[0]
    assert (job.organization, job.title, job.location) == (
        "株式会社メルカリ",
        "データエンジニア",
        "東京都",
    )
    assert (str(job.start), str(job.end), job.highlights) == ("2019", "2021", ["検索基盤の構築"])
    assert profile.education[0].institution == "جامعة الإمارات"
    cjk = {"Profile.csv": "First Name,Last Name\n小明,王\n"}
    result, text, _ = _import(write_zip(tmp_path, cjk, name="cjk.zip"))
    assert _load(text).profile.name == "王小明"
    assert any("family name first" in w for w in result.warnings)


def test_what_linkedin_lacks_is_a_todo_at_its_line_and_filled_it_validates(tmp_path: Path) -> None:
    files = {
        "Profile.csv": "First Name,Last Name,Headline\n,,Analyst\n",
        "Positions.csv": "Company Name,Title,Description,Location,Started On,Finished On\n"
        "Acme,Analyst,,,,someday\n,Intern,,,Jun 2015,Aug 2015\nBeta,Clerk,,,Mar 2019,Jan 2018\n",
        "Certifications.csv": "Name,Url,Authority,Started On,Finished On,License Number\n"
        "Something Certified,,,,,\n",
    }
    result, text, placeholders = _import(write_zip(tmp_path, files))
    lines = text.splitlines()
    fields = [lines[n - 1].split(":")[0].strip(" -") for n in placeholders]
    assert fields == ["name", "issuer", "issued", "start", "end", "organization", "end"]
    # An unreadable Finished On, or one before the start, is a TODO, never `present`:
    # that would claim a job still held.
    assert "end: present" not in text
    assert any("`someday` is not a date" in w for w in result.warnings)
    assert any("end: 2018-01 is before start 2019-03" in w for w in result.warnings)
    assert _problem_lines(text) == placeholders
    filled = list(lines)
    for n, field in zip(placeholders, fields, strict=True):
        value = "2020-01" if field in ("start", "end", "issued") else "Filled In"
        filled[n - 1] = filled[n - 1].replace("TODO", value)
    assert _problem_lines("\n".join(filled) + "\n") == []


def test_a_language_without_one_of_linkedins_levels_is_a_todo(tmp_path: Path) -> None:
    languages = "Name,Proficiency\nSpanish,Fluent\nFrench,\nItalian,LIMITED_WORKING\n"
    files = {"Profile.csv": CURRENT["Profile.csv"], "Languages.csv": languages}
    result, text, placeholders = _import(write_zip(tmp_path, files))
    lines = text.splitlines()
    assert [lines[n - 1].strip() for n in placeholders] == ["level: TODO", "level: TODO"]
    assert [lines[n - 2].strip() for n in placeholders] == [
        "- language: Spanish",
        "- language: French",
    ]
    assert "level: limited-working" in text  # LinkedIn's API spelling of a level
    assert any("`Fluent` is not one of LinkedIn's five" in w for w in result.warnings)
    assert _problem_lines(text) == placeholders


def test_a_language_listed_twice_is_imported_once(tmp_path: Path) -> None:
    """A profile lists a language once (a second is an error): the first row's level."""
    languages = "Name,Proficiency\nFrench,Native or bilingual proficiency\n french ,Elementary\n"
    files = {"Profile.csv": CURRENT["Profile.csv"], "Languages.csv": languages}
    result, text, placeholders = _import(write_zip(tmp_path, files))
    assert placeholders == [] and _problem_lines(text) == []
    assert [(x.language, x.level.value) for x in _load(text).profile.languages] == [
        ("French", "native")
    ]
    assert any("`french` is listed again" in w for w in result.warnings)


def test_a_basic_export_imports_what_it_has_and_says_what_is_missing(tmp_path: Path) -> None:
    result, text, placeholders = _import(write_zip(tmp_path, BASIC))
    assert placeholders == [] and _problem_lines(text) == []
    assert any("no Positions.csv" in w and "larger archive" in w for w in result.warnings)
    assert _load(text).profile.experience == []


def test_a_file_that_cannot_be_read_costs_only_its_own_entries(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        **CURRENT,
        "Positions.csv": "Company Name,Description\nAcme,x\n",  # no Title column
        "Education.csv": "School Name\nUniversit\xe9".encode("latin-1"),
    }
    result, text, _ = _import(write_zip(tmp_path, files))
    assert any(
        "Positions.csv:1: the header lacks Title; not imported" in w for w in result.warnings
    )
    assert any("Education.csv:2: not UTF-8 text" in w for w in result.warnings)
    assert not any("no Positions.csv" in w for w in result.warnings)  # it is there, unread
    profile = _load(text).profile
    assert profile.experience == [] and profile.education == [] and profile.name == "Priya Verma"


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        ("One line", ["One line"]),
        ("First\nSecond", ["First", "Second"]),
        ("- a\n- b\n\n* c", ["a", "b", "c"]),
        ("• a • b • c", ["a", "b", "c"]),
        ("1. first\n2) second", ["first", "second"]),
        ("Grew sales 20% - a record", ["Grew sales 20% - a record"]),
        ("•tight bullet", ["tight bullet"]),
        ("Stack: Python · SQL · dbt", ["Stack: Python · SQL · dbt"]),
        ("· first\n· second", ["first", "second"]),
    ],
)
def test_a_description_becomes_highlights_at_its_breaks_and_bullets(
    description: str, expected: list[str]
) -> None:
    assert points(description) == expected


def test_prose_stays_whole_and_bullets_become_actions() -> None:
    assert story("Built a thing.\nIt worked.") == ("Built a thing.\nIt worked.", [])
    assert story("Context here.\n- did a\n- did b") == ("Context here.", ["did a", "did b"])
    assert story("") == (None, [])


def test_the_cli_writes_the_profile_and_lists_each_todo(tmp_path: Path) -> None:
    files = {**CURRENT, "Profile.csv": "First Name,Last Name\n,\n"}
    source = write_zip(tmp_path, files)
    target = tmp_path / "profile.yaml"
    runner = CliRunner()
    result = runner.invoke(cli, ["import", "--profile", str(source), "-o", str(target)])
    assert result.exit_code == 0, result.output
    text = target.read_text()
    line = text.splitlines().index("name: TODO") + 1
    assert f"{target}:{line}: name: TODO" in result.output
    assert "1 TODO to fill in" in result.output and "Courses.csv" in result.output
    again = runner.invoke(cli, ["import", "--profile", str(source), "-o", str(target)])
    assert again.exit_code == 1 and "already exists" in again.output
    assert target.read_text() == text
    assert sorted(p.name for p in tmp_path.iterdir()) == [source.name, "profile.yaml"]


def test_only_the_wanted_files_are_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Connections, messages and invitations are never opened."""
    source = write_zip(tmp_path, CURRENT)
    opened: list[str] = []
    original = zipfile.ZipFile.open

    def spy(self: zipfile.ZipFile, name: str | zipfile.ZipInfo, *args: Any, **kw: Any) -> Any:
        opened.append(name.filename if isinstance(name, zipfile.ZipInfo) else name)
        return original(self, name, *args, **kw)

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    profile_from_export(source)
    assert len(opened) == 13
    assert not any(re.search(r"connection|message|invitation", n, re.I) for n in opened)


def test_import_of_the_zip_without_profile_gives_its_certifications(tmp_path: Path) -> None:
    source = write_zip(tmp_path, OLDER)  # Start Date / End Date: the older names
    result = CliRunner().invoke(cli, ["import", str(source)])
    assert result.exit_code == 0, result.output
    assert "# Imported by showcase (2 credentials)" in result.stdout
    assert "  - name: AWS Certified Cloud Practitioner\n" in result.stdout
    assert "    expires: 2027-01\n" in result.stdout
    basic = CliRunner().invoke(cli, ["import", str(write_zip(tmp_path, BASIC, name="b.zip"))])
    assert basic.exit_code == 0 and "credentials: []" in basic.stdout
    assert "no Certifications.csv" in basic.stderr


def test_one_file_of_the_export_is_pointed_to_the_whole(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "export", CURRENT)
    result = CliRunner().invoke(cli, ["import", "--profile", str(folder / "Positions.csv")])
    assert result.exit_code == 1
    assert "one file of LinkedIn's data export" in result.output and str(folder) in result.output


@pytest.mark.slow
def test_a_full_export_filled_in_validates_and_builds(tmp_path: Path) -> None:
    positions = CURRENT["Positions.csv"].replace("Aug 2012,Jun 2018", ",Jun 2018")
    source = write_zip(tmp_path, {**CURRENT, "Positions.csv": positions})
    target = tmp_path / "profile.yaml"
    runner = CliRunner()
    imported = runner.invoke(cli, ["import", "--profile", str(source), "-o", str(target)])
    assert imported.exit_code == 0, imported.output
    assert "1 TODO to fill in" in imported.output
    assert runner.invoke(cli, ["validate", str(target)]).exit_code == 1
    target.write_text(target.read_text().replace("start: TODO", "start: 2012-08"))
    validated = runner.invoke(cli, ["validate", str(target), "--today", "2026-11-28"])
    assert validated.exit_code == 0, validated.output
    out = tmp_path / "out"
    built = runner.invoke(cli, ["build", str(target), "-o", str(out), "--today", "2026-11-28"])
    assert built.exit_code == 0, built.output
    resume = (out / "Priya-Verma-Resume.md").read_text()
    for fact in ("Flipkart", "Led a team of 4", "Google Data Analytics", "Jabalpur"):
        assert fact in resume
    assert (out / "Priya-Verma-Resume.pdf").stat().st_size > 10_000


@pytest.mark.parametrize(
    ("websites", "contact", "not_carried"),
    [
        (
            "[PORTFOLIO:https://ana.example,COMPANY:https://acme.example]",
            {"website": "https://ana.example"},
            ["COMPANY: https://acme.example"],
        ),
        (
            "[COMPANY:https://acme.example,BLOG:www.ana.example]",
            {"website": "https://www.ana.example"},
            ["COMPANY: https://acme.example"],
        ),
        (
            "[OTHER:https://github.com/ana,OTHER:https://www.linkedin.com/in/ana]",
            {"github": "https://github.com/ana", "linkedin": "https://www.linkedin.com/in/ana"},
            [],
        ),
        ("https://ana.example", {"website": "https://ana.example"}, []),
        (
            "[PERSONAL:https://a.example,RSS:https://a.example/feed,OTHER:https://b.example]",
            {"website": "https://a.example"},
            ["RSS: https://a.example/feed", "OTHER: https://b.example"],
        ),
    ],
)
def test_websites_go_to_their_fields_and_an_employers_site_is_not_yours(
    tmp_path: Path, websites: str, contact: dict[str, str], not_carried: list[str]
) -> None:
    profile = f'First Name,Last Name,Websites\nAna,Lima,"{websites}"\n'
    result = profile_from_export(write_zip(tmp_path, {"Profile.csv": profile}))
    assert result.data["contact"] == contact
    assert result.not_carried == [f"Profile.csv: Websites ({item})" for item in not_carried]


# Any text in any cell: the imported profile loads but for its listed TODOs.
_CELL = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            "TODO",
            "Present",
            "2019",
            "Nov 2022",
            "13/2020",
            "ftp://x.example",
            "www.a.b",
            "- a\n- b",
            "\u2028",
            "\x07",
            " ",
            "Native or bilingual proficiency",
            "=1+1",
        ]
    ),
)


@settings(max_examples=60, deadline=None)
@given(
    file=st.sampled_from(
        [
            "Profile.csv",
            "Positions.csv",
            "Education.csv",
            "Skills.csv",
            "Languages.csv",
            "Certifications.csv",
            "Projects.csv",
            "Honors.csv",
            "Volunteering.csv",
            "Publications.csv",
            "Email Addresses.csv",
        ]
    ),
    rows=st.lists(st.lists(_CELL, min_size=1, max_size=8), min_size=1, max_size=3),
)
def test_any_cells_import_to_a_profile_that_loads_but_for_its_todos(
    file: str, rows: list[list[str]]
) -> None:
    import csv
    import io
    import tempfile

    from showcase.importers.linkedin_csv import COLUMNS

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([names[0] for names in COLUMNS[file].values()])
    writer.writerows(rows)
    with tempfile.TemporaryDirectory() as folder:
        path = write_zip(
            Path(folder), {"Profile.csv": "First Name\nAna\n", file: buffer.getvalue()}
        )
        result = import_profile(path)
        text, placeholders = profile_yaml(result)
    assert _problem_lines(text) == [p.line for p in placeholders]


def test_the_editor_takes_the_dropped_zip_for_its_certifications() -> None:
    from showcase.editor.server import import_upload

    answer = import_upload("Complete_LinkedInDataExport_12-06-2026.zip", zip_bytes(CURRENT))
    assert answer["error"] is None
    assert [c["name"] for c in answer["credentials"]] == [
        "Google Data Analytics Professional Certificate",
        "AWS Certified Cloud Practitioner",
    ]
    other = import_upload("other.zip", zip_bytes({"messages.csv": CURRENT["messages.csv"]}))
    assert "other.zip: not a LinkedIn data export" in other["error"]
    assert "/tmp" not in other["error"]
