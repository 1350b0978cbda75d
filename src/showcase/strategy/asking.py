"""Whether a sentence of a posting asks anything, and which part of a clause does.

A sentence about the company asks nothing ("We are a SaaS company on Salesforce", "Our
team lives in HubSpot", "Quarry Labs builds logistics software"); one saying what the
company needs of the person does ("We need Google Ads", "We would love HubSpot"), unless
it is the company's own aim ("We need to grow 40% this year on AWS"; "We want to hire" or
"to see" asks). A negated clause asks nothing ("ML experience is NOT required, but Python
is": the clause before "but"); what a clause goes without is cut from it and the rest
asked ("Basic HTML and CSS to fix a template without waiting for a developer", "Excel (no
VBA required)"; "without prior SQL experience" asks nothing). Used by `requirements.py`.
"""

from __future__ import annotations

import re

# "We need / want / expect / would like to" and a verb is the company's own aim ("We need to
# grow 40% this year on AWS"), unless the verb is what it would do with the person.
_OF_THE_PERSON = r"(?! to (?!(?:see|hear|find|hire|meet|welcome|know)\b))"
_COMPANY_SENTENCE = re.compile(
    r"^(?:we(?:'re| are)? (?!(?:are |re )?(?:also |really |will )?(?:looking|seeking|hiring|"
    rf"searching|(?:need|want|require|expect|would (?:love|like))\b{_OF_THE_PERSON}))|"
    r"our (?!ideal|next|new hire|perfect|successful|candidate)|founded\b|headquartered\b)",
    re.I,
)
_NEGATION = re.compile(
    r"\b(?:not (?:required|necessary|needed|a requirement|expected|mandatory)|"
    r"(?:do not|don.t|won.t) need|need not|no need)\b",
    re.I,
)
_WITHOUT = re.compile(
    r"\bwithout\b[^,;]*|\bno (?:[\w/+#.-]+ ){0,4}(?:required|needed|necessary)\b", re.I
)


def about_company(company: str | None) -> re.Pattern[str] | None:
    """A sentence that starts with the company's name is about the company ("Quarry Labs
    builds logistics software"), not a requirement."""
    if not company or len(company) < 3:
        return None
    first = re.escape(company.split(",")[0].strip())
    return re.compile(rf"^(?:the )?{first}(?:'s)?\s+(?!is (?:looking|seeking|hiring))", re.I)


def about_the_company(sentence: str, about: re.Pattern[str] | None) -> bool:
    """Whether `sentence` (stripped) is about the company, `about` its name's pattern."""
    return bool(_COMPANY_SENTENCE.match(sentence) or (about is not None and about.match(sentence)))


def asked_part(clause: str) -> str:
    """What of `clause` asks anything: "" when it is negated, else without what it goes
    without."""
    clause = _WITHOUT.sub(" ", clause)
    return "" if _NEGATION.search(clause) else clause
