"""The declared Python API (`showcase.api`) does what docs/api.md says."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from showcase import api
from tests.conftest import EXAMPLES, ROOT, TODAY

POSTING = ROOT / "tests" / "data" / "postings" / "01-acme-outdoor.txt"


def test_load_then_render_one_artifact() -> None:
    person = api.load(EXAMPLES / "jordan-rivera.yaml", today=TODAY)
    files = api.render(person, "signature")
    assert set(files) == {
        "signature/signature.html",
        "signature/signature.txt",
        "signature/preview.html",
    }
    assert b"Jordan Rivera" in files["signature/signature.txt"]


def test_an_unknown_artifact_names_the_known_ones() -> None:
    person = api.load(EXAMPLES / "minimal.yaml", today=TODAY)
    with pytest.raises(api.ShowcaseError, match="showcase makes resume, letter"):
        api.render(person, "pitch")
    with pytest.raises(api.ShowcaseError, match="needs `posting`"):
        api.render(person, "letter")
    assert api.artifacts()[0] == "resume" and "gaps" in api.artifacts()


def test_a_bad_profile_raises_profile_error(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("name: J\ncredentials:\n  - isuer: X\n")
    with pytest.raises(api.ProfileError) as info:
        api.load(path)
    assert info.value.problems and info.value.problems[0].line == 3


def test_gaps_and_write(tmp_path: Path) -> None:
    person = api.load(EXAMPLES / "jordan-rivera.yaml", today=TODAY)
    report = api.gaps(person, [POSTING.parent])
    assert report.total == len(list(POSTING.parent.iterdir()))
    assert any(row.have for row in report.rows) and any(not row.have for row in report.rows)
    written = api.write({"a/b.txt": b"x"}, tmp_path / "out")
    assert written == [tmp_path / "out" / "a" / "b.txt"]
    (tmp_path / "mine.txt").write_text("the user's own")
    with pytest.raises(api.ShowcaseError, match=r"mine\.txt"):
        api.write({"mine.txt": b"y"}, tmp_path)
    assert (tmp_path / "mine.txt").read_text() == "the user's own"


@pytest.mark.slow
def test_build_aimed_at_a_posting_and_match() -> None:
    person = api.load(EXAMPLES / "jordan-rivera.yaml", today=TODAY)
    files = api.build(person, posting=POSTING)
    assert "Jordan-Rivera-Cover-Letter.pdf" in files and files["index.html"].startswith(b"<!")
    report = api.match(person, POSTING)
    assert 0 < report.coverage <= 1 and report.coverage_before <= report.coverage


def test_write_never_leaves_its_folder(tmp_path: Path) -> None:
    with pytest.raises(api.ShowcaseError, match=r"\.\./x\.txt"):
        api.write({"../x.txt": b"x"}, tmp_path / "out")
    with pytest.raises(api.ShowcaseError, match="not a file name inside"):
        api.write({str(tmp_path / "abs.txt"): b"x"}, tmp_path / "out")
    assert not (tmp_path / "x.txt").exists() and not (tmp_path / "abs.txt").exists()


def test_render_makes_every_artifact_it_lists(tmp_path: Path) -> None:
    """artifacts() lists `gaps`, which render could never make (it had no `postings`);
    what an artifact needs is said for that artifact."""
    person = api.load(EXAMPLES / "minimal.yaml", today=TODAY)
    with pytest.raises(api.ShowcaseError, match=r"gaps report: needs `postings`"):
        api.render(person, "gaps")
    files = api.render(person, "gaps", postings=[POSTING])
    assert any(name.startswith("gaps/") for name in files)


def test_a_bad_paper_or_a_single_postings_path_is_understood() -> None:
    person = api.load(EXAMPLES / "minimal.yaml", today=TODAY)
    with pytest.raises(api.ShowcaseError, match=r"paper 'b5'.*auto, letter or a4"):
        api.render(person, "signature", paper="b5")
    # One path, not a list of them: read as one (a string was read letter by letter).
    report = api.gaps(person, str(POSTING))
    assert report.total == 1


def test_a_datetime_for_today_is_its_day() -> None:
    """`datetime.now()` is a date too: it is read as its day (it raised "can't compare
    datetime.datetime to datetime.date" deep in the loader)."""
    person = api.load(EXAMPLES / "minimal.yaml", today=dt.datetime(2026, 11, 28, 15, 30))
    assert person.today == TODAY


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda p, d: api.load(None), r"path: a profile's path, not None"),  # type: ignore[arg-type]
        (lambda p, d: api.load(EXAMPLES / "minimal.yaml", today="2026-11-28"), r"today: a date"),  # type: ignore[arg-type]
        (lambda p, d: api.render("profile.yaml", "signature"), r"person: .*api\.load"),  # type: ignore[arg-type]
        (lambda p, d: api.build(None), r"person: .*api\.load"),  # type: ignore[arg-type]
        (lambda p, d: api.gaps("profile.yaml", [POSTING]), r"person: .*api\.load"),  # type: ignore[arg-type]
        (lambda p, d: api.match(p, None), r"posting: a path, not None"),  # type: ignore[arg-type]
        (lambda p, d: api.render(p, "letter", posting=3), r"posting: a path, not 3"),  # type: ignore[arg-type]
        (lambda p, d: api.render(p, "gaps", postings=None), r"postings: .*not None"),  # type: ignore[arg-type]
        (lambda p, d: api.gaps(p, None), r"postings: .*not None"),  # type: ignore[arg-type]
        (lambda p, d: api.gaps(p, [POSTING, 5]), r"postings: .*not 5"),  # type: ignore[list-item]
        (lambda p, d: api.render(p, "signature", paper=None), r"paper None: choose"),  # type: ignore[arg-type]
        (lambda p, d: api.write(None, d), r"files: .*not None"),  # type: ignore[arg-type]
        (lambda p, d: api.write([("a.txt", b"x")], d), r"files: a dict"),  # type: ignore[arg-type]
        (lambda p, d: api.write({"a.txt": b"x"}, None), r"folder: a path, not None"),  # type: ignore[arg-type]
        (lambda p, d: api.write({"a.txt": 5}, d), r"files\['a.txt'\]: bytes, not 5"),  # type: ignore[dict-item]
        (lambda p, d: api.write({5: b"x"}, d), r"files: a file name, not 5"),  # type: ignore[dict-item]
    ],
)
def test_a_wrong_argument_is_a_showcase_error_naming_it(
    call: Any, message: str, tmp_path: Path
) -> None:
    """A wrong type is said by the argument's name, not as an AttributeError or TypeError
    from inside showcase."""
    person = api.load(EXAMPLES / "minimal.yaml", today=TODAY)
    with pytest.raises(api.ShowcaseError, match=message):
        call(person, tmp_path / "out")
    assert not (tmp_path / "out").exists()
