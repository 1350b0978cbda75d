"""The applications board on index.html: the view (labelled data), the page, a browser."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from showcase.cli import cli
from showcase.tracker import schema as t
from showcase.tracker.board import board
from showcase.tracker.store import NewApplication, Store
from tests.conftest import EXAMPLES

TODAY = dt.date(2026, 12, 6)


def _seed(db: str | Path) -> None:
    """Six applications whose funnel is known: 5 applied, 2 interviewed, 1 offer."""
    with Store(db) as store:
        offer = store.add(NewApplication("Marketing Manager", "Acme", on=dt.date(2026, 11, 20)))
        store.update(offer, status="interview", on=dt.date(2026, 11, 28))
        store.update(offer, status="offer", on=dt.date(2026, 12, 5), follow_up=TODAY)
        lost = store.add(NewApplication("Analyst", "Beta", on=dt.date(2026, 11, 1)))
        store.update(lost, status="interview", on=dt.date(2026, 11, 10))
        store.update(lost, status="rejected", on=dt.date(2026, 11, 20), follow_up=TODAY)
        late = store.add(NewApplication("SEO Lead", "Gamma", on=dt.date(2026, 11, 2)))
        store.update(late, status="screening", follow_up=dt.date(2026, 12, 1))
        store.add(NewApplication("Writer", "Delta", on=TODAY, coverage=0.456))
        quiet = store.add(NewApplication("Planner", "Epsilon", on=dt.date(2026, 10, 1)))
        store.update(quiet, status="no reply", on=dt.date(2026, 11, 1))
        store.add(NewApplication("Editor", "Harbor <&> Co", status="saved", on=TODAY))
        # Someone else's, in a shared database: never on this person's board.
        store.add(NewApplication("Nurse", "Other Person Inc", on=TODAY, profile="Ann Lee"))


def test_board_view_on_labelled_data(db: str) -> None:
    _seed(db)
    with Store(db) as store:
        view = board(store.listing(person="Sam Lee"), TODAY)
    assert view.total == 6
    assert [c.status for c in view.columns] == [
        "saved", "applied", "screening", "interview", "offer", "accepted", "rejected",
        "withdrawn", "no reply",
    ]  # fmt: skip
    cards = {c.status: c.cards for c in view.columns}
    assert [c.company for c in cards["offer"]] == ["Acme"]
    assert cards["offer"][0].since == "applied 16 days ago" and cards["offer"][0].days == 16
    assert cards["offer"][0].follow_up == "2026-12-06" and not cards["offer"][0].overdue
    assert cards["screening"][0].overdue  # 2026-12-01 passed, still open
    assert cards["rejected"][0].follow_up is None  # final: nothing to follow up
    assert cards["applied"][0].since == "applied today" and cards["applied"][0].coverage == "46%"
    assert cards["saved"][0].since == "saved, not sent yet" and cards["saved"][0].days is None
    assert cards["interview"] == () and cards["accepted"] == ()
    assert [(s.label, s.count, s.share) for s in view.funnel] == [
        ("Applied", 5, ""),
        ("Interview", 2, "40% of applied"),
        ("Offer", 1, "20% of applied"),
    ]
    widths = [s.width for s in view.funnel]
    assert widths[0] > widths[1] > widths[2] > 0
    assert widths[1] == pytest.approx(widths[0] * 2 / 5, abs=1)
    assert view.summary == (
        "Of 6 applications: applied 5, interview 2 (40% of applied), offer 1 (20% of applied)."
    )


def test_an_empty_tracker_has_an_empty_funnel() -> None:
    view = board([], TODAY)
    assert view.total == 0 and [s.count for s in view.funnel] == [0, 0, 0]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled example built with a tracker database beside it."""
    root = tmp_path_factory.mktemp("board")
    profile = root / "profile.yaml"
    shutil.copy(EXAMPLES / "minimal.yaml", profile)
    _seed(root / "showcase.db")
    result = CliRunner().invoke(
        cli,
        ["build", str(profile), "-o", str(root / "site"), "--today", TODAY.isoformat()],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return root / "site"


@pytest.mark.slow
def test_index_shows_the_board_when_a_database_is_beside_the_profile(built: Path) -> None:
    html = (built / "index.html").read_text(encoding="utf-8")
    section = html.split('<section class="card" id="applications">', 1)[1].split("</section>")[0]
    assert 'href="#applications"' in html
    assert section.count('<div class="app">') == 6
    assert "Other Person Inc" not in section
    assert section.count("<rect ") == 3
    assert "Harbor &lt;&amp;&gt; Co" in section  # escaped, as everything
    assert "Follow up 2026-12-01 (overdue)" in section
    assert re.search(r"<title id=\"funnel-title\">Of 6 applications: applied 5, ", section)


@pytest.mark.slow
def test_no_board_without_a_database_and_none_in_a_for_kit(tmp_path: Path) -> None:
    profile = tmp_path / "profile.yaml"
    shutil.copy(EXAMPLES / "minimal.yaml", profile)
    run = CliRunner().invoke
    result = run(cli, ["build", str(profile), "-o", str(tmp_path / "a")], catch_exceptions=False)
    assert result.exit_code == 0
    assert 'id="applications"' not in (tmp_path / "a" / "index.html").read_text()
    assert not (tmp_path / "showcase.db").exists()  # building never makes a database
    _seed(tmp_path / "showcase.db")
    posting = Path(__file__).parents[1] / "data" / "postings" / "01-acme-outdoor.txt"
    args = ["build", str(profile), "-o", str(tmp_path / "b"), "--for", str(posting)]
    assert run(cli, args, catch_exceptions=False).exit_code == 0
    kit = tmp_path / "b" / "for-01-acme-outdoor" / "index.html"
    assert 'id="applications"' not in kit.read_text()
    args = ["build", str(profile), "-o", str(tmp_path / "c")]
    assert run(cli, args, catch_exceptions=False).exit_code == 0
    assert 'id="applications"' in (tmp_path / "c" / "index.html").read_text()


@pytest.mark.slow
def test_an_unreadable_database_costs_the_board_only(tmp_path: Path) -> None:
    profile = tmp_path / "profile.yaml"
    shutil.copy(EXAMPLES / "minimal.yaml", profile)
    db = tmp_path / "other.db"
    _seed(db)
    with Store(db) as store, store.engine.begin() as conn:
        conn.execute(t.schema_version.update().values(version=t.SCHEMA_VERSION + 1))
    result = CliRunner().invoke(
        cli, ["build", str(profile), "-o", str(tmp_path / "a"), "--db", str(db)]
    )
    assert result.exit_code == 1
    assert "applications board: not shown: database" in result.output
    assert "written by a newer showcase" in result.output
    assert (tmp_path / "a" / "index.html").is_file()
    assert (tmp_path / "a" / "Sam-Lee-Resume.pdf").is_file()


@pytest.mark.browser
def test_board_in_a_real_browser(built: Path) -> None:
    from tests.browser import browser_page

    with browser_page(width=1100) as page:
        page.goto((built / "index.html").as_uri())
        assert page.locator("#applications").is_visible()
        columns = page.locator("#applications .board .column")
        assert columns.count() == 9
        tops = [columns.nth(i).bounding_box()["y"] for i in range(4)]
        assert len(set(tops)) == 1  # the first columns sit side by side on a wide page
        bars = page.locator("#applications svg rect")
        widths = [bars.nth(i).bounding_box()["width"] for i in range(3)]
        assert widths[0] > widths[1] > widths[2] > 0
        overdue = page.locator("#applications .follow.bad")
        assert overdue.inner_text() == "Follow up 2026-12-01 (overdue)"
        color = overdue.evaluate("e => getComputedStyle(e).color")
        assert color == "rgb(163, 58, 42)"
