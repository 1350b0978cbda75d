"""What each bundled template receives: the contract of `--templates`.

A user who copies a template to change it relies on these names, so they are
written down once, here, and `docs/templates.md` is generated from this module
and the view dataclasses (`python -m showcase.artifacts.contract > docs/templates.md`).
Tests keep both true: the reference equals the generated text, and every
variable a bundled template uses is declared here.
"""

from __future__ import annotations

import dataclasses
import inspect
import re
import typing
from pathlib import Path
from typing import Any

from showcase.artifacts.registry import REGISTRY
from showcase.artifacts.spec import Card, Variable
from showcase.tracker.board import Board

_CARD = (Variable("card", Card, "the artifact's section: `card.data` is what it shows"),)

# The index page and the batch page belong to `build`, not to one artifact.
BUILD_TEMPLATES: dict[str, tuple[Variable, ...]] = {
    "build/index.html.j2": (
        Variable("name", str, "the person's name"),
        Variable("display_name", str, "the name with letters after it"),
        Variable("today", str, "the date of the build, as the profile's country writes it"),
        Variable("cards", list[Card], "one section per artifact written, in the registry's order"),
        Variable("warnings", "list[str]", "everything to check first"),
        Variable(
            "board",
            Board,
            "the applications board (None unless a tracker database is found)",
        ),
    ),
    "build/card.html.j2": (
        *_CARD,
        Variable("card.data", "ArtifactSpec", "the artifact's spec: its `summary` is shown"),
    ),
    "build/batch.html.j2": (
        Variable("profiles", "list[ProfileSummary]", "one per profile of the batch"),
        Variable("today", str, "the date of the build"),
    ),
}


def _templates() -> dict[str, tuple[Variable, ...]]:
    found: dict[str, tuple[Variable, ...]] = {}
    for spec in REGISTRY:
        found.update(spec.templates)
        if spec.card is not None:
            data = Variable("card.data", spec.card_data, "what the section shows")
            found[f"{spec.name}/card.html.j2"] = (*_CARD, data)
    found.update(BUILD_TEMPLATES)
    return found


# Template -> what it receives: every artifact's, from the registry, and the build's own.
TEMPLATES: dict[str, tuple[Variable, ...]] = _templates()


def _known_types() -> dict[str, Any]:
    """The classes the registry names as text (so that a build need not import them)."""
    from showcase.artifacts import parts
    from showcase.artifacts.linkedin import LinkedInKit
    from showcase.artifacts.signature import SignatureArtifact
    from showcase.render.themes import ResolvedTheme
    from showcase.strategy.gaps import GapReport
    from showcase.strategy.match import MatchReport
    from showcase.strategy.renewals import Renewal, RenewalReport
    from showcase.views.about import AboutView
    from showcase.views.interview import InterviewSheet, Story
    from showcase.views.letter import LetterView
    from showcase.views.linkedin import CertificationEntry, Headline, PostDraft
    from showcase.views.linkedin.plan import KitPlan
    from showcase.views.practice import Practice
    from showcase.views.resume import ResumeView
    from showcase.views.signature import SignatureView

    found: dict[str, Any] = {
        cls.__name__: cls
        for cls in (
            parts.ResumeCard,
            parts.LinkedInCard,
            parts.InterviewCard,
            parts.RenewalsCard,
            LinkedInKit,
            SignatureArtifact,
            ResolvedTheme,
            GapReport,
            MatchReport,
            Renewal,
            RenewalReport,
            AboutView,
            InterviewSheet,
            Story,
            LetterView,
            CertificationEntry,
            Headline,
            PostDraft,
            KitPlan,
            Practice,
            ResumeView,
            SignatureView,
        )
    }
    found["list[CertificationEntry]"] = list[CertificationEntry]
    for spec in REGISTRY:  # a simple artifact's view class: its `view`'s return type
        if spec.view is not None:
            returns = typing.get_type_hints(spec.view).get("return")
            if isinstance(returns, type):
                found.setdefault(returns.__name__, returns)
    return found


def _resolve(tp: Any) -> Any:
    if isinstance(tp, str):
        return _known_types().get(tp, tp)
    return tp


def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, localns=_known_types())


def _type_name(tp: Any) -> str:
    if isinstance(tp, str):
        return tp
    if isinstance(tp, type):
        return tp.__name__
    text = re.sub(r"\b(?:[a-z_][\w]*\.)+(\w+)", r"\1", str(tp))  # drop module paths
    return text.replace("NoneType", "None")


def _dataclasses_in(tp: Any) -> list[type]:
    if isinstance(tp, str):
        return []
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return [tp]
    found: list[type] = []
    for arg in typing.get_args(tp):
        found.extend(_dataclasses_in(arg))
    return found


def _field_comments(cls: type) -> dict[str, str]:
    """The comment written after each field in the class's source (``name: str  # ...``)."""
    try:
        source = inspect.getsource(cls)
    except (OSError, TypeError):  # pragma: no cover - source not available
        return {}
    return dict(re.findall(r"^\s+(\w+): [^#\n]*#\s*(.+)$", source, re.MULTILINE))


def _members(cls: type) -> list[tuple[str, str, str]]:
    """(name, type, meaning) of a dataclass's fields and public properties."""
    hints = _hints(cls)
    comments = _field_comments(cls)
    rows = [
        (f.name, _type_name(hints[f.name]), comments.get(f.name, ""))
        for f in dataclasses.fields(cls)
    ]
    for name, member in inspect.getmembers(cls, lambda m: isinstance(m, property)):
        if name.startswith("_"):
            continue
        getter = typing.cast(property, member).fget
        returns = typing.get_type_hints(getter).get("return", "") if getter else ""
        doc = (inspect.getdoc(getter) or "").split("\n")[0] if getter else ""
        rows.append((name, _type_name(returns), doc))
    return rows


def _cell(text: str) -> str:
    """Text for a Markdown table cell: a `|` would end the cell."""
    return text.replace("|", "\\|")


def reference_markdown() -> str:
    """docs/templates.md: the variables of every template, then the fields of every view."""
    out = [
        "# Template variables",
        "",
        "<!-- Generated by `python -m showcase.artifacts.contract > docs/templates.md`; "
        "a test keeps it current. -->",
        "",
        "Copy a bundled template into your `--templates` folder (same sub-folder and name) "
        "and change it: these are the variables it receives. Everything is already worded "
        "by showcase; a template only places it. HTML templates escape everything.",
        "",
    ]
    seen: list[type] = []
    queue: list[type] = []
    for template, variables in TEMPLATES.items():
        out += [f"## `{template}`", "", "| variable | type | what it is |", "|---|---|---|"]
        for var in variables:
            kind = _resolve(var.type)
            out.append(f"| `{var.name}` | `{_cell(_type_name(kind))}` | {_cell(var.meaning)} |")
            queue.extend(_dataclasses_in(kind))
        out.append("")
    out += ["# Views", "", "The fields and properties of each value above.", ""]
    while queue:
        cls = queue.pop(0)
        if cls in seen:
            continue
        seen.append(cls)
        doc = (inspect.getdoc(cls) or "").split("\n")[0]
        out += [f"## `{cls.__name__}`", ""]
        if doc and not doc.startswith(f"{cls.__name__}("):
            out += [doc, ""]
        out += ["| name | type | notes |", "|---|---|---|"]
        hints = _hints(cls)
        for name, type_text, meaning in _members(cls):
            out.append(f"| `{name}` | `{_cell(type_text)}` | {_cell(meaning)} |")
            if name in hints:
                queue.extend(_dataclasses_in(hints[name]))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def update_readme(path: Path) -> bool:
    """Put the registry's artifact table into the README, between its markers; whether
    the file changed."""
    from showcase.artifacts.registry import artifact_table

    text = path.read_text("utf-8")
    start = text.index(README_START) + len(README_START)
    end = text.index(README_END, start)
    updated = text[:start] + "\n" + artifact_table() + text[end:]
    if updated != text:
        path.write_text(updated, "utf-8")
    return updated != text


README_START = "<!-- artifacts: generated from the registry by `make reference` -->"
README_END = "<!-- /artifacts -->"


if __name__ == "__main__":  # pragma: no cover
    import sys

    if sys.argv[1:2] == ["--readme"]:
        update_readme(Path(sys.argv[2]))
    else:
        print(reference_markdown(), end="")
