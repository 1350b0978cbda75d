"""No invented claims: the claim checker over every artifact of generated profiles and
postings; suggestions never an equivalent of a held credential; "X from ORG" only where
ORG issued every credential named."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from showcase.artifacts.interview import question_bank_path, render_interview
from showcase.artifacts.linkedin import render_linkedin
from showcase.artifacts.match import render_tailored_resume
from showcase.artifacts.question_bank import load_question_bank
from showcase.profile import LoadedProfile, load_profile
from showcase.strategy import catalog as cat
from showcase.strategy.claims import unsupported
from showcase.strategy.matcher import matcher
from showcase.strategy.tailor import read_for
from showcase.strategy.vocabulary import TermKind
from showcase.views.linkedin import headline
from tests.strategy.test_coverage import MAYA

TODAY = dt.date(2026, 11, 28)
VOCAB = matcher().vocab
ENTRIES = [e for e in cat.catalog().credentials if ":" not in e.name and '"' not in e.name]
TOOLS = sorted(
    t.name
    for t in VOCAB.terms
    if t.kind != TermKind.CERTIFICATION
    and not t.case_sensitive
    and not t.context
    and re.fullmatch(r"[A-Za-z][A-Za-z0-9 .+/-]*", t.name)
)
TITLES = [
    "Project Coordinator",
    "Data Analyst",
    "Marketing Specialist",
    "HR Generalist",
    "IT Support Technician",
    "Medical Billing Specialist",
    "Customer Success Manager",
]
BANK = [c.label for c in load_question_bank(question_bank_path(None))]

entries = st.lists(st.sampled_from(ENTRIES), min_size=0, max_size=4, unique_by=lambda e: e.id)
tools = st.lists(st.sampled_from(TOOLS), min_size=0, max_size=6, unique=True)


def profile_yaml(held: list[cat.Entry], skills: list[str], title: str, figure: int) -> str:
    lines = [
        "name: Gen Erated",
        f"headline: {title}",
        "credentials:" if held else "credentials: []",
    ]
    lines += [
        f"  - {{id: c{i}, name: {e.name!r}, issuer: {e.issuer!r}, kind: {e.kind.value}, "
        f"issued: 2025-0{i + 1}, credential_id: 'X{i}'}}"
        for i, e in enumerate(held)
    ]
    if len(held) >= 2:
        lines += ["stacks:", f"  - {{name: Core, credentials: [c0, c1], target_role: {title}}}"]
    lines += ["experience:", f"  - {{title: {title}, organization: Northwind, start: 2022-01,"]
    lines += [f"     highlights: ['Cut report time {figure}% with a new tracker']}}"]
    if skills:
        lines += ["skills:", f"  - {{group: Tools, items: [{', '.join(repr(s) for s in skills)}]}}"]
    return "\n".join(lines) + "\n"


def posting_text(asked: list[str], title: str) -> str:
    out = [title, "Trailhead Home & Garden", "", "Requirements"]
    for index in range(0, len(asked), 3):
        chunk = asked[index : index + 3]
        joiner = [", ".join(chunk), " or ".join(chunk), " and ".join(chunk)][index % 3]
        tail = ["", " is a plus", " preferred"][index % 3]
        out.append(f"- Experience with {joiner}{tail}")
    out.append("- Machine learning is not required")
    return "\n".join(out) + "\n"


def artifacts(loaded: LoadedProfile, posting: Path) -> dict[str, str]:
    tailor = read_for(posting)
    texts: dict[str, str] = {}
    resume = render_tailored_resume(loaded, tailor, formats=["md"])
    for name, content in resume.files.items():
        if not name.startswith("match/"):
            texts[name] = content.decode()
    for name, content in render_interview(loaded, formats=["md"], tailor=tailor).files.items():
        texts[name] = content.decode()
    for name, content in render_linkedin(loaded, tailor=tailor).files.items():
        texts[name] = content.decode() if isinstance(content, bytes) else str(content)
    return texts


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries, tools, st.sampled_from(TITLES), st.integers(5, 60), st.lists(
    st.sampled_from(TOOLS + [e.name for e in ENTRIES[:60]]), min_size=1, max_size=9, unique=True
))  # fmt: skip
def test_no_artifact_presents_an_item_the_profile_lacks(
    tmp_path_factory: pytest.TempPathFactory,
    held: list[cat.Entry],
    skills: list[str],
    title: str,
    figure: int,
    asked: list[str],
) -> None:
    folder = tmp_path_factory.mktemp("claims")
    (folder / "profile.yaml").write_text(profile_yaml(held, skills, title, figure), "utf-8")
    (folder / "job.txt").write_text(posting_text(asked, title), "utf-8")
    loaded = load_profile(folder / "profile.yaml", today=TODAY)
    names = [title, "Trailhead Home & Garden", *BANK]
    for name, text in artifacts(loaded, folder / "job.txt").items():
        assert unsupported(text, loaded, names=names) == [], name


def test_the_checker_catches_an_invented_credential_issuer_and_figure(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(MAYA, "utf-8")
    loaded = load_profile(tmp_path / "p.yaml", today=TODAY)
    # The question, for a PSM I holder: "Certified ScrumMaster" is not hers.
    bad = (
        "Tell me about a time you used Agile, Certified ScrumMaster and Professional Scrum Master."
    )
    assert [c.text for c in unsupported(bad, loaded)] == ["Certified ScrumMaster"]
    assert [c.kind for c in unsupported("Certified by CompTIA.", loaded)] == ["issuer"]
    assert [c.kind for c in unsupported("Raised revenue 40%.", loaded)] == ["figure"]
    # Said plainly as not hers, or quoted from the posting: no claim.
    fine = (
        "The posting asks for Smartsheet; your profile doesn't show it yet.\n"
        "(from “Experience with Smartsheet or CSM”)\n"
        "Tell me about your Professional Scrum Master: what did it test?"
    )
    assert unsupported(fine, loaded) == []


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries, st.lists(st.sampled_from(ENTRIES), min_size=1, max_size=5))
def test_suggestions_never_include_an_equivalent_of_a_held_credential(
    tmp_path_factory: pytest.TempPathFactory, held: list[cat.Entry], asked: list[cat.Entry]
) -> None:
    from showcase.strategy.coverage import expand, suggestions
    from showcase.strategy.postings import from_text
    from showcase.strategy.requirements import requirements

    folder = tmp_path_factory.mktemp("equiv")
    (folder / "p.yaml").write_text(profile_yaml(held, [], "Project Coordinator", 10), "utf-8")
    loaded = load_profile(folder / "p.yaml", today=TODAY)
    text = posting_text([e.terms[0] for e in asked], "Coordinator")
    groups = list(requirements(from_text("p.txt", text)).groups)
    own = {t for e in held if (t := VOCAB.find(e.terms[0])) is not None}
    equivalent = {o for t in expand(own) for o in VOCAB.equivalents(t)}
    held_ids = {e.id for e in held}
    for entry, _ in suggestions(loaded, groups):
        assert entry.id not in held_ids
        its = VOCAB.find(entry.terms[0])
        assert its is None or its.kind != TermKind.CERTIFICATION or its not in equivalent
        assert not entry.requires or set(entry.requires) & held_ids


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(ENTRIES), min_size=2, max_size=4, unique_by=lambda e: e.id))
def test_x_from_org_only_where_org_issued_every_credential_named(
    tmp_path_factory: pytest.TempPathFactory, held: list[cat.Entry]
) -> None:
    folder = tmp_path_factory.mktemp("headline")
    (folder / "p.yaml").write_text(profile_yaml(held, [], "Project Coordinator", 10), "utf-8")
    loaded = load_profile(folder / "p.yaml", today=TODAY)
    text = headline(loaded).text
    stack = [held[0], held[1]]
    said = re.search(
        r"Core(?: with .*?)? (?:credentials from|certified by|certifications from) (.*?)(?: \||$)",
        text,
    )
    if said:
        for entry in stack:
            lettered = any(
                c.post_nominal and c.post_nominal in text
                for c in loaded.profile.credentials
                if c.id in ("c0", "c1") and c.name == entry.name
            )
            assert lettered or entry.issuer in said[1], (text, entry.issuer)


def test_a_skill_a_jobs_title_names_is_the_users(tmp_path: Path) -> None:
    """ "Cloud Engineer" since 2021 shows cloud engineering (`evidence.title_terms`), as
    gaps and the match report say: a letter that says so claims nothing the profile lacks;
    a headline's "Aspiring Data Analyst" is no job, and data analysis is still a claim."""
    (tmp_path / "p.yaml").write_text(
        "name: Kim Park\nheadline: Aspiring Data Analyst\nexperience:\n"
        "  - {title: Cloud Engineer, organization: Nimbus, start: 2021-03}\n",
        "utf-8",
    )
    loaded = load_profile(tmp_path / "p.yaml", today=TODAY)
    assert unsupported("I bring five years of cloud engineering.", loaded) == []
    said = unsupported("I bring years of data analysis.", loaded)
    assert [c.text for c in said] == ["data analysis"]
