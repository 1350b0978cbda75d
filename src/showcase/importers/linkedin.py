"""LinkedIn's data export: ``Certifications.csv``.

Header ``Name,Url,Authority,Started On,Finished On,License Number``; dates like
``Oct 2023``; Started On is the issue date and Finished On the expiry (often
empty); cells may carry stray spaces and names may hold quoted commas.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from showcase.importers import PLACEHOLDER, Imported, ImportFailed
from showcase.importers.dates import to_profile_date

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
        started = row[started_at].strip()
        issued = to_profile_date(started)
        if issued is None:
            result.warnings.append(
                f"{name}:{line_number}: `{name_cell}` has no readable issue date "
                f"({started or 'empty'}); fill in `issued:`"
            )
            issued = PLACEHOLDER
        entry: dict[str, Any] = {
            "name": name_cell,
            "issuer": row[authority_at].strip() or PLACEHOLDER,
            "issued": issued,
        }
        if entry["issuer"] == PLACEHOLDER:
            result.warnings.append(
                f"{name}:{line_number}: `{name_cell}` has no Authority; fill in `issuer:`"
            )
        expires = to_profile_date(row[finished_at])
        if expires:
            entry["expires"] = expires
        number = row[number_at].strip()
        if number:
            entry["credential_id"] = number
        url = row[url_at].strip()
        if url:
            entry["url"] = url
        result.credentials.append(entry)
    return result
