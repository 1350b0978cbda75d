"""`showcase import`: credentials recorded elsewhere, as profile entries; or a whole profile."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import click

from showcase.cli.options import new_file_option
from showcase.cli.report import load, print_warnings, write_new_file

if TYPE_CHECKING:
    from showcase.importers import Imported


@click.command(name="import", short_help="Read credentials or a whole profile from other sources.")
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--profile",
    "profile_source",
    type=click.Path(path_type=Path),
    default=None,
    help="Write a whole profile from LinkedIn's data export (the .zip, or its folder), "
    "a JSON Resume (.json) or a RenderCV (.yaml) file.",
)
@click.option(
    "--into",
    type=click.Path(path_type=Path, dir_okay=True),
    default=None,
    metavar="PROFILE",
    help="Add the credentials the profile does not hold yet to its file, keeping your "
    "comments and layout; lists what was added and what was already there.",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="With --into: show the change to the profile, and write nothing.",
)
@click.option(
    "--skip-known",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    metavar="PROFILE",
    help="Print only the entries this profile does not hold yet.",
)
@new_file_option(
    "A new file to write the entries to (default: standard output). Never overwritten."
)
def import_(
    sources: tuple[Path, ...],
    profile_source: Path | None,
    into: Path | None,
    dry_run: bool,
    skip_known: Path | None,
    output: Path,
) -> None:
    """Read credentials you already have elsewhere, as entries for your profile.

    Reads LinkedIn's data export (Certifications.csv, alone or in the export's
    ZIP), Open Badges 2.0 and 3.0
    (JSON files, a CLR 2.0 credential, or badges baked into .png and .svg images),
    Credly's saved badges.json and JSON Resume files. Prints YAML to paste under
    `credentials:`, after checking each entry against the profile's rules.
    Nothing is fetched from the network.

    With --profile, writes a whole new profile instead, from LinkedIn's data
    export (the ZIP as downloaded, or the folder it unpacks to), a JSON Resume
    or a RenderCV file: every TODO in it marks a value the source lacks, and
    each is listed with its line. Of LinkedIn's export only the profile's files
    are read, never connections, messages or invitations.

    With --into PROFILE, adds them to your profile instead, and only those it
    does not hold yet, so importing next month's export again adds only what
    is new. A credential is already there when it has the same credential ID or
    verification URL and a name that agrees, or the same issuer, name and issue
    month. Another issue
    of one you hold (a renewal) and an entry the source leaves incomplete are
    listed, never added or merged. The file keeps your comments and layout, is
    checked like `showcase validate` before it is written, and the previous
    version is kept as PROFILE.showcase.bak. With --skip-known PROFILE, prints
    only the entries the profile does not hold.

    \b
    Examples:
      showcase import Certifications.csv my-badge.png > imported.yaml
      showcase import Basic_LinkedInDataExport_12-06-2026.zip --into profile.yaml --dry-run
      showcase import Basic_LinkedInDataExport_12-06-2026.zip badges.json --into profile.yaml
      showcase import badges.json --skip-known profile.yaml -o new.yaml
      showcase import --profile Basic_LinkedInDataExport_12-06-2026.zip -o profile.yaml
      showcase import --profile resume.json -o profile.yaml
    """
    if profile_source is not None and (into or skip_known):
        raise click.UsageError("--profile writes a new profile: it takes no --into or --skip-known")
    if into is not None and (skip_known is not None or str(output) != "-"):
        raise click.UsageError("--into writes the profile itself: it takes no -o or --skip-known")
    if dry_run and into is None:
        raise click.UsageError("--dry-run shows what --into would change: give --into PROFILE")
    if profile_source is not None:
        if sources:
            raise click.UsageError("give either --profile SOURCE or the files to import, not both")
        _import_profile(profile_source, output)
        return
    if not sources:
        raise click.UsageError("name the files to import, or a whole profile with --profile")
    if into is not None:
        _import_into(into, sources, dry_run=dry_run)
        return
    from showcase.errors import Problem
    from showcase.importers import import_files
    from showcase.importers.suggest import to_yaml

    # A file that cannot be read does not cost the others their entries.
    results, failures = import_files(sources)
    if results and skip_known is not None:
        _print_unknown(results, skip_known, output)
    elif results:
        text, warnings = to_yaml(results)
        write_new_file(output, text)
        print_warnings([Problem.about("", "", w) for w in warnings])
    for failure in failures:
        failure.show()
    if failures:
        raise SystemExit(1)


def _import_profile(source: Path, output: Path) -> None:
    from showcase.errors import OutputExistsError, Problem
    from showcase.importers.profile import import_profile, not_carried_lines, profile_yaml
    from showcase.output import occupied

    if str(output) != "-" and occupied(output):  # before any work: never overwritten
        raise OutputExistsError(output, "Choose a new file name.")
    result = import_profile(source)
    text, placeholders = profile_yaml(result)
    write_new_file(output, text)
    print_warnings([Problem.about("", "", w) for w in result.warnings])
    for line in not_carried_lines(result):
        click.echo(line, err=True)
    shown = "<stdout>" if str(output) == "-" else str(output)
    for placeholder in placeholders:
        click.secho(
            f"{shown}:{placeholder.line}: {placeholder.field}: TODO: the source does not say; "
            "fill it in",
            err=True,
            fg="yellow",
        )
    if placeholders:
        count = len(placeholders)
        click.echo(
            f"{count} TODO{'' if count == 1 else 's'} to fill in; then check with "
            f"`showcase validate {shown if shown != '<stdout>' else 'PROFILE'}`",
            err=True,
        )


def _print_unknown(results: list[Imported], profile: Path, output: Path) -> None:
    """The entries `profile` does not hold, as YAML to paste; the rest said on stderr."""
    from showcase.errors import Problem
    from showcase.importers.against import Verdict, decide
    from showcase.importers.suggest import entries_yaml

    loaded = load(profile, None)
    decisions, warnings = decide(results, loaded.profile.credentials)
    kept = [d.entry for d in decisions if d.verdict is not Verdict.HELD]
    held = len(decisions) - len(kept)
    note = [f"Left out {held} already in {profile} (listed when it ran)."] if held else []
    write_new_file(output, entries_yaml(kept, results, note))
    print_warnings([Problem.about("", "", w) for w in warnings])
    for decision in decisions:
        if decision.verdict in (Verdict.HELD, Verdict.ANOTHER_ISSUE):
            click.echo(decision.line(into=False), err=True)


def _import_into(profile: Path, sources: tuple[Path, ...], *, dry_run: bool) -> None:
    from showcase.editor.into import import_into
    from showcase.errors import Problem
    from showcase.importers.against import Verdict

    result = import_into(profile, sources, dry_run=dry_run)
    print_warnings([Problem.about("", "", w) for w in result.warnings])
    if dry_run and result.after != result.before:
        click.echo(result.diff(), nl=False)
    counts = Counter(d.verdict for d in result.decisions)
    added = counts[Verdict.NEW]
    not_added = counts[Verdict.ANOTHER_ISSUE] + counts[Verdict.INCOMPLETE]
    verb = "would add" if dry_run else "added"
    click.echo(
        f"{profile}: {verb} {added} credential{'' if added == 1 else 's'}; "
        f"{counts[Verdict.HELD]} already there; {not_added} not added"
    )
    for decision in result.decisions:
        click.echo("  " + decision.line(into=True, dry_run=dry_run))
    if result.written and result.backup is not None:
        click.echo(f"The previous version is kept as {result.backup}.")
    elif dry_run:
        click.echo("--dry-run: nothing was written.")
    for failure in result.failures:
        failure.show()
    if result.failures:
        raise SystemExit(1)
