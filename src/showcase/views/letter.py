"""The cover letter for one posting: what it says, already worded.

Built on the posting's requirement groups (`strategy.requirements`) and the
profile's own results and credentials (`views.evidence`):

* Opening: the role and the company, and the single strongest match (a met
  requirement group backed by both a result and a credential).
* Two evidence paragraphs, each answering one met group: the person's result, as
  they wrote it (numbers kept), and the valid credential that backs it.
* A bridge when the posting's title is not the person's current title: which of the
  met requirements the current job already shows.
* One honest line about the most important unmet group, only when an `in_progress`
  entry covers it ("I am completing ..."); otherwise nothing.
* A close: availability and relocation from the optional `letter:` block.

Nothing is added: every skill, credential, employer and number comes from the
profile; of the posting only its title and company are named, as the posting's.
The requirements are named by the vocabulary's names, never in the posting's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from showcase.profile import LoadedProfile
from showcase.render.paper import long_date
from showcase.strategy.requirements import requirements
from showcase.strategy.tailor import Tailoring
from showcase.views.common import a_or_an, end_of
from showcase.views.evidence import Evidence
from showcase.views.grammar import role_opening
from showcase.views.letter_paragraphs import (
    CORE,
    LEVELS,
    MORE_LEARNED,
    Draft,
    answers_to,
    bridge_line,
    choose,
    closing_line,
    evidence_draft,
    in_progress_line,
    more_draft,
    opening_line,
    ranked,
)
from showcase.views.letter_paragraphs import Answer as Answer
from showcase.views.resume import ContactItem, resume_view

MIN_WORDS = 250
MAX_WORDS = 400
TARGET_WORDS = 300  # optional sentences are added until the letter reaches this
DEFAULT_SIGN_OFF = "Kind regards"
DEFAULT_GREETING = "Dear Hiring Manager,"
_WORD = re.compile(r"[\w$£€%][\w$£€%'’.,/-]*")


@dataclass(frozen=True)
class LetterView:
    """Everything the cover letter says, in order."""

    name: str  # the person's name, as signed
    display_name: str  # with letters after it, for the letterhead
    tagline: str | None  # the headline under the name
    contact_lines: tuple[tuple[ContactItem, ...], ...]  # the letterhead's contact lines
    separator: str  # between contact items
    date: str  # "December 6, 2026"
    title: str  # the posting's job title ("the role" when it has none)
    company: str  # the posting's company ("your company" when it has none)
    greeting: str  # "Dear Hiring Manager,", or "Dear <--to>,"
    opening: str
    evidence: tuple[str, ...]  # one paragraph per answered requirement group
    bridge: str | None  # how the current job carries over to the role
    in_progress: str | None  # the one honest line about the top unmet requirement
    closing: str
    sign_off: str  # "Kind regards,"
    answered: tuple[str, ...]  # the requirement groups the evidence paragraphs answer

    @property
    def subject(self) -> str:
        """The document's subject: "Application for <title> at <company>"."""
        return f"Application for {self.title} at {self.company}"

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The body, from the opening to the close."""
        middle = [p for p in (self.bridge, self.in_progress) if p]
        return (self.opening, *self.evidence, *middle, self.closing)

    @property
    def words(self) -> int:
        """The body's word count, greeting and signature left out."""
        return count_words(" ".join(self.paragraphs))


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def letter_view(loaded: LoadedProfile, tailor: Tailoring, *, to: str | None = None) -> LetterView:
    """The cover letter of `loaded` for the posting of `tailor` (see the module docstring)."""
    profile = loaded.profile
    evidence = Evidence(loaded)
    groups = ranked(list(requirements(tailor.posting).groups))
    answers, unmet = answers_to(groups, evidence)
    chosen = choose(answers)
    title = _clean(tailor.posting.title) or "the role"
    company = _clean(tailor.posting.company) or "your company"
    current = loaded.current_job
    resume = resume_view(loaded)
    bridge = bridge_line(loaded, title, chosen[:2])
    line, says_job = _summary_line(loaded)
    # A certification the posting asks for, held: said first when no result leads.
    held = None if chosen else next((a.certificate for a in answers if a.certificate), None)
    base = LetterView(
        name=profile.name,
        display_name=loaded.display_name,
        tagline=profile.headline,
        contact_lines=resume.contact_lines,
        separator=resume.separator,
        date=long_date(loaded, loaded.today),
        title=title,
        company=company,
        greeting=_greeting(to),
        opening=opening_line(title, company, chosen, current, bridge is None, held, says_job),
        evidence=(),
        bridge=bridge,
        in_progress=in_progress_line(profile.in_progress, unmet[:1], evidence, loaded.today),
        closing=closing_line(loaded, company, chosen[:2]),
        sign_off=f"{(profile.letter.sign_off or DEFAULT_SIGN_OFF).strip().rstrip(',')},",
        answered=tuple(a.label for a in chosen[:2]),
    )
    # The evidence paragraphs, their optional sentences tagged with a priority: the letter
    # takes all that fit in 400 words, dropping the least telling first.
    used: set[str] = set()
    cited: set[str] = {held.id} if held is not None else set()
    leads = frozenset(a.results[0].text for a in chosen[:2])
    drafts = [evidence_draft(answer, used, cited, leads) for answer in chosen[:2]]
    answered = {a.requirement for a in chosen[:2]}
    rest = [*chosen[2:], *(a for a in answers if a.requirement not in answered)]
    more = more_draft(rest, used, cited, also=bool(drafts) or held is not None)
    if more:
        drafts.append(more)
    opening: Draft = [(CORE, base.opening)]
    if line:  # the job's title said by it alone: it stays with the opening
        opening.append((CORE if says_job else MORE_LEARNED, line))
    fitting = []
    for level in LEVELS:
        first = _paragraphs([opening], level)[0]
        view = replace(base, opening=first, evidence=_paragraphs(drafts, level))
        if view.words > MAX_WORDS:
            break
        fitting.append(view)
        if view.words >= TARGET_WORDS:
            break  # long enough: the rest stays out
    return fitting[-1] if fitting else view


def _paragraphs(drafts: list[Draft], level: int) -> tuple[str, ...]:
    out = []
    for draft in drafts:
        text = " ".join(part for priority, part in draft if priority <= level)
        if text:
            out.append(text)
    return tuple(out)


def _greeting(to: str | None) -> str:
    """ "Dear Ms Alvarez," from `--to` ("Ms Alvarez", "Ms Alvarez,", "Dear Ms Alvarez")."""
    name = " ".join((to or "").split()).rstrip(",:;")
    name = re.sub(r"^dear\s+", "", name, flags=re.I)
    return f"Dear {name}," if name else DEFAULT_GREETING


def _summary_line(loaded: LoadedProfile) -> tuple[str | None, bool]:
    """The summary's first sentence, when it is short enough to say in a line, said by the
    person: as written when it is in the first person ("I ..."), "I am a registered nurse
    with ..." when it opens with a role of theirs ("Registered nurse with ..."), else
    nothing (it read "In a line: registered nurse with ...", a label glued on); and
    whether that role is the job held's (then the opening does not say its title too)."""
    profile = loaded.profile
    if not profile.summary:
        return None, False
    first = re.split(r"(?<=[.!?])\s+", " ".join(profile.summary.split()), maxsplit=1)[0]
    if count_words(first) > 30:
        return None, False
    if re.match(r"(?:I|I'm|I’m|I've|I’ve|My)\b", first):
        return end_of(first), False
    roles = [job.title for job in profile.experience]
    phrase = role_opening(first, [*roles, profile.headline or ""])
    if not phrase:
        return None, False
    job = loaded.current_job
    held = job is not None and role_opening(first, [job.title]) is not None
    return f"I am {a_or_an(end_of(phrase))}", held


def _clean(text: str | None) -> str:
    """A posting's title or company as it ends a sentence: no trailing dot ("Co.")."""
    return (text or "").strip()


# --- choosing what to answer -----------------------------------------------------------------


# --- the paragraphs ----------------------------------------------------------------------------
