"""`showcase apply`: the kit for one posting, built (or reused), then recorded."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from showcase.tracker.rows import already_recorded
from showcase.tracker.statuses import TrackerError, status_name
from showcase.tracker.store import DEFAULT_NAME, NewApplication, Store
from showcase.tracker.transfer import plain

SENT_FORMATS = ("pdf", "docx")  # the resume files one sends; the others are for the web
DB_ENV = "SHOWCASE_DB"


def default_db(profile: Path | None, db: str | None) -> str:
    """--db (or SHOWCASE_DB), else showcase.db beside the profile (or in this folder)."""
    chosen = db or os.environ.get(DB_ENV)
    if chosen:
        return chosen
    return str((profile.absolute().parent if profile else Path.cwd()) / DEFAULT_NAME)


@dataclass(frozen=True)
class Recorded:
    id: int
    title: str
    company: str
    status: str
    applied_on: str | None
    coverage: float | None
    kit: Path
    files: tuple[str, ...]
    db: str
    reused: bool = False  # the kit was already there: no file changed, no PDF laid out


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
    again: bool = False,
    force: bool = False,
    paper: str = "letter",
    templates_dir: Path | None = None,
    today: dt.date | None = None,
) -> Recorded:
    """Build (or reuse) the `--for` kit of `posting`, then store the application: the
    posting's text, the PDF and DOCX resumes sent (with their SHA-256) and the match
    coverage. Nothing is recorded unless the kit was written completely."""
    from showcase.batch import BuildOptions, run_build
    from showcase.files import match_files, resume_files
    from showcase.profile import load_profile
    from showcase.strategy.tailor import kept_stdin, read_for

    status = status_name(status)
    # A bad profile or an unreadable posting fails before anything is built or opened.
    name = load_profile(profile, today=today).profile.name
    tailor = read_for(posting, named="POSTING")
    shown = posting  # as the user named it (`-` for standard input)
    if str(posting) == "-":
        posting = kept_stdin(tailor)
    given_company, given_title = _given(company, "--company"), _given(title, "--title")
    company = given_company or tailor.posting.company
    title = given_title or _without_company(tailor.posting.title, company)
    # Open (and migrate) the database first: a bad --db must not cost a build.
    with Store(default_db(profile, db)) as store:
        if title and company and not again:
            earlier = store.find(title, company)
            if earlier:
                raise TrackerError(already_recorded(title, company, earlier, store.shown))
        _kit_is_free(store, output / f"for-{tailor.stem}", title, company, str(shown) == "-")
        options = BuildOptions(
            today=today,
            templates_dir=templates_dir,
            force=force,
            paper=paper,
            for_posting=posting,
            # What the user said of the job: the cover letter names it, not "your company".
            posting_title=given_title,
            posting_company=given_company,
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
        sent = {
            file: (kit / file).read_bytes()
            for file in resume_files(name, SENT_FORMATS).values()
            if (kit / file).is_file()
        }
        missing = [o for o, v in (("--title", title), ("--company", company)) if not v]
        if missing:
            raise TrackerError(
                f"{shown}: the posting does not say its {' or '.join(m[2:] for m in missing)}; "
                f"give {' and '.join(missing)}"
            )
        coverage = report.get("coverage")
        app_id = store.add(
            NewApplication(
                title=str(title),
                company=str(company),
                status=status,
                on=on,
                url=url,
                coverage=None if coverage is None else float(coverage),
                profile=name,
                kit=str(kit.absolute()),
                posting_name=Path(str(tailor.posting.source)).name,
                posting_text=tailor.posting.text,
                files=sent,
            ),
            today=today,
            once=not again,  # another apply may have recorded it during the build
        )
        item = store.get(app_id)
        return Recorded(
            app_id,
            str(title),
            str(company),
            status,
            item["applied_on"],
            item["coverage"],
            kit,
            tuple(sent),
            store.shown,
            reused=bool(outcome.written)
            and len(outcome.unchanged) == len(outcome.written)
            and not outcome.made,
        )


def _kit_is_free(
    store: Store, kit: Path, title: str | None, company: str | None, stdin: bool
) -> None:
    """Refuse to build into a kit folder recorded for another job: two postings saved under
    one name (job.pdf) share `for-job`, and the second kit would replace the first's."""
    job = ((title or "").casefold(), (company or "").casefold())
    for other in store.with_kit(str(kit.absolute())):
        if (other["title"].casefold(), other["company"].casefold()) != job:
            raise TrackerError(
                f"{kit} holds the kit of application {other['id']} ({other['title']} at "
                f"{other['company']}), which this posting's kit would replace: "
                + (
                    "save the posting to a file named for the job and apply with that"
                    if stdin
                    else "rename the posting's file"
                )
                + ", or give another folder with -o"
            )


def _one_line(text: str | None) -> str | None:
    """`--title` and `--company` as one line: a line break would split a row of `list`."""
    return " ".join(text.split()) if text else text


def _given(text: str | None, option: str) -> str | None:
    """`--title` or `--company` as one line, refused before anything is built if it holds
    a control character, as the tracker refuses it: it goes into the cover letter too (a
    terminal escape there was python-docx's internal error)."""
    line = _one_line(text)
    return plain(line, option) if line else line


def _without_company(title: str | None, company: str | None) -> str | None:
    """A job board's "Analyst - Acme" or "Analyst at Acme" title, as "Analyst"."""
    if not title or not company:
        return title
    for joint in (" - ", " – ", " — ", " | ", " at ", ", "):
        suffix = f"{joint}{company}"
        if title.casefold().endswith(suffix.casefold()) and len(title) > len(suffix):
            return title[: -len(suffix)].rstrip()
    return title
