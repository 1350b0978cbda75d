"""`showcase import --profile`: a whole profile from JSON Resume or RenderCV that loads as it is,
with a TODO (listed with its line) wherever the source lacks a required value."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.cli import cli
from showcase.errors import ProfileError
from showcase.importers.profile import ProfileImport, import_profile, profile_yaml
from showcase.importers.rendercv import parse_credential
from showcase.profile import LoadedProfile, load_text
from tests.conftest import TODAY

DATA = Path(__file__).resolve().parents[1] / "data" / "imports"
SOURCES = ["senior-engineer.resume.json", "new-grad.resume.json", "rendercv-data-analyst.yaml"]


def _import(path: Path) -> tuple[ProfileImport, str, list[int]]:
    result = import_profile(path)
    text, placeholders = profile_yaml(result)
    return result, text, [p.line for p in placeholders]


def _load(text: str) -> LoadedProfile:
    return load_text(text, name="imported.yaml", today=TODAY)


def _problem_lines(text: str) -> list[int]:
    """The lines the profile's validator refuses (none when it loads)."""
    try:
        _load(text)
    except ProfileError as exc:
        return sorted({p.line for p in exc.problems})
    return []


@pytest.mark.parametrize("source", SOURCES)
def test_a_complete_source_gives_a_profile_that_validates_as_it_is(source: str) -> None:
    _result, text, placeholders = _import(DATA / source)
    assert placeholders == []
    assert _problem_lines(text) == []
    assert "TODO" not in text


def test_json_resume_is_mapped_field_by_field() -> None:
    result, text, _ = _import(DATA / "senior-engineer.resume.json")
    profile = _load(text).profile
    assert profile.name == "Dr. Lena Vasquez"
    assert profile.headline == "Staff Software Engineer, Distributed Systems"
    contact = profile.contact
    assert contact.email == "lena.vasquez@example.com" and contact.phone == "(415) 555-0117"
    assert contact.website == "https://lenavasquez.example.com"
    assert contact.location == "San Francisco, California"
    assert contact.linkedin == "https://www.linkedin.com/in/lena-vasquez-eng"
    assert contact.github == "https://github.com/lvasquez"
    assert profile.summary and profile.summary.startswith("Staff engineer with 14 years")
    first = profile.experience[0]
    assert (first.title, first.organization, first.start.iso(), first.end) == (
        "Staff Software Engineer",
        "Confluent",
        "2020-02-01",
        "present",  # no endDate: still there
    )
    assert first.location == "Mountain View, CA" and len(first.highlights) == 4
    assert str(profile.experience[1].end) == "Jan 2020"
    school = profile.education[0]
    assert (school.institution, school.degree, school.field) == (
        "University of Texas at Austin",
        "Ph.D.",
        "Computer Science",
    )
    assert profile.skills[0].group == "Distributed Systems"
    assert profile.skills[0].items[0] == "Consensus"
    (project,) = profile.projects
    assert project.title == "raft-lab" and project.tools == ["Go", "Raft", "Consensus"]
    assert project.situation and project.situation.startswith("A teaching implementation")
    assert project.actions[0].startswith("Used in a graduate")
    assert project.url == "https://github.com/lvasquez/raft-lab"
    (credential,) = profile.credentials
    assert credential.issuer == "Amazon Web Services" and credential.issued.iso() == "2019-03-01"
    assert "interests (2)" in result.not_carried
    assert (len(profile.awards), len(profile.publications), len(profile.languages)) == (2, 2, 3)
    for section in ("awards", "publications", "languages"):
        assert not any(item.startswith(section + " ") for item in result.not_carried)
    assert "references (2)" in result.not_carried
    assert "basics.profiles[1] (Mastodon)" in result.not_carried


def test_rendercv_is_mapped_and_certifications_are_parsed() -> None:
    result, text, _ = _import(DATA / "rendercv-data-analyst.yaml")
    profile = _load(text).profile
    assert profile.name == "Amara Okafor" and profile.headline
    assert profile.contact.linkedin == "https://www.linkedin.com/in/amara-okafor-example"
    assert profile.contact.github == "https://github.com/amaraokafor"
    assert profile.contact.phone == "+1 312 555 0199"
    assert profile.summary and "point-of-sale" in profile.summary and "**" not in profile.summary
    job = profile.experience[0]
    assert (job.title, job.organization, job.start.iso(), job.end) == (
        "Senior Data Analyst",
        "Northwind Retail",
        "2022-03",
        "present",
    )
    assert profile.education[0].field == "Statistics" and profile.education[0].degree == "BS"
    assert [(g.group, g.items) for g in profile.skills] == [
        ("Languages", ["SQL", "Python", "R"]),
        ("Tools", ["Tableau", "Power BI", "dbt", "BigQuery"]),
    ]
    google, tableau, power_bi, dbt = profile.credentials
    assert (google.name, google.issuer, google.platform, google.issued.iso()) == (
        "Google Data Analytics Professional Certificate",
        "Google",
        "Coursera",
        "2023-03",
    )
    assert google.url and google.url.startswith("https://www.coursera.org/")
    # Not in the source: from showcase's catalog.
    assert google.assessment is not None and tableau.kind.value == "certification"
    assert (tableau.issuer, tableau.credential_id) == ("Tableau", "TDS-88231")
    assert (tableau.issued.iso(), tableau.expires and tableau.expires.iso()) == (
        "2022-08",
        "2025-08",
    )
    assert (power_bi.issuer, power_bi.issued.iso()) == ("Microsoft", "2024-02")
    assert (dbt.issuer, dbt.issued.iso()) == ("dbt Labs", "2023-06")
    assert "cv.sections.publications (1 entry)" in result.not_carried
    assert "cv.social_networks[2] (X)" in result.not_carried


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "AWS Certified Cloud Practitioner (Amazon Web Services, 2024)",
            {"name": "AWS Certified Cloud Practitioner", "issuer": "Amazon Web Services"},
        ),
        (
            "Project Management Professional (PMP) | PMI | 2021-05 – 2027-05",
            {"name": "Project Management Professional (PMP)", "issuer": "PMI"},
        ),
        ("Intro to SQL on Udemy", {"name": "Intro to SQL", "platform": "Udemy", "issuer": None}),
        ("Google Ads Search, Skillshop, 03/2026", {"platform": "Skillshop", "issued": "2026-03"}),
    ],
)
def test_credential_text_is_parsed_where_it_says_so(text: str, expected: dict[str, str]) -> None:
    parsed = parse_credential(text)
    assert {key: parsed.get(key) for key in expected} == expected, parsed


def test_missing_required_values_are_todo_and_listed_at_their_lines(tmp_path: Path) -> None:
    source = tmp_path / "resume.json"
    source.write_text(
        json.dumps(
            {
                "basics": {"label": "Analyst", "email": "not an address", "url": "ftp://x.example"},
                "work": [{"name": "Acme", "highlights": ["Did things"]}],
                "education": [{"area": "History", "startDate": "2010"}],
                "certificates": [{"name": "Something Certified"}],
                "skills": [{"keywords": ["Excel"]}],
                "projects": [{"description": "No title"}],
            }
        )
    )
    result, text, placeholders = _import(source)
    lines = text.splitlines()
    assert [lines[n - 1].split(":")[0].strip(" -") for n in placeholders] == [
        "name",
        "issuer",
        "issued",
        "title",
        "title",
        "start",
        "institution",
        "group",
    ]
    # Every problem the validator finds is a TODO line, and every TODO is one.
    assert _problem_lines(text) == placeholders
    # Refused values are left out, with a warning naming the file and the field.
    assert "not an address" not in text and "ftp://" not in text
    assert any("resume.json: basics.email: left out" in w for w in result.warnings)


def test_control_characters_and_wrong_types_never_reach_the_profile(tmp_path: Path) -> None:
    source = tmp_path / "odd.json"
    source.write_text(
        json.dumps(
            {
                "basics": {"name": "Ana\u0007 Lima", "profiles": "github", "location": ["x"]},
                "work": [
                    {"name": {"x": 1}, "position": 7, "startDate": 2020, "highlights": "one"},
                    "not a job",
                    {"name": "B", "position": "C", "startDate": "2020-05", "endDate": "2019"},
                ],
                "skills": {"name": "not a list"},
                "certificates": [{"name": "X", "issuer": "Y", "date": "someday", "url": 5}],
            }
        )
    )
    result, text, placeholders = _import(source)
    assert "name: Ana Lima" in text
    assert _problem_lines(text) == placeholders
    assert any("work[1] is not an object" in w for w in result.warnings)
    assert any("`skills` is not a list" in w for w in result.warnings)
    assert any("end: 2019 is before start 2020-05; fill in the TODO" in w for w in result.warnings)


def test_cli_writes_a_new_file_lists_todos_and_never_overwrites(tmp_path: Path) -> None:
    source = tmp_path / "resume.json"
    source.write_text(json.dumps({"basics": {"name": "Ana Lima"}, "work": [{"name": "Acme"}]}))
    target = tmp_path / "profile.yaml"
    runner = CliRunner()
    result = runner.invoke(cli, ["import", "--profile", str(source), "-o", str(target)])
    assert result.exit_code == 0, result.output
    text = target.read_text()
    lines = text.splitlines()
    todo_lines = [n for n, line in enumerate(lines, 1) if line.endswith(": TODO")]
    assert len(todo_lines) == 2
    for n in todo_lines:
        assert f"{target}:{n}: experience[0]." in result.output
    assert "2 TODOs to fill in" in result.output
    # Validate points at exactly those lines.
    validated = runner.invoke(cli, ["validate", str(target)])
    assert validated.exit_code == 1
    for n in todo_lines:
        assert f"{target}:{n}:" in validated.output
    again = runner.invoke(cli, ["import", "--profile", str(source), "-o", str(target)])
    assert again.exit_code == 1 and "already exists" in again.output
    assert target.read_text() == text
    both = runner.invoke(cli, ["import", "--profile", str(source), str(source)])
    assert both.exit_code == 2 and "not both" in both.output
    neither = runner.invoke(cli, ["import"])
    assert neither.exit_code == 2


def test_cli_prints_to_standard_output_by_default() -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["import", "--profile", str(DATA / "new-grad.resume.json")])
    assert result.exit_code == 0
    assert "name: Maya Okonkwo" in result.stdout
    assert "not carried over" in result.stderr and "interests (2)" in result.stderr
    assert "awards:" in result.stdout
    _load(result.stdout)


# --- bad input: a clear error naming the file, bounded time and memory, never a traceback ------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("cut.json", '{"basics": {"name": "Ana"', r"cut\.json:1:\d+: not valid JSON"),
        ("broken.json", '{"basics": {"name": "Ana",}}', r"broken\.json:1:\d+: not valid JSON"),
        ("deep.json", '{"a":' * 5000, r"deep\.json: JSON nested too deeply"),
        ("deep.yaml", "cv:\n  sections: " + "[" * 5000, r"deep\.yaml:2: brackets nest more than"),
        ("deep2.yaml", "cv:\n  sections: " + "[" * 60, r"deep2\.yaml:2:\d+: YAML syntax error"),
        ("cut.yaml", 'cv:\n  name: "Ana\n  email: a', r"cut\.yaml:\d+:\d+: YAML syntax error"),
        ("tabs.yaml", "cv:\n\tname: Ana\n", r"tabs\.yaml:\d+:\d+: YAML syntax error"),
        ("list.yaml", "- a\n- b\n", r"list\.yaml: not a JSON Resume .* nor a RenderCV file"),
        ("number.json", "42", r"number\.json: not a JSON Resume"),
        ("latin1.yaml", b"cv:\n  name: Jos\xe9\n", r"latin1\.yaml:2: not UTF-8 text"),
        (
            "bomb.yaml",
            "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
            + "".join(
                f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n"
                for i in range(8)
            )
            + "cv: {name: *i}\n",
            r"bomb\.yaml",
        ),
    ],
)
def test_malformed_sources_are_refused_clearly(
    tmp_path: Path, name: str, content: str | bytes, message: str
) -> None:
    from showcase.importers import ImportFailed

    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    with pytest.raises(ImportFailed, match=message):
        import_profile(path)
    result = CliRunner().invoke(cli, ["import", "--profile", str(path)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert name in result.output


def test_a_huge_source_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    from showcase.importers import ImportFailed

    path = tmp_path / "huge.json"
    with path.open("wb") as out:  # sparse: costs no disk
        out.truncate(64 * 1024 * 1024)
    with pytest.raises(ImportFailed, match=r"huge\.json: larger than 1 MiB"):
        import_profile(path)


@pytest.mark.parametrize(
    "document",
    [
        {"cv": {"name": ["a"], "sections": ["not", "a", "mapping"]}},
        {"cv": {"name": "A", "sections": {"experience": "text", "certifications": [1, None, []]}}},
        {"cv": {"name": "A", "social_networks": "github", "email": {"x": 1}}},
        {"cv": {"name": "A", "sections": {"certifications": [{"bullet": None}, {"label": 3}]}}},
        {"cv": {"name": "A", "sections": {"experience": [{"company": [], "start_date": True}]}}},
        {"basics": [], "work": "x", "education": [None], "projects": [{"name": {}}]},
        {"basics": {"profiles": [None, {"network": "GitHub", "url": 4}]}, "certificates": 3},
    ],
)
def test_wrong_types_give_a_profile_that_loads_or_a_clear_todo(
    tmp_path: Path, document: dict[str, object]
) -> None:
    path = tmp_path / "odd.json"
    path.write_text(json.dumps(document))
    _result, text, placeholders = _import(path)
    assert _problem_lines(text) == placeholders


@pytest.mark.slow
def test_a_large_source_imports_in_bounded_time(tmp_path: Path) -> None:
    import time
    import tracemalloc

    job = {
        "name": "Acme",
        "position": "Analyst",
        "startDate": "2020-01-01",
        "highlights": ["Did a thing that mattered"] * 5,
    }
    certificate = {
        "name": "Cert",
        "issuer": "Issuer",
        "date": "2024-01",
        "url": "https://x.example",
    }
    document = {
        "basics": {"name": "Ana"},
        "work": [job] * 2000,
        "certificates": [certificate] * 2000,
    }
    path = tmp_path / "big.json"
    path.write_text(json.dumps(document))
    assert path.stat().st_size < 1024 * 1024
    tracemalloc.start()
    started = time.perf_counter()
    result = import_profile(path)
    text, _ = profile_yaml(result)
    elapsed = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert text.count("- title: Analyst") == 2000
    assert elapsed < 10, elapsed  # about 1 s here
    assert peak < 200 * 1024 * 1024, peak


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
_KEYS = {
    "basics": ["name", "label", "email", "phone", "url", "location", "profiles", "summary"],
    "work": ["name", "position", "startDate", "endDate", "highlights", "location"],
    "cv": ["name", "email", "phone", "website", "social_networks", "sections", "headline"],
}


@settings(max_examples=60, deadline=None)
@given(
    top=st.sampled_from(
        ["basics", "work", "education", "skills", "projects", "certificates", "cv"]
    ),
    fields=st.dictionaries(
        st.sampled_from(sorted({k for keys in _KEYS.values() for k in keys})), _JSON, max_size=5
    ),
    wrap=st.booleans(),
)
def test_any_shape_imports_to_a_profile_that_loads_but_for_its_todos(
    top: str, fields: dict[str, object], wrap: bool
) -> None:
    import tempfile

    from showcase.importers import ImportFailed

    value: object = [fields] if wrap else fields
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "any.json"
        path.write_text(json.dumps({top: value}))
        try:
            result = import_profile(path)
        except ImportFailed as exc:
            assert str(path) in str(exc)
            return
        text, placeholders = profile_yaml(result)
    assert _problem_lines(text) == [p.line for p in placeholders]


def test_line_breaks_in_one_line_fields_are_joined_on_import(tmp_path: Path) -> None:
    source = tmp_path / "resume.json"
    source.write_text(
        json.dumps(
            {
                "basics": {"name": "Sam\nLee", "label": "Store\r\nManager", "summary": "A\nB"},
                "work": [{"name": "Trail\u2028Home", "position": "Lead", "startDate": "2020-01"}],
            }
        )
    )
    _, text, _ = _import(source)
    loaded = _load(text.replace("TODO", "x"))
    assert loaded.profile.name == "Sam Lee"
    assert loaded.profile.headline == "Store Manager"
    assert loaded.profile.experience[0].organization == "Trail Home"


@pytest.mark.parametrize(
    ("name", "source"),
    [
        (
            "resume.json",
            '{"basics": {"name": "A"}, "work": [{"name": "Acme", '
            '"position": "Clerk", "startDate": "2019-03", "endDate": "last spring"}]}',
        ),
        (
            "cv.yaml",
            "cv:\n  name: A\n  sections:\n    experience:\n      - company: Acme\n"
            "        position: Clerk\n        start_date: 2019-03\n        end_date: last spring\n",
        ),
    ],
)
def test_other_sources_unreadable_end_is_a_todo_not_present(
    tmp_path: Path, name: str, source: str
) -> None:
    path = tmp_path / name
    path.write_text(source)
    _result, text, placeholders = _import(path)
    assert "end: present" not in text
    assert [text.splitlines()[n - 1].strip() for n in placeholders] == ["end: TODO"]
