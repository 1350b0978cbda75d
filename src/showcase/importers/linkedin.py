"""LinkedIn's data export: ``Certifications.csv``.

Header ``Name,Url,Authority,Started On,Finished On,License Number``; dates like
``Oct 2023``; Started On is the issue date and Finished On the expiry (often
empty); cells may carry stray spaces and names may hold quoted commas.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from showcase.importers.dates import to_profile_date
from showcase.importers.result import PLACEHOLDER, Imported, ImportFailed

HEADER = ["Name", "Url", "Authority", "Started On", "Finished On", "License Number"]


def looks_like_export(text: str) -> bool:
    """Whether the first line is LinkedIn's header, its columns in any order.

    Detection goes by the set of names, as reading does: a file with reordered
    columns, or one lacking a column that reading needs (which reading then
    names), is still recognised as an export.
    """
    head = text[:65536].lstrip()  # never copy or split the whole file to read one line
    first = head.partition("\n")[0]
    cells = {c.strip() for c in next(csv.reader([first]), [])}
    return {"Name", "Authority"} <= cells and len(cells & set(HEADER)) >= 3


def from_csv(text: str, name: str) -> Imported:
    result = Imported(source=name, format="LinkedIn Certifications.csv")
    reader = csv.reader(io.StringIO(text))
    header: list[str] = []
    for row in reader:  # the first line that is not blank
        header = [cell.strip() for cell in row]
        if any(header):
            break
    missing = [h for h in ("Name", "Authority", "Started On") if h not in header]
    if missing:
        raise ImportFailed(f"{name}:{reader.line_num}: the header lacks {', '.join(missing)}")
    width = len(header)
    index = {h: header.index(h) for h in HEADER if h in header}
    # Columns the file lacks read from an always-empty extra cell.
    at = {h: index.get(h, width) for h in HEADER}
    name_at, authority_at, started_at = at["Name"], at["Authority"], at["Started On"]
    finished_at, number_at, url_at = at["Finished On"], at["License Number"], at["Url"]
    for row in reader:
        line_number = reader.line_num  # where the row ends: quoted cells may span lines
        if len(row) <= width:
            row += [""] * (width + 1 - len(row))
        name_cell = row[name_at].strip()
        if not name_cell:
            if any(cell.strip() for cell in row):
                result.warnings.append(f"{name}:{line_number}: a row without a name; skipped")
            continue
        entry = certification(
            name_cell,
            authority=row[authority_at],
            started=row[started_at],
            finished=row[finished_at],
            number=row[number_at],
            url=row[url_at],
            where=f"{name}:{line_number}",
            warnings=result.warnings,
        )
        result.credentials.append(entry)
    return result


def certification(
    name: str,
    *,
    authority: str,
    started: str,
    finished: str,
    number: str,
    url: str,
    where: str,
    warnings: list[str],
) -> dict[str, Any]:
    """One row of Certifications.csv as an importer entry (TODO where a value is missing)."""
    started = started.strip()
    issued = to_profile_date(started)
    if issued is None:
        warnings.append(
            f"{where}: `{name}` has no readable issue date ({started or 'empty'}); "
            "fill in `issued:`"
        )
        issued = PLACEHOLDER
    entry: dict[str, Any] = {"name": name, "issuer": authority.strip() or PLACEHOLDER}
    entry["issued"] = issued
    if entry["issuer"] == PLACEHOLDER:
        warnings.append(f"{where}: `{name}` has no Authority; fill in `issuer:`")
    expires = to_profile_date(finished)
    if expires:
        entry["expires"] = expires
    if number := number.strip():
        entry["credential_id"] = number
    if url := url.strip():
        entry["url"] = url
    return entry
