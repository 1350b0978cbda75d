"""The LinkedIn About section (issue #26): who and what toward first, first person, honest."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from showcase.profile import load_profile
from showcase.strategy.tailor import read_for
from showcase.views.about import ABOUT_LIMIT, FOLD, about_view, search_is_public
from showcase.views.claims import copied, unheld
from tests.conftest import EXAMPLE_NAMES, ROOT, TODAY, load_example
from tests.views.test_letter import profile_and_posting

POSTINGS = ROOT / "tests" / "data" / "postings"
SEARCH_WORDS = re.compile(r"\b(?:open to|looking for|job search|seeking|hire me)\b", re.I)


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_about_is_within_linkedins_limits_first_person_and_honest(name: str) -> None:
    loaded = load_example(name)
    view = about_view(loaded)
    assert 0 < view.characters <= ABOUT_LIMIT
    assert len(view.hook) <= FOLD
    assert view.hook.startswith("I'm ")
    assert unheld(view.text, loaded) == []
    assert not SEARCH_WORDS.search(view.text)  # every search is for recruiters only, for now


def test_the_first_300_characters_say_who_and_what_toward() -> None:
    view = about_view(load_example("jordan-rivera"))
    assert view.hook == (
        "I'm a Marketing Manager at Lakeside Outfitters. I'm building toward digital "
        "marketing: Google Ads, content strategy and paid social, with a credential to back each."
    )
    assert view.text[:FOLD].startswith(view.hook)
    results = view.paragraphs[0]
    assert results.startswith("What I've done at Lakeside Outfitters:\n• ")
    assert "• Cut cost per acquisition 18% by rebuilding search campaigns around intent." in results


def test_results_from_several_jobs_lead_with_a_change_not_a_size() -> None:
    # Priya's current job has a line that only says how big it is ("Partner to six
    # engineering directors across 900 people"): under "A few results I'm proud of" it
    # came before her capstone's change (attrition from 11% to 6%), which was left out.
    results = about_view(load_example("priya-raman")).paragraphs[0]
    lines = results.splitlines()
    assert lines[0] == "A few results I'm proud of:"
    assert "fell from 11% to 6%" in lines[1]
    assert "900 people" not in results
    # One job's lines keep their order under its name, its scope first (Jordan's team).
    jordan = about_view(load_example("jordan-rivera")).paragraphs[0].splitlines()
    assert jordan[:2] == [
        "What I've done at Lakeside Outfitters:",
        "• Lead a team of four running search, social and email for a $40M online store.",
    ]


def test_the_search_is_mentioned_only_when_public(tmp_path: Path) -> None:
    jordan = load_example("jordan-rivera")  # `open_to: [...]`: recruiters only
    assert search_is_public(jordan) is False
    assert "open to" not in about_view(jordan).text
    text = (ROOT / "examples" / "jordan-rivera.yaml").read_text("utf-8")
    text = re.sub(
        r"(?m)^open_to:.*$",
        "open_to:\n  roles: [Digital Marketing Manager]\n  visibility: public",
        text,
    )
    public = tmp_path / "public.yaml"
    public.write_text(text, "utf-8")
    loaded = load_profile(public, today=TODAY)
    assert search_is_public(loaded) is True
    assert "I'm open to Digital Marketing Manager roles." in about_view(loaded).text


def test_for_aims_it_at_the_postings_field(tmp_path: Path) -> None:
    jordan = load_example("jordan-rivera")
    job = tmp_path / "analyst.txt"
    job.write_text(
        "Data Analyst\nCompany: Harbor Analytics\n\nRequirements\n- SQL and Tableau\n"
        "- Experience with R\n- Data analysis of customer behaviour\n",
        encoding="utf-8",
    )
    aimed = about_view(jordan, read_for(job))
    plain = about_view(jordan)
    assert aimed.text != plain.text
    tools = next(p for p in aimed.paragraphs if p.startswith("Tools and skills"))
    assert tools.startswith("Tools and skills I use: Tableau, R, SQL")
    credentials = next(p for p in aimed.paragraphs if p.startswith("Credentials"))
    assert credentials.startswith("Credentials I've earned: the Google Data Analytics")
    assert "12% of customers" in aimed.paragraphs[0]
    assert copied(aimed.text, job.read_text(encoding="utf-8"), jordan) == []


def test_a_long_profile_stays_within_2600_characters(tmp_path: Path) -> None:
    long = "Cut costs 12% by " + "rebuilding every weekly process with the team " * 12 + "."
    profile = {
        "name": "Long Writer",
        "credentials": [
            {"name": f"Certificate {i}", "issuer": "Acme Academy", "issued": "2024"}
            for i in range(12)
        ],
        "experience": [
            {"title": "Lead", "organization": "Acme", "start": "2020", "highlights": [long] * 3}
        ],
        "skills": [{"group": "All", "items": [f"Skill {i}" for i in range(40)]}],
    }
    path = tmp_path / "long.yaml"
    path.write_text(json.dumps(profile), encoding="utf-8")
    view = about_view(load_profile(path, today=TODAY))
    assert view.characters <= ABOUT_LIMIT


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile_and_posting())
def test_generated_about_sections_hold_only_what_the_profile_holds(
    tmp_path_factory: pytest.TempPathFactory, case: tuple[dict[str, Any], str]
) -> None:
    profile, text = case
    folder = tmp_path_factory.mktemp("about")
    (folder / "profile.yaml").write_text(json.dumps(profile), encoding="utf-8")
    (folder / "posting.txt").write_text(text, encoding="utf-8")
    loaded = load_profile(folder / "profile.yaml", today=TODAY)
    for view in (about_view(loaded), about_view(loaded, read_for(folder / "posting.txt"))):
        assert view.characters <= ABOUT_LIMIT and len(view.hook) <= FOLD
        assert unheld(view.text, loaded) == []
        assert copied(view.text, text, loaded) == []
        assert not SEARCH_WORDS.search(view.text)


def test_tools_read_as_a_sentence_reads_them() -> None:
    """Products keep their casing, common nouns are lower case mid-sentence (#24's rule)."""
    text = about_view(load_example("jordan-rivera")).text
    assert "Tools and skills I use: Google Ads, SEO, content strategy, paid social," in text


def test_a_language_and_a_programme_keep_their_capitals(tmp_path: Path) -> None:
    """It read "building toward medicare case management: mandarin and medicare billing"."""
    from tests.helpers import load

    text = """
        name: Mei Chen
        credentials:
          - {id: a, name: Medical Mandarin, issuer: Acme Learning, issued: 2026-01,
             skills: [Mandarin]}
          - {id: b, name: Medicare Billing and Coding, issuer: AAPC, issued: 2026-02,
             skills: [Medicare billing]}
        stacks: [{name: Medicare case management, credentials: [a, b]}]
        experience: [{title: Registered Nurse, organization: Bay Medical, start: 2020-06}]
        skills: [{group: Care, items: [Medicaid, Alzheimer's care, Patient education]}]
        """
    view = about_view(load(tmp_path, text))
    assert "building toward Medicare case management: Mandarin and Medicare billing" in view.text
    assert "I use: Medicaid, Alzheimer's care, patient education" in view.text


def test_scrum_keeps_its_capital_agile_is_lower_case(tmp_path: Path) -> None:
    """It read "I use: scrum, ..." (the rugby word); The Scrum Guide capitalises Scrum."""
    from tests.helpers import load

    text = """
        name: Sam Park
        credentials: [{name: Professional Scrum Master I, issuer: Scrum.org, issued: 2026-01}]
        skills: [{group: Delivery, items: [Scrum, Agile, Jira, Stakeholder management]}]
        """
    view = about_view(load(tmp_path, text))
    assert "I use: Scrum, agile, Jira, stakeholder management" in view.text


LONG_NAMES = """
    name: Maximiliana Wolfeschlegelsteinhausen-Bergerdorff
    credentials:
      - {id: long, name: Advanced Certificate in International Clinical Research Regulatory
           Affairs and Good Clinical Practice Harmonisation for Multinational Sponsors,
         issuer: Deutsche Gesellschaft für Pharmazeutische Medizin und Klinische Forschung
           e.V., issued: 2026-09, assessment: exam}
      - {id: pmp, name: Project Management Professional (PMP), issuer: Project Management
           Institute, issued: 2024-02, assessment: exam}
    experience:
      - {title: Senior Director of Global Clinical Operations and Regulatory Affairs
           Transformation Programmes, organization: Internationale Klinische
           Forschungsgesellschaft für Onkologie und Hämatologie GmbH & Co. KG,
         start: 2019-01}
    """


def test_a_hook_too_long_leaves_a_sentence_out_never_cuts_it(tmp_path: Path) -> None:
    """It read "I'm building on the Advanced Certificate in International Clinical Research
    Regulatory Affairs and." (a new user's read, long names); the credentials it leaves
    out are said after it."""
    from tests.helpers import load

    view = about_view(load(tmp_path, LONG_NAMES))
    assert len(view.hook) <= FOLD
    assert view.hook == (
        "I'm a Senior Director of Global Clinical Operations and Regulatory Affairs "
        "Transformation Programmes at Internationale Klinische Forschungsgesellschaft für "
        "Onkologie und Hämatologie GmbH & Co. KG."
    )
    assert "Credentials I've earned: the Advanced Certificate in International" in view.text
    assert "Harmonisation for Multinational Sponsors from Deutsche Gesellschaft" in view.text
    assert "and the Project Management Professional (PMP) from the Project Management" in (
        view.text
    )


def test_a_job_that_ends_after_today_is_the_one_held(tmp_path: Path) -> None:
    from tests.helpers import load
    from tests.views.interview.test_pitch import FIXED_TERM

    view = about_view(load(tmp_path, FIXED_TERM))
    assert view.hook.startswith("I'm a Contract Data Analyst at Fixedterm Inc.")


@pytest.mark.parametrize(
    "headline",
    ["Customer Success Specialist", "Aspiring IT Support Specialist", "RN · Med-Surg"],
)
def test_with_a_job_the_headline_is_never_a_fragment_of_the_hook(
    tmp_path: Path, headline: str
) -> None:
    """After "I'm a Shift Lead at Café Phở." the headline read as a sentence of its own
    ("Aspiring IT Support Specialist.") or said the title twice (QA, 2026-12-06)."""
    profile = tmp_path / "p.yaml"
    profile.write_text(
        f"""name: Hà Nguyễn
headline: {headline}
contact: {{email: ha@example.com}}
experience:
  - organization: Café Phở Sài Gòn
    title: Shift Lead
    start: 2022-01
credentials:
  - name: Google IT Support Professional Certificate
    issuer: Google
    platform: Coursera
    issued: 2025-03
    assessment: graded
""",
        encoding="utf-8",
    )
    hook = about_view(load_profile(profile, today=dt.date(2026, 12, 6))).hook
    assert hook.startswith("I'm a Shift Lead at Café Phở Sài Gòn. I'm building on ")
    assert headline not in hook


def test_results_all_of_one_job_and_the_persons_own_share_one_heading() -> None:
    # The collector's three highlights, one opening "Keep a book ...": it read three
    # bullets each opening "At Brightline Software," (QA, words round 2).
    results = about_view(load_example("collector")).paragraphs[0]
    assert results.startswith("What I've done at Brightline Software:\n• ")
    assert "At Brightline Software," not in results
    assert "• Keep a book of 140 small-business accounts; 94% renewed in 2025" in results
