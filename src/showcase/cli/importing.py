"""`showcase import`: credentials recorded elsewhere, as profile entries."""

from __future__ import annotations

from pathlib import Path

import click

from showcase.cli.options import new_file_option
from showcase.cli.report import print_warnings, write_new_file


@click.command(name="import")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@new_file_option(
    "A new file to write the entries to (default: standard output). Never overwritten."
)
def import_(sources: tuple[Path, ...], output: Path) -> None:
    """Read credentials you already have elsewhere, as entries for your profile.

    Reads LinkedIn's data export (Certifications.csv), Open Badges 2.0 and 3.0
    (JSON files, or badges baked into .png and .svg images), Credly's saved
    badges.json and JSON Resume files. Prints YAML to paste under `credentials:`,
    after checking each entry against the profile's rules. Your profile is never
    changed, and nothing is fetched from the network.

    \b
    Example:
      showcase import Certifications.csv my-badge.png > imported.yaml
    """
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
