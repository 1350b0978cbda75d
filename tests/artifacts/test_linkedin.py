"""The LinkedIn kit: posts people will publish, and fields they will paste."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from showcase.artifacts.linkedin import render_linkedin
from showcase.cli import cli
from showcase.profile import load_text
from showcase.views.linkedin import FOLD, POST_LIMIT, add_to_profile_url, hashtag
from tests.conftest import EXAMPLES, TODAY, check_golden, load_example
from tests.helpers import load

TAG_LINE = re.compile(r"^(#[A-Za-z0-9]+)( #[A-Za-z0-9]+)*$")


def kit_text(kit: object) -> str:
    files = kit.files  # type: ignore[attr-defined]
    return "".join(f"===== {name} =====\n{data.decode()}\n" for name, data in files.items())


@pytest.mark.parametrize("example", ["jordan-rivera", "priya-raman", "minimal"])
def test_golden_kits(example: str, update_golden: bool) -> None:
    kit = render_linkedin(load_example(example))
    check_golden(f"linkedin/{example}.txt", kit_text(kit), update_golden)


def test_what_is_written_for_the_example() -> None:
    kit = render_linkedin(load_example("jordan-rivera"))
    names = sorted(kit.files)
    assert "linkedin/posts/google-ads-search-short.txt" in names
    assert "linkedin/posts/google-ads-search-story.txt" in names
    assert "linkedin/posts/stack-digital-marketing.txt" in names
    assert "linkedin/certifications.md" in names and "linkedin/headline.txt" in names
    # Completion-only with nothing to tell: a short post and a tip, no near-duplicate story.
    assert "linkedin/posts/intro-seo-story.txt" not in names
    assert any("intro-seo" in note for note in kit.notes)


def test_every_post_follows_linkedins_rules() -> None:
    for example in ("jordan-rivera", "priya-raman"):
        loaded = load_example(example)
        kit = render_linkedin(loaded)
        assert kit.posts
        for post in kit.posts:
            text = post.text
            assert len(text) <= POST_LIMIT
            last = text.rstrip("\n").splitlines()[-1]
            assert TAG_LINE.match(last), last
            tags = last.split()
            assert 3 <= len(tags) <= 5
            assert len({t.lower() for t in tags}) == len(tags)
            assert not post.warnings


def test_hook_names_credential_and_issuer_before_the_fold() -> None:
    loaded = load_example("jordan-rivera")
    for post in render_linkedin(loaded).posts:
        if post.variant == "stack":
            assert "Digital Marketing" in post.text[:FOLD]
            continue
        credential = next(c for c in loaded.profile.credentials if post.slug.startswith(c.id))
        assert credential.name in post.text[:FOLD]
        assert credential.issuer in post.text[:FOLD]


def test_posts_have_verification_link_and_thanks() -> None:
    kit = render_linkedin(load_example("jordan-rivera"))
    text = kit.files["linkedin/posts/google-ads-search-short.txt"].decode()
    assert "Verify it here: https://skillshop.credential.net/137442019" in text
    assert "Thank you to Google and Skillshop." in text
    story = kit.files["linkedin/posts/google-ads-search-story.txt"].decode()
    assert "What I learned: How Smart Bidding" in story
    assert "How I'm applying it: Rebuilt our spring search campaigns" in story


def test_expired_credentials_get_no_post_and_incomplete_stacks_no_stack_post() -> None:
    kit = render_linkedin(load_example("priya-raman"))
    assert not any("shrm" in name for name in kit.files)
    assert "SHRM" not in kit.files["linkedin/certifications.md"].decode()
    kit_2027 = render_linkedin(load_example("jordan-rivera", TODAY.replace(year=2027, month=6)))
    assert "linkedin/posts/stack-digital-marketing.txt" not in kit_2027.files


@pytest.mark.parametrize(
    "credential",
    ["google-ads-search", "hubspot-content-marketing", "google-data-analytics", "intro-seo"],
)
def test_add_to_profile_links_parse_back_to_the_fields(credential: str) -> None:
    loaded = load_example("jordan-rivera")
    c = loaded.profile.credential(credential)
    url = add_to_profile_url(c)
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "www.linkedin.com", "/profile/add")
    query = {k: v[0] for k, v in parse_qs(parts.query, strict_parsing=True).items()}
    expected = {
        "startTask": "CERTIFICATION_NAME",
        "name": c.name,
        "organizationName": c.issuer,
        "issueYear": str(c.issued.year),
        "issueMonth": str(c.issued.month),
    }
    if c.expires:
        expected |= {"expirationYear": str(c.expires.year), "expirationMonth": str(c.expires.month)}
    if c.url:
        expected["certUrl"] = c.url
    if c.credential_id:
        expected["certId"] = c.credential_id
    assert query == expected


def test_odd_characters_survive_the_link(tmp_path: Path) -> None:
    loaded = load(
        tmp_path,
        """
        name: J
        credentials:
          - name: "C++ & Data: A/B testing #1 — café?"
            issuer: "Ünïversity = 100%"
            issued: 2026
            credential_id: "a&b=c"
        """,
    )
    query = parse_qs(urlsplit(add_to_profile_url(loaded.profile.credentials[0])).query)
    assert query["name"] == ["C++ & Data: A/B testing #1 — café?"]
    assert query["organizationName"] == ["Ünïversity = 100%"]
    assert query["certId"] == ["a&b=c"]
    assert "issueMonth" not in query  # a year-only date has no month


def test_certification_fields() -> None:
    kit = render_linkedin(load_example("jordan-rivera"))
    md = kit.files["linkedin/certifications.md"].decode()
    block = md.split("## Google Ads Search Certification")[1].split("## ")[0]
    for line in [
        "- **Name:** Google Ads Search Certification",
        "- **Issuing organization:** Google",
        "- **Issue date:** February 2026",
        "- **Expiration date:** February 2027",
        "- **Credential ID:** 137442019",
        "- **Credential URL:** https://skillshop.credential.net/137442019",
        "- **Skills:** Google Ads, Search campaigns, Keyword research, Bidding strategy",
    ]:
        assert line in block
    assert "- **Expiration date:** does not expire" in md


def test_headline_names_the_target_role_within_220() -> None:
    kit = render_linkedin(load_example("jordan-rivera"))
    assert len(kit.headline) <= 220
    assert "Digital Marketing Manager" in kit.headline


def test_user_text_is_kept_literally(tmp_path: Path) -> None:
    loaded = load(
        tmp_path,
        """
        name: J
        credentials:
          - name: "<b>Cert</b> & {{ 7*7 }}"
            issuer: "O'Reilly"
            issued: 2026-01
            learned: "{% if x %}a{% endif %} <i>x</i>"
        """,
    )
    kit = render_linkedin(loaded)
    text = "".join(data.decode() for name, data in kit.files.items() if "/posts/" in name)
    assert "<b>Cert</b> & {{ 7*7 }}" in text
    assert "O'Reilly" in text and "&#39;" not in text and "&amp;" not in text
    assert "{% if x %}a{% endif %} <i>x</i>" in text


def test_overlong_post_is_shortened_at_a_word_with_a_warning(tmp_path: Path) -> None:
    sentence = "I learned a great deal about measuring campaigns properly "
    loaded = load(
        tmp_path,
        f"""
        name: J
        credentials:
          - name: Long Story Certification
            issuer: Google
            issued: 2026-01
            learned: "{sentence * 80}"
        """,
    )
    kit = render_linkedin(loaded)
    story = next(p for p in kit.posts if p.variant == "story")
    assert len(story.text) <= POST_LIMIT
    assert any("shortened to" in w for w in story.warnings)
    assert any("story" in w.message and "shortened" in w.message for w in kit.warnings)
    body = story.text.split("What I learned: ")[1].split("\n")[0]
    assert body.endswith("…")
    words = set(sentence.split())
    assert all(w in words for w in body.removesuffix("…").split())  # no word cut in half
    assert TAG_LINE.match(story.text.rstrip().splitlines()[-1])


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("Google Ads", "GoogleAds"),
        ("search campaigns", "SearchCampaigns"),
        ("SEO", "SEO"),
        ("HubSpot Academy", "HubSpotAcademy"),
        ("C++", "C"),
        ("Café-Bar", "CafeBar"),
        ("2024", None),
        ("!!!", None),
        ("数据", None),
    ],
)
def test_hashtags(text: str, tag: str | None) -> None:
    assert hashtag(text) == tag


WORDS = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
    min_size=1,
    max_size=60,
).filter(lambda s: s.strip() and s.strip() == s)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.one_of(WORDS, st.text(alphabet="ab ", min_size=1, max_size=5000).filter(str.strip)),
    issuer=WORDS,
    skills=st.lists(WORDS, max_size=40),
    learned=st.one_of(st.none(), st.text(max_size=4000)),
)
def test_posts_always_fit_and_tags_are_clean(
    name: str, issuer: str, skills: list[str], learned: str | None
) -> None:
    import json

    credential = {"name": name.strip(), "issuer": issuer, "issued": "2026-01", "skills": skills}
    if learned and learned.strip():
        credential["learned"] = learned
    text = json.dumps({"name": "Jo", "credentials": [credential]}, ensure_ascii=False)
    try:
        loaded = load_text(text, today=TODAY)
    except Exception as exc:  # control characters etc. are refused by the loader: fine
        from showcase.errors import ProfileError

        assert isinstance(exc, ProfileError)
        return
    kit = render_linkedin(loaded)
    for post in kit.posts:
        assert len(post.text) <= POST_LIMIT
        last = post.text.rstrip("\n").splitlines()[-1]
        assert TAG_LINE.match(last), last
        tags = last.split()
        assert 3 <= len(tags) <= 5 and len({t.lower() for t in tags}) == len(tags)


def test_cli_table_and_stdout(tmp_path: Path) -> None:
    runner = CliRunner()
    example = str(EXAMPLES / "jordan-rivera.yaml")
    result = runner.invoke(
        cli,
        ["linkedin", example, "-o", str(tmp_path), "--today", "2026-11-28"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert re.search(r"google-ads-search-short\.txt\s+389 characters", result.output)
    assert (tmp_path / "linkedin" / "certifications.md").is_file()

    result = runner.invoke(
        cli,
        ["linkedin", example, "-o", "-", "--credential", "meta-marketing", "--today", "2026-11-28"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0
    assert "===== linkedin/posts/meta-marketing-short.txt =====" in result.output
    assert "google-ads-search-short" not in result.output
    assert not Path("-").exists()


def test_cli_unknown_credential_or_stack() -> None:
    runner = CliRunner()
    example = str(EXAMPLES / "jordan-rivera.yaml")
    result = runner.invoke(cli, ["linkedin", example, "-o", "-", "--credential", "nope"])
    assert result.exit_code == 1 and "no such credential id" in result.output
    result = runner.invoke(cli, ["linkedin", example, "-o", "-", "--stack", "Cooking"])
    assert result.exit_code == 1 and "no such stack; the profile has Digital Marketing" in (
        result.output
    )


def test_cli_stack_filter() -> None:
    result = CliRunner().invoke(
        cli,
        [
            "linkedin",
            str(EXAMPLES / "jordan-rivera.yaml"),
            "-o",
            "-",
            "--stack",
            "digital marketing",
            "--today",
            "2026-11-28",
        ],
        catch_exceptions=False,
    )
    assert "stack-digital-marketing.txt" in result.output
    assert "google-data-analytics-short" not in result.output
