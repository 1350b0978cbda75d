"""The resume's own words (headings, labels, dates) in English, German, French and Spanish.

Only what showcase writes is translated; the user's text stays as written. The
profile's ``locale`` (``de``, ``fr-CA`` ...) picks the language; any other
language, or none, is English.
"""

from __future__ import annotations

from dataclasses import dataclass

from showcase.profile.models import (
    DEFAULT_SECTION_TITLES,
    RESUME_LANGUAGES,
    LanguageLevel,
    Section,
)
from showcase.profile.types import MONTHS, PRESENT, PartialDate

LANGUAGES = RESUME_LANGUAGES


@dataclass(frozen=True)
class Words:
    lang: str
    certifications: str
    sections: dict[Section, str]
    additional: str  # credentials outside stacks, after them
    related: str  # aimed at a posting: those that share something with it
    coursework: str  # the closing line of completion-only courses
    months: tuple[str, ...]  # 12 names, as the date is written
    present: str
    issued: str  # "{}" is the date
    valid_until: str
    expired: str
    credential_id: str
    verify: str  # a prefix, before the link
    completion: str
    skills: str  # a prefix
    tools: str  # a prefix
    capstone: str  # "{}" is the credential's name
    resume: str  # the document, in its title: "Jordan Rivera – Resume"
    resume_of: str  # its description: "{}" is the name
    website: str
    levels: dict[LanguageLevel, str]
    month_year: str = "{month} {year}"  # a month and its year: Spanish "marzo de 2026"

    def date(self, value: PartialDate) -> str:
        """``Mar 2026`` (en), ``März 2026`` (de), ``mars 2026`` (fr), ``marzo de 2026`` (es)."""
        if value.month is None:
            return str(value.year)
        return self.month_year.format(month=self.months[value.month - 1], year=value.year)

    def date_range(
        self,
        start: PartialDate | None,
        end: PartialDate | str | None,
        *,
        open_ended: bool = True,
    ) -> str:
        """``May 2021 – Present``; an absent end means present when `open_ended`."""
        if start is None and end is None:
            return ""
        if end is None:
            end_text = self.present if open_ended else ""
        elif end == PRESENT or not isinstance(end, PartialDate):
            end_text = self.present
        else:
            end_text = self.date(end)
        if start is None:
            return end_text
        start_text = self.date(start)
        if not end_text:
            return start_text
        if end_text == start_text:
            return end_text
        return f"{start_text} – {end_text}"


ENGLISH = Words(
    lang="en",
    certifications="Professional Development & Certifications",
    sections=dict(DEFAULT_SECTION_TITLES),
    additional="Additional credentials",
    related="Related credentials",
    coursework="Additional coursework",
    months=tuple(name[:3] for name in MONTHS[1:]),
    present="Present",
    issued="Issued {}",
    valid_until="Valid until {}",
    expired="Expired {}",
    credential_id="Credential ID {}",
    verify="Verify: ",
    completion="Completion",
    skills="Skills: ",
    tools="Tools: ",
    capstone="Capstone, {}",
    resume="Resume",
    resume_of="Resume of {}",
    website="Website",
    levels={
        LanguageLevel.NATIVE: "native or bilingual",
        LanguageLevel.FULL_PROFESSIONAL: "full professional proficiency",
        LanguageLevel.PROFESSIONAL_WORKING: "professional working proficiency",
        LanguageLevel.LIMITED_WORKING: "limited working proficiency",
        LanguageLevel.ELEMENTARY: "elementary proficiency",
    },
)

GERMAN = Words(
    lang="de",
    certifications="Weiterbildung & Zertifikate",
    sections={
        Section.SUMMARY: "Profil",
        Section.EXPERIENCE: "Berufserfahrung",
        Section.PROJECTS: "Projekte",
        Section.VOLUNTEER: "Ehrenamtliches Engagement",
        Section.EDUCATION: "Ausbildung",
        Section.AWARDS: "Auszeichnungen",
        Section.PUBLICATIONS: "Veröffentlichungen",
        Section.SKILLS: "Kenntnisse",
        Section.LANGUAGES: "Sprachen",
    },
    additional="Weitere Nachweise",
    related="Passende Nachweise",
    coursework="Weitere Kurse",
    months=(
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ),
    present="heute",
    issued="Ausgestellt {}",
    valid_until="Gültig bis {}",
    expired="Abgelaufen {}",
    credential_id="Zertifikats-ID {}",
    verify="Prüfen: ",
    completion="Teilnahme",
    skills="Kenntnisse: ",
    tools="Werkzeuge: ",
    capstone="Abschlussprojekt, {}",
    resume="Lebenslauf",
    resume_of="Lebenslauf von {}",
    website="Website",
    levels={
        LanguageLevel.NATIVE: "Muttersprache",
        LanguageLevel.FULL_PROFESSIONAL: "verhandlungssicher",
        LanguageLevel.PROFESSIONAL_WORKING: "fließend",
        LanguageLevel.LIMITED_WORKING: "gute Kenntnisse",
        LanguageLevel.ELEMENTARY: "Grundkenntnisse",
    },
)

FRENCH = Words(
    lang="fr",
    certifications="Formation continue et certifications",
    sections={
        Section.SUMMARY: "Profil",
        Section.EXPERIENCE: "Expérience professionnelle",
        Section.PROJECTS: "Projets",
        Section.VOLUNTEER: "Bénévolat",
        Section.EDUCATION: "Formation",
        Section.AWARDS: "Distinctions",
        Section.PUBLICATIONS: "Publications",
        Section.SKILLS: "Compétences",
        Section.LANGUAGES: "Langues",
    },
    additional="Autres certifications",
    related="Certifications liées au poste",
    coursework="Autres formations suivies",
    months=(
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    present="aujourd’hui",
    issued="Obtenu en {}",
    valid_until="Valable jusqu’en {}",
    expired="Expiré en {}",
    credential_id="Identifiant {}",
    verify="Vérifier : ",
    completion="Attestation de suivi",
    skills="Compétences : ",
    tools="Outils : ",
    capstone="Projet final, {}",
    resume="CV",
    resume_of="CV de {}",
    website="Site web",
    levels={
        LanguageLevel.NATIVE: "langue maternelle ou bilingue",
        LanguageLevel.FULL_PROFESSIONAL: "compétence professionnelle complète",
        LanguageLevel.PROFESSIONAL_WORKING: "compétence professionnelle",
        LanguageLevel.LIMITED_WORKING: "compétence professionnelle limitée",
        LanguageLevel.ELEMENTARY: "notions",
    },
)

SPANISH = Words(
    lang="es",
    certifications="Formación continua y certificaciones",
    sections={
        Section.SUMMARY: "Perfil",
        Section.EXPERIENCE: "Experiencia profesional",
        Section.PROJECTS: "Proyectos",
        Section.VOLUNTEER: "Voluntariado",
        Section.EDUCATION: "Formación académica",
        Section.AWARDS: "Premios",
        Section.PUBLICATIONS: "Publicaciones",
        Section.SKILLS: "Habilidades",
        Section.LANGUAGES: "Idiomas",
    },
    additional="Otras credenciales",
    related="Credenciales relacionadas",
    coursework="Otros cursos",
    months=(
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
    present="actualidad",
    issued="Obtenido en {}",
    valid_until="Válido hasta {}",
    expired="Caducado en {}",
    credential_id="ID de credencial {}",
    verify="Verificar: ",
    completion="Curso completado",
    skills="Habilidades: ",
    tools="Herramientas: ",
    capstone="Proyecto final, {}",
    resume="Currículum",
    resume_of="Currículum de {}",
    website="Sitio web",
    levels={
        LanguageLevel.NATIVE: "nativo o bilingüe",
        LanguageLevel.FULL_PROFESSIONAL: "competencia profesional completa",
        LanguageLevel.PROFESSIONAL_WORKING: "competencia profesional",
        LanguageLevel.LIMITED_WORKING: "competencia profesional limitada",
        LanguageLevel.ELEMENTARY: "competencia básica",
    },
    month_year="{month} de {year}",
)

_BY_LANGUAGE = {words.lang: words for words in (ENGLISH, GERMAN, FRENCH, SPANISH)}


def language_of(locale: str | None) -> str:
    """``fr-CA`` -> ``fr``; English for no locale or one showcase has no words for."""
    if not locale:
        return "en"
    language = locale.replace("_", "-").split("-")[0].lower()
    return language if language in _BY_LANGUAGE else "en"


def words_for(locale: str | None) -> Words:
    return _BY_LANGUAGE[language_of(locale)]
