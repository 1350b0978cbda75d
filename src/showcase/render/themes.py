"""Resume themes: a folder with a manifest, a stylesheet and a Word template.

A theme lives in ``resume/themes/<name>/`` among the bundled templates, or in the
same place under a user's ``--templates`` folder (which wins for a name both have):

- ``theme.yaml``: ``name``, ``description``, ``paper`` (``letter``/``a4``: the
  paper when neither ``--paper``, the profile's ``locale`` nor its location says),
  ``parent`` (another theme it builds on; the bundled ``classic`` has none);
- ``resume.css`` (optional): rules added after its parent's, for the HTML and PDF;
- ``resume.docx`` (optional): its Word template; else its parent's.

Every theme uses the one ``resume/resume.html.j2`` (so every one is read by parsers
the same way); themes differ in look, never in what the resume says.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from showcase.errors import ProfileError, ShowcaseError, shown
from showcase.render.templates import bundled_templates_dir

THEMES_FOLDER = "resume/themes"
MANIFEST = "theme.yaml"
STYLESHEET = "resume.css"
WORD_TEMPLATE = "resume.docx"
DEFAULT_THEME = "classic"
MANIFEST_LIMIT = 64 * 1024  # bytes: a manifest is a few lines
MAX_DEPTH = 8  # parents followed before a chain is called a loop


class ThemeError(ShowcaseError):
    """A theme that does not exist, or whose manifest is wrong."""


@dataclass(frozen=True)
class Theme:
    name: str
    description: str
    paper: str | None
    parent: str | None
    folder: Path
    bundled: bool

    @property
    def stylesheet(self) -> str | None:
        """Its stylesheet as a template name (``resume/themes/modern/resume.css``)."""
        return f"{THEMES_FOLDER}/{self.name}/{STYLESHEET}" if self.has(STYLESHEET) else None

    @property
    def word_template(self) -> str | None:
        return f"{THEMES_FOLDER}/{self.name}/{WORD_TEMPLATE}" if self.has(WORD_TEMPLATE) else None

    def has(self, file: str) -> bool:
        return (self.folder / file).is_file()

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "description": self.description,
            "paper": self.paper,
            "parent": self.parent,
            "source": "bundled" if self.bundled else str(self.folder),
        }


def _read_manifest(folder: Path, bundled: bool) -> Theme:
    """The theme in `folder`. Every build resolves its theme, so a manifest whose bytes
    were parsed before is not parsed again."""
    from showcase.reading import TooLarge, read_bounded

    path = folder / MANIFEST
    where = f"{path}"
    try:
        if path.stat().st_size > MANIFEST_LIMIT:
            raise TooLarge(path)
        raw = read_bounded(path, MANIFEST_LIMIT)
    except TooLarge:
        raise ThemeError(
            f"{where}: a theme manifest is a few lines; this one is too large"
        ) from None
    except OSError as exc:
        raise ThemeError(f"{where}: not a readable theme manifest ({exc})") from None
    return _parsed_manifest(folder, bundled, raw)


@lru_cache(maxsize=64)
def _parsed_manifest(folder: Path, bundled: bool, raw: bytes) -> Theme:
    """The theme `raw` (its manifest's bytes) describes; cached (a ThemeError is not)."""
    from showcase.profile.source import parse_source

    path = folder / MANIFEST
    where = f"{path}"
    try:  # bounded, safe YAML; a syntax error is reported at its line
        source = parse_source(raw, where, path)
    except ProfileError as exc:
        raise ThemeError("\n".join(p.format() for p in exc.problems)) from None
    if source.problems:
        raise ThemeError("\n".join(p.format() for p in source.problems))
    data = source.data
    if not isinstance(data, dict):
        raise ThemeError(f"{where}: expected `name:`, `description:`, `paper:` and `parent:`")
    unknown = sorted(set(data) - {"name", "description", "paper", "parent"})
    if unknown:
        raise ThemeError(
            f"{where}: unknown field `{shown(unknown[0])}`; a manifest has name, description, "
            "paper and parent"
        )
    name, description = data.get("name"), data.get("description")
    paper, parent = data.get("paper"), data.get("parent")
    if name != folder.name:
        raise ThemeError(f"{where}: `name:` must be the folder's name, `{folder.name}`")
    if not isinstance(description, str) or not description.strip():
        raise ThemeError(f"{where}: `description:` is missing; say in a line what it looks like")
    if paper is not None and paper not in ("letter", "a4"):
        raise ThemeError(f"{where}: `paper:` is letter or a4, not `{shown(paper)}`")
    if parent is not None and not isinstance(parent, str):
        raise ThemeError(f"{where}: `parent:` is the name of another theme")
    return Theme(name, " ".join(description.split()), paper, parent, folder, bundled)


def available_themes(user_dir: Path | None = None) -> dict[str, Theme]:
    """Every theme by name, sorted: the bundled ones, then the user's (which win)."""
    found: dict[str, Theme] = {}
    roots = [(bundled_templates_dir(), True)]
    if user_dir is not None:
        roots.append((user_dir, False))
    for root, bundled in roots:
        folder = root / THEMES_FOLDER
        if not folder.is_dir():
            continue
        for theme_dir in sorted(folder.iterdir()):
            if (theme_dir / MANIFEST).is_file():
                found[theme_dir.name] = _read_manifest(theme_dir, bundled)
    return dict(sorted(found.items()))


def theme_chain(name: str, user_dir: Path | None = None) -> list[Theme]:
    """`name` and its parents, the root first (``classic``, ``modern``)."""
    themes = available_themes(user_dir)
    chain: list[Theme] = []
    current: str | None = name
    while current is not None:
        if current not in themes:
            known = ", ".join(themes)
            what = "theme" if not chain else f"parent theme of `{chain[-1].name}`"
            raise ThemeError(f"no {what} is called `{shown(current)}`; the themes are: {known}")
        if any(theme.name == current for theme in chain) or len(chain) >= MAX_DEPTH:
            raise ThemeError(f"the theme `{name}` has a loop in its `parent:` chain")
        chain.append(themes[current])
        current = themes[current].parent
    return chain[::-1]


@dataclass(frozen=True)
class ResolvedTheme:
    """What rendering needs of a theme: its stylesheets, Word template and paper."""

    name: str
    stylesheets: tuple[str, ...]  # template names, the root's first
    word_template: str  # a template name
    paper: str | None


def resolve_theme(name: str | None, user_dir: Path | None = None) -> ResolvedTheme:
    chain = theme_chain(name or DEFAULT_THEME, user_dir)
    sheets = tuple(t.stylesheet for t in chain if t.stylesheet)
    word = next((t.word_template for t in reversed(chain) if t.word_template), None)
    paper = next((t.paper for t in reversed(chain) if t.paper), None)
    return ResolvedTheme(chain[-1].name, sheets, word or "resume/resume.docx", paper)
