"""Docstrings and comments cite files that exist in the repository."""

from __future__ import annotations

import re

from tests.conftest import ROOT

CITED = re.compile(r"\b((?:docs|templates|tests|benchmarks|examples|tools)/[\w./-]+\.\w+)")


def test_cited_files_exist() -> None:
    missing, found = [], 0
    for path in sorted((ROOT / "src").rglob("*.py")):
        for cited in CITED.findall(path.read_text("utf-8")):
            if "<" in cited or "*" in cited:
                continue
            found += 1
            if not (ROOT / cited).exists():
                missing.append(f"{path.relative_to(ROOT)}: {cited}")
    assert found >= 5  # the search itself works: the sources do cite files
    assert missing == []
