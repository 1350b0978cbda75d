"""The base every part of the profile shares: closed (unknown fields refused), frozen; enum
values read whatever their case.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=False, defer_build=True)


def new_list() -> list[Any]:
    """An empty list, as a field's `default_factory`: pydantic reads the signature of every
    default factory, and a builtin's (`list`, `dict`) is parsed from its text, ~0.1 ms each,
    40 times on the way to a first validation."""
    return []


def new_dict() -> dict[Any, Any]:
    """An empty dict, as a field's `default_factory` (see `new_list`)."""
    return {}


def _enum_text(value: Any) -> Any:
    """Enum values in any case: `kind: Certificate` means `certificate`."""
    return value.strip().lower() if isinstance(value, str) else value
