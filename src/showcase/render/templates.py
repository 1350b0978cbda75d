"""Finding and running templates.

Templates are looked up along an ordered search path: the user's
``--templates DIR`` first, the bundled templates last, so a user overrides a
bundled file by giving one of the same name (``resume/resume.html.j2``).

They run in Jinja2's sandbox with `StrictUndefined` (a typo in a template is
an error, not an empty string).  HTML templates (``*.html.j2``) autoescape:
user text is always text, never markup.  Text and Markdown templates do not
escape HTML; Markdown templates use the ``md`` filter for user text.  Word
templates (``*.docx``) are found along the same path (`template_file`) and run
in this environment with autoescaping on (`showcase.render.docx`).
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import jinja2.runtime
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment

from showcase.errors import TemplateError
from showcase.render import budget
from showcase.render.bundled import (  # found without Jinja, for the PDF helper
    bundled_templates_dir as bundled_templates_dir,
)


def _autoescape(name: str | None) -> bool:
    return bool(name) and str(name).endswith((".html.j2", ".html", ".xml.j2", ".svg.j2"))


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+-]|\d+[.)])(?=\s)", re.MULTILINE)
# A line of only "=" or "-" (spaces allowed) under a paragraph makes it a heading (setext),
# and "---" alone is a rule: a summary with a line of "===" became a heading.
_MD_UNDERLINE = re.compile(r"^(\s*)([=-])(?=[=\s-]*$)", re.MULTILINE)


def md_escape(value: Any) -> str:
    """Escape user text for Markdown, so that it renders as the user wrote it."""
    text = _MD_SPECIAL.sub(r"\\\1", str(value))
    text = _MD_LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}", text)
    return _MD_UNDERLINE.sub(lambda m: f"{m[1]}\\{m[2]}", text)


def md_url(value: Any) -> str:
    """A URL inside Markdown link parentheses; angle brackets only when parens would break it."""
    text = str(value).replace("<", "%3C").replace(">", "%3E")
    return f"<{text}>" if any(ch in text for ch in "() ") else text


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates cached on disk: compiling them costs ~0.4 s per cold run.

    Jinja keys each entry by the template's name and a checksum of its source, so
    an edited template is recompiled. An unwritable cache folder means no cache.
    """
    from showcase import __version__

    if os.environ.get("SHOWCASE_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    # Named for the code that compiles them too (the budget's code generator): compiled
    # code from an older budget must not skip a check it lacks (a "b1" suffix, bumped by
    # hand, was how before).
    import hashlib

    compiler = hashlib.sha256(Path(budget.__file__).read_bytes()).hexdigest()[:12]
    folder = Path(base) / "showcase" / f"jinja-{__version__}-{jinja2.__version__}-{compiler}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    if not os.access(folder, os.W_OK):
        return None
    return _RegularFileCache(str(folder))


class _RegularFileCache(jinja2.FileSystemBytecodeCache):
    """Jinja's cache of compiled templates, reading only regular files: a named pipe
    planted in its place hung every command (Jinja opens the entry and waits for a
    writer), and anything else at an entry's name is a miss; writing one that fails is a
    miss next time."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        import io

        from showcase.reading import read_regular

        raw = read_regular(Path(self._get_cache_filename(bucket)), 64 * 2**20)
        if raw is not None:
            bucket.load_bytecode(io.BytesIO(raw))

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Keep the compiled template when the disk allows: a full disk or a folder made
        read-only meanwhile is a cache miss next time, not an "Internal error" now (QA
        round 2, 2026-12-06: ENOSPC from Jinja's write)."""
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


TEMPLATE_LIMIT = 1 << 20  # the bundled templates are under 6 KB


class ConfinedLoader(jinja2.FileSystemLoader):
    """A FileSystemLoader that never follows a link out of its folders.

    A symlink in a user's templates folder pointing at ``/etc/passwd`` would
    otherwise let ``{% include %}`` print any file; the PDF fetcher refuses the
    same (see `showcase.render.pdf`).
    """

    def __init__(self, searchpath: list[str]) -> None:
        super().__init__(searchpath)
        self.roots = [Path(p).resolve() for p in searchpath]

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
        # Jinja reads a template whole: one far larger than a template is refused unread.
        pieces = split_template_path(template)
        for folder in self.searchpath:
            candidate = Path(folder, *pieces)
            if candidate.is_file():
                if candidate.stat().st_size > TEMPLATE_LIMIT:
                    raise TemplateError(f"{candidate}: larger than 1 MiB; not a template")
                break
        try:
            source, filename, uptodate = super().get_source(environment, template)
        except UnicodeDecodeError:
            raise TemplateError(
                f"{candidate}: not UTF-8 text; save the template as UTF-8"
            ) from None
        self._confined(template, Path(filename))
        return source, filename, uptodate

    def find_file(self, template: str) -> Path:
        """The file of `template` along the search path, for templates that are not text (.docx)."""
        pieces = split_template_path(template)
        for folder in self.searchpath:
            candidate = Path(folder, *pieces)
            if candidate.is_file():
                self._confined(template, candidate)
                return candidate
        raise jinja2.TemplateNotFound(template)

    def _confined(self, template: str, filename: Path) -> None:
        if not is_inside(filename, self.roots):
            raise TemplateError(
                f"template {template} ({filename}) leads outside the template folders "
                "(through a link); copy the file into the folder instead"
            )


def is_inside(path: Path, roots: list[Path]) -> bool:
    """Whether `path`, with every link followed, lies under one of `roots` (resolved)."""
    real = path.resolve()
    return any(real.is_relative_to(root) for root in roots)


class BudgetedEnvironment(SandboxedEnvironment):
    """Jinja's sandbox with budgets (`showcase.render.budget`): loops and ``~`` charged,
    ``*``, ``**``, ``%`` and ``+`` sized before they run, calls and filters checked."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})
    code_generator_class = budget.BudgetedCodeGenerator
    counted = staticmethod(budget.counted)  # the compiled code calls these two
    checked_concat = staticmethod(budget.checked_concat)
    checked_output = staticmethod(budget.checked_output)

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        return budget.binop(operator, left, right)

    def call(
        __self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kwargs: Any
    ) -> Any:
        budget.check_call(__obj, args, kwargs)
        return budget.after_call(__obj, super().call(__context, __obj, *args, **kwargs))


def _lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> Any:
    """Jinja's placeholder text, at most 100 paragraphs of at most 1,000 words."""
    from jinja2.utils import generate_lorem_ipsum

    if n > 100 or max > 1000:
        raise budget.BudgetExceeded("lipsum: at most 100 paragraphs of 1,000 words")
    return generate_lorem_ipsum(n=n, html=html, min=min, max=max)


@lru_cache(maxsize=8)
def _environment(search_path: tuple[str, ...]) -> SandboxedEnvironment:
    env = BudgetedEnvironment(
        loader=ConfinedLoader(list(search_path)),
        bytecode_cache=_bytecode_cache(),
        autoescape=_autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=budget.checked_output,
    )
    env.filters["md"] = md_escape
    env.filters["md_url"] = md_url
    for name, function in list(env.filters.items()):
        env.filters[name] = budget.budgeted_filter(name, function)
    env.globals["lipsum"] = _lipsum
    return env


def environment(user_dir: Path | None = None) -> SandboxedEnvironment:
    """The Jinja environment for a search path; cached, so a build sets it up once."""
    dirs = []
    if user_dir is not None:
        if not user_dir.is_dir():
            raise TemplateError(f"--templates {user_dir}: no such folder")
        dirs.append(str(user_dir.resolve()))  # a relative --templates works from any folder
    dirs.append(str(bundled_templates_dir()))
    return _environment(tuple(dirs))


def render(name: str, context: dict[str, Any], user_dir: Path | None = None) -> str:
    """Render template `name` (e.g. ``resume/resume.md.j2``) with `context`."""
    env = environment(user_dir)
    with template_errors(name, user_dir):
        template = env.get_template(name)
        with budget.active(_budget_for(template.filename, user_dir)):
            return _joined(template, template.generate(context))


def _budget_for(filename: str | None, user_dir: Path | None) -> budget.Budget | None:
    """A loop and time budget for a template from the user's folder; none for ours."""
    if user_dir is None or filename is None or not is_inside(Path(filename), [user_dir.resolve()]):
        return None
    return budget.Budget()


def _joined(template: jinja2.Template, pieces: Iterator[str]) -> str:
    """The pieces of a render, at most OUTPUT_LIMIT characters in all."""
    out = []
    size = 0
    for piece in pieces:
        size += len(piece)
        if size > budget.OUTPUT_LIMIT:
            raise budget.BudgetExceeded(
                f"more than {budget.OUTPUT_LIMIT:,} characters of output",
                where=_writing_at(template, pieces),
            )
        out.append(piece)
    return "".join(out)


def _writing_at(template: jinja2.Template, pieces: Iterator[str]) -> str:
    """``FILE:LINE`` of the template where the paused render last wrote (its generator's
    innermost frame, mapped back to the template's line by Jinja's debug info)."""
    inner: Any = pieces
    while getattr(inner, "gi_yieldfrom", None) is not None:
        inner = inner.gi_yieldfrom
    frame = getattr(inner, "gi_frame", None)
    name = template.filename or template.name or "template"
    if frame is None:
        return name
    return f"{name}:{template.get_corresponding_lineno(frame.f_lineno)}"


def template_file(name: str, user_dir: Path | None = None) -> Path:
    """The file of template `name` (e.g. ``resume/resume.docx``): the user's first, confined."""
    env = environment(user_dir)
    assert isinstance(env.loader, ConfinedLoader)
    with template_errors(name, user_dir):
        return env.loader.find_file(name)


@contextmanager
def template_errors(name: str, user_dir: Path | None, file: Path | None = None) -> Iterator[None]:
    """Report what goes wrong while finding or running template `name` as a `TemplateError`.

    `file` is a template Jinja compiles from a string rather than loads by name
    (the XML inside a .docx): messages name it, and a runtime error inside it is
    the user's when the file is in their folder.
    """
    try:
        yield
    except jinja2.TemplateNotFound as exc:
        loader = environment(user_dir).loader
        raise TemplateError(
            f"template {exc.name} not found in {', '.join(loader.searchpath)}"
            if isinstance(loader, jinja2.FileSystemLoader)
            else f"template {exc.name} not found"
        ) from None
    except jinja2.TemplateSyntaxError as exc:
        if exc.filename or file is None:
            where = f"{exc.filename or exc.name}:{exc.lineno}"
        else:  # the line of a .docx's XML means nothing to its author: quote the text instead
            near = " ".join(" ".join(getattr(exc, "docx_context", [])).split())
            where = f"{file}" + (f" (near “{near[:120]}”)" if near else "")
        raise TemplateError(f"{where}: template syntax error: {exc.message}") from None
    except jinja2.UndefinedError as exc:
        place = _template_frame(exc, user_dir, file)
        if place is None:
            raise TemplateError(f"template {name}: {exc.message}") from None
        # Most often a template copied from an older showcase, whose variables changed.
        raise TemplateError(
            f"{place}: {exc.message}; docs/templates.md lists what each template receives in "
            "this version: update the template (or remove it from --templates to use the "
            "bundled one)"
        ) from None
    except jinja2.exceptions.SecurityError as exc:
        where = _template_frame(exc, user_dir, file) or f"template {name}"
        raise TemplateError(f"{where} tried something unsafe: {exc}") from None
    except TemplateError:
        raise
    except budget.BudgetExceeded as exc:
        where = _template_frame(exc, user_dir, file) or exc.where or f"template {name}"
        raise TemplateError(
            f"{where}: over the template's budget: {exc}; a template must finish in "
            f"{budget.TIME_LIMIT:g} s, {budget.LOOP_LIMIT:,} loop iterations and "
            f"{budget.OUTPUT_LIMIT:,} characters of output"
        ) from None
    except Exception as exc:
        # A runtime error inside a template ({{ 1/0 }}, wordwrap(-1), a range too big
        # for the sandbox): the user's to fix when the template is theirs.
        place = _template_frame(exc, user_dir, file)
        if place is None:
            raise  # a bundled template failed: a bug in showcase
        said = str(exc).rstrip(".")  # Jinja's own sentence, then ours after a semicolon
        raise TemplateError(
            f"{place}: template error: {type(exc).__name__}: {said}; fix the template "
            "(or remove it from --templates to use the bundled one)"
        ) from None


def _template_frame(exc: BaseException, user_dir: Path | None, file: Path | None) -> str | None:
    """``FILE:LINE`` of the innermost frame of `exc` inside a user's template, if any.

    Jinja rewrites tracebacks so that template frames carry the template's file
    name and line; a template compiled from a string (`file`, a .docx) shows as
    ``<template>``, and is named by its file alone.
    """
    if user_dir is None:
        return None
    root = user_dir.resolve()
    place = None
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2") and Path(filename).resolve().is_relative_to(root):
            place = f"{filename}:{tb.tb_lineno}"
        elif filename == "<template>" and file is not None and is_inside(file, [root]):
            place = str(file)
        tb = tb.tb_next
    return place
