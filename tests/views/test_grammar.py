"""The sentence builders of views/grammar.py."""

from __future__ import annotations

import subprocess
import sys

import pytest

from showcase.views.grammar import (
    after_colon,
    past_of,
    predicate,
    role_opening,
    role_phrase,
    term,
)


@pytest.mark.parametrize(
    ("highlight", "held", "left"),
    [
        (
            "Ran a $6.2M store with 28 associates; grew sales 14%",
            "ran a $6.2M store with 28 associates and grew sales 14%",
            "ran a $6.2M store with 28 associates and grew sales 14%",
        ),
        ("Lead a team of four.", "lead a team of four", "led a team of four"),
        (
            "Plan the quarterly roadmap",
            "plan the quarterly roadmap",
            "planned the quarterly roadmap",
        ),
        ("Rolled out a new process", "rolled out a new process", "rolled out a new process"),
        ("Apply A/B tests weekly", "apply A/B tests weekly", "applied A/B tests weekly"),
    ],
)
def test_a_highlight_is_said_in_the_tense_of_the_job(highlight: str, held: str, left: str) -> None:
    assert predicate(highlight, ongoing=True) == held
    assert predicate(highlight, ongoing=False) == left


def test_a_highlight_without_a_verb_is_no_clause() -> None:
    assert predicate("Partner to six engineering directors.", ongoing=True) is None
    assert predicate("Responsible for the $40M store.", ongoing=True) is None
    assert predicate("Ran the store; member of the board", ongoing=True) is None
    assert role_phrase("Partner to six engineering directors.") == (
        "partner to six engineering directors"
    )
    assert role_phrase("Advisor to the board") == "advisor to the board"
    assert role_phrase("Responsible for the store") is None


@pytest.mark.parametrize(
    ("highlight", "role"),
    [
        # A noun phrase naming the person's role, before what it was for (QA: a nurse's
        # letter said "At Hospital Universitario San José: Super-user for the Epic EHR
        # go-live, training 25 nurses.").
        (
            "Super-user for the Epic EHR go-live, training 25 nurses.",
            "super-user for the Epic EHR go-live, training 25 nurses",
        ),
        ("Epic super-user for 6 North", "Epic super-user for 6 North"),
        ("Lead for the Epic upgrade on 6 North", "lead for the Epic upgrade on 6 North"),
        ("Team lead on the night shift", "team lead on the night shift"),
        ("Point of contact for vendors", "point of contact for vendors"),
        ("Mentor to five new graduate nurses", "mentor to five new graduate nurses"),
        ("Charge nurse for a 32-bed unit", "charge nurse for a 32-bed unit"),
        ("Subject-matter expert on Epic flowsheets", "subject-matter expert on Epic flowsheets"),
        # A verb before its object is an action, not a role: said "I lead ...".
        ("Lead the weekly huddle", None),
        ("Mentor five new nurses", None),
        ("Train a super-user for each unit", None),
        ("Trained super-users for the go-live", None),
        # Not a person: no role.
        ("Care for 5-6 patients per shift", None),
        ("Budget of $2M for the unit", None),
        ("Newsletter for 3,000 subscribers", None),
        ("User research for the patient portal", None),
        ("Manager training for 40 supervisors", None),
        ("Specialist referrals fell 20%", None),
    ],
)
def test_a_highlight_that_opens_with_a_role_names_it(highlight: str, role: str | None) -> None:
    assert role_phrase(highlight) == role
    if role is not None:  # never read as an action too ("I lead for the Epic upgrade")
        assert predicate(highlight, ongoing=True) is None


def test_a_verb_before_its_object_stays_an_action() -> None:
    assert predicate("Lead the weekly huddle", ongoing=False) == "led the weekly huddle"
    assert predicate("Mentor five new nurses", ongoing=True) == "mentor five new nurses"


def test_past_forms() -> None:
    assert [past_of(v) for v in ("lead", "plan", "apply", "manage", "cut", "ship")] == [
        "led",
        "planned",
        "applied",
        "managed",
        "cut",
        "shipped",
    ]


def test_terms_mid_sentence() -> None:
    assert [term(t) for t in ("Copywriting", "SEO", "google ads", "Content strategy")] == [
        "copywriting",
        "SEO",
        "Google Ads",
        "content strategy",
    ]
    assert term("Tableau") == "Tableau" and term("R") == "R"
    assert term("Search campaigns") == "search campaigns"


def test_a_single_word_that_is_a_common_noun_by_its_ending_is_lower_case() -> None:
    said = [term(t) for t in ("Coaching", "Mentoring", "Leadership", "Negotiation")]
    assert said == ["coaching", "mentoring", "leadership", "negotiation"]
    # Names keep their capitals: short, or another ending, or the vocabulary's product.
    assert [term(t) for t in ("Boeing", "Figma", "Salesforce", "Rippling", "Mandarin")] == [
        "Boeing",
        "Figma",
        "Salesforce",
        "Rippling",
        "Mandarin",
    ]


def test_the_ending_rule_agrees_with_the_vocabularys_single_words() -> None:
    """Every single-word vocabulary term of that shape is a skill (lower case mid-
    sentence) but the products the vocabulary spells itself: the rule would say the same
    of them, were they not in it."""
    from showcase.strategy.vocabulary import vocabulary
    from showcase.views.grammar import _COMMON_NOUN

    shaped = {
        (spelling, found.kind)
        for found in vocabulary().by_name.values()
        for spelling in (found.name, *found.spellings)
        if _COMMON_NOUN.match(spelling)
    }
    skills = [s for s, kind in shaped if kind == "skill"]
    others = [s for s, kind in shaped if kind != "skill"]
    assert len(skills) >= 30 and all(term(s) == s.lower() for s in skills)
    assert others == ["Rippling"] and term("Rippling") == "Rippling"


@pytest.mark.parametrize(
    ("skill", "said"),
    [
        # A skill whose name is a proper name keeps its capitals: the letter and the About
        # section of an IT support worker said "active Directory" (QA), others "six Sigma",
        # "net Promoter Score", "joint Commission standards", "microsoft Excel formulas".
        ("Active Directory", "Active Directory"),
        ("Six Sigma", "Six Sigma"),
        ("Net Promoter Score", "Net Promoter Score"),
        ("Joint Commission standards", "Joint Commission standards"),
        ("Bachelor of Science in Nursing", "Bachelor of Science in Nursing"),
        ("Microsoft Excel formulas", "Microsoft Excel formulas"),
        # ... or opens with a product's name.
        ("Salesforce administration", "Salesforce administration"),
        # ... or one its own spellings write in capitals mid-phrase ("fluent in Spanish").
        ("Spanish", "Spanish"),
        # A common noun before an acronym is still a common noun.
        ("Technical SEO", "technical SEO"),
        ("Generative AI", "generative AI"),
        ("Troubleshooting", "troubleshooting"),
        ("Computer networking", "computer networking"),
    ],
)
def test_a_skill_that_is_a_name_keeps_its_capitals(skill: str, said: str) -> None:
    assert term(skill) == said


@pytest.mark.parametrize(
    ("skill", "said"),
    [
        # A language, a programme or a person's name is a name wherever it stands: posts
        # said "Together they cover mandarin", "medicare billing", "alzheimer's care".
        ("Mandarin", "Mandarin"),
        ("Medicare", "Medicare"),
        ("Medicaid", "Medicaid"),
        ("Medicare billing", "Medicare billing"),
        ("Mandarin translation", "Mandarin translation"),
        ("Spanish interpretation", "Spanish interpretation"),
        ("Alzheimer's care", "Alzheimer's care"),
        ("Gantt charts", "Gantt charts"),
        ("Boolean search", "Boolean search"),
        ("Incoterms", "Incoterms"),
        ("Sandler methodology", "Sandler methodology"),
        ("Square POS", "Square POS"),
        # ... or a product the vocabulary knows, before words of the user's own.
        ("Excel modelling", "Excel modelling"),
        # ... or a numbered law, form or rule.
        ("Section 508", "Section 508"),
        ("Form I-9", "Form I-9"),
        ("Title IX compliance", "Title IX compliance"),
        # Common nouns are still lowered, and an adjective of a language that is a common
        # word ("bilingual") stays lower.
        ("Bilingual", "bilingual"),
        ("Medical billing", "medical billing"),
        ("Patient education", "patient education"),
        ("Tier support", "tier support"),
    ],
)
def test_a_proper_noun_keeps_its_capital_mid_sentence(skill: str, said: str) -> None:
    assert term(skill) == said


def test_after_a_colon_only_names_keep_their_capital() -> None:
    assert after_colon("How to write a brief.") == "how to write a brief."
    assert after_colon("Rebuilt our campaigns.") == "rebuilt our campaigns."
    assert after_colon("Tableau dashboards for the team.") == "Tableau dashboards for the team."
    assert after_colon("SEO audits every month.") == "SEO audits every month."
    assert after_colon("I rebuilt the funnel.") == "I rebuilt the funnel."
    assert after_colon("HubSpot workflows.") == "HubSpot workflows."
    # A name the vocabulary knows as a skill: it read "active Directory accounts ..."
    assert after_colon("Active Directory accounts for 30 agents.") == (
        "Active Directory accounts for 30 agents."
    )
    assert after_colon("Six Sigma projects.") == "Six Sigma projects."
    assert after_colon("Troubleshooting printers.") == "troubleshooting printers."
    # A language or a programme is a name: it read "french with patients' families".
    assert after_colon("French with patients' families.") == "French with patients' families."
    assert after_colon("Medicare rules changed twice.") == "Medicare rules changed twice."
    assert after_colon("Section 508 audits.") == "Section 508 audits."
    assert after_colon("Forms for every patient.") == "forms for every patient."


def test_a_sentence_of_its_own_is_not_taken_for_an_action() -> None:
    # "Regretted" ends in -ed but is no action of the person's: the sentence stands alone.
    assert predicate("Regretted attrition fell from 11% to 6%.", ongoing=False) is None
    assert predicate("Traced 6% of denied claims to a coding error.", ongoing=True) == (
        "traced 6% of denied claims to a coding error"
    )


def test_the_verbs_are_read_without_a_yaml_parser() -> None:
    """The lexicon comes from verbs.json (16 ms of ruamel for 3 KB of verbs.yaml), in a fresh
    process that has not loaded ruamel for a profile."""
    code = (
        "import sys\n"
        "from showcase.views.grammar import past_of\n"
        "assert past_of('lead') == 'led'\n"
        "print('ruamel.yaml' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("summary", "roles", "said"),
    [
        ("Marketing manager with eight years in retail.", ["Marketing Manager"], "marketing"),
        ("HR business partner for a 900-person org.", ["HR Business Partner"], "HR business"),
        ("Store manager who runs a 40-person store.", ["Store Manager"], "store manager"),
        ("Registered nurse, med-surg.", ["Registered Nurse, Medical-Surgical"], "registered"),
        ("A data-driven analyst.", ["Data Analyst"], "data-driven analyst."),
        ("Eight years in retail e-commerce.", ["Marketing Manager"], None),
        ("Passionate about clean data.", ["Data Analyst"], None),
        ("Teacher with ten years in the classroom.", ["Data Analyst"], None),  # not theirs
        # A sentence that merely ends on the role is no role: the letter said "I am a
        # helping people through their hardest days is why I became a nurse." (QA).
        (
            "Helping people through their hardest days is why I became a nurse.",
            ["Registered Nurse"],
            None,
        ),
        ("Every patient deserves a great nurse.", ["Registered Nurse"], None),
        ("Anyone can be a nurse.", ["Registered Nurse"], None),
        ("Patients call me their favourite nurse.", ["Registered Nurse"], None),
        ("The accountant your CFO calls first.", ["Senior Accountant"], None),
        ("The senior accountant for three plants.", ["Senior Accountant"], None),
        ("Compassionate registered nurse.", ["Registered Nurse"], "compassionate registered"),
        ("Bilingual, board-certified nurse.", ["Registered Nurse"], None),
    ],
)
def test_a_summary_opens_with_a_role_of_the_person_s_or_not(
    summary: str, roles: list[str], said: str | None
) -> None:
    found = role_opening(summary, roles)
    assert (found if found is None else found[: len(said or "")]) == said
