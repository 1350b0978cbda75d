"""The tests mirror the code: a module's tests are found where the module is.

`tests/<pkg>/test_<module>.py` holds the tests of `src/showcase/<pkg>/<module>.py` (or of
the package `src/showcase/<pkg>/<module>/`); a module with many tests may split them by
aspect as `test_<module>_<aspect>.py` (`test_resume_fit.py` for `artifacts/resume.py`).
`tests/<pkg>/test_<pkg>.py` holds the tests of the package's own `__init__.py`, and
`tests/tools/test_<tool>.py` those of `tools/<tool>.py`.

Tests of no one module live in the folders of `CROSS_CUTTING`, and nowhere else. A file
named for when or why it was written (`test_second_pass.py`, `test_hardening.py`) maps
to no module, so it fails here: its tests belong in the files of the modules they test.

After moving a module, run this test: it names each test file left without its module
and the module it would now be looked for at.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT

TESTS = ROOT / "tests"
SOURCES = {
    # a folder of tests/ (relative; "" is tests/ itself) -> the code its tests mirror
    "": ROOT / "src" / "showcase",
    "tools": ROOT / "tools",
}
CROSS_CUTTING = {
    "acceptance": "promises over every artifact or the whole tree: the docs, the rubric, "
    "valid profiles build, the tests' own layout",
}


def module_for(test_file: Path) -> Path | None:
    """The module or package `test_file` mirrors, or None."""
    relative = test_file.relative_to(TESTS)
    folder, name = relative.parent, relative.stem.removeprefix("test_")
    if folder.parts and folder.parts[0] in SOURCES:
        code, folder = SOURCES[folder.parts[0]], Path(*folder.parts[1:])
    else:
        code = SOURCES[""]
    base = code / folder
    if not base.is_dir():
        return None
    if folder.parts and name == folder.name and (base / "__init__.py").is_file():
        return base / "__init__.py"
    parts = name.split("_")
    for end in range(len(parts), 0, -1):  # the longest prefix that is a module
        stem = "_".join(parts[:end])
        for candidate in (base / f"{stem}.py", base / stem / "__init__.py"):
            if candidate.is_file():
                return candidate
    return None


def mirrored_files() -> list[Path]:
    return sorted(
        path
        for path in TESTS.rglob("test_*.py")
        if "node_modules" not in path.parts
        and path.relative_to(TESTS).parts[0] not in CROSS_CUTTING
    )


def test_every_test_file_mirrors_a_module() -> None:
    stray = [str(path.relative_to(ROOT)) for path in mirrored_files() if module_for(path) is None]
    assert stray == [], (
        "each test file must be tests/<pkg>/test_<module>[_<aspect>].py for a module of "
        f"src/showcase/<pkg>/ (or sit in one of {sorted(CROSS_CUTTING)}): {stray}"
    )


def test_the_cross_cutting_folders_exist_and_hold_tests() -> None:
    for folder in CROSS_CUTTING:
        assert list((TESTS / folder).glob("test_*.py")), folder


def test_the_rule_maps_and_refuses() -> None:
    """The mapping itself, on files that exist and names that do not."""
    src = ROOT / "src" / "showcase"
    assert module_for(TESTS / "artifacts" / "test_resume_fit.py") == src / "artifacts" / "resume.py"
    assert module_for(TESTS / "test_output.py") == src / "output.py"
    assert module_for(TESTS / "importers" / "test_importers.py") == (
        src / "importers" / "__init__.py"
    )
    assert module_for(TESTS / "tools" / "test_catalog_facts.py") == ROOT / "tools" / (
        "catalog_facts.py"
    )
    assert module_for(TESTS / "test_second_pass.py") is None
    assert module_for(TESTS / "importers" / "test_hardening.py") is None
    assert module_for(TESTS / "nowhere" / "test_output.py") is None
