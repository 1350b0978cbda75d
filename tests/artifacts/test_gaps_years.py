"""The gaps page tells "short" (shown, for fewer years than a posting asks) from "have"."""

from __future__ import annotations

from pathlib import Path

from showcase.artifacts.gaps import html
from showcase.strategy.gaps import analyse
from showcase.strategy.postings import from_text
from showcase.views.gaps import GAP_COLOUR, HAVE_COLOUR, SHORT_COLOUR
from tests.helpers import load
from tests.strategy.test_match_years import MARKETER, POSTING


def test_the_gaps_page_draws_short_apart_from_have(tmp_path: Path) -> None:
    """The gaps page's chart and table showed a term shown for fewer years than asked in the
    colour of "you show it", while its table said "short"."""
    report = analyse(load(tmp_path, MARKETER), [from_text("job.txt", POSTING)])
    page = html(report)
    bar = next(line for line in page.splitlines() if "<title>Paid search:" in line)
    assert f'fill="{SHORT_COLOUR}"' in bar and "(short)" in bar
    seo = next(line for line in page.splitlines() if "<title>SEO:" in line)
    assert f'fill="{HAVE_COLOUR}"' in seo and "(have)" in seo
    assert '<td class="short">short</td>' in page and '<td class="have">have</td>' in page
    assert "for fewer years than asked" in page
    assert GAP_COLOUR in page
