"""What every command does around its library call: load, warn, write, report.

One printer of warnings, one writer of artifacts, one exit rule (`finish`), so
the commands stay a few lines each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from showcase.artifacts import Artifact, Layouts
    from showcase.batch import BuildOptions
    from showcase.errors import Problem
    from showcase.output import WriteReport
    from showcase.profile import LoadedProfile


def print_warnings(warnings: Sequence[Problem], *, indent: str = "") -> None:
    """Every warning, a profile's or an artifact's, on standard error."""
    for warning in warnings:
        click.secho(indent + warning.format(severity="warning"), err=True, fg="yellow")


def load(path: Path, today: dt.date | None) -> LoadedProfile:
    from showcase.profile import load_profile

    return load_profile(path, today=today)


def report_written(paths: Sequence[Path]) -> None:
    cwd = Path.cwd()
    for path in paths:
        try:
            shown = path.resolve().relative_to(cwd)
        except ValueError:
            shown = path
        click.echo(f"wrote {shown}")


def write_artifact(
    output: Path, artifact: Artifact, *, force: bool, inputs: Sequence[Path] = ()
) -> WriteReport:
    """Write an artifact's files under `output`, refusing to clobber the user's files.

    Every file that can be written is; each refused one is printed with its fix,
    and `finish` then exits 1.
    """
    from showcase.output import OutputDir

    if str(output) == "-":
        raise click.BadParameter(
            "this command writes files (PDF, DOCX); give a folder", param_hint="-o"
        )
    report = OutputDir(output, force=force, protect=inputs).write_all(
        artifact.files, artifact.pending
    )
    for refusal in report.refused:
        click.secho(f"Error: {refusal}", err=True, fg="red")
    return report


def finish(*, refused: bool = False, warnings: Sequence[Any] = (), strict: bool = False) -> None:
    """Exit 1 when a file was refused (each was named when it was), or on warnings with --strict."""
    if strict and warnings:
        count = len(warnings)
        click.secho(
            f"Error: {count} warning{'s' if count != 1 else ''} and --strict", err=True, fg="red"
        )
    if refused or (strict and warnings):
        raise SystemExit(1)


def write_new_file(output: Path, text: str) -> None:
    """`text` to standard output (`-`) or to a file that must not exist yet."""
    if str(output) == "-":
        click.echo(text, nl=False)
        return
    from showcase.errors import OutputExistsError
    from showcase.output import occupied

    if occupied(output):
        raise OutputExistsError(output, "Choose a new file name.")
    write_file(output, text.encode("utf-8"))
    report_written([output])


def write_file(output: Path, data: bytes, *, private: bool = False) -> None:
    """`atomic_write`, with a user's error for a place that cannot be written. What is
    there must be a file (or a link to one), even with --force: a pipe, a device or a
    folder is never replaced (`-o /dev/full --force` replaced the device, as root).
    `private`: readable by its owner only."""
    import stat

    from showcase.errors import ShowcaseError
    from showcase.output import atomic_write

    try:
        mode = output.stat().st_mode
    except OSError:
        mode = None  # nothing there (or a link to nothing): a new file
    if mode is not None and not stat.S_ISREG(mode):
        raise ShowcaseError(
            f"{output} is not a regular file (a folder, a device or a pipe); showcase "
            "writes only files: choose another file name"
        )
    try:
        atomic_write(output, data, 0o600 if private else None)
    except OSError as exc:
        raise ShowcaseError(
            f"cannot write {output}: {exc.strerror or exc}; choose another file name or folder"
        ) from None


def print_to_stdout(artifact: Artifact) -> None:
    """`-o -`: every file's text on standard output, each under a header line."""
    for name, content in artifact.files.items():
        click.echo(f"===== {name} =====")
        click.echo(content.decode("utf-8"), nl=False)
        click.echo()


Render = Callable[["LoadedProfile", "Layouts"], "Artifact"]


def run_artifact(
    profile: Path,
    render: Render,
    *,
    output: Path,
    force: bool,
    today: dt.date | None,
    strict: bool,
    pdf: bool = False,
    stdout_ok: bool = False,
    describe: Callable[[Artifact, WriteReport], None] | None = None,
    inputs: Sequence[Path] = (),
    cache: bool = True,
    templates_dir: Path | None = None,
    lanes: int = 1,
) -> Artifact:
    """The pipeline of the one-artifact commands: load, warn, render, wait, write, warn.

    With `pdf`, a helper process forked before the profile loads imports
    WeasyPrint meanwhile and lays out the PDFs (see `showcase.helper`), through
    the user's layout cache unless `cache` is off (see `showcase.artifacts.cache`):
    on a hit nothing is laid out and this process never imports WeasyPrint. With
    `lanes` 2 the helper can fork a twin, and two layouts run at once: the resume's
    fit asks for it when it predicts a second pass, and lays that pass out ahead.
    """
    from showcase.helper import started_helper

    if str(output) == "-" and not stdout_ok:
        raise click.BadParameter(
            "this command writes files (PDF, DOCX); give a folder", param_hint="-o"
        )
    with started_helper(pdf, lanes=lanes, twins=False) as helper:
        from showcase.artifacts import Layouts

        loaded = load(profile, today)
        print_warnings(loaded.warnings)
        layouts = _layouts(helper, cache=cache, templates_dir=templates_dir) if pdf else Layouts()
        artifact = render(loaded, layouts)
        artifact.resolve()
    refused = False
    if str(output) == "-":
        print_to_stdout(artifact)
    else:
        report = write_artifact(output, artifact, force=force, inputs=[profile, *inputs])
        (describe or (lambda _artifact, written: report_written(written.written)))(artifact, report)
        refused = bool(report.refused)
    print_warnings(artifact.warnings)
    finish(refused=refused, warnings=[*loaded.warnings, *artifact.warnings], strict=strict)
    return artifact


def _layouts(helper: Any, *, cache: bool, templates_dir: Path | None) -> Layouts:
    """The PDF job and page counter of a one-artifact command: in the helper when there
    is one, behind the user's layout cache."""
    from showcase.artifacts import (
        Layouts,
        helper_pages,
        helper_pdf,
        in_process_pages,
        in_process_pdf,
    )
    from showcase.artifacts.cache import RenderCache

    store = RenderCache.for_user(enabled=cache, templates_dir=templates_dir)
    job = helper_pdf(helper.submit_keyed) if helper is not None else in_process_pdf()
    counter = helper_pages(helper.submit_keyed) if helper is not None else in_process_pages()
    two = helper.open_twins if helper is not None and helper.lanes > 1 else None
    return Layouts(store.pdf_job(job), store.page_counter(counter), store, two)


def build_options(
    command: str,
    *,
    output: Path,
    today: dt.date | None,
    templates_dir: Path | None,
    force: bool,
    paper: str,
    postings: Sequence[Path],
    for_posting: Path | None,
    show_ids: bool,
    theme: str | None = None,
    cache: bool = True,
) -> tuple[BuildOptions, str | None]:
    """The options of `build` and `watch`, checked once: the folder, and the --for posting
    (one clear error now rather than one per profile). Also the posting's stem, if any."""
    from showcase.batch import BuildOptions

    if str(output) == "-":
        raise click.BadParameter(f"{command} writes files; give a folder", param_hint="-o")
    stem = None
    if for_posting is not None:
        from showcase.strategy.tailor import kept_stdin, read_for

        tailor = read_for(for_posting)
        stem = tailor.stem
        if str(for_posting) == "-":  # read once: each profile's build reads it from a file
            for_posting = kept_stdin(tailor)
    options = BuildOptions(
        today=today,
        templates_dir=templates_dir,
        force=force,
        paper=paper.lower(),
        postings=tuple(postings),
        for_posting=for_posting,
        show_ids=show_ids,
        theme=theme,
        cache=cache,
    )
    return options, stem
