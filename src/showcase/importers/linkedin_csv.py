"""One CSV of LinkedIn's data export, read by what its columns mean.

LinkedIn has renamed columns over the years and between files ("Started On" in
Positions.csv, "Start Date" in Education.csv), and some files open with a
``Notes:`` paragraph before the header. `read_table` finds the header among the
first lines, maps every spelling it knows to one key, and gives each row with the
line it ends on, so that messages can point at it.

The column names are not documented by LinkedIn; those in `COLUMNS` are the ones
other open-source readers of the export use and test with (read 2026-12-06):
* Reactive Resume, ``libs/parser/src/linkedin/schema/*.ts`` (Profile, Email Addresses,
  Positions, Education, Skills, Languages, Certifications, Projects);
* inventories and fixtures of real exports in other public projects for Honors
  (``Title, Description, Issued On``), Volunteering (``Company Name, Role, Cause,
  Started On, Finished On, Description``), Publications (``Name, Published On,
  Description, Publisher, Url``) and Courses (``Name, Number``);
* the older Profile.csv (2018: ``Created Date``, ``Contact Instructions``, ``Marital
  Status`` ...) and the spellings seen in other years and files (``Start Date`` /
  ``End Date`` beside ``Started On`` / ``Finished On``, ``Field Of Study``,
  ``Issuer``), each accepted as an alias.

Bounded: at most `MAX_ROWS` rows are read from a file (a person lists far fewer
jobs, schools or skills), and the csv module's own limit (128 KiB a cell) stands.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from showcase.importers.result import ImportFailed

MAX_ROWS = 5_000
_HEADER_SEARCH = 32  # lines a preamble may take before the header

# Each file's columns: a key, and the names LinkedIn has given that column (first = today's).
COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    "Profile.csv": {
        "first": ("First Name",),
        "last": ("Last Name",),
        "headline": ("Headline",),
        "summary": ("Summary",),
        "location": ("Geo Location", "Location"),
        "websites": ("Websites",),
        "twitter": ("Twitter Handles",),
    },
    "Email Addresses.csv": {
        "email": ("Email Address",),
        "primary": ("Primary",),
    },
    "PhoneNumbers.csv": {"number": ("Number", "Phone Number")},
    "Positions.csv": {
        "organization": ("Company Name", "Company"),
        "title": ("Title", "Position"),
        "description": ("Description",),
        "location": ("Location",),
        "start": ("Started On", "Start Date"),
        "end": ("Finished On", "End Date"),
    },
    "Education.csv": {
        "institution": ("School Name", "School"),
        "start": ("Start Date", "Started On"),
        "end": ("End Date", "Finished On"),
        "degree": ("Degree Name", "Degree"),
        "field": ("Field Of Study",),
        "notes": ("Notes",),
        "activities": ("Activities",),
    },
    "Skills.csv": {"name": ("Name", "Skill", "Skill Name")},
    "Languages.csv": {"language": ("Name", "Language"), "level": ("Proficiency",)},
    "Certifications.csv": {
        "name": ("Name",),
        "url": ("Url",),
        "authority": ("Authority",),
        "start": ("Started On", "Start Date"),
        "end": ("Finished On", "End Date"),
        "number": ("License Number",),
    },
    "Courses.csv": {"name": ("Name", "Course Name"), "number": ("Number",)},
    "Projects.csv": {
        "title": ("Title",),
        "description": ("Description",),
        "url": ("Url",),
        "start": ("Started On", "Start Date"),
        "end": ("Finished On", "End Date"),
    },
    "Honors.csv": {
        "title": ("Title",),
        "description": ("Description",),
        "date": ("Issued On", "Date"),
        "awarder": ("Issuer",),
    },
    "Volunteering.csv": {
        "organization": ("Company Name", "Organization"),
        "role": ("Role",),
        "cause": ("Cause",),
        "start": ("Started On", "Start Date"),
        "end": ("Finished On", "End Date"),
        "description": ("Description",),
    },
    "Publications.csv": {
        "title": ("Name", "Title"),
        "date": ("Published On", "Date"),
        "description": ("Description",),
        "publisher": ("Publisher",),
        "url": ("Url",),
    },
}
# The column a row is nothing without (a job without a title, a school without a name ...).
ROW_KEY = {
    "Positions.csv": "title",
    "Education.csv": "institution",
    "Skills.csv": "name",
    "Languages.csv": "language",
    "Certifications.csv": "name",
    "Courses.csv": "name",
    "Projects.csv": "title",
    "Honors.csv": "title",
    "Volunteering.csv": "organization",
    "Publications.csv": "title",
}


def column_key(text: str) -> str:
    """How column names are compared: case, spaces and underscores ignored."""
    return re.sub(r"[\s_]+", " ", text.replace("\ufeff", "")).strip().casefold()


@dataclass(frozen=True)
class Row:
    """One row: its cells by column key ('' for a column the file lacks), and its line."""

    line: int
    cells: Mapping[str, str]

    def __getitem__(self, key: str) -> str:
        return self.cells.get(key, "")


@dataclass
class Table:
    name: str
    columns: frozenset[str]
    rows: list[Row] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _clean(cell: str) -> str:
    return cell.replace("\r\n", "\n").replace("\r", "\n").strip()


def read_table(
    text: str,
    name: str,
    columns: Mapping[str, tuple[str, ...]],
    required: tuple[str, ...] = (),
    max_rows: int = MAX_ROWS,
) -> Table:
    """The rows of `text`, each cell under the key of `columns` whose spellings name it.

    `columns` maps a key to the header names it has had (``"start": ("Started On",
    "Start Date")``). The header is the first line naming one of them. A header
    without a `required` key, or text that is not CSV, is an `ImportFailed`.
    """
    spellings = {column_key(s): key for key, names in columns.items() for s in names}
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header: list[str] | None = None
        for row in reader:
            if any(column_key(cell) in spellings for cell in row):
                header = row
                break
            if reader.line_num >= _HEADER_SEARCH:
                break
        if header is None:
            known = ", ".join(names[0] for names in columns.values())
            raise ImportFailed(f"{name}: no header naming any of {known}; not LinkedIn's file")
        at: dict[str, int] = {}
        for index, cell in enumerate(header):
            key = spellings.get(column_key(cell))
            if key is not None and key not in at:
                at[key] = index
        missing = [columns[key][0] for key in required if key not in at]
        if missing:
            raise ImportFailed(f"{name}:{reader.line_num}: the header lacks {', '.join(missing)}")
        table = Table(name, frozenset(at))
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if len(table.rows) >= max_rows:
                table.warnings.append(
                    f"{name}: more than {max_rows:,} rows; only the first {max_rows:,} were read"
                )
                break
            cells = {key: _clean(row[index]) for key, index in at.items() if index < len(row)}
            table.rows.append(Row(reader.line_num, cells))
    except csv.Error as exc:
        raise ImportFailed(f"{name}:{reader.line_num}: not CSV showcase can read ({exc})") from None
    return table
