"""The resume's view built from a profile: contact line, sections in the chosen order, skills,
and how many pages it aims for (`target_pages`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from showcase.profile import LoadedProfile
from showcase.profile.models import Section
from showcase.profile.types import PartialDate
from showcase.views import curate
from showcase.views.common import file_stem, letters_unsaid, link
from showcase.views.locale import ENGLISH, Words, words_for
from showcase.views.resume.credentials import credential_groups, resume_keywords
from showcase.views.resume.model import (
    DEFAULT_FONT_SIZE,
    ONE_PAGE_YEARS,
    ContactItem,
    DatedEntry,
    EducationEntry,
    ExperienceEntry,
    LanguageItem,
    ProjectEntry,
    ResumeView,
    SectionRef,
    SkillLine,
)

if TYPE_CHECKING:
    from showcase.strategy.tailor import Tailoring


def _contact(loaded: LoadedProfile, words: Words = ENGLISH) -> tuple[ContactItem, ...]:
    contact = loaded.profile.contact
    items = []
    if contact.email:
        items.append(ContactItem("", contact.email, f"mailto:{contact.email}"))
    if contact.phone:
        items.append(ContactItem("", contact.phone))
    if contact.location:
        items.append(ContactItem("", contact.location))
    for label, url in (
        ("LinkedIn", contact.linkedin),
        (words.website, contact.website),
        ("GitHub", contact.github),
    ):
        if url:
            shown = link(url)
            items.append(ContactItem(label, shown.text, url))
    return tuple(items)


def _skills(loaded: LoadedProfile, tailor: Tailoring | None) -> tuple[SkillLine, ...]:
    """Skills groups, and their items, with the posting's terms first (then as written)."""
    lines = [SkillLine(group.group, tuple(group.items)) for group in loaded.profile.skills]
    if tailor is None:
        return tuple(lines)

    def asked(item: str) -> bool:
        return bool(tailor.shared([item]))

    ordered = [
        SkillLine(line.group, tuple(sorted(line.items, key=lambda item: not asked(item))))
        for line in lines
    ]
    ordered.sort(key=lambda line: -sum(asked(item) for item in line.items))
    return tuple(ordered)


def resume_view(
    loaded: LoadedProfile,
    *,
    include_expired: bool = False,
    tailor: Tailoring | None = None,
    only_relevant: bool = False,
    show_ids: bool = False,
    font_size: float = DEFAULT_FONT_SIZE,
    max_entries: int = curate.MAX_FULL_ENTRIES,
) -> ResumeView:
    """Decide the resume's content: a pure function of the profile, today and options.

    `tailor` aims it at one posting (order and selection; see `credential_groups`).
    `show_ids` puts credential IDs back on the page (the text resume always has them).
    """
    profile = loaded.profile
    options = profile.resume
    credential_names = {c.id: c.name for c in profile.credentials}
    words = words_for(profile.locale)
    titles = {**words.sections, **options.titles}
    sections = []
    has_content = {
        Section.SUMMARY: bool(profile.summary),
        Section.EXPERIENCE: bool(profile.experience),
        Section.PROJECTS: bool(profile.projects),
        Section.EDUCATION: bool(profile.education),
        Section.SKILLS: bool(profile.skills),
        Section.VOLUNTEER: bool(profile.volunteer),
        Section.AWARDS: bool(profile.awards),
        Section.PUBLICATIONS: bool(profile.publications),
        Section.LANGUAGES: bool(profile.languages),
    }
    for section in options.sections:
        if has_content[section]:
            sections.append(SectionRef(section.value, titles[section]))
    groups, closing = credential_groups(
        loaded, include_expired, tailor, only_relevant, show_ids, max_entries, words
    )
    return ResumeView(
        name=profile.name,
        display_name=loaded.display_name,
        headline=profile.headline,
        contact=_contact(loaded, words),
        certifications_title=words.certifications,
        credential_groups=groups,
        additional=closing,
        sections=tuple(sections),
        summary=profile.summary,
        experience=tuple(
            ExperienceEntry(
                title=job.title,
                organization=job.organization,
                location=job.location,
                dates=words.date_range(job.start, job.end),
                highlights=tuple(job.highlights),
            )
            for job in profile.experience
        ),
        projects=tuple(
            ProjectEntry(
                title=project.title,
                credential=(
                    words.capstone.format(credential_names[project.credential])
                    if project.credential in credential_names
                    else None
                ),
                description=project.result or project.task,
                tools=tuple(project.tools),
                link=link(project.url) if project.url else None,
            )
            for project in profile.projects
        ),
        education=tuple(
            EducationEntry(
                institution=school.institution,
                degree=", ".join(x for x in (school.degree, school.field) if x) or None,
                dates=words.date_range(school.start, school.end, open_ended=False),
            )
            for school in profile.education
        ),
        skills=_skills(loaded, tailor),
        file_stem=file_stem(profile.name),
        keywords=resume_keywords(loaded, include_expired),
        post_nominals=tuple(loaded.post_nominals),
        said_in_headline=_said_in_headline(loaded),
        font_size=font_size,
        pages=target_pages(loaded),
        words=words,
        volunteer=tuple(
            DatedEntry(
                title=item.organization,
                subtitle=item.role,
                subtitle_role="title",
                dates=words.date_range(item.start, item.end, open_ended=item.start is not None),
                summary=item.summary,
                highlights=tuple(item.highlights),
            )
            for item in profile.volunteer
        ),
        awards=tuple(
            DatedEntry(
                title=award.title,
                subtitle=award.awarder,
                dates=words.date(award.date) if award.date else "",
                summary=award.summary,
            )
            for award in profile.awards
        ),
        publications=tuple(
            DatedEntry(
                title=item.title,
                subtitle=item.publisher,
                dates=words.date(item.date) if item.date else "",
                summary=item.summary,
                link=link(item.url) if item.url else None,
            )
            for item in profile.publications
        ),
        languages=tuple(
            LanguageItem(item.language, words.levels[item.level]) for item in profile.languages
        ),
    )


def _said_in_headline(loaded: LoadedProfile) -> tuple[str, ...]:
    """The letters after the name that the headline already says (`ResumeView.tagline`)."""
    unsaid = letters_unsaid(loaded, loaded.profile.headline)
    return tuple(n for n in loaded.post_nominals if n not in unsaid)


def experience_years(loaded: LoadedProfile) -> float:
    """Years from the first job's start to the last one's end (or today)."""
    jobs = loaded.profile.experience
    if not jobs:
        return 0.0
    first = min(job.start.first_day for job in jobs)
    last = max(
        loaded.today if not isinstance(job.end, PartialDate) else job.end.last_day for job in jobs
    )
    return max(0.0, (last - first).days / 365.25)


def target_pages(loaded: LoadedProfile) -> int:
    """One page for up to ten years of experience, two beyond."""
    return 1 if experience_years(loaded) <= ONE_PAGE_YEARS else 2
