"""The interview question bank read from disk (`artifacts/question_bank.py`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import run_limited


@pytest.mark.slow
def test_a_huge_question_bank_in_templates_is_refused_within_bounds(tmp_path: Path) -> None:
    """The bank was hashed from the whole file first: a 3 GB questions.yaml held 3.1 GB of
    memory for 15 s before the bounded YAML reader refused it."""
    bank = tmp_path / "interview" / "questions.yaml"
    bank.parent.mkdir()
    with bank.open("wb") as sparse:
        sparse.truncate(3 << 30)  # a sparse file: 3 GB on paper, nothing on disk
    done = run_limited(
        f"""
        from pathlib import Path
        from showcase.artifacts.question_bank import load_question_bank
        from showcase.errors import TemplateError
        try:
            load_question_bank(Path({str(bank)!r}))
        except TemplateError as exc:
            print(exc.format_message())
        """,
        memory_mib=768,
        cpu_seconds=20,
    )
    assert done.returncode == 0, done.stderr[-1000:]
    assert "larger than" in done.stdout
