"""The applications board on `build`'s index.html: a column per status, and a funnel.

A pure function of the listing (`Store.listing`) and today; the template
(`templates/build/index.html.j2`) places it, drawing the funnel as inline SVG from
the geometry worked out here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from showcase.tracker.statuses import FINAL, STATUSES

# The funnel's stages: an application reached a stage when its history holds any of
# these statuses (the transitions make "offer" pass through "interview").
FUNNEL = (
    ("Applied", frozenset(STATUSES) - {"saved"}),
    ("Interview", frozenset({"interview", "offer", "accepted"})),
    ("Offer", frozenset({"offer", "accepted"})),
)
FUNNEL_WIDTH = 440  # the SVG's viewBox (CSS pixels on a wide page); bars scale to the widest
BAR_HEIGHT = 34
BAR_GAP = 10
LABEL_WIDTH = 90


@dataclass(frozen=True)
class Card:
    id: int
    title: str
    company: str
    days: int | None  # since applying; None when not applied yet
    since: str  # "applied 16 days ago", "saved, not sent yet"
    follow_up: str | None  # YYYY-MM-DD
    overdue: bool  # the follow-up is past and the application still open
    coverage: str | None  # "59%"


@dataclass(frozen=True)
class Column:
    status: str
    label: str  # "No reply"
    cards: tuple[Card, ...]


@dataclass(frozen=True)
class Stage:
    label: str
    count: int
    share: str  # "50% of applied" (empty for the first stage)
    y: int
    width: int  # of the bar, in the viewBox's units


@dataclass(frozen=True)
class Board:
    total: int
    columns: tuple[Column, ...]
    funnel: tuple[Stage, ...]
    funnel_width: int
    funnel_height: int
    bar_height: int
    label_width: int
    summary: str  # the funnel in words, for screen readers and the SVG's <title>


def _since(item: dict[str, Any], today: dt.date) -> tuple[int | None, str]:
    if item["applied_on"] is None:
        return None, "saved, not sent yet"
    days = (today - dt.date.fromisoformat(item["applied_on"])).days
    if days <= 0:
        return days, "applied today" if days == 0 else f"applied on {item['applied_on']}"
    return days, f"applied {days} day{'s' if days != 1 else ''} ago"


def board(items: Sequence[dict[str, Any]], today: dt.date) -> Board:
    by_status: dict[str, list[Card]] = {s: [] for s in STATUSES}
    for item in items:
        days, since = _since(item, today)
        follow_up = item["next_follow_up"]
        open_ = item["status"] not in FINAL
        by_status[item["status"]].append(
            Card(
                id=item["id"],
                title=item["title"],
                company=item["company"],
                days=days,
                since=since,
                follow_up=follow_up if open_ else None,
                overdue=bool(open_ and follow_up and follow_up < today.isoformat()),
                coverage=None if item["coverage"] is None else f"{item['coverage']:.0%}",
            )
        )
    columns = tuple(
        Column(status, status.capitalize(), tuple(cards)) for status, cards in by_status.items()
    )
    counts = [
        sum(1 for i in items if any(h["status"] in reached for h in i["history"]))
        for _, reached in FUNNEL
    ]
    widest = max(counts[0], 1)
    room = FUNNEL_WIDTH - LABEL_WIDTH - 140  # the count and share are written after the bar
    stages = []
    for n, ((label, _), count) in enumerate(zip(FUNNEL, counts, strict=True)):
        share = "" if n == 0 or not counts[0] else f"{count / counts[0]:.0%} of applied"
        width = round(room * count / widest) if count else 0
        stages.append(Stage(label, count, share, n * (BAR_HEIGHT + BAR_GAP), max(width, 2)))
    summary = ", ".join(
        f"{s.label.lower()} {s.count}" + (f" ({s.share})" if s.share else "") for s in stages
    )
    return Board(
        total=len(items),
        columns=columns,
        funnel=tuple(stages),
        funnel_width=FUNNEL_WIDTH,
        funnel_height=len(stages) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP,
        bar_height=BAR_HEIGHT,
        label_width=LABEL_WIDTH,
        summary=f"Of {len(items)} applications: {summary}.",
    )


def read_board(db: str, today: dt.date, person: str | None = None) -> Board:
    """The board of the database at `db` (which must exist), of `person`'s applications
    (and those recorded without a person); a `TrackerError` if unreadable."""
    from showcase.tracker.store import Store

    with Store(db, create=False) as store:
        return board(store.listing(person=person), today)
