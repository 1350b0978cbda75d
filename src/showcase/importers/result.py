"""What an importer returns, and how it fails: shared by every importer.

`Imported` holds credentials read from one source, `ProfileImport` a whole profile
(JSON Resume, RenderCV, LinkedIn's export); both lead to a YAML the user reviews.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from showcase.errors import ShowcaseError

# What is written for a required field (name, issuer, issue date) that the source
# lacks. Exactly this text, everywhere: the profile refuses it, so a forgotten one
# cannot slip into a resume.
PLACEHOLDER = "TODO"

# Not a profile field: the issuer's own description of a credential. It is not the
# user's `learned:`; the suggested YAML shows it as a comment above the entry.
DESCRIPTION = "description"


@dataclass
class Imported:
    """Credentials read from one source, and what the user should know about them."""

    source: str
    format: str
    credentials: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class ImportFailed(ShowcaseError):
    """A file that could not be read as any known source."""


# An item's place in the source ("work[2]"), for messages; not written.
WHERE = "_where"


@dataclass
class ProfileImport:
    """A profile read from another tool: its fields, and what the user should know."""

    source: str
    format: str
    # The profile's fields, in the profile's order; credentials as importer entries.
    data: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # What the source holds that has no place in a profile ("awards (2)").
    not_carried: list[str] = field(default_factory=list)
