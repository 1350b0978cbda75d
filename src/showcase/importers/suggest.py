"""Imported credentials as YAML to paste under a profile's ``credentials:``.

Each entry is first checked against the profile's own rules; a field that
would be refused (an ``ftp://`` link, an impossible date) is left out with a
warning, so what we suggest always loads.
"""

from __future__ import annotations

import io
from typing import Any

from pydantic import ValidationError

from showcase.importers import Imported
from showcase.profile.models import Credential
from showcase.profile.types import slugify

REQUIRED = ("name", "issuer", "issued")
PLACEHOLDER = "TODO"


def _checked(entry: dict[str, Any], where: str, warnings: list[str]) -> dict[str, Any]:
    entry = dict(entry)
    for _ in range(len(entry) + 1):
        probe = {k: ("2000" if k == "issued" and v == PLACEHOLDER else v) for k, v in entry.items()}
        try:
            credential = Credential.model_validate(probe)
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                field = str(error["loc"][0]) if error["loc"] else ""
                if field in REQUIRED or field not in entry:
                    continue
                message = str((error.get("ctx") or {}).get("error", error["msg"]))
                warnings.append(f"{where}: left out {field} ({entry[field]!r}): {message}")
                del entry[field]
            continue
        if (
            credential.expires is not None
            and entry.get("issued") != PLACEHOLDER
            and credential.expires.last_day < credential.issued.first_day
        ):
            warnings.append(
                f"{where}: left out expires ({entry['expires']}): it is before the issue date"
            )
            del entry["expires"]
        return entry
    return entry


def suggestions(results: list[Imported]) -> tuple[list[dict[str, Any]], list[str]]:
    entries: list[dict[str, Any]] = []
    warnings: list[str] = []
    used: dict[str, int] = {}
    for result in results:
        warnings.extend(result.warnings)
        for entry in result.credentials:
            checked = _checked(entry, f"{result.source}: `{entry.get('name')}`", warnings)
            slug = slugify(str(checked.get("name", ""))) or "credential"
            used[slug] = used.get(slug, 0) + 1
            if used[slug] > 1:  # same name twice: ids must stay unique
                checked = {"id": f"{slug}-{used[slug]}", **checked}
            entries.append(checked)
    return entries, warnings


def to_yaml(results: list[Imported]) -> tuple[str, list[str]]:
    from ruamel.yaml import YAML

    entries, warnings = suggestions(results)
    count = f"{len(entries)} credential{'' if len(entries) == 1 else 's'}"
    header = [f"# Imported by showcase ({count}) from:"]
    header += [f"#   {r.source} ({r.format})" for r in results]
    header += [
        "# Review them, fill in every TODO, add skills, assessment and what you learned,",
        "# then paste the entries under `credentials:` in your profile.",
    ]
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 4096  # never fold a long description over lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    # Keep the profile's field order (name, issuer, issued ...), not alphabetical.
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]
    stream = io.StringIO()
    yaml.dump({"credentials": entries}, stream)
    return "\n".join(header) + "\n" + stream.getvalue(), warnings
