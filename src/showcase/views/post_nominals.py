"""Letters after a name (PMP, RN, SHRM-CP) and whether a text already says them: beside a
headline "Registered Nurse, Medical-Surgical" the RN of a Registered Nurse License is said
twice ("RN · Registered Nurse, ..."); `views.common.letters_unsaid` asks it."""

from __future__ import annotations

import re

_WORDS = re.compile(r"[^\W_]+")  # words, split at hyphens and slashes too: "PMP-certified"
# Small words an expansion skips: "Society for Human Resource Management" is SHRM.
_SKIPPED = frozenset({"of", "for", "and", "the", "in", "on", "to", "a", "an"})


def says_letters(text: str, letters: str, name: str) -> bool:
    """Whether `text` already says the `letters` of the credential called `name`: as a word
    ("Nurse (RN)", "PMP-certified"), or spelled out in words of its name, in order
    ("Registered Nurse, Medical-Surgical" says the "RN" of "Registered Nurse License").

    A spelling-out counts only in the credential's own words: "Product Engineer" has
    the initials of "PE", but says nothing of a "Professional Engineer (PE) License".
    A word that merely holds the letters ("Learning" holds "rn") says nothing either.
    """
    parts = [p for p in re.split(r"[,;/]", letters) if p.strip()]
    if len(parts) > 1:  # "RN, BSN" given as one: said when each is
        return all(says_letters(text, part, name) for part in parts)
    words = _WORDS.findall(text)
    wanted = "".join(_WORDS.findall(letters)).upper()
    if len(wanted) < 2:
        return False
    if any(w.upper() == wanted for w in words):
        return True
    own = {_stem(w) for w in _WORDS.findall(name)}
    return any(_spells(words, start, wanted, own) for start in range(len(words)))


def _stem(word: str) -> str:
    """A word of a name whatever its gender or number in Spanish, Portuguese or Italian:
    "Contadora", "Contadores" and "Contador" are one; "Pública" is "Público"."""
    key = word.casefold()
    if len(key) > 4:
        key = re.sub(r"(?:es|as|os|a|o)$", "", key)
    return key


def _spells(words: list[str], at: int, wanted: str, own: set[str], done: int = 0) -> bool:
    """Whether `words` from `at` on spell `wanted[done:]`: each word of the name gives
    its initial, or all of it when it is itself in capitals ("SHRM Certified
    Professional" is SHRM-CP); a small word inside is skipped."""
    if done == len(wanted):
        return True
    if at == len(words):
        return False
    word = words[at]
    key = word.casefold()
    if done and key in _SKIPPED and _spells(words, at + 1, wanted, own, done):
        return True
    if _stem(word) not in own:
        return False
    whole = len(word) > 1 and word.isupper() and wanted.startswith(word, done)
    if whole and _spells(words, at + 1, wanted, own, done + len(word)):
        return True
    return word[:1].upper() == wanted[done] and _spells(words, at + 1, wanted, own, done + 1)
