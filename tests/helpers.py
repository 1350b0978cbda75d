from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path
from textwrap import dedent
from types import ModuleType
from typing import Any

import pytest

from showcase.errors import Problem, ProfileError
from showcase.profile import LoadedProfile, load_profile
from tests.conftest import ROOT, TODAY


def write_profile(tmp_path: Path, text: str, name: str = "profile.yaml") -> Path:
    path = tmp_path / name
    path.write_text(dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def load(tmp_path: Path, text: str, today: dt.date = TODAY) -> LoadedProfile:
    return load_profile(write_profile(tmp_path, text), today=today)


def problems(tmp_path: Path, text: str) -> list[Problem]:
    with pytest.raises(ProfileError) as info:
        load(tmp_path, text)
    return info.value.problems


def one_problem(tmp_path: Path, text: str) -> Problem:
    found = problems(tmp_path, text)
    assert len(found) == 1, [p.format() for p in found]
    return found[0]


def style_of(paragraph: Any) -> str:
    """A DOCX paragraph's style name ("" when it has none)."""
    return paragraph.style.name if paragraph.style is not None else ""


def load_tool(name: str) -> ModuleType:
    """A maintainer's script of tools/ (not a package), loaded as a module."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
