"""LinkedIn's data export: ``Certifications.csv``.

Header ``Name,Url,Authority,Started On,Finished On,License Number``; dates like
``Oct 2023``; Started On is the issue date and Finished On the expiry (often
empty); cells may carry stray spaces and names may hold quoted commas.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from showcase.importers import Imported, ImportFailed
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
    reader = csv.reader(io.StringIO(text.lstrip()))
    header = [cell.strip() for cell in next(reader, [])]
    missing = [h for h in ("Name", "Authority", "Started On") if h not in header]
    if missing:
        raise ImportFailed(f"{name}:1: the header lacks {', '.join(missing)}")
    column = {h: header.index(h) for h in header}
    for line_number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue

        def cell(key: str, row: list[str] = row) -> str:
            index = column.get(key)
            return row[index].strip() if index is not None and index < len(row) else ""

        entry: dict[str, Any] = {"name": cell("Name"), "issuer": cell("Authority")}
        where = f"{name}:{line_number}"
        if not entry["name"]:
            result.warnings.append(f"{where}: a row without a name; skipped")
            continue
        issued = to_profile_date(cell("Started On"))
        if issued is None:
            result.warnings.append(
                f"{where}: `{entry['name']}` has no readable issue date "
                f"({cell('Started On') or 'empty'}); fill in `issued:`"
            )
            issued = "TODO"
        entry["issued"] = issued
        expires = to_profile_date(cell("Finished On"))
        if expires:
            entry["expires"] = expires
        if cell("License Number"):
            entry["credential_id"] = cell("License Number")
        if cell("Url"):
            entry["url"] = cell("Url")
        result.credentials.append(entry)
    return result
