"""What a text of the profile evidences: the one reader of the person's own words.

`evidenced` reads any text the profile holds as the person's (a highlight, a skill, a
credential's name): the terms it names, with what they evidence too (`implies`: a HubSpot
certification, HubSpot; Local SEO, SEO) and the classes they are members of (PSM: a Scrum
certification).

`title_terms` reads a job's title. A title names a skill without spelling it: a "Cloud
Engineer" does cloud engineering, a "Data Analyst" data analysis. So beside what its words
name, the vocabulary's `titles` count there (job titles that evidence a term, whole words
of the title; read in no posting, where "we are hiring a Data Analyst" asks for no skill by
itself). A spelling's word in capitals matches only in capitals ("ER nurse", "OR nurse"),
and "Registered Nurse" or "RN" is read as "Nurse" ("ICU Registered Nurse": an ICU nurse). A
title evidences no certification: a "Salesforce Administrator" holds no Salesforce
certification for it (a credential is held or not, never shown by a job). Only a job's
title is read so: a headline's "Aspiring Cloud Engineer" is no job. Measured on titles as
people write them: tests/strategy/test_evidence_labelled.py.
"""

from __future__ import annotations

import re

from showcase.strategy.matcher import Matcher
from showcase.strategy.vocabulary import Term, TermKind, Vocabulary

_EDGE = r"[\w&+#]"  # what a title's spelling may not touch
_NURSE = re.compile(r"(?<!\w)(?:(?i:registered\s+nurse)|RN)(?!\w)")
_PATTERNS: dict[int, tuple[Vocabulary, tuple[tuple[re.Pattern[str], Term], ...]]] = {}


def evidenced(text: str | None, match: Matcher) -> list[Term]:
    """The terms `text` shows, in order, with what they evidence too and the classes they
    are members of."""
    if not text:
        return []
    vocab = match.vocab
    term = vocab.find(text)
    terms = [term] if term is not None else list(match.terms(text, context=False))
    return _with_evidence(terms, vocab)


def title_terms(title: str | None, match: Matcher) -> list[Term]:
    """The terms a job's title evidences (see the module docstring), in order."""
    if not title:
        return []
    read = _NURSE.sub("Nurse", title)
    named = evidenced(read, match)
    named += _with_evidence([t for p, t in _patterns(match.vocab) if p.search(read)], match.vocab)
    return [t for t in dict.fromkeys(named) if t.kind != TermKind.CERTIFICATION]


def _with_evidence(terms: list[Term], vocab: Vocabulary) -> list[Term]:
    found = (
        each for t in terms for i in vocab.implied(t) for each in (i, *vocab.classes.get(i, ()))
    )
    return list(dict.fromkeys(found))


def _patterns(vocab: Vocabulary) -> tuple[tuple[re.Pattern[str], Term], ...]:
    """Each term with `titles`, and one pattern of them: longest first, words in capitals
    matched only so, the words apart by spaces or a hyphen ("Med-Surg")."""
    cached = _PATTERNS.get(id(vocab))
    if cached is not None and cached[0] is vocab:
        return cached[1]
    patterns = []
    for term in vocab.terms:
        if term.titles:
            spellings = sorted(term.titles, key=len, reverse=True)
            body = "|".join(r"[\s-]+".join(map(_word, s.split())) for s in spellings)
            patterns.append((re.compile(rf"(?<!{_EDGE})(?:{body})(?!{_EDGE})"), term))
    _PATTERNS[id(vocab)] = (vocab, tuple(patterns))
    return tuple(patterns)


def _word(word: str) -> str:
    exact = len(word) > 1 and word.isupper()
    return re.escape(word) if exact else f"(?i:{re.escape(word)})"
