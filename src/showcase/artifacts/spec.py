"""What an artifact is to the rest of showcase: one `ArtifactSpec` each, listed in
`registry.py`.

`showcase build`, index.html, `validate`'s render-everything check, `watch`,
docs/templates.md and the README's artifact table all iterate the registry, so an
artifact that is registered is built, shown, checked and documented, and one that is
not is none of these. A simple artifact needs no module of its own here: a view
function, its templates and one `ArtifactSpec(view=...)` entry (see
docs/contributing.md); an artifact with formats of its own (PDF, DOCX, a fit to the
page) gives its own `render` function instead.

Standard library only at import time, like `showcase.files`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from showcase.files import AUTO_PAPER, FORMAT_LABELS, file_stem

if TYPE_CHECKING:
    from showcase.artifacts import Artifact, PageCounter, PdfJob
    from showcase.artifacts.cache import RenderCache
    from showcase.profile import LoadedProfile
    from showcase.strategy.tailor import Tailoring


@dataclass(frozen=True)
class Variable:
    """One name a template receives: the contract of `--templates` (docs/templates.md)."""

    name: str
    type: Any  # a view dataclass, or a plain type written out
    meaning: str


CREATED = Variable("created", str, "the document's date and time (W3C), for its metadata")
DOCX_HELPER = Variable(
    "docx",
    "Runs",
    "in Word templates only: `{{r docx.line(parts, separator) }}`, `{{r docx.link(text, url) }}`",
)


@dataclass(frozen=True)
class RenderSettings:
    """How to render, the same for every artifact of one build: the user's template
    folder, the paper, the resume theme, credential IDs shown or not, and where PDFs
    are laid out (`pdf_job`, `page_counter`: in this process when None) and kept
    (`cache`)."""

    templates_dir: Path | None = None
    paper: str = AUTO_PAPER
    theme: str | None = None
    show_ids: bool = False
    pdf_job: PdfJob | None = None
    page_counter: PageCounter | None = None
    cache: RenderCache | None = None


@dataclass(frozen=True)
class BuildRequest:
    """What one build is asked for: the profile, how to render, and with `--for` the
    posting read once (`tailor`), with `--postings` the postings for the gaps report."""

    loaded: LoadedProfile
    settings: RenderSettings = field(default_factory=RenderSettings)
    tailor: Tailoring | None = None
    postings: tuple[Path, ...] = ()

    @property
    def stem(self) -> str:
        return file_stem(self.loaded.profile.name)


@dataclass(frozen=True)
class FileLink:
    label: str
    href: str


@dataclass(frozen=True)
class Card:
    """An artifact's section of index.html: the template that draws it (which receives
    `card`), the menu entries that lead to it (anchor, title), and what it shows."""

    template: str
    anchors: tuple[tuple[str, str], ...]
    data: Any = None
    links: tuple[FileLink, ...] = ()


def links(files: Mapping[str, str], written: Mapping[str, bytes]) -> tuple[FileLink, ...]:
    """A link per format whose file was written (a format that failed has none)."""
    return tuple(
        FileLink(FORMAT_LABELS.get(fmt, fmt.upper()), name)
        for fmt, name in files.items()
        if name in written
    )


def always(request: BuildRequest) -> bool:
    return True


@dataclass(frozen=True)
class ArtifactSpec:
    """One artifact: its name (its template folder), how messages call it, its formats
    and file names, what each template receives, how it is made, when a build makes it,
    and its section of index.html.

    Either `view` (a pure function of the loaded profile returning a frozen dataclass,
    given to each template as `context`; text formats only) or `render` (the artifact's
    own function, for PDF, DOCX and the like).
    """

    name: str
    label: str
    summary: str  # one line: the README's artifact table
    files: Callable[[str], dict[str, str]]  # the person's name -> {format: file name}
    templates: Mapping[str, tuple[Variable, ...]]  # template -> what it receives
    view: Callable[[LoadedProfile], Any] | None = None
    context: str = ""  # with `view`: the name templates know the view by
    render: Callable[[BuildRequest], Artifact] | None = None
    applies: Callable[[BuildRequest], bool] = always
    card: Callable[[Artifact, BuildRequest], Card | None] | None = None
    card_data: Any = None  # the type of its card's `data` (docs/templates.md)
    command: str | None = None  # its own command (`showcase resume`), if it has one
    # It waits for layout passes to choose its content (the resume's fit to its length).
    fits_pages: bool = False

    @property
    def make_order(self) -> int:
        """When a build makes it (files, warnings and index.html keep the registry's order):
        an artifact with a PDF nothing waits for first, so the PDF helper has its HTML to
        lay out at once; one that `fits_pages` last, so everything else is rendered while
        the helper lays out its passes; the others between."""
        if self.fits_pages:
            return 2
        return 0 if "pdf" in self.formats() else 1

    def make(self, request: BuildRequest) -> Artifact:
        """The artifact's files and warnings for `request`."""
        if self.render is not None:
            return self.render(request)
        return _from_view(self, request)

    def index_card(self, artifact: Artifact, request: BuildRequest) -> Card | None:
        if self.card is not None:
            return self.card(artifact, request)
        found = links(self.files(request.loaded.profile.name), artifact.files)
        return Card("build/card.html.j2", ((self.name, self.label.capitalize()),), self, found)

    def formats(self, name: str = "Name") -> tuple[str, ...]:
        return tuple(self.files(name))


def _from_view(spec: ArtifactSpec, request: BuildRequest) -> Artifact:
    """A text artifact: the view, then each template (``<name>/<file>.<fmt>.j2``)."""
    from showcase.artifacts import Artifact
    from showcase.render.templates import render

    assert spec.view is not None, f"{spec.name}: an ArtifactSpec needs `view` or `render`"
    loaded = request.loaded
    view = spec.view(loaded)
    artifact = Artifact(origin=loaded.file, label=spec.label)
    for warning in getattr(view, "warnings", ()):
        artifact.warn(warning)
    for fmt, name in spec.files(loaded.profile.name).items():
        template = _template_for(spec, fmt)
        text = render(template, {spec.context: view}, request.settings.templates_dir)
        artifact.add(name, text.rstrip("\n") + "\n")
    return artifact


def _template_for(spec: ArtifactSpec, fmt: str) -> str:
    found = [t for t in spec.templates if t.endswith(f".{fmt}.j2")]
    if len(found) != 1:
        raise LookupError(f"{spec.name}: one template per format, found {found} for {fmt}")
    return found[0]


def named(pattern: str, formats: Sequence[str]) -> Callable[[str], dict[str, str]]:
    """File names from a pattern: ``named("{stem}-Pitch.{fmt}", ["md"])`` gives, for
    Jordan Rivera, ``{"md": "Jordan-Rivera-Pitch.md"}``."""

    def files(name: str) -> dict[str, str]:
        stem = file_stem(name)
        return {fmt: pattern.format(stem=stem, fmt=fmt) for fmt in formats}

    return files
