"""Which fit level the resume takes, in few layout passes.

The exhaustive search (`first_fitting`) lays the levels out roomiest first until one
keeps the length. `search` makes the same choice from fewer passes: a level that does
not keep the length means no roomier one does (a larger text never takes less room), so
the first level that keeps it is found by probing where it is predicted to be: from an
estimate of the text's height before any layout, then from what each pass measured
(`Layout.extent`). A prediction only chooses the order of the passes; every level the
search settles on is laid out, and so is the one before it, so a wrong prediction costs a
pass, never a different choice. While the helper process lays a level out, this process
makes the HTML of the level it will most likely ask for next.
"""

from __future__ import annotations

import math
import re
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from html import unescape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from showcase.render.pdf import Layout
    from showcase.views.resume import ResumeView

Made = tuple["ResumeView", dict[str, object], str]
Measured = tuple["ResumeView", dict[str, object], str, "Layout"]
Levels = list[tuple[float, int]]

# The estimate before any layout: the text's lines, at the usual widths, times this
# factor per theme, measured on 160 generated profiles (median error 2-2.5%; a wrong
# estimate costs one pass). Another theme (a --templates one) takes the classic's.
_EXTENT_PER_LINE = {"classic": 1.16, "modern": 1.18, "compact": 1.03}
_PAGE_POINTS = {"letter": (7.3 * 72, 9.95 * 72), "a4": (7.07 * 72, 10.64 * 72)}  # text area
_BLOCK = re.compile(r"<(h1|h2|h3|p|li)\b[^>]*>(.*?)</\1>", re.S)
_TAG = re.compile(r"<[^>]+>")
# Predicted to keep the length only with this much of a page to spare: more before any
# layout, since the estimate errs more. Erring towards "does not keep it" costs nothing
# when the level after it does (the pass that disproves it is one the search needs).
_MARGIN = 0.01
_PRIOR_MARGIN = 0.05


def fits(found: Measured) -> bool:
    return found[3].pages <= found[0].pages


def first_fitting(
    levels: Levels, measured: Callable[[int], Measured], start: int = 0
) -> int | None:
    """The exhaustive search from `start`: the first level that keeps the length with no
    entry heading wrapped (a parser reads "Acme | Analyst | Austin" as fields best on one
    line); else, of those that keep the length, the one with the fewest wrapped (the
    largest size of equals); None when none does (the last level is then used, with a
    warning). From `start` > 0 when no level before it keeps the length."""
    fitting: int | None = None
    for i in range(start, len(levels)):
        if fitting is not None and levels[i][1] != levels[fitting][1]:
            break  # fewer entries would not unwrap a line: keep the best that fit
        found = measured(i)
        if fits(found):
            if not found[3].wrapped:
                return i
            if fitting is None or found[3].wrapped < measured(fitting)[3].wrapped:
                fitting = i
    return fitting


def _text_lines(html: str, size: float, width: float) -> float:
    """About how many body lines `html` takes at `size` points on a `width` measure."""
    lines = 0.0
    for tag, inner in _BLOCK.findall(html.split("<body", 1)[-1]):
        text = unescape(_TAG.sub("", inner)).strip()
        scale = 2.1 if tag == "h1" else 1.0
        per_line = (width - (10 if tag == "li" else 0)) / (size * 0.5 * scale)
        lines += (1.85 if tag == "h1" else 1.0) * max(1, math.ceil(len(text) / per_line))
    return lines


@dataclass
class Fit:
    """The candidates of one resume's fit: each level's HTML made once (`make`), each
    distinct HTML laid out once (`lay_out`); `overlap`: lay out in another thread (the
    helper process's) while this one makes the next candidate; `ahead`: `lay_out` can
    lay two out at once once `ahead()` has been called (it opens the helper's second
    lane), so the candidate made meanwhile is laid out meanwhile too, and the pass that
    settles the choice is often done when asked for. It is called before the first pass
    when a second is predicted. A guess that proves wrong costs the twin a layout nobody
    reads, never a different choice."""

    levels: Levels
    make: Callable[[int], Made]
    lay_out: Callable[[str], Layout]
    paper: str = "letter"
    theme: str = "classic"
    overlap: bool = False
    ahead: Callable[[], object] | None = None
    passes: int = 0
    guessed: int = 0  # layouts started ahead
    hint: int | None = None  # the first level predicted to keep the length, until a pass
    _made: dict[int, Made] = field(default_factory=dict)
    _layouts: dict[str, Layout] = field(default_factory=dict)
    _lines: dict[tuple[int, float], float] = field(default_factory=dict)
    _started: dict[str, Future[Layout]] = field(default_factory=dict)

    def made(self, i: int) -> Made:
        if i not in self._made:
            self._made[i] = self.make(i)
        return self._made[i]

    def measured(self, i: int, then: Callable[[], object] | None = None) -> Measured:
        """Level `i` laid out; `then` runs while it is (when it can overlap)."""
        view, context, html = self.made(i)
        if html not in self._layouts:
            self.passes += 1
            started = self._started.pop(html, None)
            if started is not None:  # laid out ahead, while the pass before it was
                self._layouts[html] = started.result()
            elif then is not None and self.overlap and not _lays_out_here():
                self._layouts[html] = _meanwhile(lambda: self.lay_out(html), then)
            else:
                self._layouts[html] = self.lay_out(html)
        return view, context, html, self._layouts[html]

    def _known(self, i: int) -> Layout | None:
        made = self._made.get(i)
        return self._layouts.get(made[2]) if made is not None else None

    def _text(self, i: int, size: float) -> float:
        """Level i's estimated text lines at `size` (from the first level with its
        entries: the sizes differ only in the text's size)."""
        first = next(
            j for j, (_, entries) in enumerate(self.levels) if entries == self.levels[i][1]
        )
        if (first, size) not in self._lines:
            width, _ = _PAGE_POINTS.get(self.paper, _PAGE_POINTS["letter"])
            self._lines[first, size] = _text_lines(self.made(first)[2], size, width)
        return self._lines[first, size]

    def predicted(self, i: int) -> float:
        """Level i's extent (`Layout.extent`), predicted from the nearest level measured,
        else estimated from its text."""
        size = self.levels[i][0]
        measured = [
            (abs(j - i), j, layout.extent)
            for j in self._made
            if (layout := self._known(j)) is not None and layout.extent is not None
        ]
        if measured:
            _, j, extent = min(measured)
            assert extent is not None
            near = self.levels[j][0]
            there = self._text(j, near)  # 0 when a template's HTML has no block we know
            return extent * size / near * (self._text(i, near) / there if there else 1.0)
        _, height = _PAGE_POINTS.get(self.paper, _PAGE_POINTS["letter"])
        lines = self._text(i, size) * size * 1.3 / height
        return lines * _EXTENT_PER_LINE.get(self.theme, _EXTENT_PER_LINE["classic"])

    def _next_probe(self, lo: int, hi: int) -> int:
        """The level to lay out next when the first that keeps the length is in
        [lo, hi] (hi: it keeps it, or the end): the one just before the first predicted
        to keep it, so that one more pass settles it when the prediction is right."""
        first = next((j for j in range(lo, hi) if self._predicted_to_fit(j)), hi)
        return max(lo, min(first - 1, hi - 1))

    def _predicted_to_fit(self, i: int) -> bool:
        measured = any(getattr(self._known(j), "extent", None) is not None for j in self._made)
        if not measured and self.hint is not None:
            return i >= self.hint
        margin = _MARGIN if measured else _PRIOR_MARGIN
        target = next(iter(self._made.values()))[0].pages if self._made else self.made(i)[0].pages
        return self.predicted(i) <= target - margin  # every level's view: the same length

    def search(self, hint: int | None = None) -> int | None:
        """What `first_fitting` chooses, from fewer passes; `hint` (the level the last
        build chose) is the first prediction when it is one of the levels."""
        lo, hi = 0, len(self.levels)  # lo: none before it fits; hi: it fits, or the end
        self.hint = hint if hint is not None and 0 <= hint < hi else None
        probe = self._next_probe(lo, hi)
        if self.ahead is not None:
            if self._next_of(probe, lo, hi) is None:
                self.ahead = None  # one pass predicted: no second lane wanted
            else:
                self.ahead()
        while lo < hi:
            guess = self._likely_next(probe, lo, hi)
            if fits(self.measured(probe, then=guess)):
                hi = probe
            else:
                lo = probe + 1
            if lo < hi:
                probe = self._next_probe(lo, hi)
        if lo == len(self.levels):
            return None
        return first_fitting(self.levels, self.measured, start=lo)

    def _likely_next(self, probe: int, lo: int, hi: int) -> Callable[[], object]:
        """What to make while `probe` is laid out: the HTML of the level the search
        would ask for next if the outcome is the predicted one."""

        def make_next() -> None:
            try:
                level = self._next_of(probe, lo, hi)
                if level is not None:
                    self._lay_out_ahead(level)
            except Exception:  # a level that fails fails when the search needs it
                return

        return make_next

    def _next_of(self, probe: int, lo: int, hi: int) -> int | None:
        """The level the search asks for after `probe` if `probe` does what is predicted
        (None: it would be the last pass)."""
        if self._predicted_to_fit(probe):
            return probe - 1 if probe > lo else None
        return self._next_probe(probe + 1, hi) if probe + 1 < hi else None

    def _lay_out_ahead(self, i: int) -> None:
        """Make level i's HTML; with `ahead`, start laying it out too (in another thread,
        which waits for the helper's twin)."""
        html = self.made(i)[2]
        if self.ahead is None or html in self._layouts or html in self._started:
            return
        self.guessed += 1
        self._started[html] = _started(lambda: self.lay_out(html))


def _lays_out_here() -> bool:
    """Whether layouts run in this process (WeasyPrint loaded here): then a thread would
    only compete with them, and nothing is made meanwhile."""
    return "weasyprint" in sys.modules


def _meanwhile(work: Callable[[], Layout], then: Callable[[], object]) -> Layout:
    """`work()` in another thread (it waits on the helper process) while `then()` runs
    in this one; `work`'s result, or its error."""
    done = _started(work)
    then()
    return done.result()


def _started(work: Callable[[], Layout]) -> Future[Layout]:
    """`work()` running in another thread: its result, or its error, to come."""
    done: Future[Layout] = Future()

    def run() -> None:
        try:
            done.set_result(work())
        except BaseException as exc:  # handed to the caller as it is
            done.set_exception(exc)

    threading.Thread(target=run, name="showcase-fit", daemon=True).start()
    return done
