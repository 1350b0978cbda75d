"""Open Badges 2.0 assertions and 3.0 credentials (and CLR 2.0 wrappers), as JSON or baked
into badge images.

`credentials.py` reads the JSON (each version's fields are listed there); `baked.py` finds
it inside a PNG (an iTXt chunk) or an SVG (an ``openbadges:`` element). Nothing is fetched:
a badge that only points to a hosted URL is reported, not followed.
"""

from __future__ import annotations

from showcase.importers.openbadges.baked import MAX_BAKED_BYTES as MAX_BAKED_BYTES
from showcase.importers.openbadges.baked import OPENBADGES_NAMESPACES as OPENBADGES_NAMESPACES
from showcase.importers.openbadges.baked import PNG_KEYS as PNG_KEYS
from showcase.importers.openbadges.baked import from_png as from_png
from showcase.importers.openbadges.baked import from_svg as from_svg
from showcase.importers.openbadges.credentials import ACHIEVEMENT_KINDS as ACHIEVEMENT_KINDS
from showcase.importers.openbadges.credentials import from_json as from_json
