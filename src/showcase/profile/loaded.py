"""A validated profile together with the values derived from it for one `today`.

Every artifact needs the same derived facts (is this credential still valid?
which letters follow the name?), so they are computed once, here, and views
read them instead of working them out again.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path

from showcase.errors import Problem
from showcase.profile.models import Assessment, Credential, Experience, Kind, Profile, Stack
from showcase.profile.types import PartialDate

EXPIRING_WINDOW_DAYS = 90  # docs/profile-format.md: "expiring when expires is within 90 days"


class Status(StrEnum):
    ACTIVE = "active"
    EXPIRING = "expiring"
    EXPIRED = "expired"


def credential_status(credential: Credential, today: dt.date) -> Status:
    """Active, expiring (within 90 days) or expired, as of `today`.

    A partial expiry date counts until the end of its period: ``expires: 2027-02``
    is valid through 28 February 2027.
    """
    if credential.expires is None:
        return Status.ACTIVE
    last = credential.expires.last_day
    if last < today:
        return Status.EXPIRED
    if (last - today).days <= EXPIRING_WINDOW_DAYS:
        return Status.EXPIRING
    return Status.ACTIVE


def _renewal_key(credential: Credential) -> tuple[str, str]:
    return credential.name.casefold(), credential.issuer.casefold()


def earns_letters(credential: Credential) -> bool:
    """Whether `credential` may put letters after a name: the one place of this rule.

    Only formal certifications (and licences) from a certifying body, earned by
    exam, carry post-nominal letters ("PMP", "CPA"); a platform certificate, a
    badge or a course never does, whatever its `post_nominal` says (docs/design.md:
    "Post-nominals ... Only exam-based certifications from a certifying body").
    """
    return credential.kind in (Kind.CERTIFICATION, Kind.LICENSE) and credential.assessment in (
        None,
        Assessment.EXAM,
    )


def proven_by_exam(credential: Credential) -> bool:
    """Whether "certified" is true of it: a certification, a licence, or an exam."""
    return (
        credential.kind in (Kind.CERTIFICATION, Kind.LICENSE)
        or credential.assessment == Assessment.EXAM
    )


@dataclass(frozen=True)
class LoadedProfile:
    """A profile, the file it came from, and what holds for it on `today`."""

    profile: Profile
    path: Path | None
    today: dt.date
    warnings: tuple[Problem, ...] = ()
    statuses: dict[str, Status] = field(default_factory=dict)
    file: str = "<profile>"  # the name messages give the profile

    @classmethod
    def build(
        cls,
        profile: Profile,
        *,
        today: dt.date,
        path: Path | None = None,
        warnings: tuple[Problem, ...] = (),
        file: str | None = None,
    ) -> LoadedProfile:
        statuses = {c.id: credential_status(c, today) for c in profile.credentials}
        name = file or (str(path) if path is not None else "<profile>")
        return cls(profile, path, today, warnings, statuses, name)

    @property
    def folder(self) -> Path:
        return self.path.parent if self.path is not None else Path.cwd()

    def status(self, credential: Credential) -> Status:
        return self.statuses[credential.id]

    def is_valid(self, credential: Credential) -> bool:
        """Not expired: active or expiring."""
        return self.statuses[credential.id] != Status.EXPIRED

    @property
    def valid_credentials(self) -> list[Credential]:
        return [c for c in self.profile.credentials if self.is_valid(c)]

    @property
    def post_nominals(self) -> list[str]:
        """Letters after the name: from valid exam-based certifications, in order, once each."""
        return [str(credential.post_nominal) for credential in self.lettered]

    @property
    def lettered(self) -> list[Credential]:
        """The credentials that give the `post_nominals`, one for each letters (the first),
        but for letters the name already carries ("Ana Reyes, RN, BSN": not "..., RN" again)."""
        found: list[Credential] = []
        _, *carried = (part.strip() for part in self.profile.name.split(","))
        letters: set[str] = {part.casefold() for part in carried}
        for credential in self.valid_credentials:
            letter = credential.post_nominal
            if letter and earns_letters(credential) and letter.casefold() not in letters:
                letters.add(letter.casefold())
                found.append(credential)
        return found

    @property
    def complete_stacks(self) -> list[Stack]:
        """Stacks whose credentials are all still valid: the ones worth announcing."""
        return [
            stack
            for stack in self.profile.stacks
            if stack.credentials
            and all(self.is_valid(self.profile.credential(cid)) for cid in stack.credentials)
        ]

    def renews(self, credential: Credential) -> Credential | None:
        """The earlier credential `credential` renews: the same name from the same issuer,
        issued before it (the latest such; of several on that date, the first listed). A
        recertification is recorded as a new entry (a new date, id and expiry), so this is
        the one place that tells a renewal from a first award.

        Answered from an index built once (`_by_name`): asking it of every credential
        was O(n^2) (2,000 credentials: 4.7 s of `validate`)."""
        group = self._by_name.get(_renewal_key(credential))
        if group is None:
            return None
        dates, members = group
        before = bisect.bisect_left(dates, credential.issued.first_day)
        if before == 0:
            return None
        first_of_latest = bisect.bisect_left(dates, dates[before - 1])
        return members[first_of_latest]

    @cached_property
    def _by_name(self) -> dict[tuple[str, str], tuple[list[dt.date], list[Credential]]]:
        """Credentials by (name, issuer), each group sorted by issue date (stably: the
        profile's order within a date)."""
        groups: dict[tuple[str, str], list[Credential]] = {}
        for credential in self.profile.credentials:
            groups.setdefault(_renewal_key(credential), []).append(credential)
        index = {}
        for key, members in groups.items():
            members.sort(key=lambda c: c.issued.first_day)
            index[key] = ([c.issued.first_day for c in members], members)
        return index

    def holds(self, job: Experience) -> bool:
        """Whether the person holds `job` on `today`: no end date, `present`, or an end
        still to come (a fixed-term contract)."""
        return not isinstance(job.end, PartialDate) or job.end.last_day >= self.today

    @property
    def current_job(self) -> Experience | None:
        """The job the person holds on `today` (`holds`); of several, the one started last."""
        current = [job for job in self.profile.experience if self.holds(job)]
        return max(current, key=lambda job: job.start.first_day) if current else None

    @property
    def jobs_newest_first(self) -> list[Experience]:
        """The jobs, newest first whatever order the profile lists them in: those held on
        `today` (the one started last first), then the others by when they ended."""

        def recency(job: Experience) -> tuple[bool, dt.date, dt.date]:
            ended = job.end.last_day if isinstance(job.end, PartialDate) else None
            return self.holds(job), ended or self.today, job.start.first_day

        return sorted(self.profile.experience, key=recency, reverse=True)

    @property
    def open_roles(self) -> list[str]:
        """The roles the person is looking for, whoever may know it."""
        return list(self.profile.open_to.roles)

    @property
    def seeks_publicly(self) -> bool:
        """Whether posts and the headline may say the person is looking (`visibility:
        public`); the one place of this rule."""
        return self.profile.open_to.public

    @property
    def display_name(self) -> str:
        """``Priya Raman, PMP, SHRM-CP``."""
        return ", ".join([self.profile.name, *self.post_nominals])

    def count_by_status(self) -> dict[Status, int]:
        counts = dict.fromkeys(Status, 0)
        for status in self.statuses.values():
            counts[status] += 1
        return counts
