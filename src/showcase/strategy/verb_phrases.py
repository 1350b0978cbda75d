"""A term asked with its verb: "analyze sales data" is Data analysis.

A skill or method whose spelling is "<object> <nominalised verb>" (Data analysis, Hardware
troubleshooting, Interview scheduling; a compound, Copywriting, too) is also written as
the verb in any form ("analyze", "analyzes", "analysed", "analyzing") with the object a few
words after it, plural or not: "Analyze sales data", "Troubleshoot hardware and software",
"Identify, track and mitigate risks" (risk mitigation: Risk management). The nominalised
verbs and their verbs are the vocabulary's `verbs:` table; nothing is listed per term.

Guards, for precision:
* at most `BETWEEN` words between verb and object, with only commas, hyphens, slashes and
  apostrophes besides, none of them a word that opens a phrase or clause of its own ("Report
  to the data manager", "Plan for growth; risks ...": no term), on one line;
* the object ends its noun phrase: the next word is none, a sign, "and", "or", a
  preposition or an adverb ("analyze data weekly"), never another noun ("manage the data
  team" is no Data management, "analyze data warehouse costs" no Data analysis);
* the verb is no noun: not after "a", "the", "our" ... ("a flexible schedule").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from showcase.strategy.vocabulary import Term, TermKind, Vocabulary, normalize

BETWEEN = 3  # at most so many words between the verb and its object
# Words that open a phrase or clause of their own: the verb's object is not after them.
_STOPS = frozenset(
    [
        "to",
        "for",
        "with",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "by",
        "from",
        "of",
        "in",
        "on",
        "at",
        "into",
        "onto",
        "using",
        "across",
        "through",
        "via",
        "when",
        "while",
        "if",
        "because",
        "as",
        "so",
        "than",
        "but",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "will",
        "within",
        "per",
        "under",
        "over",
        "about",
        "after",
        "before",
        "during",
        "without",
    ]
)
# Words that say the verb is a noun ("a schedule", "the report").
_DETERMINERS = frozenset(
    ["a", "an", "the", "our", "your", "their", "its", "his", "her", "this", "these", "those", "my"]
)
# After the object, what keeps it a noun of its own: a sign, a list word, a stop word, an
# adverb of how or how often, or a word for what goes wrong with it ("hardware issues").
_ENDS = frozenset(
    [
        "and",
        "or",
        "daily",
        "weekly",
        "monthly",
        "quarterly",
        "annually",
        "regularly",
        "accurately",
        "effectively",
        "efficiently",
        "independently",
        "promptly",
        "issues",
        "problems",
    ]
)
_SIGNS_BETWEEN = frozenset({",", "-", "/", "'", "’"})
_SIGNS_GLUED = frozenset({"-", "'", "’", "&", "+", "#"})  # "data-driven", "data's": no end
_KINDS = frozenset({TermKind.SKILL, TermKind.METHOD})


def verb_forms(base: str) -> set[str]:
    """`base` and its inflections: "plan" -> plans, planned, planning (and "planed",
    "planing": a form no posting writes costs nothing); "analyze" -> analyzes ..."""
    forms = {base}
    if base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and base[-2:-1] not in set("aeiou"):
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    else:
        plural = base + "es" if base.endswith(("s", "sh", "ch", "x", "z")) else base + "s"
        forms |= {plural, base + "ed", base + "ing"}
        if len(base) > 2 and _cvc(base):  # plan: planned, planning
            forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return forms


def _cvc(word: str) -> bool:
    vowels = set("aeiou")
    return word[-1] not in vowels | set("wxy") and word[-2] in vowels and word[-3] not in vowels


def _plurals(word: str) -> set[str]:
    if word.endswith("y") and word[-2:-1] not in set("aeiou"):
        return {word, word[:-1] + "ies"}
    if word.endswith(("s", "sh", "ch", "x", "z")):
        return {word, word + "es"}
    return {word, word + "s"}


class VerbPhrases:
    """The vocabulary's terms by their verbs: a verb form -> (object tokens, term)."""

    def __init__(self, vocab: Vocabulary) -> None:
        # A verb form -> its object's first word -> (object words, term), longest first.
        self._by_verb: dict[str, dict[str, list[tuple[tuple[str, ...], Term]]]] = {}
        nominals = {normalize(n): verbs for n, verbs in vocab.verbs.items()}
        objects: dict[str, dict[tuple[str, ...], Term]] = {}  # a nominal -> its objects
        for term in vocab.terms:
            if term.kind not in _KINDS or term.case_sensitive or not term.by_verb:
                continue
            for spelling in (term.name, *term.aliases):
                for obj, nominal in _split(normalize(spelling), nominals):
                    for last in _plurals(obj[-1]):
                        objects.setdefault(nominal, {}).setdefault((*obj[:-1], last), term)
        for nominal, found in objects.items():
            for verb in nominals[nominal]:
                for form in verb_forms(normalize(verb)):
                    index = self._by_verb.setdefault(form, {})
                    for obj, term in found.items():
                        index.setdefault(obj[0], []).append((obj, term))
        for index in self._by_verb.values():
            for entries in index.values():
                entries.sort(key=lambda entry: -len(entry[0]))

    def __contains__(self, word: str) -> bool:
        return word in self._by_verb

    def find(self, words: Sequence[str], index: int) -> tuple[int, int, Term] | None:
        """The term of the verb at `words[index]` with the indexes of its object's first and
        last tokens, or None (see the module docstring for the guards)."""
        if index and words[index - 1] in _DETERMINERS:
            return None
        objects = self._by_verb.get(words[index], {})
        at, between = index + 1, 0
        while at < len(words) and between <= BETWEEN:
            word = words[at]
            if not word[0].isalnum():
                if word not in _SIGNS_BETWEEN:
                    return None
                at += 1
                continue
            if word in _STOPS:
                return None
            for obj, term in objects.get(word, ()):
                end = at + len(obj)
                if tuple(words[at:end]) == obj and _ends_phrase(words, end):
                    return at, end - 1, term
            between += 1
            at += 1
        return None


def _ends_phrase(words: Sequence[str], at: int) -> bool:
    """Whether the object that ends before `words[at]` ends its noun phrase."""
    if at >= len(words):
        return True
    word = words[at]
    if not word[0].isalnum():
        return word not in _SIGNS_GLUED
    return word in _ENDS or word in _STOPS


def _split(spelling: str, nominals: Mapping[str, object]) -> list[tuple[tuple[str, ...], str]]:
    """The (object words, nominalised verb) of a spelling "<object> <nominal>": "data
    analysis" -> (("data",), "analysis"); a compound "copywriting" -> (("copy",),
    "writing"), its first part four letters or more. None of another shape."""
    words = spelling.split()
    if len(words) >= 2 and words[-1] in nominals and all(w.isalpha() for w in words[:-1]):
        return [(tuple(words[:-1]), words[-1])]
    if len(words) == 1 and words[0].isalpha():
        for nominal in nominals:
            head = words[0][: -len(nominal)]
            if words[0].endswith(nominal) and len(head) >= 4:
                return [((head,), nominal)]
    return []
