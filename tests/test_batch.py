"""Building many profiles (`showcase build`): what each build records in its folder."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from showcase.batch import BuildOptions, run_build
from tests.conftest import EXAMPLES


def _feed(pipe: Path, data: bytes) -> threading.Thread:
    def write() -> None:
        with pipe.open("wb") as out:
            out.write(data)

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


@pytest.mark.slow
def test_a_profile_read_from_a_pipe_can_be_built_again_into_its_folder(tmp_path: Path) -> None:
    """`build <(cat profile.yaml) -o out` twice: the second was refused, `out` holding
    "what showcase built from /proc/652/fd/pipe:[1258564]", a name no run has twice."""
    text = (EXAMPLES / "minimal.yaml").read_bytes()
    for run in range(2):
        pipe = tmp_path / f"profile-{run}.yaml"
        os.mkfifo(pipe)
        writer = _feed(pipe, text)
        [outcome] = run_build([pipe], tmp_path / "out", BuildOptions(cache=False), jobs=1)
        writer.join(5)
        assert outcome.complete, (outcome.errors, outcome.refused)
    assert ".owner" not in (tmp_path / "out" / ".showcase-manifest.json").read_text()
