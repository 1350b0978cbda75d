"""The interview question bank (templates/interview/questions.yaml, or the one in --templates)
read from disk, parsed once per content; the interview view receives it as `Competency`
values and reads no file itself.
"""

from __future__ import annotations

import hashlib
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


@lru_cache(maxsize=8)
def _parse_question_bank(path: Path, digest: str) -> tuple[Competency, ...]:
    from showcase.errors import ProfileError
    from showcase.profile.source import read_source

    try:
        data: Any = read_source(path).data
    except ProfileError as exc:
        raise TemplateError(f"question bank {path}: {exc.format_message()}") from None
    bank = []
    if not isinstance(data, dict):
        raise TemplateError(f"question bank {path}: expected a mapping of competencies")
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
                f"question bank {path}: competency `{key}` needs label, keywords and questions "
                f"({exc})"
            ) from None
    return tuple(bank)
