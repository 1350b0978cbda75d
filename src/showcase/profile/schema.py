"""The profile's JSON Schema, for editors (yaml-language-server) and other tools."""

from __future__ import annotations

import json
from typing import Any

from showcase.profile.models import Profile

SCHEMA_FILE_NAME = "showcase-profile.schema.json"
SCHEMA_ID = "https://showcase.invalid/schema/profile-v1.json"


def profile_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a profile, with every field's description."""
    schema = Profile.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def schema_text() -> str:
    return json.dumps(profile_schema(), indent=2, ensure_ascii=False) + "\n"
