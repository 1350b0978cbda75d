"""Finding vocabulary terms in text the way a careful reader would.

* Whole words only: "Excel" never comes from "excellent".
* Case-insensitive, except for terms marked case_sensitive ("you will excel" is
  not Excel, "Go" is not "go").
* A short name (two characters or fewer) or a case-sensitive one never touches
  ``& + # -``: a hyphen or an ampersand is a word break to a regular
  expression, so "R&D" would give R, "C-suite" C and "Go-getter" Go.
* A term with a `context` counts only in a text that also has one of its context
  words: R the language only beside "statistics" or "Python", Go only in a tech
  posting.
* A term may take another's spelling in its context (`takes`): "IAM" is AWS IAM in a
  posting that names AWS, and the skill Identity and access management elsewhere.
* Senses: a term is the ordinary word when the next words are one of its
  `not_before` ("Go above and beyond", "Excel at juggling") or the words before
  one of its `not_after`.
* A guarded spelling ("Word", "Outlook", "Windows", "Access", "Teams") counts only
  written exactly so (a capitalised one; "networking" in any case) and either in a
  list ("Word, Excel and Outlook": next to another term with only commas, "and",
  "or", "/" between; guarded neighbours confirm each other only when the list reaches
  an unguarded term) or before one of the term's `qualifiers` ("Access databases",
  which then is Access alone: the qualifier is no term of its own). The qualifier
  `in <tool>` is "in" and a tool of one of the term's fields ("chart in Epic": a nurse's
  system, which stays a term of its own; "a chart in Excel" is not charting).
* A spelling in two parts ("give ... medications", `apart`) reads across up to five
  words on one line, with only commas, hyphens, slashes and apostrophes besides:
  "Give scheduled and PRN medications", "Titrate heparin and insulin drips". The words
  between are read on their own as well ("Administer IV ... medications": IV therapy).
* A verb: "analyze sales data" is Data analysis (`strategy/verb_phrases.py`); the verb
  and the words between are read on their own as well.
* A shared word: "ICU or ED experience" is ICU experience or ED experience, "risk and
  change management" risk management and change management. A word that starts no
  term of its own, then "and" or "or" and one or two more words, is read with what
  follows them when the two make a spelling; the hit is the whole phrase ("neurological
  and hemodynamic assessments"), the next word is read on its own as well, and the
  senses are those of the phrase's ends. Never a case-sensitive or guarded spelling.

Every spelling is split into tokens (runs of word characters, and each other
character alone) and kept in one dictionary keyed by its lower-cased tokens. A
text is tokenized once and, at each token, the longest spelling that starts
there is looked up: one pass and a handful of dictionary look-ups per word,
however large the vocabulary (an Aho-Corasick automaton in effect, without a
3,000-way regular expression that costs 0.3 s to build and scans slowly).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from showcase.strategy.verb_phrases import VerbPhrases
from showcase.strategy.vocabulary import (
    APART,
    TOOL_AFTER,
    Term,
    TermKind,
    Vocabulary,
    normalize,
    vocabulary,
)

# Characters a short or case-sensitive name may not touch (see the module docstring).
_GUARD = "&+#-"
_TOKEN = re.compile(r"\w+|[^\w\s]")


def tokens(text: str) -> tuple[str, ...]:
    """The lower-cased tokens of `text`: ``"A/B tests"`` is ``("a", "/", "b", "tests")``."""
    if text.isascii():  # the same tokens, folded at once: half the time of 3,900 spellings
        return tuple(_TOKEN.findall(text.lower()))
    return tuple(token.casefold() for token in _TOKEN.findall(text))


@dataclass(frozen=True)
class Hit:
    """One place a term was found: the term, and the text as written there."""

    term: Term
    text: str
    start: int
    end: int
    guarded: bool = False  # a guarded spelling: kept only in a list of tools or qualified


class Matcher:
    """Finds a vocabulary's terms in text; build once (see `matcher()`), use many times."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        self._guarded: dict[str, str] = {}  # a guarded spelling, folded -> as it must be written
        # Senses: the words, compiled (`_starts`, `_ends`) when a hit first needs them.
        self._not_before: dict[str, tuple[str, ...]] = {}
        self._not_after: dict[str, tuple[str, ...]] = {}
        self._by_tokens: dict[tuple[str, ...], Term] = {}
        self._exact: dict[str, frozenset[str]] = {}
        self._longest: dict[str, int] = {}  # first token -> most tokens of a spelling from it
        # A spelling in two parts: its first token -> (first part, last part, term).
        self._apart: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], Term]]] = {}
        for term in vocab.terms:
            for spelling in term.spellings:
                key = tokens(spelling)
                self._by_tokens.setdefault(key, term)
                self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))
            if term.case_sensitive:
                self._exact[term.name] = frozenset(_squeeze(s) for s in term.spellings)
            for spelling in term.guarded:
                # "Word" counts only so written; "networking" in any case.
                exact = _squeeze(spelling) if spelling[:1].isupper() else ""
                self._guarded[normalize(spelling)] = exact
            if term.not_before:
                self._not_before[term.name] = tuple(term.not_before)
            if term.not_after:
                self._not_after[term.name] = tuple(term.not_after)
            for spelling in term.apart:
                first, last = (tokens(part) for part in spelling.split(APART))
                self._apart.setdefault(first[0], []).append((first, last, term))
        self._verbs = VerbPhrases(vocab)  # "analyze ... data": Data analysis
        self._context: dict[str, re.Pattern[str]] = {}  # compiled when first needed
        # A spelling another term takes in its context: "iam" -> (AWS IAM,).
        self._takers: dict[str, tuple[Term, ...]] = {}
        for term in vocab.terms:
            for spelling in term.takes:
                folded = normalize(spelling)
                self._takers[folded] = (*self._takers.get(folded, ()), term)

    def _acceptable(self, term: Term, text: str, start: int, end: int) -> bool:
        written = text[start:end]
        if term.case_sensitive and _squeeze(written) not in self._exact[term.name]:
            return False
        exact = self._guarded.get(_fold(written)) if self._guarded else None
        if exact and " ".join(written.split()) != exact:
            return False
        if term.name in self._not_before and _starts(self._not_before[term.name]).match(text, end):
            return False
        if term.name in self._not_after and _ends(self._not_after[term.name]).search(
            text, max(0, start - 60), start
        ):
            return False
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        # Whole words: a spelling that starts or ends with a sign (".NET", "C++") must
        # still not be glued to a word ("ASP.NET" is not .NET).
        if (before.isalnum() or before == "_") or (after.isalnum() or after == "_"):
            return False
        guarded = term.case_sensitive or len(written) <= 2
        return not (guarded and (before in _GUARD or after in _GUARD))

    def hits(self, text: str) -> Iterator[Hit]:
        """Every acceptable occurrence of a term in `text`, context not yet considered.

        At each token the longest acceptable spelling wins, and matches do not overlap. A
        guarded spelling is kept only in a list of tools or before a qualifier.
        """
        found = list(self._raw_hits(text))
        qualified: dict[int, int] = {}  # index of a guarded hit -> where its qualifier ends
        for index, hit in enumerate(found):
            if hit.guarded and hit.term.qualifiers:
                words = tuple(q for q in hit.term.qualifiers if q != TOOL_AFTER)
                after = _starts(words).match(text, hit.end) if words else None
                if after:
                    qualified[index] = after.end()
                elif TOOL_AFTER in hit.term.qualifiers and _tool_after(text, found, index):
                    qualified[index] = hit.end  # "chart in Epic": Epic stays a term
        listed = _listed(text, found, qualified) if any(h.guarded for h in found) else []
        consumed = -1  # "Access databases": the qualifier is part of the product, no term
        for index, hit in enumerate(found):
            if hit.start < consumed:
                continue
            if index in qualified:
                consumed = qualified[index]
                yield hit
            elif not hit.guarded or listed[index]:
                yield hit

    def _raw_hits(self, text: str) -> Iterator[Hit]:
        found = [(m.start(), m.end(), m[0].casefold()) for m in _TOKEN.finditer(text)]
        words = [token for _, _, token in found]
        count = len(found)
        index = 0
        lookup = self._by_tokens.get
        longest = self._longest.get
        while index < count:
            if words[index] in self._verbs:  # "Troubleshoot hardware": a term starts here too
                verb = self._verb_hit(text, found, words, index)
                if verb is not None:
                    yield verb
            for size in range(min(longest(words[index], 0), count - index), 0, -1):
                term = lookup(tuple(words[index : index + size]))
                if term is None:
                    continue
                start, end = found[index][0], found[index + size - 1][1]
                if self._acceptable(term, text, start, end):
                    written = text[start:end]
                    guarded = bool(self._guarded) and _fold(written) in self._guarded
                    yield Hit(term, written, start, end, guarded)
                    index += size
                    break
            else:  # no term starts here: "give ... medications", "ICU or ED experience"?
                if words[index] in self._apart:
                    apart = self._apart_hit(text, found, words, index)
                    if apart is not None:
                        yield apart
                if index + 3 < count and words[index + 1] in _SHARING and longest(words[index], 0):
                    shared = self._shared(text, found, words, index)
                    if shared is not None:
                        yield shared
                index += 1

    def _verb_hit(
        self, text: str, found: list[tuple[int, int, str]], words: list[str], index: int
    ) -> Hit | None:
        """The term a verb here asks with its object ("Analyze sales data"), or None: none
        when a spelling between names the object ("Manage project budgets", "GCP projects")."""
        got = self._verbs.find(words, index)
        if got is None:
            return None
        first, last, term = got
        if any(  # "Manage GCP projects", "our social media calendar": the tool's, no skill
            tuple(words[at:stop]) in self._by_tokens
            for at in range(index + 1, first)
            for stop in range(at + 1, last + 2)
        ):
            return None
        start, end = found[index][0], found[last][1]
        if "\n" in text[start:end] or not self._acceptable(term, text, start, end):
            return None
        return Hit(term, text[start:end], start, end)

    def _shared(
        self, text: str, found: list[tuple[int, int, str]], words: list[str], index: int
    ) -> Hit | None:
        """The term of "A and B C" read as "A C" (see the module docstring), or None.
        B is one or two words: "email and social media marketing" is email marketing."""
        longest = self._longest[words[index]] - 1
        if longest < 1 or not (words[index].isalpha() and words[index + 2].isalpha()):
            return None
        for tail_at in (index + 3, index + 4):  # after B's first word, or its second
            if tail_at > index + 3 and not words[tail_at - 1].isalpha():
                break
            for size in range(min(longest, len(words) - tail_at), 0, -1):
                spelling = (words[index], *words[tail_at : tail_at + size])
                term = self._by_tokens.get(spelling)
                if term is None or term.case_sensitive or " ".join(spelling) in self._guarded:
                    continue
                start, end = found[index][0], found[tail_at + size - 1][1]
                if self._acceptable(term, text, start, end):
                    return Hit(term, text[start:end], start, end)
        return None

    def _apart_hit(
        self, text: str, found: list[tuple[int, int, str]], words: list[str], index: int
    ) -> Hit | None:
        """The term of a spelling in two parts that starts here ("Give scheduled and PRN
        medications"), or None: up to `APART_WORDS` words between the parts, with only
        commas, hyphens, slashes, apostrophes, "and" and "or" besides, on one line."""
        for first, last, term in self._apart[words[index]]:
            at = index + len(first)
            if tuple(words[index:at]) != first:
                continue
            between = 0
            stop = min(len(words), at + 4 * APART_WORDS)  # "give , , , ...": bounded
            while at < stop and between <= APART_WORDS:
                if between and tuple(words[at : at + len(last)]) == last:
                    start, end = found[index][0], found[at + len(last) - 1][1]
                    if "\n" not in text[start:end] and self._acceptable(term, text, start, end):
                        return Hit(term, text[start:end], start, end)
                    break
                token = words[at]
                if token[0].isalnum() or token[0] == "_":
                    between += 1
                elif token not in _APART_SIGNS:
                    break
                at += 1
        return None

    def in_context(self, term: Term, text: str) -> bool:
        """Whether `text` has one of the term's context words (always, for a term without)."""
        if not term.context:
            return True
        pattern = self._context.get(term.name)
        if pattern is None:
            pattern = self._context[term.name] = _any_of(term.context)
        return pattern.search(text) is not None

    def taken(self, hit: Hit, in_context: Callable[[Term], bool]) -> Hit:
        """`hit` as the term that takes its spelling where that term's context words are
        (`takes`: the "IAM" of "IAM roles" in a posting that names AWS is AWS IAM), else
        as it is."""
        for term in self._takers.get(_fold(hit.text), ()) if self._takers else ():
            if in_context(term):
                return replace(hit, term=term)
        return hit

    def terms(self, text: str, *, context: bool = True) -> dict[Term, str]:
        """The terms `text` shows, each once, with how it was first written there.

        With `context=False`, context words are not required: for a profile's skill
        lists, where "R" alone is meant as the language.
        """
        found: dict[Term, str] = {}
        for hit in self.hits(text):
            if context:
                hit = self.taken(hit, lambda term: self.in_context(term, text))
            if hit.term not in found:
                found[hit.term] = hit.text
        if context:
            found = {t: w for t, w in found.items() if self.in_context(t, text)}
        return found

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where terms are in `text` (context ignored): to cut them out of a phrase."""
        return [(hit.start, hit.end) for hit in self.hits(text)]


_SHARING = frozenset({"and", "or"})  # "ICU or ED experience": the words that share a word
_LIST_GAP = re.compile(r"(?:[\s,;:/&()]|\band/or\b|\band\b|\bor\b)*+", re.I)  # linear
APART_WORDS = 5  # at most so many words between the parts of a spelling in two parts
_APART_SIGNS = frozenset({",", "-", "/", "'", "’"})
_IN = re.compile(r"[ \t]+in[ \t]+(?:(?:the|an?|our|their|its)[ \t]+)?", re.I)


def _listed(text: str, found: list[Hit], qualified: dict[int, int]) -> list[bool]:
    """For each hit, whether it is in a list that reaches an unguarded or a qualified term:
    "Word, Excel and Outlook", "tier 1 and tier 2 tickets" (hits joined by list words only:
    commas, "and", "or", "/"). One pass over the runs of joined hits: walking out from
    each hit took the square of a run's length ("Word, Word, ..." 4,000 times: 6 s)."""
    listed = [False] * len(found)
    first = 0  # where the run of joined hits being read starts
    for index in range(1, len(found) + 1):
        if index < len(found) and _joined(text, found[index - 1], found[index]):
            continue
        run = range(first, index)
        if len(run) > 1 and any(not found[i].guarded or i in qualified for i in run):
            listed[first:index] = [True] * len(run)
        first = index
    return listed


def _joined(text: str, a: Hit, b: Hit) -> bool:
    """Whether hits `a` and `b` (next to each other, not overlapping) are joined by list
    words only."""
    return 0 <= b.start - a.end <= 40 and _LIST_GAP.fullmatch(text[a.end : b.start]) is not None


def _tool_after(text: str, found: list[Hit], index: int) -> bool:
    """Whether `found[index]` is followed by "in" and a tool of one of its term's fields
    ("chart in Epic", "document in the Cerner PowerChart"; never Excel for a nurse)."""
    hit = found[index]
    after = _IN.match(text, hit.end)
    if after is None:
        return False
    fields = set(hit.term.fields)
    at = index + 1
    while at < len(found) and found[at].start <= after.end():  # no copy of the rest
        near = found[at]
        if near.start == after.end() and near.term.kind == TermKind.TOOL and not near.guarded:
            return bool(fields & set(near.term.fields))
        at += 1
    return False


@lru_cache(maxsize=4096)
def _starts(words: tuple[str, ...]) -> re.Pattern[str]:
    """Matches where the next words (after spaces and a comma) are one of `words`."""
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"[\s,]*(?i:{body})(?![\w])")


@lru_cache(maxsize=4096)
def _ends(words: tuple[str, ...]) -> re.Pattern[str]:
    """Searches for text that ends with one of `words` (the words before a hit)."""
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?i:{body})\s*$")


def _fold(text: str) -> str:
    """`normalize` without a regular expression: this runs for every match."""
    return " ".join(text.split()).casefold()


def _squeeze(text: str) -> str:
    """Whitespace collapsed (``re.sub(r"\\s+", " ", text.strip())``, without a regex)."""
    return " ".join(text.split())


def _any_of(words: Iterable[str]) -> re.Pattern[str]:
    """Whole-word search for any of `words`: short ones in exact case, others in any case."""
    parts = []
    for word in words:
        body = r"\s+".join(re.escape(part) for part in word.split())
        parts.append(body if len(word) <= 2 else f"(?i:{body})")
    return re.compile(r"(?<![\w&+#-])(?:" + "|".join(parts) + r")(?![\w&+#-])")


@lru_cache(maxsize=1)
def matcher() -> Matcher:
    """The matcher of the bundled vocabulary, built once per process."""
    return Matcher(vocabulary())
