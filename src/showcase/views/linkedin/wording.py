"""The phrase banks of posts (templates/linkedin/phrases.yaml) and how a kit picks from
them: one wording per post by a stable hash of the credential id, never the same one twice
in a kit until every option is taken, so the same profile always gives the same posts.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from showcase.errors import TemplateError
from showcase.views.common import stable_index

# --- wording ---------------------------------------------------------------------------
# The phrase banks live in templates/linkedin/phrases.yaml (openings, leads, labels,
# closings ...), with the fields each may use. A kit picks one wording per post by a stable
# hash of the credential id and never the same one twice (`_Wording`).

PHRASES_FILE = "linkedin/phrases.yaml"


@lru_cache(maxsize=1)
def _banks() -> dict[str, Any]:
    from ruamel.yaml import YAML

    from showcase.render.templates import bundled_templates_dir

    data = YAML(typ="safe").load((bundled_templates_dir() / PHRASES_FILE).read_text("utf-8"))
    if not isinstance(data, dict):
        raise TemplateError(f"{PHRASES_FILE} must be a mapping of phrase banks; reinstall showcase")
    return data


def bank(name: str) -> tuple[str, ...]:
    """The wordings of one part of a post: ``bank("thanks")``."""
    return tuple(_banks()[name])


def openings(kind: str) -> tuple[str, ...]:
    """The openings of one kind of post (exam, badge, stack ...)."""
    return tuple(_banks()["openings"][kind])


def label_bank(what: str) -> tuple[str, ...]:
    """Labels for the user's own words: why, learned, applied."""
    return tuple(_banks()["labels"][what])


class Wording:
    """Chooses a phrasing per post: by a stable hash of the post's key, skipping what the
    kit has already used, so a kit repeats a phrasing only once every option is taken."""

    def __init__(self) -> None:
        self.used: dict[str, set[int]] = {}

    def free(self, slot: str, key: str, options: tuple[str, ...]) -> str | None:
        """An option this kit has not used in `slot` yet (marking it used), or None."""
        used = self.used.setdefault(slot, set())
        start = stable_index(f"{slot}:{key}", len(options))
        for step in range(len(options)):
            index = (start + step) % len(options)
            if index not in used:
                used.add(index)
                return options[index]
        return None

    def pick(self, slot: str, key: str, options: tuple[str, ...]) -> str:
        """An unused option if there is one; else the one the hash points at."""
        chosen = self.free(slot, key, options)
        return (
            chosen if chosen is not None else options[stable_index(f"{slot}:{key}", len(options))]
        )

    def opening(self, kind: str, key: str) -> str:
        """An opening of this kind of post, then a general one, before any repeats."""
        chosen = self.free(f"opening-{kind}", key, openings(kind))
        if chosen is None:
            chosen = self.pick("opening-general", key, bank("general_openings"))
        return chosen
