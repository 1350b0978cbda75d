"""`showcase import`: credentials recorded elsewhere, as profile entries; or a whole profile."""

from __future__ import annotations

from pathlib import Path

import click

from showcase.cli.options import new_file_option
from showcase.cli.report import print_warnings, write_new_file


@click.command(name="import")
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--profile",
    "profile_source",
    type=click.Path(path_type=Path),
    default=None,
    help="Write a whole profile from LinkedIn's data export (the .zip, or its folder), "
    "a JSON Resume (.json) or a RenderCV (.yaml) file.",
)
@new_file_option(
    "A new file to write the entries to (default: standard output). Never overwritten."
)
def import_(sources: tuple[Path, ...], profile_source: Path | None, output: Path) -> None:
    """Read credentials you already have elsewhere, as entries for your profile.

    Reads LinkedIn's data export (Certifications.csv, alone or in the export's
    ZIP), Open Badges 2.0 and 3.0
    (JSON files, a CLR 2.0 credential, or badges baked into .png and .svg images),
    Credly's saved badges.json and JSON Resume files. Prints YAML to paste under
    `credentials:`, after checking each entry against the profile's rules. Your
    profile is never changed, and nothing is fetched from the network.

    With --profile, writes a whole new profile instead, from LinkedIn's data
    export (the ZIP as downloaded, or the folder it unpacks to), a JSON Resume
    or a RenderCV file: every TODO in it marks a value the source lacks, and
    each is listed with its line. Of LinkedIn's export only the profile's files
    are read, never connections, messages or invitations.

    \b
    Examples:
      showcase import Certifications.csv my-badge.png > imported.yaml
      showcase import --profile Basic_LinkedInDataExport_12-06-2026.zip -o profile.yaml
      showcase import --profile resume.json -o profile.yaml
    """
    if profile_source is not None:
        if sources:
            raise click.UsageError("give either --profile SOURCE or the files to import, not both")
        _import_profile(profile_source, output)
        return
    if not sources:
        raise click.UsageError("name the files to import, or a whole profile with --profile")
    from showcase.errors import Problem
    from showcase.importers import import_files
    from showcase.importers.suggest import to_yaml

    # A file that cannot be read does not cost the others their entries.
    results, failures = import_files(sources)
    if results:
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
