"""The LinkedIn About section: who the person is and what they build toward, first person.

LinkedIn shows about the first 300 characters before "...see more", so the first
paragraph says who the person is (current title and employer, else the headline) and
what they are building toward (their stack, or the field of their credentials). Then
their best results (their own sentences, numbers kept), the credentials that back them,
and their tools. At most 2,600 characters (LinkedIn's limit).

The job search is mentioned only when the person made it public (`search_is_public`);
`--for` aims the text at the posting's field: the stack, results and tools that share
most with the posting come first. Nothing is added that the profile does not say.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from showcase.profile import Credential, LoadedProfile
from showcase.profile.models import Stack
from showcase.strategy.tailor import Tailoring
from showcase.views.common import a_or_an, end_of, in_sentence, join_words, of_issuer, titled
from showcase.views.evidence import Evidence, Result, shares_figure
from showcase.views.figures import is_change
from showcase.views.grammar import term

ABOUT_LIMIT = 2600  # LinkedIn's About section (observed, not published: DESIGN.md)
FOLD = 300  # about what LinkedIn shows before "...see more"
RESULTS = 3
CREDENTIALS = 6
TOOLS = 12


@dataclass(frozen=True)
class AboutView:
    """The About text, paragraph by paragraph."""

    hook: str  # who and what toward: the part before "see more"
    paragraphs: tuple[str, ...]  # results, credentials, tools, contact

    @property
    def text(self) -> str:
        """The whole section, paragraphs separated by a blank line."""
        return "\n\n".join((self.hook, *self.paragraphs))

    @property
    def characters(self) -> int:
        """Its length, as LinkedIn counts it."""
        return len(self.text)


def search_is_public(loaded: LoadedProfile) -> bool:
    """Whether the person said their job search may be public (`open_to: {roles: [...],
    visibility: public}`); otherwise nothing public (the About section) mentions it."""
    return loaded.profile.open_to.public


def about_view(loaded: LoadedProfile, tailor: Tailoring | None = None) -> AboutView:
    """The About section of `loaded`, aimed at the posting's field with `tailor`."""
    profile = loaded.profile
    evidence = Evidence(loaded)
    stack = _stack(loaded, tailor)
    hook, in_hook = _hook(loaded, stack, tailor)
    paragraphs: list[str] = []

    with_figures = [r for r in evidence.results if r.has_figure]
    chosen = _chosen(
        with_figures, lambda r: (-_relevance(tailor, r), not r.mine, r.job is None, not r.current)
    )
    if not _one_job(chosen):
        # Under "A few results I'm proud of", a change ("fell from 11% to 6%") before a size
        # alone ("Partner to six directors across 900 people"), which says what the work
        # was, not what came of it. The lines of one job keep their order: "What I've done
        # at ..." may start with its scope.
        chosen = _chosen(
            with_figures,
            lambda r: (
                -_relevance(tailor, r),
                not is_change(r.text),
                not r.mine,
                r.job is None,
                not r.current,
            ),
        )
    if chosen:
        paragraphs.append(_results(chosen))

    credentials = _credentials(loaded, tailor)
    lead = "Credentials I've earned"
    if in_hook:  # the hook named the first one or two
        credentials, lead = credentials[in_hook:], "Other credentials I've earned"
    if credentials:
        named = [of_issuer(c) for c in credentials[:CREDENTIALS]]
        paragraphs.append(end_of(f"{lead}: {join_words(named)}"))

    tools = [item for group in profile.skills for item in group.items]
    if tailor is not None:
        tools.sort(key=lambda t: -tailor.relevance([t]))
    if tools:
        # Mid-sentence casing (#24's rule): products as the vocabulary spells them, common
        # nouns in lower case ("Google Ads, SEO, content strategy").
        used = dict.fromkeys(term(t) for t in tools[:TOOLS])
        paragraphs.append(f"Tools and skills I use: {', '.join(used)}.")

    if search_is_public(loaded):
        paragraphs.append(f"I'm open to {join_words(list(profile.open_to.roles))} roles.")
    if profile.contact.email:
        paragraphs.append(f"Get in touch: {profile.contact.email}")

    view = AboutView(hook, tuple(paragraphs))
    while view.characters > ABOUT_LIMIT and view.paragraphs:
        view = AboutView(hook, view.paragraphs[:-1])
    return view


def _chosen(results: list[Result], key: Callable[[Result], tuple[object, ...]]) -> list[Result]:
    """The first `RESULTS` of `results` in the order of `key`, none telling another's figure
    again."""
    chosen: list[Result] = []
    for result in sorted(results, key=key):
        if all(not shares_figure(result.text, c.text) for c in chosen):
            chosen.append(result)
    return chosen[:RESULTS]


def _one_job(results: list[Result]) -> bool:
    """Whether `results` are all from one job and each says "I ...": said under its name."""
    job = results[0].job if results else None
    return job is not None and all(r.job is job and r.mine for r in results)


def _results(results: list[Result]) -> str:
    """Results as bullets; all from one job and each said as "I ...": under one heading."""
    job = results[0].job
    if job is not None and _one_job(results):
        lines = [f"• {end_of(' '.join(r.text.split()))}" for r in results]  # as written
        return f"What I've done at {job.organization}:\n" + "\n".join(lines)
    lines = [f"• {r.said()}" for r in results]
    return "A few results I'm proud of:\n" + "\n".join(lines)


def _hook(loaded: LoadedProfile, stack: Stack | None, tailor: Tailoring | None) -> tuple[str, int]:
    """The opening, within FOLD, and how many credentials it names. A sentence too long is
    said shorter (fewer skills or credentials, no employer) or left out, never cut: it
    read "I'm building on the Advanced Certificate in ... Regulatory Affairs and."."""
    profile = loaded.profile
    job = loaded.current_job
    if job is not None:
        role = f"I'm {a_or_an(job.title)}"
        firsts = [f"{role} at {end_of(job.organization)}", end_of(role)]
    elif profile.headline:
        firsts = [end_of(profile.headline)]
    else:
        firsts = [f"I'm {profile.name}."]
    seconds: list[tuple[str, int]] = []
    if stack is not None:
        members = [profile.credential(cid) for cid in stack.credentials if _has(loaded, cid)]
        skills = list(dict.fromkeys(in_sentence(s) for c in members for s in c.skills[:1]))
        toward = f"I'm building toward {in_sentence(stack.name)}"
        for size in range(min(4, len(skills)), -1, -1):
            said = f"{toward}: {join_words(skills[:size])}" if size else toward
            seconds.append((f"{said}, with a credential to back each.", 0))
    else:
        # With a job held, the headline is not added: it is a title-like phrase
        # ("Customer Success Specialist", "Aspiring IT Support Specialist"), which after
        # "I'm a ... at ..." read as a fragment, or said the job's title twice.
        best = _credentials(loaded, tailor)[:2]
        for size in range(len(best), 0, -1):
            named = join_words([of_issuer(c) for c in best[:size]])
            seconds.append((end_of(f"I'm building on {named}"), size))
        seconds.extend((end_of(f"I'm building on {titled(c)}"), 1) for c in best[:1])
    for first in firsts:
        for second, named_count in [*seconds, ("", 0)]:
            hook = f"{first} {second}".strip()
            if len(hook) <= FOLD:
                return hook, named_count
    return firsts[-1], 0


def _credentials(loaded: LoadedProfile, tailor: Tailoring | None) -> list[Credential]:
    """Valid credentials that test something, those sharing most with the posting first."""
    credentials = [c for c in loaded.valid_credentials if not c.is_completion_only]
    if tailor is not None:
        credentials.sort(key=lambda c: -tailor.relevance([c.name, *c.skills]))
    return credentials


def _stack(loaded: LoadedProfile, tailor: Tailoring | None) -> Stack | None:
    """The stack to lead with: the one that shares most with the posting, else the first
    complete one, else the first."""
    stacks = loaded.complete_stacks or list(loaded.profile.stacks)
    if not stacks:
        return None
    if tailor is None:
        return stacks[0]
    profile = loaded.profile

    def shared(stack: Stack) -> int:
        texts = [stack.name, stack.target_role or ""]
        for cid in stack.credentials:
            if _has(loaded, cid):
                credential = profile.credential(cid)
                texts.extend([credential.name, *credential.skills])
        return tailor.relevance(texts) + (2 if tailor.names_role(stack.target_role) else 0)

    return max(stacks, key=shared)


def _has(loaded: LoadedProfile, credential_id: str) -> bool:
    try:
        return loaded.is_valid(loaded.profile.credential(credential_id))
    except KeyError:
        return False


def _relevance(tailor: Tailoring | None, result: Result) -> int:
    if tailor is None:
        return 0
    return len(set(result.terms) & tailor.terms)
