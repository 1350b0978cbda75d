"""One module per artifact: each turns a loaded profile into files (name -> bytes).

Writing them to disk is the caller's business (`showcase.output.OutputDir`), so the
CLI, `showcase build` and Python callers share the same code.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from showcase.errors import Problem

if TYPE_CHECKING:
    from showcase.artifacts.cache import RenderCache
    from showcase.render.pdf import Layout


class PdfJob(Protocol):
    """Turns HTML into PDF bytes now, or into a Future of them (in a helper process)."""

    def __call__(
        self,
        html: str,
        *,
        allowed: list[Path],
        paper: str,
        base_url: Path | None,
        tighter: str | None = None,
    ) -> bytes | Future[bytes]: ...


@dataclass
class Artifact:
    """Files to write (relative path -> content) and what the user should know.

    Warnings are `Problem`s, like a profile's: one type, one printer. An
    artifact's carry the profile's file name and the artifact's label.
    """

    files: dict[str, bytes] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    pending: dict[str, Future[bytes]] = field(default_factory=dict)
    origin: str = ""  # the profile's file name, as messages show it
    label: str = ""  # "resume", "LinkedIn kit" ...

    def warn(self, message: str) -> None:
        """Record a warning about this artifact (once)."""
        problem = Problem.about(self.origin, self.label, message)
        if problem not in self.warnings:
            self.warnings.append(problem)

    def add(self, name: str, content: bytes | str | Future[bytes]) -> None:
        if isinstance(content, Future):
            self.files[name] = b""  # keeps the order; filled in by `resolve`
            self.pending[name] = content
            return
        self.files[name] = content.encode("utf-8") if isinstance(content, str) else content

    def extend(self, other: Artifact) -> None:
        self.files.update(other.files)
        self.pending.update(other.pending)
        self.warnings.extend(w for w in other.warnings if w not in self.warnings)
        self.origin = self.origin or other.origin

    def resolve(self) -> None:
        """Wait for the files that another process is still rendering."""
        for name, future in list(self.pending.items()):
            self.files[name] = future.result()
            del self.pending[name]


def in_process_pdf() -> PdfJob:
    from showcase.render.pdf import html_to_pdf

    return html_to_pdf


class PageCounter(Protocol):
    """How HTML lays out: pages, wrapped lines (the resume fits its length with it)."""

    def __call__(
        self, html: str, *, allowed: list[Path], paper: str, base_url: Path | None
    ) -> Layout: ...


def in_process_pages() -> PageCounter:
    from showcase.render.pdf import count_pages

    return count_pages


def helper_pages(submit: Callable[..., Future[Layout]]) -> PageCounter:
    """A PageCounter that lays out in a helper process, which has WeasyPrint loaded.

    `submit(key, fn, *args, **kwargs)` is `Helper.submit_keyed`: a layout is keyed by
    its HTML, so that writing the one the fit chooses goes where it was laid out."""
    from showcase.render.pdf import count_pages

    def counter(html: str, *, allowed: list[Path], paper: str, base_url: Path | None) -> Layout:
        key = _job_key(html)
        layout = submit(key, count_pages, html, allowed=allowed, paper=paper, base_url=base_url)
        return layout.result()

    return counter


def helper_pdf(submit: Callable[..., Future[bytes]]) -> PdfJob:
    """A PdfJob that renders in a helper process (see `showcase.helper`), with the key
    `helper_pages` gave its HTML's layout."""
    from showcase.render.pdf import html_to_pdf

    def job(
        html: str,
        *,
        allowed: list[Path],
        paper: str,
        base_url: Path | None,
        tighter: str | None = None,
    ) -> Future[bytes]:
        return submit(
            _job_key(html),
            html_to_pdf,
            html,
            allowed=allowed,
            paper=paper,
            base_url=base_url,
            tighter=tighter,
        )

    return job


def _job_key(html: str) -> str:
    import hashlib

    return hashlib.sha256(html.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Layouts:
    """How a one-artifact command lays out its PDFs: the job that writes one, the
    counter the resume fits its length with, and the layout cache behind both (each
    None: in this process, without a cache)."""

    pdf_job: PdfJob | None = None
    page_counter: PageCounter | None = None
    cache: RenderCache | None = None
    # Opens a second lane of the helper: the counter can then lay two out at once.
    side_by_side: Callable[[], object] | None = None
