"""The base every part of the profile shares: closed (unknown fields refused), frozen; enum
values read whatever their case.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=False, defer_build=True)


def _enum_text(value: Any) -> Any:
    """Enum values in any case: `kind: Certificate` means `certificate`."""
    return value.strip().lower() if isinstance(value, str) else value
