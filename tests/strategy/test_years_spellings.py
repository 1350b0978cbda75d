"""The years rule reads a job by the vocabulary's spellings, so a spelling the vocabulary
lacks hides a job's months: Jordan's "rebuilding search campaigns around intent" at
Lakeside Outfitters is paid search, and his "$40M online store" e-commerce; a nurse's
"Super-user for the Epic EHR go-live" is Epic, EHR experience and go-live support (and not
nursing informatics). A channel named alone ("search", "social", "social media") stays
what it says: not paid search, not paid social."""

from __future__ import annotations

from pathlib import Path

import pytest

from showcase.profile import LoadedProfile
from showcase.strategy.coverage import job_terms, job_years, profile_evidence
from showcase.strategy.matcher import matcher
from showcase.strategy.postings import from_text
from showcase.strategy.requirements import requirements
from showcase.strategy.years import Years
from tests.conftest import load_example
from tests.helpers import load


def _years(loaded: LoadedProfile, line: str) -> Years | None:
    """The years `loaded`'s jobs show for a posting's one requirement `line`."""
    posting = from_text("job.txt", f"Marketing Manager\nZeta\n\nRequirements\n- {line}\n")
    (group,) = requirements(posting).groups
    return job_years(loaded, matcher()).check(group, group.any_of)


def _since(loaded: LoadedProfile, year: int, month: int) -> int:
    """Months from `year`-`month` to the profile's today, both counted."""
    return loaded.today.year * 12 + loaded.today.month - (year * 12 + month) + 1


def _job_names(tmp_path: Path, *highlights: str) -> set[str]:
    lines = "".join(f"\n      - {h!r}" for h in highlights)
    text = (
        "name: Sam Lee\nexperience:\n  - title: Marketing Manager\n"
        f"    organization: Acme\n    start: 2020-01\n    highlights:{lines}\n"
    )
    (job,) = load(tmp_path, text).profile.experience
    return {term.name for term in job_terms(job, matcher())}


def test_jordans_paid_search_years_come_from_his_lakeside_job() -> None:
    jordan = load_example("jordan-rivera")
    years = _years(jordan, "5+ years of paid search")
    assert years is not None and years.in_jobs  # was: in no job, so years not shown
    assert years.shown == _since(jordan, 2021, 5)  # Lakeside Outfitters, May 2021 on
    assert years.enough  # five years asked, five years seven months shown


def test_jordans_online_store_is_e_commerce_since_2021() -> None:
    jordan = load_example("jordan-rivera")
    years = _years(jordan, "3+ years of e-commerce")
    assert years is not None and years.in_jobs and years.enough
    assert years.shown == _since(jordan, 2021, 5)


def test_jordans_social_is_still_no_paid_social() -> None:
    """ "running search, social and email": the jobs never say the social was paid."""
    jordan = load_example("jordan-rivera")
    years = _years(jordan, "5+ years of paid social")
    assert years is not None and not years.in_jobs and years.shown == 0


@pytest.mark.parametrize(
    "highlight",
    [
        "Rebuilt our search campaigns around intent.",
        "Ran Google Ads search campaigns for 12 clients.",
        "Ran search and social campaigns for a retailer.",
        "Managed search ads and shopping feeds.",
        "Grew search advertising revenue 20%.",
    ],
)
def test_search_campaigns_and_search_ads_are_paid_search(tmp_path: Path, highlight: str) -> None:
    assert "Paid search" in _job_names(tmp_path, highlight)


@pytest.mark.parametrize(
    "highlight",
    [
        "Lead a team running search, social and email for an online store.",
        "Improved site search for 3,000 products.",
        "Grew organic search traffic 40%.",
        "Ran executive search campaigns for finance clients.",
        "Managed our social media and a weekly newsletter.",
        "Planned social campaigns for 30 product lines.",
        "Managed product launches across email and social.",
    ],
)
def test_search_or_social_alone_is_not_paid(tmp_path: Path, highlight: str) -> None:
    names = _job_names(tmp_path, highlight)
    assert not names & {"Paid search", "Paid social"}, names


def test_a_google_ads_search_certification_is_suggested_for_paid_search() -> None:
    """The catalog's Google Ads Search Certification teaches paid search (its term was a
    twin, "Search advertising", that no posting's paid search ever reached)."""
    from showcase.strategy import catalog as cat

    names = [entry.id for entry in cat.catalog().for_terms(["Paid search"])]
    assert "google-ads-search" in names


NURSE = """
name: Ana Ruiz
experience:
  - title: Registered Nurse
    organization: St. Luke's
    start: 2022-08
    highlights:
      - Super-user for the Epic EHR go-live, training 25 nurses.
  - title: Charge Nurse
    organization: Mercy
    start: 2019-01
    end: 2022-07
    highlights:
      - Epic super-user for 6 North.
"""


def test_an_epic_super_user_shows_epic_ehr_and_the_go_live(tmp_path: Path) -> None:
    loaded = load(tmp_path, NURSE)
    go_live, super_user = (
        {term.name for term in job_terms(job, matcher())} for job in loaded.profile.experience
    )
    assert {"Epic", "Electronic health records", "Go-live support"} <= go_live
    assert {"Epic", "Electronic health records"} <= super_user
    evidence = {term.name for term in profile_evidence(loaded, matcher())}
    assert "Nursing informatics" not in evidence  # a super-user is no informatics nurse
    years = _years(loaded, "2+ years of EHR experience")
    assert years is not None and years.in_jobs
    assert years.shown == _since(loaded, 2019, 1)  # both jobs, end to end
