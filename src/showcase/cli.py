"""The `showcase` command line: parse options, call the library, report.

Thin by design: every command imports what it needs when it runs (so
`showcase --help` stays fast and never loads WeasyPrint or python-docx), and
every user error is a `ShowcaseError` that prints itself.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from showcase import __version__

if TYPE_CHECKING:
    from showcase.errors import Problem
    from showcase.output import WriteReport
    from showcase.profile import LoadedProfile

F = TypeVar("F", bound=Callable[..., Any])

EXAMPLE_PROFILE = "examples/jordan-rivera.yaml"


class TodayType(click.ParamType):  # type: ignore[type-arg]
    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date like 2026-11-28", param, ctx)


class FormatList(click.ParamType):  # type: ignore[type-arg]
    """A comma-separated subset of the allowed formats."""

    name = "LIST"

    def __init__(self, choices: Sequence[str]) -> None:
        self.choices = list(choices)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, list):
            return value
        chosen = [v.strip().lower().lstrip(".") for v in str(value).split(",") if v.strip()]
        bad = [v for v in chosen if v not in self.choices]
        if bad or not chosen:
            self.fail(
                f"{', '.join(bad) or 'nothing'}: choose from {','.join(self.choices)}", param, ctx
            )
        return list(dict.fromkeys(chosen))


def today_option(f: F) -> F:
    return click.option(
        "--today",
        type=TodayType(),
        default=None,
        help="Pretend today is this date (decides what has expired); for reproducible output.",
    )(f)


def templates_option(f: F) -> F:
    return click.option(
        "--templates",
        "templates_dir",
        type=click.Path(file_okay=False, path_type=Path, resolve_path=True),
        default=None,
        help="Folder of your own templates; a file there overrides the bundled one of that name.",
    )(f)


def paper_option(f: F) -> F:
    return click.option(
        "--paper",
        type=click.Choice(["letter", "a4"], case_sensitive=False),
        default="letter",
        show_default=True,
        help="Page size of the PDFs and DOCX files.",
    )(f)


def formats_option(*choices: str) -> Callable[[F], F]:
    return click.option(
        "-f",
        "--format",
        "formats",
        type=FormatList(choices),
        default=",".join(choices),
        show_default=True,
        help="Formats to write, comma-separated.",
    )


def output_option(default: str = ".") -> Callable[[F], F]:
    def decorate(f: F) -> F:
        f = click.option(
            "--force",
            is_flag=True,
            help="Replace output files even if showcase did not write them or they were edited.",
        )(f)
        return click.option(
            "-o",
            "--output",
            "output",
            default=default,
            show_default=True,
            type=click.Path(path_type=Path, allow_dash=True),
            help="Folder to write into.",
        )(f)

    return decorate


def print_warnings(warnings: Sequence[Problem | str]) -> None:
    """Warnings on standard error: a profile's with their place, a render's as text."""
    for warning in warnings:
        if isinstance(warning, str):
            click.secho(f"warning: {warning}", err=True, fg="yellow")
        else:
            click.secho(warning.format(severity="warning"), err=True, fg="yellow")


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


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="showcase")
def cli() -> None:
    """Turn the credentials you earned into a resume, LinkedIn posts, an email
    signature and interview stories, all from one YAML profile.

    \b
    Start here:
      showcase init profile.yaml        write a starter profile to edit
      showcase validate profile.yaml    check it, with the line of every mistake
      showcase build profile.yaml       write everything into ./showcase-out/

    Run `showcase COMMAND --help` for the options of each command.
    """


@cli.command()
@click.argument("path", type=click.Path(path_type=Path), default="profile.yaml")
def init(path: Path) -> None:
    """Write a commented starter profile to PATH (default: profile.yaml).

    It never overwrites an existing file. Beside it, it writes the profile's
    JSON Schema so that editors with a YAML language server (VS Code's YAML
    extension, for one) complete and check fields as you type.

    \b
    Example:
      showcase init my-profile.yaml
    """
    from showcase.profile.starter import write_starter

    written, skipped = write_starter(path)
    report_written(written)
    for note in skipped:
        click.echo(note)
    click.echo(f"Next: edit {path}, then run `showcase validate {path}`.")


@cli.command()
@click.argument("profiles", nargs=-1, required=True, type=click.Path(path_type=Path))
@today_option
@templates_option
@click.option("-q", "--quiet", is_flag=True, help="Print only errors and warnings.")
def validate(
    profiles: tuple[Path, ...], today: dt.date | None, templates_dir: Path | None, quiet: bool
) -> None:
    """Check PROFILES and explain every mistake with its file, line and column.

    Prints a short summary of each valid profile and every warning (credentials
    that expire soon, expired ones, featured completion-only ones). A valid
    profile is then rendered in memory, every artifact in every format but the
    PDF layout (with your --templates, if given), so a profile that passes
    always builds. Exits 1 if any profile is invalid or would not build.

    \b
    Example:
      showcase validate profile.yaml --today 2026-11-28
    """
    from showcase.artifacts.build import check_builds
    from showcase.errors import ProfileError
    from showcase.profile.summary import summarize

    failed = 0
    for path in profiles:
        try:
            loaded = load(path, today)
        except ProfileError as exc:
            exc.show()
            failed += 1
            continue
        failures = check_builds(loaded, templates_dir=templates_dir)
        for failure in failures:
            click.secho(f"{path}: error: {failure}", err=True, fg="red")
        if failures:
            failed += 1
            continue
        if not quiet:
            click.echo(summarize(loaded, str(path)))
            for warning in loaded.warnings:
                click.secho("    " + warning.format(severity="warning"), fg="yellow")
        else:
            print_warnings(loaded.warnings)
    if failed:
        raise SystemExit(1)


@cli.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    default="-",
    help="File to write the schema to (default: standard output).",
)
@click.option("--force", is_flag=True, help="Replace FILE even if it is not a showcase schema.")
def schema(output: Path, force: bool) -> None:
    """Print the profile's JSON Schema, for editor autocompletion.

    \b
    Example (then point your editor at it, as `showcase init` does):
      showcase schema -o showcase-profile.schema.json
    """
    from showcase.profile.schema import schema_text

    text = schema_text()
    if str(output) == "-":
        click.echo(text, nl=False)
    else:
        from showcase.errors import OutputExistsError
        from showcase.output import atomic_write
        from showcase.profile.schema import SCHEMA_ID

        if output.exists() and not force:
            try:
                ours = SCHEMA_ID in output.read_text("utf-8", errors="replace")
            except OSError:
                ours = False
            if not ours:
                raise OutputExistsError(output, "It is not a showcase schema; pass --force.")
        atomic_write(output, text.encode("utf-8"))
        report_written([output])


def write_artifact(
    output: Path, artifact: Any, *, force: bool, inputs: Sequence[Path] = ()
) -> WriteReport:
    """Write an artifact's files under `output`, refusing to clobber the user's files.

    Every file that can be written is; each refused one is printed with its fix,
    and the command then exits 1 (after the caller reports what was written).
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


def finish(report: WriteReport) -> None:
    """Exit 1 when a file was refused (each was named when it was)."""
    if report.refused:
        raise SystemExit(1)


@cli.command()
@click.argument("profile", type=click.Path(path_type=Path))
@output_option(".")
@formats_option("pdf", "docx", "html", "md", "txt")
@paper_option
@click.option(
    "--include-expired",
    is_flag=True,
    help="Also list expired credentials, marked as expired.",
)
@today_option
@templates_option
def resume(
    profile: Path,
    output: Path,
    force: bool,
    formats: list[str],
    paper: str,
    include_expired: bool,
    today: dt.date | None,
    templates_dir: Path | None,
) -> None:
    """Write the resume, with "Professional Development & Certifications" first.

    Files are named after you (Jordan-Rivera-Resume.pdf, .docx, .html, .md,
    .txt). The PDF is tagged, one column and real text, the DOCX uses Word's
    standard heading styles: both read cleanly in applicant tracking systems.

    \b
    Example:
      showcase resume profile.yaml -o out --format pdf,docx --paper a4
    """
    from showcase.helper import started_helper

    # The PDF is laid out by a helper process that imports WeasyPrint meanwhile.
    with started_helper("pdf" in formats) as helper:
        from showcase.artifacts import helper_pdf
        from showcase.artifacts.resume import render_resume

        loaded = load(profile, today)
        print_warnings(loaded.warnings)
        artifact = render_resume(
            loaded,
            formats=formats,
            paper=paper.lower(),
            include_expired=include_expired,
            templates_dir=templates_dir,
            pdf_job=helper_pdf(helper.submit) if helper is not None else None,
        )
        artifact.resolve()
    report = write_artifact(output, artifact, force=force, inputs=[profile])
    report_written(report.written)
    print_warnings(artifact.warnings)
    finish(report)


def write_new_file(output: Path, text: str) -> None:
    """`text` to standard output (`-`) or to a file that must not exist yet."""
    if str(output) == "-":
        click.echo(text, nl=False)
        return
    from showcase.errors import OutputExistsError
    from showcase.output import atomic_write

    if output.exists():
        raise OutputExistsError(output, "Choose a new file name.")
    atomic_write(output, text.encode("utf-8"))
    report_written([output])


def print_to_stdout(artifact: Any) -> None:
    """`-o -`: every file's text on standard output, each under a header line."""
    for name, content in artifact.files.items():
        click.echo(f"===== {name} =====")
        click.echo(content.decode("utf-8"), nl=False)
        click.echo()


@cli.command()
@click.argument("profile", type=click.Path(path_type=Path))
@output_option(".")
@click.option(
    "--credential",
    "credential_ids",
    multiple=True,
    metavar="ID",
    help="Only posts for this credential id (repeatable). Default: every valid credential.",
)
@click.option(
    "--stack",
    "stack_names",
    multiple=True,
    metavar="NAME",
    help="Only posts for this stack and its credentials (repeatable).",
)
@today_option
@templates_option
def linkedin(
    profile: Path,
    output: Path,
    force: bool,
    credential_ids: tuple[str, ...],
    stack_names: tuple[str, ...],
    today: dt.date | None,
    templates_dir: Path | None,
) -> None:
    """Write LinkedIn posts, "Licenses & Certifications" fields and a headline.

    Under DIR/linkedin/: posts/<id>-short.txt and <id>-story.txt for each valid
    credential, posts/stack-<name>.txt for each stack whose credentials are all
    valid, certifications.md with every field of LinkedIn's "Add license or
    certification" form and an add-to-profile link, and headline.txt. Posts
    stay under 3,000 characters, name the credential and issuer before the
    "...see more" fold, and end with 3-5 CamelCase hashtags.

    \b
    Example:
      showcase linkedin profile.yaml -o out
      showcase linkedin profile.yaml --credential google-ads-search -o - | xclip
    """
    from showcase.artifacts.linkedin import render_linkedin

    loaded = load(profile, today)
    print_warnings(loaded.warnings)
    kit = render_linkedin(
        loaded,
        credential_ids=credential_ids,
        stack_names=stack_names,
        templates_dir=templates_dir,
    )
    if str(output) == "-":
        print_to_stdout(kit)
    else:
        report = write_artifact(output, kit, force=force, inputs=[profile])
        written = report.written
        counts = {f"linkedin/posts/{p.slug}.txt": p.characters for p in kit.posts}
        width = max((len(str(path)) for path in written), default=0)
        for path in written:
            key = path.relative_to(output).as_posix()
            count = f"{counts[key]:>5,} characters" if key in counts else ""
            click.echo(f"wrote {path!s:<{width}}  {count}".rstrip())
        click.echo(f"headline ({len(kit.headline)}/220): {kit.headline}")
    for note in kit.notes:
        click.echo(f"note: {note}", err=True)
    print_warnings(kit.warnings)
    if str(output) != "-":
        finish(report)


@cli.command()
@click.argument("profile", type=click.Path(path_type=Path))
@output_option(".")
@click.option(
    "--variant",
    type=click.Choice(["full", "compact"]),
    default="full",
    show_default=True,
    help="full: headline, website and badges too; compact: name, contact, credentials.",
)
@click.option(
    "--max-credentials",
    type=click.IntRange(0, 10),
    default=2,
    show_default=True,
    help="At most this many featured credentials.",
)
@click.option(
    "--badge-base-url",
    metavar="URL",
    default=None,
    help="https:// folder where you uploaded your badge images; local badge_image files "
    "become URL/<file name>.",
)
@today_option
@templates_option
def signature(
    profile: Path,
    output: Path,
    force: bool,
    variant: str,
    max_credentials: int,
    badge_base_url: str | None,
    today: dt.date | None,
    templates_dir: Path | None,
) -> None:
    """Write an email signature that survives Gmail and Outlook, and a plain-text one.

    Under DIR/signature/: signature.html (tables and inline CSS, under Gmail's
    10,000 characters, at most 600px wide), signature.txt (the "-- " line, then at
    most 4 lines of 70 characters) and preview.html, a page with "Copy signature"
    buttons and instructions for Gmail, Outlook and Apple Mail. Your name carries
    the letters of valid certifications ("Priya Raman, PMP"); featured credentials
    that expired are left out.

    \b
    Example:
      showcase signature profile.yaml -o out --badge-base-url https://example.com/badges
    """
    from showcase.artifacts.signature import render_signature

    loaded = load(profile, today)
    print_warnings(loaded.warnings)
    artifact = render_signature(
        loaded,
        variant=variant,
        max_credentials=max_credentials,
        badge_base_url=badge_base_url,
        templates_dir=templates_dir,
    )
    if str(output) == "-":
        print_to_stdout(artifact)
    else:
        report = write_artifact(output, artifact, force=force, inputs=[profile])
        report_written(report.written)
        preview = output / "signature" / "preview.html"
        click.echo(f"Open {preview} in a browser to copy the signature into your mail app.")
    print_warnings(artifact.warnings)
    if str(output) != "-":
        finish(report)


@cli.command()
@click.argument("profile", type=click.Path(path_type=Path))
@output_option(".")
@formats_option("md", "pdf", "docx")
@paper_option
@today_option
@templates_option
def interview(
    profile: Path,
    output: Path,
    force: bool,
    formats: list[str],
    paper: str,
    today: dt.date | None,
    templates_dir: Path | None,
) -> None:
    """Write an interview prep sheet: STAR stories built around your capstone projects.

    Writes DIR/interview/<Name>-Interview-Prep.md, .pdf and .docx: one story per
    project (Situation, Task, Action, Result, Reflection) opened with the
    credential as evidence, the questions each story answers (yours plus likely
    behavioural ones from a bundled question bank), its spoken length, a
    "Credentials as evidence" table and notes for your next salary conversation.
    Warns when a story runs under 45 seconds or over 2 minutes, or its result has
    no number.

    \b
    Example:
      showcase interview profile.yaml -o out --format md,pdf
    """
    from showcase.helper import started_helper

    with started_helper("pdf" in formats) as helper:
        from showcase.artifacts import helper_pdf
        from showcase.artifacts.interview import render_interview

        loaded = load(profile, today)
        print_warnings(loaded.warnings)
        artifact = render_interview(
            loaded,
            formats=formats,
            templates_dir=templates_dir,
            paper=paper.lower(),
            pdf_job=helper_pdf(helper.submit) if helper is not None else None,
        )
        artifact.resolve()
    report = write_artifact(output, artifact, force=force, inputs=[profile])
    report_written(report.written)
    print_warnings(artifact.warnings)
    finish(report)


@cli.command()
@click.argument("profiles", nargs=-1, required=True, type=click.Path(path_type=Path))
@output_option("showcase-out")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 64),
    default=None,
    help="Profiles to render at once (default: the number of cores).",
)
@paper_option
@today_option
@templates_option
def build(
    profiles: tuple[Path, ...],
    output: Path,
    force: bool,
    jobs: int | None,
    paper: str,
    today: dt.date | None,
    templates_dir: Path | None,
) -> None:
    """Write everything for PROFILES: resume, LinkedIn kit, signature, interview prep.

    Also writes index.html, a page that shows it all: the resume files, each
    LinkedIn post with its character count and a Copy button, every "Licenses &
    Certifications" field with its own Copy button, the signature with its copy
    buttons, and the warnings. With several profiles, each gets a folder named
    after the person and the top index.html lists them; they render in parallel,
    and one bad profile does not stop the others (the exit status says so).

    \b
    Example:
      showcase build profile.yaml
      showcase build team/*.yaml -o site --jobs 2
    """
    import sys

    from showcase.batch import BuildOptions, BuildOutcome, run_build, write_batch_index

    if str(output) == "-":
        raise click.BadParameter("build writes files; give a folder", param_hint="-o")
    options = BuildOptions(
        today=today, templates_dir=templates_dir, force=force, paper=paper.lower()
    )
    total = len(profiles)
    done = 0
    interactive = sys.stderr.isatty() and total > 1
    bar = (
        click.progressbar(length=total, label="Building", file=sys.stderr) if interactive else None
    )

    def report(outcome: BuildOutcome) -> None:
        nonlocal done
        done += 1
        if bar is not None:
            bar.update(1)
            return
        status = "ok" if outcome.ok else "FAILED"
        prefix = f"[{done}/{total}] " if total > 1 else ""
        click.echo(f"{prefix}{outcome.source}: {status}", err=True)

    if bar is not None:
        bar.__enter__()
    try:
        outcomes = run_build(profiles, output, options, jobs=jobs, on_done=report)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)

    failed = [o for o in outcomes if not o.ok]
    for outcome in outcomes:
        if outcome.ok:
            assert outcome.folder is not None
            click.echo(
                f"{outcome.name}: {len(outcome.written)} files in {outcome.folder}; "
                f"open {outcome.folder / 'index.html'}"
            )
            for warning in outcome.warnings:
                click.secho(f"  warning: {warning}", err=True, fg="yellow")
            for refusal in outcome.refused:
                click.secho(f"  error: {refusal}", err=True, fg="red")
        else:
            click.secho(f"{outcome.source}: failed", err=True, fg="red")
            for error in outcome.errors:
                click.secho(f"  {error}", err=True, fg="red")
    if total > 1:
        index = write_batch_index(output, outcomes, options)
        click.echo(f"{total - len(failed)} of {total} profiles built; open {index}")
    if failed or any(not o.complete for o in outcomes):
        raise SystemExit(1)


@cli.command(name="import")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    default="-",
    help="A new file to write the entries to (default: standard output). Never overwritten.",
)
def import_(sources: tuple[Path, ...], output: Path) -> None:
    """Read credentials you already have elsewhere, as entries for your profile.

    Reads LinkedIn's data export (Certifications.csv), Open Badges 2.0 and 3.0
    (JSON files, or badges baked into .png and .svg images) and JSON Resume
    files. Prints YAML to paste under `credentials:`, after checking each entry
    against the profile's rules. Your profile is never changed, and nothing is
    fetched from the network.

    \b
    Example:
      showcase import Certifications.csv my-badge.png > imported.yaml
    """
    from showcase.importers import import_files
    from showcase.importers.suggest import to_yaml

    # A file that cannot be read does not cost the others their entries.
    results, failures = import_files(sources)
    if results:
        text, warnings = to_yaml(results)
        write_new_file(output, text)
        print_warnings(warnings)
    for failure in failures:
        failure.show()
    if failures:
        raise SystemExit(1)


@cli.command()
@click.argument("profile", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "export_format",
    type=click.Choice(["jsonresume"]),
    default="jsonresume",
    show_default=True,
    help="The format to export to.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    default="-",
    help="A new file to write (default: standard output). Never overwritten.",
)
@today_option
def export(profile: Path, export_format: str, output: Path, today: dt.date | None) -> None:
    """Export the profile to another format: JSON Resume (schema 1.3.1).

    Use it with JSON Resume's themes and tools. Its `certificates` hold only
    name, date, issuer and URL, so expiry, credential IDs, skills and stacks
    stay in your showcase profile; expired credentials are left out.

    \b
    Example:
      showcase export profile.yaml -o resume.json
    """
    from showcase.exporters.jsonresume import json_resume_text

    loaded = load(profile, today)
    print_warnings(loaded.warnings)
    write_new_file(output, json_resume_text(loaded))


@cli.command()
@click.argument("profile", type=click.Path(path_type=Path))
@click.argument(
    "postings", nargs=-1, required=True, type=click.Path(path_type=Path, allow_dash=True)
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Also write DIR/gaps/report.html (with a bar chart) and DIR/gaps/report.md.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "md", "html", "json"]),
    default="text",
    show_default=True,
    help="What to print: a table, Markdown, HTML, or JSON for other tools.",
)
@click.option("--force", is_flag=True, help="Replace report files showcase did not write.")
@today_option
@templates_option
def gaps(
    profile: Path,
    postings: tuple[Path, ...],
    output: Path | None,
    output_format: str,
    force: bool,
    today: dt.date | None,
    templates_dir: Path | None,
) -> None:
    """Read 10-15 job POSTINGS, find what keeps coming up, and what you still lack.

    POSTINGS are files (.txt, .md, .docx, .pdf, or .html pages saved from a job
    board: only the posting counts, not the page around it), folders of them, or
    `-` for postings pasted on standard input, separated by lines `---`. Prints
    each skill, tool and certification the postings ask for, in how many of them,
    whether your profile shows it (and where), and credentials that would fill
    each gap: assessed ones from recognised issuers first. A posting that cannot
    be read is named and skipped, and the exit status is then 1.

    \b
    Example:
      showcase gaps profile.yaml postings/ -o out
      showcase gaps profile.yaml acme.pdf northwind.docx --format json
      pbpaste | showcase gaps profile.yaml -
    """
    from showcase.strategy import report as views
    from showcase.strategy.gaps import gap_report as read_and_analyse

    loaded = load(profile, today)
    print_warnings(loaded.warnings)
    stdin = sys.stdin.buffer if any(str(p) == "-" for p in postings) else None
    result = read_and_analyse(loaded, postings, stdin)
    for skipped in result.skipped:
        click.secho(f"warning: {skipped.source}: skipped: {skipped.reason}", err=True, fg="yellow")
    if output_format == "json":
        click.echo(views.json_text(result), nl=False)
    elif output_format == "md":
        click.echo(views.markdown(result, templates_dir), nl=False)
    elif output_format == "html":
        click.echo(views.html(result, templates_dir), nl=False)
    else:
        click.echo(views.text(result), nl=False)
    refused = False
    if output is not None:
        from showcase.output import OutputDir

        inputs = [profile, *(p for p in postings if str(p) != "-")]
        written = OutputDir(output, force=force, protect=inputs).write_all(
            views.files(result, templates_dir)
        )
        for path in written.written:
            click.echo(f"wrote {path}", err=output_format != "text")
        for refusal in written.refused:
            click.secho(f"Error: {refusal}", err=True, fg="red")
        refused = bool(written.refused)
    if result.skipped or refused:
        raise SystemExit(1)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: run the CLI, showing bugs (not user errors) as bugs."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="showcase")
    except Exception as exc:  # a bug in showcase: user errors never get here
        if os.environ.get("SHOWCASE_DEBUG"):
            raise
        click.secho(
            f"Internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in showcase, not in your files. Rerun with SHOWCASE_DEBUG=1 "
            "for the details and please report it.",
            err=True,
            fg="red",
        )
        sys.exit(2)
