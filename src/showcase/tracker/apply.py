"""`showcase apply`: the kit for one posting, built (or reused), then recorded."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from showcase.tracker.statuses import TrackerError
from showcase.tracker.store import DEFAULT_NAME, NewApplication, Store

SENT_FORMATS = ("pdf", "docx")  # the resume files one sends; the others are for the web


def default_db(profile: Path, db: str | None) -> str:
    """--db, else showcase.db beside the profile."""
    return db if db else str(profile.absolute().parent / DEFAULT_NAME)


@dataclass(frozen=True)
class Recorded:
    id: int
    title: str
    company: str
    status: str
    coverage: float | None
    kit: Path
    db: str


def record_application(
    profile: Path,
    posting: Path,
    *,
    output: Path,
    db: str | None,
    url: str | None,
    status: str,
    on: dt.date | None,
    title: str | None,
    company: str | None,
    force: bool = False,
    paper: str = "letter",
    templates_dir: Path | None = None,
) -> Recorded:
    from showcase.artifacts.files import match_files, resume_files
    from showcase.batch import BuildOptions, run_build
    from showcase.strategy.tailor import read_for

    tailor = read_for(posting)  # an unreadable posting fails before anything is built
    # Open (and migrate) the database first: a bad --db must not cost a build.
    with Store(default_db(profile, db)) as store:
        options = BuildOptions(
            today=None, templates_dir=templates_dir, force=force, paper=paper, for_posting=posting
        )
        (outcome,) = run_build([profile], output, options)
        if not outcome.ok or outcome.folder is None:
            raise TrackerError(
                f"{profile}: the kit was not built, so nothing was recorded:\n  "
                + "\n  ".join(outcome.errors)
            )
        if outcome.refused:
            raise TrackerError(
                "the kit was not written completely, so nothing was recorded:\n  "
                + "\n  ".join(outcome.refused)
            )
        kit = outcome.folder
        report = json.loads((kit / match_files(tailor.stem)["json"]).read_text("utf-8"))
        from showcase.profile import load_profile

        name = load_profile(profile).profile.name
        sent = {
            file: (kit / file).read_bytes()
            for file in resume_files(name, SENT_FORMATS).values()
            if (kit / file).is_file()
        }
        title = title or report.get("title") or tailor.posting.title
        company = company or report.get("company") or tailor.posting.company
        missing = [o for o, v in (("--title", title), ("--company", company)) if not v]
        if missing:
            raise TrackerError(
                f"{posting}: the posting does not say its {' or '.join(m[2:] for m in missing)}; "
                f"give {' and '.join(missing)}"
            )
        app_id = store.add(
            NewApplication(
                title=str(title),
                company=str(company),
                status=status,
                on=on,
                url=url,
                coverage=report.get("coverage"),
                profile=name,
                kit=str(kit.absolute()),
                posting_name=Path(str(tailor.posting.source)).name,
                posting_text=tailor.posting.text,
                files=sent,
            )
        )
        return Recorded(
            app_id, str(title), str(company), status, report.get("coverage"), kit, store.shown
        )
