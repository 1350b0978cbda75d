"""A PDF's objects are made into bytes once per write (`pdfobjects.kept_once`): the same
file, byte for byte, with each stream compressed once instead of twice."""

from __future__ import annotations

import contextlib
import datetime as dt
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pydyf
import pytest

from showcase.artifacts.interview import render_interview
from showcase.artifacts.resume import render_resume
from showcase.profile import load_profile
from showcase.render import pdf
from showcase.render.pdfobjects import kept_once

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))
TODAY = dt.date(2026, 11, 28)


def _pdfs(profile: Path) -> dict[str, bytes]:
    loaded = load_profile(profile, today=TODAY)
    made = {**render_resume(loaded, formats=["pdf"]).files}
    if profile == EXAMPLES[0]:  # the three-page sheet once: it is the slowest to lay out
        made.update(render_interview(loaded, formats=["pdf"]).files)
    return made


@pytest.mark.parametrize("profile", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_example_writes_the_same_bytes_as_pydyf_alone(
    profile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = _pdfs(profile)
    monkeypatch.setattr(pdf, "kept_once", contextlib.nullcontext)
    assert _pdfs(profile) == kept
    assert kept and all(data.startswith(b"%PDF-") for data in kept.values())


@contextlib.contextmanager
def _compressions() -> Iterator[Counter[bytes]]:
    """What pydyf compresses, each input with the number of times it was."""
    seen: Counter[bytes] = Counter()

    class Recording:
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            self._real = zlib.compressobj(*args, **kwargs)
            self._input = b""

        def compress(self, data: bytes) -> bytes:
            self._input += data
            return self._real.compress(data)

        def flush(self, *args: Any) -> bytes:
            seen[self._input] += 1
            return self._real.flush(*args)

    original = pydyf.zlib
    pydyf.zlib = SimpleNamespace(compressobj=Recording, compress=zlib.compress)
    try:
        yield seen
    finally:
        pydyf.zlib = original


def test_each_stream_is_compressed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    html = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T</title></head>'
        "<body><h1>Once</h1><p>Each stream, <b>once</b>.</p></body></html>"
    )
    with _compressions() as once:
        pdf.html_to_pdf(html)
    monkeypatch.setattr(pdf, "kept_once", contextlib.nullcontext)
    with _compressions() as twice:
        pdf.html_to_pdf(html)
    assert once and set(once.values()) == {1}
    # pydyf alone: the pages and fonts written, then made again to hash the file
    assert sum(count == 2 for count in twice.values()) >= 3
    assert set(once) == set(twice)


def test_pydyf_gets_its_own_properties_back_even_after_a_failure() -> None:
    own = pydyf.Stream.__dict__["data"], pydyf.Dictionary.__dict__["data"]
    with pytest.raises(RuntimeError), kept_once():
        assert pydyf.Stream.__dict__["data"] is not own[0]
        raise RuntimeError
    assert (pydyf.Stream.__dict__["data"], pydyf.Dictionary.__dict__["data"]) == own


def test_an_object_changed_between_two_writes_is_made_again() -> None:
    stream = pydyf.Stream([b"BT ET"], compress=True)
    with kept_once():
        first = stream.data
        assert stream.data is first  # kept within one write
    stream.stream.append(b"q Q")
    with kept_once():
        assert stream.data != first  # a new write makes it afresh


def test_a_pydyf_without_the_property_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(pydyf.Stream, "data")
    monkeypatch.setattr(pydyf.Stream, "data", b"plain", raising=False)
    with kept_once():
        assert pydyf.Stream.data == b"plain"
    assert pydyf.Stream.data == b"plain"
