"""Facts into sentences: small typed builders instead of user strings glued into templates.

* `Clause`: a resume highlight ("Ran a $6.2M store with 28 associates; grew sales 14%")
  read as what the person did, said in the right tense ("I run ..." for the job they hold,
  "I ran ..." for one they left), and joined with "and"; a highlight that does not open
  with a verb ("Partner to six engineering directors") is no clause and is never put
  after "where I".
* `term`: a skill mid-sentence: common nouns in lower case ("copywriting"), product
  names in the vocabulary's casing ("Google Ads", "SEO"), and a name of data/verbs.yaml
  (a language, a programme: "Mandarin", "Medicare billing") as written.
* `after_colon`: the user's own words after a label ("What stuck with me: how ..."): no
  capital mid-sentence unless the first word is a name.

A result's figures (a change or a scope) are read in `views/figures.py`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

VERBS_FILE = "verbs.yaml"  # in showcase/data: irregular verbs, action verbs, role nouns


@dataclass(frozen=True)
class _Lexicon:
    irregular: dict[str, str]  # base -> past: "lead" -> "led"
    actions: frozenset[str]  # regular action verbs, base form
    roles: frozenset[str]  # nouns that open a highlight naming a role: "partner"
    past_to_base: dict[str, str]
    names: frozenset[str]  # words that keep their capital anywhere: "Mandarin", "Medicare"


def join_words(items: list[str] | tuple[str, ...], conjunction: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    from showcase.strategy._data import read_data

    data = read_data(VERBS_FILE.removesuffix(".yaml"))  # its JSON twin: 0.1 ms, not 16
    irregular = {str(k): str(v) for k, v in data["irregular"].items()}
    return _Lexicon(
        irregular,
        frozenset(map(str, data["action_verbs"])),
        frozenset(map(str, data["role_nouns"])),
        {past: base for base, past in irregular.items()},
        frozenset(map(str, data["names"])),
    )


def past_of(verb: str) -> str:
    """``lead`` -> ``led``, ``plan`` -> ``planned``, ``apply`` -> ``applied``."""
    irregular = _lexicon().irregular
    if verb in irregular:
        return irregular[verb]
    if verb.endswith("e"):
        return f"{verb}d"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return f"{verb[:-1]}ied"
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnpt]", verb):  # one syllable, CVC: plan, ship
        return f"{verb}{verb[-1]}ed"
    return f"{verb}ed"


def _base_of_past(word: str) -> str | None:
    """The base form of a past-tense action verb, or None if `word` is not one."""
    lexicon = _lexicon()
    if word in lexicon.past_to_base:
        return lexicon.past_to_base[word]
    if not word.endswith("ed"):
        return None
    for base in (word[:-1], word[:-2], word[:-3], f"{word[:-3]}y"):
        if base in lexicon.actions and past_of(base) == word:
            return base
    if word.endswith("lled") and word[:-3] in lexicon.actions:  # British: modelled, labelled
        return word[:-3]
    return None


def is_action_verb(word: str) -> bool:
    """Whether `word` is an action verb of the lexicon (data/verbs.yaml), in its base form
    or its past: ``keep``, ``kept``, ``modelled``; the one list every view asks."""
    lexicon, folded = _lexicon(), word.casefold()
    return folded in lexicon.actions or folded in lexicon.irregular or bool(_base_of_past(folded))


@dataclass(frozen=True)
class Clause:
    """What the person did: a verb and the rest, said with "I"."""

    verb: str  # as written, lower case: "ran", "lead", "traced"
    past: bool  # written in the past ("Ran ..."): an achievement, said in the past
    rest: str  # "a $6.2M store with 28 associates"

    def said(self, *, ongoing: bool) -> str:
        """The predicate: ``run a store`` (a duty of the job held) or ``ran a store``."""
        verb = self.verb if self.past or ongoing else past_of(self.verb)
        return f"{verb} {self.rest}".strip()


def clause(fragment: str) -> Clause | None:
    """A highlight read as an action ("Cut cost 18%"), or None when it opens with no verb.

    The first word is a verb only when the lexicon (data/verbs.yaml) lists it or its past:
    "Regretted attrition fell 5%" opens with an adjective, not an action.
    """
    text = fragment.strip().rstrip(".")
    words = text.split(" ", 1)
    if not words[0] or not words[0][:1].isalpha() or _is_name(words[0]):
        return None
    first = words[0].casefold()
    rest = words[1] if len(words) > 1 else ""
    lexicon = _lexicon()
    if _role_length(text):  # "Lead for the Epic upgrade": a role, not "I lead for ..."
        return None
    if first in lexicon.actions or first in lexicon.irregular:
        return Clause(first, False, rest)
    if _base_of_past(first) is not None:
        return Clause(first, True, rest)
    return None


def clauses(highlight: str) -> list[Clause] | None:
    """Every part of a highlight (split at ";"), or None if any part is not an action."""
    parts = [p for p in re.split(r"\s*;\s*", highlight.strip().rstrip(".")) if p]
    found = [clause(p) for p in parts]
    if not found or any(c is None for c in found):
        return None
    return [c for c in found if c is not None]


def predicate(highlight: str, *, ongoing: bool) -> str | None:
    """``ran a $6.2M store with 28 associates and grew sales 14%``, in the tense of a job
    held (`ongoing`) or left; None when the highlight is not a list of actions."""
    found = clauses(highlight)
    if not found:
        return None
    said = [c.said(ongoing=ongoing) for c in found]
    return join_words(said)


def role_phrase(highlight: str) -> str | None:
    """The role a highlight opens with, to follow "I'm a" or "I was a": ``partner to six
    engineering directors``, ``super-user for the Epic EHR go-live``, ``Epic super-user
    for 6 North``; None when it opens with no role (`_role_length`)."""
    text = highlight.strip().rstrip(".")
    return after_colon(text) if _role_length(text) and ";" not in text else None


# What a role is for, after its noun: "Lead for ...", "Mentor to ...", "Head of ...".
_ROLE_LINKS = frozenset({"for", "to", "of", "on", "in", "between"})
_NOT_MODIFIERS = frozenset({"a", "an", "the", "my", "our", "each", "every", "all"})


def _role_length(text: str) -> int:
    """The number of words of the noun phrase naming a role that `text` opens with, when
    what the role is for follows (a link word or a comma): "Super-user for", "Charge
    nurse for", "Owner, payroll migration"; 0 otherwise. Its last word is a role noun of
    data/verbs.yaml, or a compound ending in one ("super-user", "subject-matter expert");
    the words before it only describe it: "Train a super-user for each unit" is an
    action, "Lead the huddle" too, "User research for ..." no role."""
    words, lexicon = text.split(), _lexicon()
    for size in range(1, min(3, len(words) - 1) + 1):
        before = {w.casefold() for w in words[: size - 1]}
        if before & (_NOT_MODIFIERS | lexicon.actions | lexicon.irregular.keys()):
            return 0
        head = words[size - 1].casefold()
        linked = head.endswith(",") or words[size].casefold() in _ROLE_LINKS
        if linked and re.split(r"[-/]", head.rstrip(","))[-1] in lexicon.roles:
            return size
    return 0


# A numbered law, form or rule: "Section 508", "Form I-9", "Title IX".
_NUMBERED = re.compile(r"(?:Section|Form|Title|Article|Schedule) (?:\d|[IVX]+\b|[A-Z]-\d)")


def _is_name(word: str) -> bool:
    """``SEO``, ``HubSpot``, ``I``, ``iPhone``: a word whose casing carries meaning; or a
    name of data/verbs.yaml's list, written so (``Mandarin``, ``Medicare``, ``Gantt``)."""
    letters = [ch for ch in word if ch.isalpha()]
    said = word in ("I", "I'm", "I've", "I'd", "I'll") or word.rstrip(",.;:") in _lexicon().names
    return said or any(ch.isupper() for ch in letters[1:])


def term(text: str) -> str:
    """How a skill reads mid-sentence.

    A vocabulary tool or certification keeps the vocabulary's casing (``google ads`` ->
    ``Google Ads``); a vocabulary skill or method is a common noun (``Copywriting`` ->
    ``copywriting``) unless it is an acronym (``SEO``). Outside the vocabulary, a phrase
    whose later words are lower case is a common noun (``Search campaigns``); a single
    unknown word keeps its casing (it may be a name: ``Tableau``).
    """
    from showcase.strategy.vocabulary import vocabulary

    found = vocabulary().find(text)
    if found is not None:
        spelling = next((s for s in found.spellings if s.casefold() == text.casefold()), found.name)
        if found.kind in ("tool", "certification") or _proper(spelling, found.spellings):
            return spelling
        return spelling[:1].lower() + spelling[1:]
    words = text.split()
    if len(words) > 1 and all(w.islower() for w in words[1:]) and not _names_in(text):
        return text[:1].lower() + text[1:]
    if len(words) == 1 and _COMMON_NOUN.match(text) and not _names_in(text):
        return text[:1].lower() + text[1:]  # "Coaching", "Mentoring", "Leadership"
    return text


# A single word outside the vocabulary that is a common noun by its ending: of the
# vocabulary's own single words of this shape, 32 are skills ("Budgeting", "Onboarding",
# "Facilitation", "Procurement") and one a product ("Rippling"), which the vocabulary
# spells. A listed skill "Coaching" had read "employee relations, Coaching, change
# management" in About (2026-12-06).
_COMMON_NOUN = re.compile(r"^[A-Z][a-z]{4,}(?:ing|ship|tion|sion|ment|ness)$")


def _proper(spelling: str, spellings: Sequence[str] = ()) -> bool:
    """Whether a vocabulary skill's spelling is a name, not a common noun: a later word in
    capitals that is no acronym ("Active Directory", "Net Promoter Score", "Bachelor of
    Science in Nursing", but "Technical SEO"), a first word that is a product's name
    ("Salesforce administration") or that the term's own `spellings` capitalise after
    another word ("Spanish": "fluent in Spanish"); or a name's casing ("SEO")."""
    from showcase.strategy.vocabulary import vocabulary

    first, *later = spelling.split()
    named = _is_name(first) or _NUMBERED.match(spelling) is not None
    if named or any(w[:1].isupper() and not w.isupper() for w in later):
        return True
    if first[:1].isupper() and any(first in s.split()[1:] for s in spellings):
        return True
    found = vocabulary().find(first) if later else None
    return found is not None and found.kind in ("tool", "certification")


def _names_in(text: str) -> bool:
    """Whether `text` opens with a name (`_is_name`, "Section 508 ...") or a vocabulary
    name ("Tableau dashboards ...", "Active Directory accounts ...")."""
    from showcase.strategy.vocabulary import vocabulary

    words = text.split()
    if not words or _is_name(words[0]) or _NUMBERED.match(text):
        return bool(words)
    for size in range(min(4, len(words)), 0, -1):
        spelling = " ".join(words[:size]).strip(",.:;")
        found = vocabulary().find(spelling)
        if found is None:
            continue
        if found.kind in ("tool", "certification") or _proper(spelling, found.spellings):
            return True
    return False


# Verbs a result's own subject takes ("Regretted attrition fell 5%"): said in the past or
# the present, never a label's part.
_FINITE = frozenset(
    {"fell", "rose", "dropped", "climbed", "grew", "doubled", "tripled", "halved", "went"}
    | {"increased", "decreased", "improved", "declined", "stayed", "remained", "reached"}
    | {"is", "are", "was", "were", "has", "have", "had"}
)
_RELATIVE = frozenset({"that", "which", "who", "whose", "where", "when"})


def stands_alone(text: str) -> bool:
    """Whether `text` is a sentence with a subject of its own ("Regretted attrition fell
    5%", "Charting time for vitals fell by 4 minutes"), not a noun phrase ("HubSpot
    rollout for 40 reps", "HubSpot rollout that doubled adoption")."""
    for word in re.findall(r"[\w'’-]+", text)[1:]:
        key = word.casefold()
        if key in _RELATIVE:
            return False
        if key in _FINITE:
            return True
    return False


def after_colon(text: str) -> str:
    """The user's words after a label's colon, mid-sentence: ``How to write ...`` ->
    ``how to write ...``; a name (``Tableau``, ``SEO``, ``I``) keeps its capital."""
    text = text.strip()
    first = text.split(" ", 1)[0]
    if not first[:1].isupper() or _names_in(text):
        return text
    return text[:1].lower() + text[1:]


# Words after which a noun phrase goes on: "Registered nurse | with ...", "Head | of People".
_PHRASE_ENDS = frozenset(
    {"with", "who", "whose", "that", "for", "at", "in", "on", "of", "from", "across", "about"}
    | {"to", "by", "as", "since", "and", "turned", ",", ";", ":", "."}
)


def _head(phrase: str) -> tuple[list[str], int]:
    """The words of `phrase` and where its head noun is: the last word before the phrase
    goes on ("Registered Nurse, Medical-Surgical": "Nurse"); -1 when it opens going on."""
    words = re.findall(r"[\w'’-]+|[,;:.]", phrase)
    end = next((i for i, w in enumerate(words) if w.casefold() in _PHRASE_ENDS), len(words))
    return words, end - 1


# Words no job title holds before its head noun: a determiner, a pronoun or a verb of
# its own ("Every patient deserves a great nurse", "Anyone can be a nurse", "The ...":
# "I am a the senior accountant ..."). A title says "Registered nurse", "Senior
# accountant", "Bilingual board-certified nurse".
_NOT_IN_A_ROLE = _FINITE | frozenset(
    {"a", "an", "the", "my", "our", "your", "their", "his", "her", "its", "this", "these"}
    | {"those", "every", "each", "any", "anyone", "some", "no", "i", "me", "we", "us", "you"}
    | {"they", "them", "he", "she", "it", "am", "be", "been", "being", "can", "could"}
    | {"will", "would", "should", "may", "might", "must", "do", "does", "did", "why", "how"}
    | {"what", "who", "which", "that", "became", "become", "becomes", "call", "calls"}
    | {"deserve", "deserves", "need", "needs", "want", "wants", "love", "loves"}
)


def role_opening(text: str, roles: list[str] | tuple[str, ...]) -> str | None:
    """``registered nurse with four years ...`` (to follow "I am a") from a summary that
    opens with a role the person holds: "Registered nurse with four years ..." when a job
    title or the headline in `roles` is a nurse (its head noun: "Registered Nurse,
    Medical-Surgical"). None when it opens otherwise ("Four years on ...", "Passionate
    about ..."): that is no "I am" sentence.
    """
    body = " ".join(text.split())
    first, _, rest = body.partition(" ")
    if first.casefold() in ("a", "an"):
        body = rest
    words, head = _head(body)
    if any(w.casefold() in _NOT_IN_A_ROLE for w in words[: head + 1]):
        return None  # "... is why I became a nurse": a sentence that ends on the role
    nouns = set()
    for role in roles:
        role_words, role_head = _head(role)
        if role_head >= 0:
            nouns.add(role_words[role_head].casefold())
    if head < 0 or words[head].casefold() not in nouns:
        return None
    return after_colon(body)
