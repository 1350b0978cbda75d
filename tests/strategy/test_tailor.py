"""`--for POSTING`: the resume aimed at one job, and an honest match report (issue #12)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from showcase.artifacts.match import render_tailored_resume
from showcase.artifacts.resume import render_resume
from showcase.cli import cli
from showcase.strategy.matcher import matcher
from showcase.strategy.postings import Posting
from showcase.strategy.tailor import PostingError, Tailoring, read_for
from showcase.views.resume import resume_view
from tests.conftest import EXAMPLES, ROOT, load_example

RUNNER = CliRunner()


def posting(tmp_path: Path, text: str, name: str = "analyst.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


DATA_JOB = """Data Analyst
Company: Northwind Retail

Requirements:
- SQL and Tableau dashboards
- R or Python for analysis
- Spreadsheets and data analysis
"""


def names(view: Any) -> list[list[str]]:
    return [[e.facts.name for e in g.entries] for g in view.credential_groups]


def test_the_tailored_order_differs_and_leads_with_what_the_posting_asks(tmp_path: Path) -> None:
    jordan = load_example("jordan-rivera")
    tailor = read_for(posting(tmp_path, DATA_JOB))
    default = resume_view(jordan)
    tailored = resume_view(jordan, tailor=tailor)
    assert names(default) != names(tailored)
    # The data certificate shares SQL, Tableau, R ... with the posting: first after the stack.
    assert names(tailored)[1][0] == "Google Data Analytics Professional Certificate"
    assert [g.title for g in tailored.credential_groups][-1] == "Additional credentials"
    # Skills: the posting's terms first; nothing added.
    default_items = sorted(i for line in default.skills for i in line.items)
    tailored_items = sorted(i for line in tailored.skills for i in line.items)
    assert default_items == tailored_items
    assert tailored.skills[0].group == "Analytics"


def test_only_relevant_leaves_out_what_shares_nothing(tmp_path: Path) -> None:
    tailor = read_for(posting(tmp_path, DATA_JOB))
    view = resume_view(load_example("jordan-rivera"), tailor=tailor, only_relevant=True)
    assert "Additional credentials" not in [g.title for g in view.credential_groups]
    shown = [n for group in names(view) for n in group]
    assert "Introduction to SEO" not in shown


def test_a_posting_with_nothing_in_common_leaves_the_resume_as_it_is(tmp_path: Path) -> None:
    jordan = load_example("jordan-rivera")
    tailor = read_for(posting(tmp_path, "Koch gesucht.\nWir bieten ein tolles Team.\n"))
    assert names(resume_view(jordan, tailor=tailor)) == names(resume_view(jordan))
    result = render_tailored_resume(jordan, tailor, formats=["txt"])
    assert result.match is not None
    assert result.match.keywords == []
    assert any("untailored" in note for note in result.match.notes)


def test_the_match_report_has_the_promised_shape(tmp_path: Path) -> None:
    jordan = load_example("jordan-rivera")
    result = render_tailored_resume(jordan, read_for(posting(tmp_path, DATA_JOB)), formats=["txt"])
    report = json.loads(result.files["match/analyst.json"])
    assert set(report) >= {
        "posting", "title", "company", "keywords", "coverage", "coverage_before", "missing",
        "suggestions",
    }  # fmt: skip
    assert report["posting"] == "analyst.txt" and report["company"] == "Northwind Retail"
    sql = next(k for k in report["keywords"] if k["term"] == "SQL")
    assert sql["in_resume"] is True and sql["where"].startswith("credential: Google Data")
    assert 0 < report["coverage"] <= 1 and report["coverage_before"] <= report["coverage"]
    # "R or Python": one group, met by R (the data certificate's skill): not missing.
    r_or_python = next(g for g in report["requirements"] if "Python" in g["any_of"])
    assert r_or_python["any_of"] == ["R", "Python"] and r_or_python["met_by"] == ["R"]
    assert r_or_python["strength"] == "required" and r_or_python["in_resume"] is True
    assert all("Python" not in g["any_of"] for g in report["missing"])
    assert {"text", "any_of", "strength"} <= set(report["missing"][0])
    assert "to learn" in result.files["match/analyst.md"].decode()


@pytest.mark.parametrize(
    ("content", "message"),
    [("", "empty"), ("\x00\x01\x02" * 50, "")],
    ids=["empty", "binary"],
)
def test_an_unusable_posting_is_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    with pytest.raises(PostingError, match=message or "--for"):
        read_for(posting(tmp_path, content))


def test_a_folder_says_to_give_one_posting(tmp_path: Path) -> None:
    result = RUNNER.invoke(
        cli, ["resume", str(EXAMPLES / "minimal.yaml"), "--for", str(tmp_path), "-o", "x"]
    )
    assert result.exit_code == 1
    assert "give one posting" in result.output and "showcase gaps" in result.output


def test_resume_for_writes_the_resume_and_the_match_report(tmp_path: Path) -> None:
    job = posting(tmp_path, DATA_JOB)
    out = tmp_path / "out"
    result = RUNNER.invoke(
        cli,
        ["resume", str(EXAMPLES / "jordan-rivera.yaml"), "--for", str(job), "-o", str(out),
         "-f", "txt", "--today", "2026-11-28"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (out / "Jordan-Rivera-Resume.txt").is_file()
    assert (out / "match" / "analyst.json").is_file()
    assert "match: the resume shows" in result.output


WORDS = st.sampled_from(
    ["SQL", "Tableau", "SEO", "Google Ads", "Excel", "Python", "Scrum", "team", "growth",
     "Paid social", "Content strategy", "R", "data", "marketing", "Kubernetes"]
)  # fmt: skip


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, min_size=1, max_size=12))
def test_tailoring_never_invents_a_term(
    tmp_path_factory: pytest.TempPathFactory, words: list[str]
) -> None:
    folder = tmp_path_factory.mktemp("posting")
    tailor = read_for(posting(folder, "Requirements:\n" + "\n".join(f"- {w}" for w in words)))
    jordan = load_example("jordan-rivera")
    plain = render_resume(jordan, formats=["txt"]).files["Jordan-Rivera-Resume.txt"].decode()
    aimed = render_resume(jordan, formats=["txt"], tailor=tailor)
    text = aimed.files["Jordan-Rivera-Resume.txt"].decode()
    match = matcher()
    assert set(match.terms(text, context=False)) <= set(match.terms(plain, context=False))
    # The same words, reordered: only the group headings are showcase's own.
    assert set(re.findall(r"\w+", text)) - set(re.findall(r"\w+", plain)) <= {
        "Related",
        "credentials",
    }


# --- LinkedIn and the interview sheet, aimed at a posting ---------------------------------

MARKETING_JOB = """Digital Marketing Manager
Company: Acme Outdoor Co.

Requirements:
- Hands-on experience with Google Ads and Meta Ads Manager
- Experience with Klaviyo or a similar email platform
- Google Ads certification preferred
"""


def test_the_headline_leads_with_the_postings_role(tmp_path: Path) -> None:
    from showcase.views.linkedin import headline

    jordan = load_example("jordan-rivera")
    tailor = read_for(posting(tmp_path, MARKETING_JOB, "acme.txt"))
    aimed = headline(jordan, tailor).text
    assert aimed.startswith("Digital Marketing Manager | ")
    assert aimed.count("Digital Marketing Manager") == 1  # not said again at the end
    assert len(aimed) <= 220
    other = read_for(posting(tmp_path, DATA_JOB))  # no stack aims at "Data Analyst"
    assert headline(jordan, other).text == headline(jordan).text


def test_linkedin_posts_are_ranked_by_what_they_share_with_the_posting(tmp_path: Path) -> None:
    from showcase.views.linkedin import post_drafts

    jordan = load_example("jordan-rivera")
    default = [d.slug for d in post_drafts(jordan, all_posts=True)]
    data_job = read_for(posting(tmp_path, DATA_JOB))
    aimed = [d.slug for d in post_drafts(jordan, tailor=data_job, all_posts=True)]
    assert sorted(default) == sorted(aimed) and default != aimed
    assert aimed[0].startswith("google-data-analytics")


def test_the_interview_sheet_is_aimed_at_the_posting(tmp_path: Path) -> None:
    from showcase.artifacts.interview import question_bank_path
    from showcase.artifacts.question_bank import load_question_bank
    from showcase.views.interview import interview_sheet

    jordan = load_example("jordan-rivera")
    bank = load_question_bank(question_bank_path(None))
    sheet = interview_sheet(jordan, bank, read_for(posting(tmp_path, MARKETING_JOB, "acme.txt")))
    assert sheet.aimed_at == "Digital Marketing Manager at Acme Outdoor Co."
    assert sheet.why_role and "Acme Outdoor Co." in sheet.why_role
    assert "Digital Marketing Manager" in sheet.pitch.text
    requirements = [q.requirement for q in sheet.posting_questions]
    assert "Experience with Klaviyo or a similar email platform" in requirements
    klaviyo = next(q for q in sheet.posting_questions if "Klaviyo" in q.requirement)
    assert klaviyo.story is None
    assert klaviyo.question == "What experience do you have with Klaviyo or similar?"
    assert "The posting asks for Klaviyo or similar; your profile doesn't show it yet" in (
        klaviyo.answer_hint
    )
    ads = next(q for q in sheet.posting_questions if "Meta Ads Manager" in q.requirement)
    assert ads.story == "Search campaigns rebuilt around intent"
    plain = interview_sheet(jordan, bank)
    assert plain.why_role is None and plain.posting_questions == ()


def test_interview_and_linkedin_take_for(tmp_path: Path) -> None:
    job = posting(tmp_path, MARKETING_JOB, "acme.txt")
    for command in ("interview", "linkedin"):
        out = tmp_path / command
        result = RUNNER.invoke(
            cli,
            [command, str(EXAMPLES / "jordan-rivera.yaml"), "--for", str(job), "-o", str(out),
             "--today", "2026-11-28"] + (["-f", "md"] if command == "interview" else []),
        )  # fmt: skip
        assert result.exit_code == 0, result.output
    sheet = next((tmp_path / "interview" / "interview").glob("*.md")).read_text()
    assert "## Why this role?" in sheet and "## Questions this posting is likely to bring" in sheet
    assert (
        (tmp_path / "linkedin" / "linkedin" / "headline.txt")
        .read_text()
        .startswith("Digital Marketing Manager | ")
    )


POSTING = "Data Analyst\nCompany: Fabrikam\nRequirements:\n- SQL\n- Tableau\n"


def _stem(file_name: str) -> str:
    return Tailoring(Posting(file_name, POSTING), frozenset()).stem


def test_postings_named_alike_get_distinct_kit_folders() -> None:
    """Before: ``---.txt`` and ``☃☃.txt`` were both ``for-Profile/``, ``a.b.txt`` and
    ``a-b.txt`` both ``for-a-b/``: the second build replaced the first one's kit."""
    names = ["---.txt", "☃☃.txt", "a.b.txt", "a-b.txt", "a b.txt", "a_b.txt", "Data-Analyst.txt"]
    stems = [_stem(name) for name in names]
    assert len(set(stems)) == len(names), stems
    assert _stem("Data-Analyst.txt") == "Data-Analyst"  # a clean name stays as it is
    assert _stem("---.txt").startswith("posting-")  # never "Profile"
    assert _stem("a.b.txt").startswith("a-b-")
    assert _stem("---.txt") == _stem("---.txt")  # stable: a rebuild finds its folder


def test_for_dash_reads_the_posting_from_standard_input(tmp_path: Path) -> None:
    """The README's `--for -` (standard input) said "no standard input" with a posting
    piped in; two postings there are not one."""
    posting = (ROOT / "tests" / "data" / "postings" / "01-acme-outdoor.txt").read_bytes()
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli,
        ["letter", str(EXAMPLES / "jordan-rivera.yaml"), "--for", "-", "-o", str(out), "-f", "txt"],
        input=posting,
    )
    assert result.exit_code == 0, result.output
    assert "Acme Outdoor" in next(out.glob("*.txt")).read_text("utf-8")
    two = CliRunner().invoke(
        cli,
        ["letter", str(EXAMPLES / "jordan-rivera.yaml"), "--for", "-", "-o", str(out), "-f", "txt"],
        input=posting + b"\n---\n" + posting,
    )
    assert two.exit_code == 1 and "one posting" in two.output


def test_a_long_posting_name_gets_its_hash_once() -> None:
    """A name too long for a file name was cut and hashed by file_stem, then hashed
    again: ``for-aaa...-3f3e35e0-3f3e35e0``."""
    stem = _stem("a" * 250 + ".txt")
    digest = stem.rsplit("-", 1)[1]
    assert len(digest) == 8 and stem.count(digest) == 1, stem
    assert _stem("a" * 250 + ".txt") != _stem("a" * 251 + ".txt")
