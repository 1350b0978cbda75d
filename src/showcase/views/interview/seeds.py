"""Story seeds: a job's highlights with a figure, not yet told as stories, with a prompt
for each STAR part.

A Result is a change (a %, "from X to Y", cut, grew, saved ...), never a scope figure: a
team of 15, a $40M store or 30 product lines say how big the job was, so they go to the
Situation. A highlight with no change gets a prompt to find its result. The prompts are
in templates/interview/phrases.yaml (`seeds`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from showcase.errors import TemplateError
from showcase.profile.models import Experience
from showcase.views.figures import figures

PHRASES_FILE = "interview/phrases.yaml"

# A figure: a digit that is not a year (2025 is a date, not a result).
_FIGURE = re.compile(r"(?<![\d.,])(?!(?:19|20)\d\d(?!\d|%))\d")
_FIGURE_TOKEN = re.compile(r"[$£€]?\d[\d,.]*(?:%|[kKmM]\b)?")


@dataclass(frozen=True)
class StorySeed:
    """A highlight with a figure, not yet told as a story: prompts for the four parts."""

    highlight: str
    source: str  # "Marketing Specialist, Hill Country Goods"
    prompts: tuple[tuple[str, str], ...]  # (STAR part, prompt)
    change: str | None = None  # the result it states ("cut cost per acquisition 18%")
    scope: tuple[str, ...] = ()  # figures of size, for the Situation ("$40M", "15")


def has_figure(text: str) -> bool:
    """Whether `text` states a figure (18%, $40M, 400 employees), not only a year."""
    return _FIGURE.search(text) is not None


@lru_cache(maxsize=1)
def _phrases() -> dict[str, Any]:
    from ruamel.yaml import YAML

    from showcase.render.templates import bundled_templates_dir

    data = YAML(typ="safe").load((bundled_templates_dir() / PHRASES_FILE).read_text("utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("seeds"), dict):
        raise TemplateError(f"{PHRASES_FILE} has no `seeds` prompts; reinstall showcase")
    return data


def seed_prompts(highlight: str) -> tuple[tuple[tuple[str, str], ...], str | None, tuple[str, ...]]:
    """The four prompts for `highlight`, its change (if any) and its scope figures."""
    said = figures(highlight)
    bank = _phrases()["seeds"]
    scope = join_scope(said.scope)
    situation = bank["situation_scope"].format(scope=scope) if scope else bank["situation"]
    result = (
        bank["result_change"].format(change=said.change[:1].upper() + said.change[1:])
        if said.change
        else bank["result_missing"]
    )
    prompts = (
        ("Situation", situation),
        ("Task", bank["task"]),
        ("Action", bank["action"]),
        ("Result", result),
    )
    return prompts, said.change, said.scope


def join_scope(scope: tuple[str, ...]) -> str:
    return ", ".join(scope)


def seeds(profile_jobs: list[Experience]) -> tuple[StorySeed, ...]:
    found = []
    for job in profile_jobs:
        told = " ".join(
            " ".join(filter(None, [s.title, s.result, *s.actions])) for s in job.stories
        )
        for highlight in job.highlights:
            if not has_figure(highlight):
                continue
            tokens = [f for f in _FIGURE_TOKEN.findall(highlight) if has_figure(f)]
            if any(f in told for f in tokens):
                continue  # already told as one of the job's stories
            prompts, change, scope = seed_prompts(highlight)
            found.append(
                StorySeed(
                    highlight=highlight,
                    source=f"{job.title}, {job.organization}",
                    prompts=prompts,
                    change=change,
                    scope=scope,
                )
            )
    return tuple(found)
