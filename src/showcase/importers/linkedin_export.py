"""A whole profile from LinkedIn's data export ("Get a copy of your data"): the ZIP or its folder.

The export is a ZIP of CSV files (LinkedIn Help, "Download your account data",
https://www.linkedin.com/help/linkedin/answer/a1339364); the columns each file has had
over the years are in `showcase.importers.linkedin_csv.COLUMNS`, with their sources.
Each is mapped to the profile's fields here; what has no place is reported, and what
LinkedIn lacks becomes a TODO.

Only what a profile holds is read: never connections, messages or invitations, nor
the birth date, address or messengers of Profile.csv.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

from showcase.importers.linkedin_archive import WANTED, ExportFiles, read_export
from showcase.importers.linkedin_csv import COLUMNS, ROW_KEY, Table, read_table
from showcase.importers.linkedin_entries import READERS, credential, languages_once
from showcase.importers.linkedin_entries import export_date as export_date
from showcase.importers.linkedin_entries import points as points
from showcase.importers.linkedin_entries import story as story
from showcase.importers.result import WHERE, Imported, ImportFailed, ProfileImport

# Websites as LinkedIn writes them: an optional type (PORTFOLIO, COMPANY, BLOG, RSS ...)
# before each address.
_WEBSITE = re.compile(r"(?:([A-Za-z][A-Za-z _]*):)?((?:https?://|www\.)[^\s,\[\]]+)", re.I)
_NOT_OWN_SITES = frozenset({"COMPANY", "RSS", "RSS FEED"})


def profile_from_export(path: Path) -> ProfileImport:
    """The profile in LinkedIn's export at `path` (its ZIP, or the folder it unpacks to)."""
    files = read_export(path)
    read = ", ".join(name for name in WANTED if name in files.texts)
    kind = "folder" if path.is_dir() else "ZIP"
    result = ProfileImport(str(path), f"LinkedIn data export {kind}: {read}")
    result.warnings.extend(files.warnings)
    tables = _tables(files, result)
    if not tables:
        reasons = "; ".join(result.warnings[:3])
        raise ImportFailed(f"{path}: none of the export's profile files could be read: {reasons}")
    data = result.data
    _profile(tables.get("Profile.csv"), result)
    _contact(tables, data)
    for name, section, reader in READERS:
        if (table := tables.get(name)) is not None:
            for row in table.rows:
                data.setdefault(section, []).append(reader(table, row, result))
    if "languages" in data:
        data["languages"] = languages_once(data["languages"], result)
    if "Skills.csv" in tables:
        data["skills"] = skill_groups([row["name"] for row in tables["Skills.csv"].rows])
    if "Courses.csv" in tables and (courses := [r["name"] for r in tables["Courses.csv"].rows]):
        named = "; ".join(courses[:5]) + (" ..." if len(courses) > 5 else "")
        result.not_carried.append(
            f"Courses.csv ({len(courses)}: {named}): LinkedIn keeps no issuer or date for "
            "them; add those with a certificate under `credentials:` with `kind: course`"
        )
    if "Positions.csv" not in files.present:
        result.warnings.append(
            f"{path}: no Positions.csv, so no jobs; LinkedIn's smaller (Basic) export may leave "
            "them out: request the larger archive, or write `experience:` yourself"
        )
    return result


def credentials_from_export(path: Path) -> Imported:
    """The credentials in the export's Certifications.csv (`showcase import EXPORT.zip`)."""
    files = read_export(path, ("Certifications.csv",))
    result = Imported(str(path), "LinkedIn data export, Certifications.csv")
    result.warnings.extend(files.warnings)
    text = files.texts.get("Certifications.csv")
    if text is None:
        result.warnings.append(
            f"{path}: no Certifications.csv (LinkedIn leaves it out when your profile lists "
            "no certifications)"
        )
        return result
    table = read_table(
        text, f"{path}: Certifications.csv", COLUMNS["Certifications.csv"], ("name",)
    )
    result.warnings.extend(table.warnings)
    for row in table.rows:
        where = f"{table.name}:{row.line}"
        if not row["name"]:
            result.warnings.append(f"{where}: a row without a name; skipped")
            continue
        result.credentials.append(credential(row, where, result.warnings))
    return result


def _tables(files: ExportFiles, result: ProfileImport) -> dict[str, Table]:
    """Each file read as a table; one that cannot be read is warned about, not fatal."""
    tables: dict[str, Table] = {}
    for name, text in files.texts.items():
        key = ROW_KEY.get(name)
        try:
            table = read_table(text, name, COLUMNS[name], required=(key,) if key else ())
        except ImportFailed as exc:
            result.warnings.append(f"{files.source}: {exc}; not imported")
            continue
        result.warnings.extend(f"{files.source}: {w}" for w in table.warnings)
        if key is not None:
            kept = [row for row in table.rows if row[key]]
            for row in table.rows:
                if not row[key]:
                    result.warnings.append(
                        f"{files.source}: {name}:{row.line}: a row without "
                        f"{COLUMNS[name][key][0]}; skipped"
                    )
            table.rows = kept
        tables[name] = table
    return tables


# --- the person ---------------------------------------------------------------------------


def _is_cjk(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(
        unicodedata.name(ch, "").startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL"))
        for ch in letters
    )


def _profile(table: Table | None, result: ProfileImport) -> None:
    data, source = result.data, result.source
    if table is None or not table.rows:
        result.warnings.append(
            f"{source}: no Profile.csv (or an empty one): fill in your name, headline and summary"
        )
        return
    row = table.rows[0]
    data[WHERE] = f"Profile.csv:{row.line}"
    first, last = row["first"], row["last"]
    if _is_cjk(first) and _is_cjk(last):
        data["name"] = f"{last}{first}"
        result.warnings.append(
            f"{source}: Profile.csv:{row.line}: name written family name first, "
            f"`{last}{first}`, as names in Chinese, Japanese and Korean are; check it"
        )
    elif first or last:
        data["name"] = " ".join(part for part in (first, last) if part)
    for key in ("headline", "summary"):
        if row[key]:
            data[key] = row[key]
    contact = data.setdefault("contact", {})
    if row["location"]:
        contact["location"] = row["location"]
    for kind, url in _websites(row["websites"]):
        host = re.sub(r"^https?://(www\.)?", "", url.casefold()).split("/")[0]
        slot = {"github.com": "github", "linkedin.com": "linkedin"}.get(host, "website")
        # An employer's site or a feed is not the person's own website.
        if slot in contact or kind in _NOT_OWN_SITES:
            result.not_carried.append(f"Profile.csv: Websites ({kind or 'another'}: {url})")
        else:
            contact[slot] = url
    if row["twitter"]:
        result.not_carried.append("Profile.csv: Twitter Handles")


def _websites(cell: str) -> list[tuple[str, str]]:
    """``[PORTFOLIO:https://a.example,COMPANY:www.b.example]`` -> (type, address) pairs."""
    found = []
    for kind, url in _WEBSITE.findall(cell):
        url = url.rstrip(".;)")
        found.append((kind.strip().upper(), url if "://" in url else f"https://{url}"))
    return found


def _contact(tables: dict[str, Table], data: dict[str, Any]) -> None:
    contact = data.setdefault("contact", {})
    emails = tables.get("Email Addresses.csv")
    if emails is not None:
        rows = [row for row in emails.rows if row["email"]]
        primary = [row for row in rows if row["primary"].casefold() == "yes"]
        if rows:
            contact["email"] = (primary or rows)[0]["email"]
    phones = tables.get("PhoneNumbers.csv")
    if phones is not None:
        numbers = [row["number"] for row in phones.rows if row["number"]]
        if numbers:
            contact["phone"] = numbers[0]
    if not contact:
        del data["contact"]


def skill_groups(names: list[str]) -> list[dict[str, Any]]:
    """Skills, each once, under Skills, Tools and Methods where the vocabulary knows its kind."""
    from showcase.strategy.vocabulary import TermKind, vocabulary

    titles = {TermKind.TOOL: "Tools", TermKind.METHOD: "Methods"}
    groups: dict[str, list[str]] = {"Skills": [], "Tools": [], "Methods": []}
    seen: set[str] = set()
    for name in names:
        if not name or name.casefold() in seen:
            continue
        seen.add(name.casefold())
        term = vocabulary().find(name)
        groups[titles.get(term.kind, "Skills") if term else "Skills"].append(name)
    return [
        {WHERE: "Skills.csv", "group": group, "items": items}
        for group, items in groups.items()
        if items
    ]
