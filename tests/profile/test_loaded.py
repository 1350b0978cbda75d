"""Derived values (status, post-nominals, ids) and warnings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from showcase.profile import Status
from showcase.profile.types import PartialDate
from tests.conftest import EXAMPLES, TODAY
from tests.helpers import load

PRIYA = """
name: Priya Raman
credentials:
  - name: Project Management Professional
    issuer: PMI
    kind: certification
    issued: 2024-05
    expires: 2027-05
    post_nominal: PMP
    featured: true
  - name: SHRM Certified Professional
    issuer: SHRM
    kind: certification
    issued: 2023-07
    expires: 2026-07
    post_nominal: SHRM-CP
    featured: true
  - name: Certified Compensation Professional
    issuer: WorldatWork
    kind: certification
    issued: 2025-01
    post_nominal: CCP
  - name: Watched a webinar
    issuer: Somebody
    issued: 2026-01
    assessment: none
    featured: true
"""


def test_post_nominals_only_from_valid_credentials_in_order(tmp_path: Path) -> None:
    loaded = load(tmp_path, PRIYA)
    assert loaded.post_nominals == ["PMP", "CCP"]
    assert loaded.display_name == "Priya Raman, PMP, CCP"


@pytest.mark.parametrize(
    ("kind", "assessment"),
    [("course", "none"), ("certificate", "graded"), ("badge", None), ("certification", "none")],
)
def test_letters_only_from_exam_based_certifications(
    tmp_path: Path, kind: str, assessment: str | None
) -> None:
    extra = f"    assessment: {assessment}\n" if assessment else ""
    loaded = load(
        tmp_path,
        "name: Sam Lee\ncredentials:\n  - name: XYZ Course\n    issuer: X\n"
        f"    kind: {kind}\n    issued: 2026-01\n    post_nominal: XYZ\n{extra}",
    )
    assert loaded.display_name == "Sam Lee"
    (warning,) = [w for w in loaded.warnings if w.field.endswith("post_nominal")]
    assert "left off your name" in warning.message


def test_post_nominals_with_everything_valid(tmp_path: Path) -> None:
    loaded = load(tmp_path, PRIYA, today=dt.date(2026, 1, 1))
    assert loaded.display_name == "Priya Raman, PMP, SHRM-CP, CCP"


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (dt.date(2026, 11, 28), Status.ACTIVE),
        (dt.date(2027, 2, 1), Status.ACTIVE),  # 119 days before the end of May
        (dt.date(2027, 3, 15), Status.EXPIRING),
        (dt.date(2027, 5, 31), Status.EXPIRING),  # a month-precision expiry lasts the month
        (dt.date(2027, 6, 1), Status.EXPIRED),
    ],
)
def test_status_follows_today(tmp_path: Path, today: dt.date, status: Status) -> None:
    loaded = load(tmp_path, PRIYA, today=today)
    assert loaded.status(loaded.profile.credentials[0]) is status


def test_no_expiry_is_always_active(tmp_path: Path) -> None:
    loaded = load(tmp_path, PRIYA, today=dt.date(2199, 1, 1))
    assert loaded.status(loaded.profile.credentials[2]) is Status.ACTIVE


def test_warnings(tmp_path: Path) -> None:
    loaded = load(tmp_path, PRIYA, today=dt.date(2026, 11, 28))
    messages = [(w.line, w.message) for w in loaded.warnings]
    assert any(line == 14 and "expired Jul 2026" in m for line, m in messages)
    assert any(line == 16 and "featured but expired" in m for line, m in messages)
    assert any(line == 26 and "completion-only" in m for line, m in messages)
    assert len(messages) == 3


def test_expiring_warning(tmp_path: Path) -> None:
    loaded = load(tmp_path, PRIYA, today=dt.date(2027, 3, 15))
    expiring = [w for w in loaded.warnings if "plan the renewal" in w.message]
    assert len(expiring) == 1 and "in 77 days" in expiring[0].message
    assert expiring[0].line == 7


def test_default_ids_are_slugs(tmp_path: Path) -> None:
    loaded = load(tmp_path, PRIYA)
    assert loaded.profile.credentials[0].id == "project-management-professional"


def test_missing_badge_file_warns(tmp_path: Path) -> None:
    loaded = load(
        tmp_path,
        "name: J\ncredentials:\n  - name: A\n    issuer: B\n    issued: 2026\n"
        "    badge_image: badges/a.png\n",
    )
    assert any("does not exist" in w.message for w in loaded.warnings)
    (tmp_path / "badges").mkdir()
    (tmp_path / "badges" / "a.png").write_bytes(b"\x89PNG")
    loaded = load(
        tmp_path,
        "name: J\ncredentials:\n  - name: A\n    issuer: B\n    issued: 2026\n"
        "    badge_image: badges/a.png\n",
    )
    assert loaded.warnings == ()


def test_a_badge_image_that_is_not_a_file_is_not_called_missing(tmp_path: Path) -> None:
    """A folder or a named pipe at the path was said not to exist (found by the QA pass)."""
    import os

    (tmp_path / "badges").mkdir()
    os.mkfifo(tmp_path / "badges" / "pipe.png")
    (tmp_path / "badges" / "folder.png").mkdir()
    for name in ("pipe.png", "folder.png"):
        loaded = load(
            tmp_path,
            "name: J\ncredentials:\n  - name: A\n    issuer: B\n    issued: 2026\n"
            f"    badge_image: badges/{name}\n",
        )
        (warning,) = loaded.warnings
        assert warning.message == f"the badge image `badges/{name}` is not a file"


@pytest.mark.parametrize(
    ("text", "short", "long"),
    [
        ("2026", "2026", "2026"),
        ("2026-03", "Mar 2026", "March 2026"),
        ("2026-03-14", "Mar 2026", "March 2026"),
    ],
)
def test_partial_dates_render_as_partial(text: str, short: str, long: str) -> None:
    date = PartialDate.parse(text)
    assert (date.short(), date.long(), date.iso()) == (short, long, text)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_examples_validate(path: Path) -> None:
    from showcase.profile import load_profile

    loaded = load_profile(path, today=dt.date(2026, 11, 28))
    assert loaded.profile.name


# --- renewals found in linear time (issue #30, 3) ---------------------------------------------


def _many_credentials(count: int, names: int) -> list[dict[str, object]]:
    import random

    rng = random.Random(count)
    return [
        {
            "id": f"c{i}",
            "name": f"Cert {rng.randrange(names)}",
            "issuer": rng.choice(["CompTIA", "comptia", "PMI"]),
            "issued": f"{rng.randrange(2010, 2026)}-{rng.randrange(1, 13):02d}",
        }
        for i in range(count)
    ]


def test_renews_finds_the_latest_earlier_award_as_the_brute_force_did() -> None:
    """The index answers as the O(n^2) scan did: same name and issuer (any case), issued
    strictly before, the latest of them, and of several on that date the first listed."""
    from showcase.profile.loaded import LoadedProfile
    from showcase.profile.models import Profile

    profile = Profile.model_validate({"name": "Sam Lee", "credentials": _many_credentials(600, 40)})
    loaded = LoadedProfile.build(profile, today=TODAY)

    def brute_force(credential: Any) -> Any:
        key = (credential.name.casefold(), credential.issuer.casefold())
        earlier = [
            c
            for c in profile.credentials
            if (c.name.casefold(), c.issuer.casefold()) == key
            and c.issued.first_day < credential.issued.first_day
        ]
        return max(earlier, key=lambda c: c.issued.first_day) if earlier else None

    answers = [loaded.renews(c) for c in profile.credentials]
    assert answers == [brute_force(c) for c in profile.credentials]
    assert sum(a is not None for a in answers) > 400  # the data has many renewals
    assert sum(a is None for a in answers) > 40  # and first awards


@pytest.mark.slow
def test_renews_of_20000_credentials_is_linear() -> None:
    """Asking every credential of 20,000 what it renews, in a child with 15 s of CPU: the
    O(n^2) scan took 52 s of CPU (5,000: 3.2 s), the index 0.04 s (5,000: 0.009 s)."""
    from tests.helpers import run_limited

    done = run_limited(
        """
        import datetime as dt
        from showcase.profile.loaded import LoadedProfile
        from showcase.profile.models import Profile
        from tests.profile.test_loaded import _many_credentials
        data = {"name": "Sam Lee", "credentials": _many_credentials(20_000, 6_000)}
        loaded = LoadedProfile.build(Profile.model_validate(data), today=dt.date(2026, 11, 28))
        found = sum(loaded.renews(c) is not None for c in loaded.profile.credentials)
        print(found)
        """,
        cpu_seconds=15,
    )
    assert done.returncode == 0, (done.returncode, done.stderr[-1000:])
    assert int(done.stdout.split()[-1]) > 5000


def test_letters_the_name_already_carries_are_not_added_again(tmp_path: Path) -> None:
    """A nurse who writes her letters into her name ("Ana Reyes, RN, BSN") was signed "Ana
    Reyes, RN, BSN, RN" on her signature, letter and interview sheet (QA)."""
    nurse = (
        "name: Ana Reyes, RN, BSN\ncredentials:\n  - name: Registered Nurse License\n"
        "    issuer: Texas Board of Nursing\n    kind: license\n    issued: 2022-07\n"
        "    post_nominal: RN\n  - name: Certified Medical-Surgical Registered Nurse\n"
        "    issuer: MSNCB\n    kind: certification\n    issued: 2025-03\n"
        "    post_nominal: CMSRN\n"
    )
    loaded = load(tmp_path, nurse)
    assert loaded.display_name == "Ana Reyes, RN, BSN, CMSRN"
    assert loaded.post_nominals == ["CMSRN"]
    # A name that only contains the letters inside a word is not carrying them.
    loaded = load(tmp_path, nurse.replace("Ana Reyes, RN, BSN", "Rnita Reyes"))
    assert loaded.display_name == "Rnita Reyes, RN, CMSRN"
