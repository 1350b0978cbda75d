"""The interview question bank (templates/interview/questions.yaml, or the one in --templates)
read from disk, parsed once per content; the interview view receives it as `Competency`
values and reads no file itself.

The bundled bank ships with a JSON twin (`questions.json`, with the SHA-256 of the YAML it
was made from): ruamel.yaml took ~20 ms to parse it in every cold build, on the way to the
interview sheet's HTML the PDF helper waits for. The twin is used only while its digest
matches the YAML beside it, so an edited bank (the bundled one, or a copy in --templates)
is read from its YAML. After editing the bundled bank: ``python -m
showcase.artifacts.question_bank`` (a test says so when the twin is stale).
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from showcase.errors import TemplateError
from showcase.views.interview.questions import Competency


def load_question_bank(path: Path) -> tuple[Competency, ...]:
    """The competencies and questions of `path`, parsed once per content.

    `showcase watch` rebuilds many times in one process; parsing the bank with
    ruamel.yaml each time would be a third of a LinkedIn edit's rebuild.
    """
    from showcase.profile.source import MAX_FILE_BYTES
    from showcase.reading import TooLarge, read_bounded

    try:  # bounded as the YAML reader is (a bank in --templates is the user's file)
        digest = hashlib.sha256(read_bounded(path, MAX_FILE_BYTES)).hexdigest()
    except (OSError, TooLarge):
        digest = ""  # reading it again reports the error
    return _parse_question_bank(path, digest)


TWIN_LIMIT = 2**20  # bytes of a questions.json: the bundled one is ~7 KB


def _twin(path: Path, digest: str) -> Any:
    """The data of `path`'s JSON twin when it was made from this very YAML, else None."""
    from showcase.reading import TooLarge, read_bounded

    if not digest:
        return None
    try:
        twin = json.loads(read_bounded(path.with_suffix(".json"), TWIN_LIMIT))
    except (OSError, TooLarge, ValueError, RecursionError):
        return None
    if not isinstance(twin, dict) or twin.get("source_sha256") != digest:
        return None
    return twin.get("bank")


def twin_text(path: Path) -> str:
    """What `path`'s JSON twin must hold: the bank as parsed, and the digest of its YAML."""
    from showcase.profile.source import read_source

    bank = read_source(path).data
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return json.dumps({"source_sha256": digest, "bank": bank}, ensure_ascii=False, indent=1) + "\n"


@lru_cache(maxsize=8)
def _parse_question_bank(path: Path, digest: str) -> tuple[Competency, ...]:
    from showcase.errors import ProfileError
    from showcase.profile.source import read_source

    data: Any = _twin(path, digest)
    source = path.with_suffix(".json")  # what the messages name: the file the data came from
    if data is None:
        source = path
        try:
            data = read_source(path).data
        except ProfileError as exc:
            raise TemplateError(f"question bank {path}: {exc.format_message()}") from None
    bank = []
    if not isinstance(data, dict):
        raise TemplateError(f"question bank {source}: expected a mapping of competencies")
    for key, entry in data.items():
        try:
            bank.append(
                Competency(
                    key=str(key),
                    label=str(entry["label"]),
                    keywords=tuple(str(k).lower() for k in entry["keywords"]),
                    questions=tuple(str(q) for q in entry["questions"]),
                    needs=str(entry["needs"]) if entry.get("needs") else None,
                )
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise TemplateError(
                f"question bank {source}: competency `{key}` needs label, keywords and "
                f"questions ({exc})"
            ) from None
    return tuple(bank)


def main() -> None:  # pragma: no cover - a maintainer's tool
    """Rewrite the bundled bank's JSON twin from its YAML (run from a checkout)."""
    from showcase.render.bundled import bundled_templates_dir

    path = bundled_templates_dir() / "interview" / "questions.yaml"
    path.with_suffix(".json").write_text(twin_text(path), "utf-8")
    print(f"wrote {path.with_suffix('.json')}")


if __name__ == "__main__":  # pragma: no cover
    main()
