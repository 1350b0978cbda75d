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


def test_the_bundled_banks_json_twin_is_current() -> None:
    from showcase.artifacts.question_bank import twin_text
    from showcase.render.bundled import bundled_templates_dir

    bank = bundled_templates_dir() / "interview" / "questions.yaml"
    assert bank.with_suffix(".json").read_text("utf-8") == twin_text(bank), (
        "templates/interview/questions.json is stale: python -m showcase.artifacts.question_bank"
    )


def test_the_bundled_bank_is_read_from_its_twin_without_a_yaml_parser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ruamel.yaml took ~20 ms of every cold build to parse it."""
    from showcase.artifacts import question_bank
    from showcase.profile import source
    from showcase.render.bundled import bundled_templates_dir

    def no_yaml(*args: object, **kwargs: object) -> object:
        raise AssertionError("the YAML was parsed")

    monkeypatch.setattr(source, "read_source", no_yaml)
    question_bank._parse_question_bank.cache_clear()
    bank = question_bank.load_question_bank(
        bundled_templates_dir() / "interview" / "questions.yaml"
    )
    assert len(bank) >= 10 and all(c.questions for c in bank)


def test_an_edited_bank_is_read_from_its_yaml_not_from_a_twin_made_before(
    tmp_path: Path,
) -> None:
    """A copy of the bundled templates in --templates carries the twin; once its YAML is
    edited, the digest no longer matches and the YAML is what counts."""
    import shutil

    from showcase.artifacts import question_bank
    from showcase.render.bundled import bundled_templates_dir

    folder = tmp_path / "interview"
    folder.mkdir()
    for name in ("questions.yaml", "questions.json"):
        shutil.copy(bundled_templates_dir() / "interview" / name, folder / name)
    text = (folder / "questions.yaml").read_text("utf-8")
    label = question_bank.load_question_bank(folder / "questions.yaml")[0].label
    (folder / "questions.yaml").write_text(text.replace(label, "Edited by hand", 1), "utf-8")
    assert question_bank.load_question_bank(folder / "questions.yaml")[0].label == "Edited by hand"


def _templates_with_bank(tmp_path: Path) -> Path:
    import shutil

    from showcase.render.bundled import bundled_templates_dir

    folder = tmp_path / "interview"
    folder.mkdir()
    for name in ("questions.yaml", "questions.json"):
        shutil.copy(bundled_templates_dir() / "interview" / name, folder / name)
    return folder / "questions.yaml"


@pytest.mark.parametrize(
    "twin",
    [
        b"",  # empty
        b"\x89PNG\r\n\x1a\n\x00\x00\x00",  # binary
        b'{"source_sha256": "',  # truncated
        b"[" * 100_000 + b"]" * 100_000,  # deeply nested
        b'{"source_sha256": "' + b"0" * 64 + b'", "bank": {}}',  # made from another YAML
        b" " * (2 * 2**20),  # larger than a twin may be
    ],
    ids=["empty", "binary", "truncated", "nested", "stale", "huge"],
)
def test_a_twin_that_cannot_serve_is_passed_over_for_its_yaml(tmp_path: Path, twin: bytes) -> None:
    from showcase.artifacts import question_bank

    bank = _templates_with_bank(tmp_path)
    bank.with_suffix(".json").write_bytes(twin)
    question_bank._parse_question_bank.cache_clear()
    loaded = question_bank.load_question_bank(bank)
    assert len(loaded) >= 10 and all(c.questions for c in loaded)


def test_a_twin_of_this_yaml_with_a_broken_bank_names_the_twin(tmp_path: Path) -> None:
    import hashlib
    import json

    from showcase.artifacts import question_bank
    from showcase.errors import TemplateError

    bank = _templates_with_bank(tmp_path)
    digest = hashlib.sha256(bank.read_bytes()).hexdigest()
    broken = {"source_sha256": digest, "bank": {"analysis": {"label": "Analysis"}}}
    bank.with_suffix(".json").write_text(json.dumps(broken), "utf-8")
    question_bank._parse_question_bank.cache_clear()
    with pytest.raises(TemplateError, match=r"questions\.json: competency `analysis` needs"):
        question_bank.load_question_bank(bank)
