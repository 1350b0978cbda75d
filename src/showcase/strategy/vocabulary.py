"""The bundled vocabulary of skills, tools, methods and certifications.

``data/vocabulary.yaml`` lists each term once with its spellings: GA4 and
"Google Analytics 4" are Google Analytics, AdWords is Google Ads. Every name and
alias is unique across the file, compared case-insensitively with whitespace
collapsed, so a spelling always leads to exactly one term.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cached_property, lru_cache

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from showcase.profile.models.base import new_dict, new_list
from showcase.strategy._data import collector_paused, explain, read_data


class TermKind(StrEnum):
    SKILL = "skill"
    TOOL = "tool"
    METHOD = "method"
    CERTIFICATION = "certification"


class Field_(StrEnum):  # `Field` is pydantic's
    """The fields career changers come from and go to."""

    MARKETING = "marketing"
    DATA = "data"
    IT_SUPPORT = "it-support"
    CLOUD = "cloud"
    CYBERSECURITY = "cybersecurity"
    SOFTWARE = "software"
    PROJECT_MANAGEMENT = "project-management"
    HR = "hr"
    UX = "ux"
    FINANCE = "finance"
    SALES = "sales"
    CUSTOMER_SUCCESS = "customer-success"
    HEALTHCARE_ADMIN = "healthcare-admin"
    NURSING = "nursing"
    SUPPLY_CHAIN = "supply-chain"
    GENERAL = "general"


APART = " ... "  # between the parts of a spelling in two parts ("give ... medications")
TOOL_AFTER = "in <tool>"  # a qualifier: "in" and a tool of one of the term's fields


def normalize(text: str) -> str:
    """How spellings are compared: whitespace collapsed, case folded.

    `str.split` splits where `\\s` matches, so this is ``re.sub(r"\\s+", " ", text.strip())``
    folded, in a quarter of the time (4,000 spellings are indexed on the first look-up)."""
    return " ".join(text.split()).casefold()


class Term(BaseModel):
    """One skill, tool, method or certification, with the ways postings write it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, description="The name shown in reports.")
    kind: TermKind
    fields: list[Field_] = Field(min_length=1, description="First field = its main home.")
    aliases: list[str] = Field(default_factory=new_list, description="Other spellings.")
    case_sensitive: bool = Field(False, description="Match the exact case only (R, Go, SAP).")
    context: list[str] = Field(
        default_factory=new_list,
        description="The term counts only in a posting that also has one of these words.",
    )
    # Senses: rules for terms that are also ordinary words ("Go above and beyond").
    not_before: list[str] = Field(
        default_factory=new_list,
        description="Not the term when the next words are one of these (Excel: `at`).",
    )
    not_after: list[str] = Field(
        default_factory=new_list,
        description="Not the term when the words before are one of these.",
    )
    guarded: list[str] = Field(
        default_factory=new_list,
        description="Spellings that count only written so (case included) and in a list of "
        "tools (`Word, Excel and Outlook`) or before one of `qualifiers` (`Access databases`).",
    )
    qualifiers: list[str] = Field(
        default_factory=new_list,
        description="Words after a guarded spelling that make it the term; `in <tool>`: "
        "`in` and a tool of one of the term's fields (`chart in Epic`).",
    )
    apart: list[str] = Field(
        default_factory=new_list,
        description="Spellings in two parts, `give ... medications`: up to five words "
        "between them, with commas, `and`, `or` (`Give scheduled and PRN medications`).",
    )
    by_verb: bool = Field(
        True,
        description="Asked by its verb too ('manage ... budgets': `verbs:`); false for an "
        "object of other senses ('manage accounts' in Active Directory: no Account management).",
    )
    takes: list[str] = Field(
        default_factory=new_list,
        description="Another term's spellings that are this term in a posting with this "
        "term's context words (`IAM` in a posting that names AWS: AWS IAM).",
    )
    asks: list[str] = Field(
        default_factory=new_list,
        description="Names of terms a posting that asks for this one asks for too (EKS: "
        "Kubernetes), each a group of its own.",
    )
    titles: list[str] = Field(
        default_factory=new_list,
        description="Job titles that evidence this term in a profile's job (`Cloud Engineer`: "
        "Cloud engineering): whole words of the title; read in no posting.",
    )
    license: bool = Field(
        False,
        description="A licence a board or state grants (RN, CDL): held or not, never "
        "shown by a project or a job.",
    )
    # Evidence: what holding or showing the term also shows.
    implies: list[str] = Field(
        default_factory=new_list,
        description="Names of terms this one evidences (Local SEO: SEO; a HubSpot "
        "certification: HubSpot).",
    )
    any_of: list[str] = Field(
        default_factory=new_list,
        description="A class (`Scrum certification`: PSM, CSM; `HubSpot certification`): the "
        "names of its members; any one of them meets it.",
    )
    equivalent: bool = Field(
        False,
        description="The class's members stand for the same thing (PSM I and CSM): one held, "
        "the others are never suggested, and one meets a posting that names another.",
    )

    @field_validator(
        "name",
        "aliases",
        "context",
        "not_before",
        "not_after",
        "guarded",
        "qualifiers",
        "apart",
        "takes",
        "titles",
    )
    @classmethod
    def _no_stray_space(cls, value: str | list[str]) -> str | list[str]:
        for text in [value] if isinstance(value, str) else value:
            if not text.strip() or text != text.strip() or "\n" in text:
                raise ValueError(f"{text!r}: empty, or stray whitespace")
        return value

    @field_validator("apart")
    @classmethod
    def _two_parts(cls, value: list[str]) -> list[str]:
        for text in value:
            if text.count(APART) != 1 or text.startswith(APART) or text.endswith(APART):
                raise ValueError(f"{text!r}: two parts with {APART!r} between them")
        return value

    def __hash__(self) -> int:  # names are unique, and the lists inside are not hashable
        return hash(self.name)

    @property
    def spellings(self) -> list[str]:
        return [self.name, *self.aliases, *self.guarded]


class Vocabulary(BaseModel):
    """The vocabulary file: a version, the job-title words of each field, and the terms."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int = Field(ge=1)
    roles: dict[Field_, list[str]] = Field(
        default_factory=new_dict, description="Job-title words that say a person's field."
    )
    verbs: dict[str, list[str]] = Field(
        default_factory=new_dict,
        description="Nominalised verbs and their verbs (analysis: analyze, analyse): a term "
        "named '<object> <nominal>' is asked by the verb with its object after it.",
    )
    terms: list[Term]

    @cached_property
    def _by_spelling(self) -> dict[str, Term]:
        index: dict[str, Term] = {}
        for term in self.terms:
            for spelling in term.spellings:
                index.setdefault(normalize(spelling), term)
        return index

    def find(self, text: str) -> Term | None:
        """The term whose name or alias is `text` (any case), or None."""
        return self._by_spelling.get(normalize(text))

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and self.find(text) is not None

    def dangling(self) -> list[str]:
        """`implies`, `any_of` and `asks` names that are no term's name, and `takes`
        spellings that are no other term's (or that a term without context would take)."""
        names = {term.name for term in self.terms}
        out = [
            f"{term.name!r} names {name!r}, which is not a term"
            for term in self.terms
            for name in (*term.implies, *term.any_of, *term.asks)
            if name not in names
        ]
        for term in self.terms:
            for spelling in term.takes:
                other = self.find(spelling)
                if other is None or other == term or not term.context:
                    out.append(f"{term.name!r} takes {spelling!r}: another term's, in a context")
        return out

    @cached_property
    def by_name(self) -> dict[str, Term]:
        return {term.name: term for term in self.terms}

    def implied(self, term: Term) -> list[Term]:
        """`term` and every term it evidences, transitively (Local SEO: SEO), each once."""
        found = [term]
        for current in found:
            for name in current.implies:
                other = self.by_name.get(name)
                if other is not None and other not in found:
                    found.append(other)
        return found

    @cached_property
    def classes(self) -> dict[Term, tuple[Term, ...]]:
        """Each member of a class -> the classes it belongs to (PSM: Scrum certification)."""
        index: dict[Term, list[Term]] = {}
        for term in self.terms:
            for name in term.any_of:
                if name in self.by_name:
                    index.setdefault(self.by_name[name], []).append(term)
        return {member: tuple(classes) for member, classes in index.items()}

    def equivalents(self, term: Term) -> set[Term]:
        """The terms that stand for the same thing as `term`: the members of its classes
        marked `equivalent` (PSM I for CSM; not every HubSpot certification for another)."""
        found = {term}
        for cls in self.classes.get(term, ()):
            if cls.equivalent:
                found |= {self.by_name[n] for n in cls.any_of if n in self.by_name}
        return found

    def duplicates(self) -> list[str]:
        """Spellings claimed twice (by two terms, or twice by one): each must lead to one term."""
        seen: dict[str, str] = {}
        clashes = []
        for term in self.terms:
            for spelling in term.spellings:
                key = normalize(spelling)
                if key in seen:
                    clashes.append(f"{spelling!r} of {term.name!r} is also {seen[key]!r}'s")
                else:
                    seen[key] = term.name
        return clashes


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The bundled vocabulary, loaded and checked once per process."""
    with collector_paused():
        data = read_data("vocabulary")
        try:
            return Vocabulary.model_validate(data)
        except ValidationError as exc:
            raise explain("vocabulary.yaml", exc, data) from None
