"""`record_application` (`apply.py`) while another process records the same job."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from showcase import apply, batch
from showcase.tracker.statuses import TrackerError
from showcase.tracker.store import NewApplication, Store
from tests.conftest import EXAMPLES, ROOT


def test_the_same_job_recorded_by_another_apply_meanwhile_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two `apply` of one posting at once: each checked for the job before its build and
    added it after, so both were recorded (applications 1 and 2, same title and company),
    though applying twice is refused without --again."""
    posting = tmp_path / "acme.txt"
    shutil.copy(ROOT / "tests" / "data" / "postings" / "01-acme-outdoor.txt", posting)
    database = tmp_path / "t.db"
    real_build = batch.run_build

    def build_while_another_apply_records(*args: Any, **kwargs: Any) -> Any:
        outcome = real_build(*args, **kwargs)
        with Store(database) as other:  # the other process, done first
            other.add(NewApplication("Digital Marketing Manager", "Acme Outdoor Co."))
        return outcome

    monkeypatch.setattr(batch, "run_build", build_while_another_apply_records)
    with pytest.raises(TrackerError, match="already recorded as application 1 "):
        apply.record_application(
            EXAMPLES / "minimal.yaml", posting, output=tmp_path / "out", db=str(database),
            url=None, status="applied", on=None, title=None, company=None,
        )  # fmt: skip
    with Store(database) as store:
        assert [i["id"] for i in store.listing()] == [1]
