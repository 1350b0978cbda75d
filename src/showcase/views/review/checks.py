"""The review's checks: each credential's signals, then the findings (`CHECKS` in
`table.py` says when each code applies and what its fix says)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from showcase.profile import Credential, LoadedProfile, Status
from showcase.profile.loaded import earns_letters
from showcase.profile.models import Assessment
from showcase.strategy import catalog as cat
from showcase.strategy.field import credential_terms, fields_of, person_field
from showcase.strategy.postings import Posting
from showcase.strategy.renewals import Renewal, renewals
from showcase.strategy.requirements import asked_terms
from showcase.strategy.vocabulary import Field_, Term, normalize
from showcase.views.resume import resume_credentials
from showcase.views.review.table import CHECKS, SEVERITIES

CODES: dict[str, str] = {check.code: check.severity for check in CHECKS}
UNFOCUSED_MIN = 5  # credentials on the resume before a spread can look unfocused
UNRELATED_MIN = 3
STACK_MIN = 3  # "several complementary credentials" make a stack
STALE_YEARS = 5
FAST_FIELDS = frozenset(
    {Field_.CLOUD, Field_.CYBERSECURITY, Field_.SOFTWARE, Field_.DATA, Field_.MARKETING}
)
FIELD_LABELS = {
    Field_.IT_SUPPORT: "IT support",
    Field_.UX: "UX",
    Field_.HR: "HR",
    Field_.HEALTHCARE_ADMIN: "Healthcare administration",
    Field_.CUSTOMER_SUCCESS: "Customer success / support",
}


def field_label(value: Field_) -> str:
    return FIELD_LABELS.get(value, value.value.replace("-", " ").capitalize())


@dataclass(frozen=True)
class Finding:
    code: str
    credentials: tuple[str, ...]  # names
    message: str
    fix: str

    @property
    def severity(self) -> str:
        return CODES[self.code]


@dataclass(frozen=True)
class Signals:
    """What a recruiter weighs about one credential."""

    assessment: Assessment | None  # the profile's, else the catalog's
    hands_on_project: bool  # assessed by a project, or a project names it
    recognised_issuer: bool
    catalog_id: str | None
    status: Status
    expires: dt.date | None
    days_left: int | None
    fields: tuple[Field_, ...]  # most of its terms first
    on_resume: bool
    related: bool | None  # to the posting, with --for

    @property
    def assessed(self) -> bool | None:
        """Exam, graded or project: True; completion only: False; not said: None."""
        return None if self.assessment is None else self.assessment != Assessment.NONE


@dataclass
class Review:
    name: str
    credentials: list[tuple[Credential, Signals]]
    findings: list[Finding] = field(default_factory=list)
    posting: Posting | None = None


def _lifecycle(credential: Credential, entry: cat.Entry | None, today: dt.date) -> list[Finding]:
    """A renamed credential: the new name recruiters search for (the earned name stays on the
    resume). A retired one: the day, and what it means for renewing."""
    if entry is None:
        return []
    if entry.status == cat.Lifecycle.RENAMED:
        later = cat.successor(entry)
        if later is None or normalize(later.name) == normalize(credential.name):
            return []
        return [
            Finding(
                "renamed",
                (credential.name,),
                f"{entry.issuer} renamed {entry.name} to {later.name}; recruiters and "
                "applicant-tracking systems search for the new name.",
                "Keep the name you earned on your resume (it is what the certificate says); "
                f"add `{later.name}` to its `skills:` so searches for the new name find it.",
            )
        ]
    if entry.status == cat.Lifecycle.RETIRED and entry.retired_on is not None:
        day = entry.retired_on.isoformat()
        retired = entry.retired_on <= today
        return [
            Finding(
                "retired",
                (credential.name,),
                f"{entry.issuer} {'retired' if retired else 'retires'} {entry.name} on {day}"
                + ("; it can no longer be renewed." if retired else "; renewing ends then."),
                "It still counts as earned; keep it while it is valid, and plan what replaces "
                "it (`showcase gaps` suggests current credentials).",
            )
        ]
    return []


# --- The review ------------------------------------------------------------------------------


def review(loaded: LoadedProfile, posting: Posting | None = None) -> Review:
    """Findings and signals for the credentials of `loaded`, against `posting` if given."""
    profile = loaded.profile
    on_resume = resume_credentials(loaded)
    resume_ids = {c.id for c in on_resume}
    renewal: dict[str, Renewal] = {r.credential.id: r for r in renewals(loaded).rows}  # dated
    posting_terms: set[Term] = set(asked_terms(posting)) if posting else set()
    posting_fields = set(fields_of(list(posting_terms)))
    with_project = {p.credential for p in profile.projects if p.credential}

    signals: dict[str, Signals] = {}
    terms_of: dict[str, list[Term]] = {}
    entries: dict[str, cat.Entry | None] = {}
    for credential in profile.credentials:
        terms = terms_of[credential.id] = credential_terms(credential)
        fields = fields_of(terms)
        entry = entries[credential.id] = cat.match(credential)
        row = renewal.get(credential.id)
        assessment = credential.assessment or (entry.assessment if entry else None)
        signals[credential.id] = Signals(
            assessment=assessment,
            hands_on_project=assessment == Assessment.PROJECT or credential.id in with_project,
            recognised_issuer=cat.issuer_recognised(credential.issuer)
            or (entry is not None and cat.catalog().is_recognised(entry)),
            catalog_id=entry.id if entry else None,
            status=loaded.status(credential),
            expires=row.expires if row else None,
            days_left=row.days_left if row else None,
            fields=fields,
            on_resume=credential.id in resume_ids,
            related=(bool(posting_fields & set(fields)) or bool(posting_terms & set(terms)))
            if posting
            else None,
        )

    result = Review(profile.name, [(c, signals[c.id]) for c in profile.credentials])
    result.posting = posting
    add = result.findings.append
    stacked = {cid for stack in profile.stacks for cid in stack.credentials}

    # The section as a whole: focus, assessment, stacks.
    add_all(add, _unfocused(loaded, on_resume, signals, stacked, posting, posting_fields))
    completion = [c for c in on_resume if signals[c.id].assessment == Assessment.NONE]
    if len(on_resume) >= 3 and len(completion) * 2 > len(on_resume):
        add(
            Finding(
                "completion-only-heavy",
                names(completion),
                f"{len(completion)} of the {len(on_resume)} credentials on your resume are "
                "completion-only (watched, not assessed): a recruiter discounts the section.",
                f"Hide the weakest from the resume ({hide_yaml(completion)}) or set "
                "`resume.max_credentials`, and lead with assessed ones: an exam- or "
                "project-assessed credential in your field (`showcase gaps` suggests some).",
            )
        )
    for value, members in _unstacked_groups(on_resume, signals, stacked):
        add(
            Finding(
                "no-stack",
                names(members),
                f"{len(members)} {field_label(value)} credentials are not grouped: as a stack "
                "they show a specialisation, not a list of courses.",
                f"Add under `stacks:` a stack named for the specialisation "
                f"(e.g. `name: {field_label(value)}`) with `credentials: "
                f"[{', '.join(c.id for c in members)}]` and its `target_role`.",
            )
        )

    # One credential at a time.
    for credential in profile.credentials:
        s = signals[credential.id]
        row = renewal.get(credential.id)
        if credential.post_nominal and not earns_letters(credential):
            add(
                Finding(
                    "post-nominal-misuse",
                    (credential.name,),
                    f"`{credential.post_nominal}` after your name claims an exam-based "
                    f"certification; {credential.name} is a {credential.kind.value}"
                    + (
                        f" ({credential.assessment.value} assessment)"
                        if credential.assessment
                        else ""
                    )
                    + ", which carries no letters.",
                    "Remove `post_nominal:` from it; if it really is an exam-based certification "
                    "from a certifying body, set `kind: certification` and `assessment: exam`.",
                )
            )
        add_all(add, _lifecycle(credential, entries[credential.id], loaded.today))
        if row is not None and s.status == Status.EXPIRED:
            add(
                Finding(
                    "expired",
                    (credential.name,),
                    f"{credential.name} expired on {row.expires.isoformat()} ({row.when}); "
                    "the resume leaves it out, but LinkedIn may still show it as current.",
                    f"Renew it, or update `expires:` if you already did. {row.takes_sentence}.",
                )
            )
        elif row is not None and s.status == Status.EXPIRING:
            add(
                Finding(
                    "expiring",
                    (credential.name,),
                    f"{credential.name} expires on {row.expires.isoformat()} ({row.when}).",
                    f"Renew it now. {row.takes_sentence}. `showcase renewals -o DIR` puts the "
                    "date in your calendar.",
                )
            )
        if not s.on_resume:
            continue
        fast = [f for f in s.fields if f in FAST_FIELDS]
        if fast and credential.issued.last_day < years_before(loaded.today, STALE_YEARS):
            add(
                Finding(
                    "stale",
                    (credential.name,),
                    f"{credential.name} was issued {credential.issued.short()}, more than "
                    f"{STALE_YEARS} years ago, and {field_label(fast[0]).lower()} moves fast: "
                    "a recruiter will ask what you have learned since.",
                    "Earn its current version or a newer credential in the field, or hide it "
                    f"from the resume ({hide_yaml([credential])}).",
                )
            )
        if not credential.url and not credential.credential_id:
            add(
                Finding(
                    "unverifiable",
                    (credential.name,),
                    f"{credential.name} has no verification URL and no credential ID: "
                    "a recruiter cannot check it.",
                    "Add `url:` (the issuer's verification page, e.g. a Credly or Coursera "
                    "link) or `credential_id:` (the id printed on the certificate).",
                )
            )
        if (
            credential.featured
            and credential.id not in with_project
            and not credential.learned
            and not credential.applied
        ):
            add(
                Finding(
                    "weak-evidence",
                    (credential.name,),
                    f"{credential.name} is featured, but nothing says what it taught you or "
                    "how you used it: in an interview it is a name, not a story.",
                    "Add `learned:` and `applied:` (a sentence each, ideally with a result), "
                    f"or a project with `credential: {credential.id}`.",
                )
            )
    job = loaded.current_job
    if loaded.seeks_publicly and job is not None:
        add(
            Finding(
                "public-search",
                (),
                f"Your posts and headline say you are looking for "
                f"{' or '.join(loaded.open_roles)} roles, while you work at "
                f"{job.organization}: everyone there can read them.",
                "Unless your employer knows, drop `visibility: public` from `open_to` "
                "(recruiters only, the default); `showcase linkedin` then explains LinkedIn's "
                "recruiters-only Open to work setting.",
            )
        )
    result.findings.sort(key=lambda f: SEVERITIES.index(f.severity))
    return result


def add_all(add: Any, findings: list[Finding]) -> None:
    for finding in findings:
        add(finding)


def names(credentials: list[Credential]) -> tuple[str, ...]:
    return tuple(c.name for c in credentials)


def hide_yaml(credentials: list[Credential]) -> str:
    return f"`resume: {{hide: [{', '.join(c.id for c in credentials)}]}}`"


def years_before(today: dt.date, years: int) -> dt.date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def _focus(
    loaded: LoadedProfile,
    on_resume: list[Credential],
    signals: dict[str, Signals],
    stacked: set[str],
    posting_fields: set[Field_] | None,
) -> list[Field_]:
    """The fields the section should be about, the main one first: the posting's; else
    the person's own field (their title, headline, target roles: `person_field`) and the
    stacks' fields."""
    if posting_fields is not None:
        return sorted(posting_fields)
    focus = list(person_field(loaded)[:1])
    for c in on_resume:
        if c.id in stacked:
            focus += [f for f in signals[c.id].fields[:1] if f not in focus]
    return focus


def _unfocused(
    loaded: LoadedProfile,
    on_resume: list[Credential],
    signals: dict[str, Signals],
    stacked: set[str],
    posting: Posting | None,
    posting_fields: set[Field_],
) -> list[Finding]:
    if len(on_resume) < UNFOCUSED_MIN:
        return []
    focus = _focus(loaded, on_resume, signals, stacked, posting_fields if posting else None)

    def related(c: Credential) -> bool:
        s = signals[c.id]
        return bool(s.related) if posting else bool(set(focus) & set(s.fields))

    unrelated = [c for c in on_resume if c.id not in stacked and not related(c)]
    if len(unrelated) < UNRELATED_MIN or len(unrelated) * 2 < len(on_resume):
        return []
    spread = {s.fields[0] for c in unrelated if (s := signals[c.id]).fields}
    target = (
        f"the posting{f' ({posting.title})' if posting.title else ''}"
        if posting
        else ", ".join(field_label(f) for f in focus) or "one field"
    )
    core = [c for c in on_resume if c not in unrelated and c.id not in stacked]
    fix = ""
    if len(core) >= 2:
        label = field_label(focus[0]) if focus else "your field"
        fix = (
            f"These {len(core)} form a {label} stack ({', '.join(c.id for c in core)}): "
            "list them under `stacks:`. "
        )
    fix += (
        f"These {len(unrelated)} say nothing about {target}: hide them from the resume "
        f"({hide_yaml(unrelated)}); they stay on LinkedIn."
    )
    return [
        Finding(
            "unfocused",
            names(unrelated),
            f"{len(unrelated)} of the {len(on_resume)} credentials on your resume are unrelated "
            f"to {target}"
            + (f", spread over {len(spread)} other fields" if len(spread) > 1 else "")
            + ", with no stack tying them together: the section looks like a badge collection.",
            fix,
        )
    ]


def _unstacked_groups(
    on_resume: list[Credential], signals: dict[str, Signals], stacked: set[str]
) -> list[tuple[Field_, list[Credential]]]:
    groups: dict[Field_, list[Credential]] = {}
    for credential in on_resume:
        fields = signals[credential.id].fields
        if credential.id not in stacked and fields:
            groups.setdefault(fields[0], []).append(credential)
    return [(value, members) for value, members in groups.items() if len(members) >= STACK_MIN]
