"""The editor's tests share one way to run a real editor server on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from showcase.editor.server import EditorServer
from showcase.editor.session import ProfileFile
from tests.conftest import TODAY


@contextmanager
def serving(path: Path) -> Iterator[EditorServer]:
    """An editor of the profile at `path`, started, and stopped afterwards."""
    server = EditorServer(ProfileFile(path, today=TODAY))
    server.start()
    try:
        yield server
    finally:
        server.stop()
