"""What the email signature shows: name with letters, the job, contact, the featured
credentials.

The line under the name states the job the person holds (`LoadedProfile.current_job`):
title and organisation, never the LinkedIn headline or a role they want, since a work
signature is read by colleagues and clients. Between jobs it is the headline.

Rules from docs/design.md ("Email signatures"): images only from https URLs, with
alt, width and height (mail clients cannot show local files and strip data:
URIs); the plain-text version follows the `-- ` delimiter (RFC 3676) with at
most 4 lines of at most 70 characters (RFC 1855's rule of thumb).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import quote, urlsplit

from showcase.errors import ShowcaseError
from showcase.profile import LoadedProfile
from showcase.views.common import display_url, shorten

TEXT_DELIMITER = "-- "  # dash dash space: mail clients hide or fold what follows
TEXT_MAX_LINES = 4
TEXT_MAX_WIDTH = 70
BADGE_SIZE = 48  # pixels, square
DEFAULT_MAX_CREDENTIALS = 2


@dataclass(frozen=True)
class Badge:
    src: str
    alt: str
    width: int = BADGE_SIZE
    height: int = BADGE_SIZE


@dataclass(frozen=True)
class FeaturedCredential:
    name: str
    issuer: str
    note: str  # "valid until Feb 2027" or "since Sep 2024"
    url: str | None
    badge: Badge | None


@dataclass(frozen=True)
class ContactLink:
    text: str
    url: str | None


@dataclass(frozen=True)
class SignatureView:
    variant: str  # full | compact
    display_name: str
    job_line: str | None  # "Marketing Manager, Lakeside Outfitters"; between jobs, the headline
    contact: tuple[ContactLink, ...]
    credentials: tuple[FeaturedCredential, ...]
    text_lines: tuple[str, ...]  # the plain-text version, after the delimiter
    warnings: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join([TEXT_DELIMITER, *self.text_lines]) + "\n"

    @property
    def headline(self) -> str | None:
        """The old name of `job_line`, for templates written before it."""
        return self.job_line


def job_line(loaded: LoadedProfile) -> str | None:
    """``Marketing Manager, Lakeside Outfitters`` (a title with a comma of its own takes a
    middle dot: ``HR Business Partner, Engineering · Northwind Systems``); between jobs,
    the profile's headline."""
    job = loaded.current_job
    if job is None:
        return loaded.profile.headline
    if job.organization.casefold() in job.title.casefold():
        return job.title
    joint = " · " if "," in job.title else ", "
    return f"{job.title}{joint}{job.organization}"


def check_badge_base_url(url: str | None) -> str | None:
    if url is None:
        return None
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.netloc:
        raise ShowcaseError(
            f"--badge-base-url {url}: must be an https:// address (mail clients block "
            "images from http:// and cannot show local files)"
        )
    return url.rstrip("/")


def _badge(image: str | None, name: str, base_url: str | None) -> tuple[Badge | None, str | None]:
    """The badge to show (https only) and, if it cannot be shown, why."""
    if not image:
        return None, None
    alt = f"{name} badge"
    if image.lower().startswith("https://"):
        return Badge(image, alt), None
    if image.lower().startswith("http://"):
        return None, f"the badge of {name} is on http://, which mail clients block; left out"
    if base_url:
        file_name = PurePosixPath(image.replace("\\", "/")).name
        return Badge(f"{base_url}/{quote(file_name)}", alt), None
    return None, (
        f"the badge of {name} is a local file ({image}); mail clients cannot show it, so it "
        "is left out. Upload it and pass --badge-base-url https://... to include it"
    )


def _text_lines(
    name: str,
    job: str | None,
    contact: tuple[ContactLink, ...],
    credentials: tuple[FeaturedCredential, ...],
) -> tuple[tuple[str, ...], list[str]]:
    """At most 4 lines of at most 70 characters, the most important kept."""
    warnings: list[str] = []
    shortened: dict[str, str] = {}  # a shortened line: what it is (said if it is kept)

    def fit(line: str, what: str) -> str | None:
        if len(line) <= TEXT_MAX_WIDTH:
            return line
        cut = shorten(line, TEXT_MAX_WIDTH)
        if cut:
            shortened[cut] = what
            return cut
        warnings.append(
            f"plain-text signature: the {what} line does not fit 70 characters; left out"
        )
        return None

    contact_texts = [c.text for c in contact]
    contact_line = None
    # Drop contact items from the end until the line fits, rather than cutting one in half.
    for count in range(len(contact_texts), 0, -1):
        candidate = " | ".join(contact_texts[:count])
        if len(candidate) <= TEXT_MAX_WIDTH:
            contact_line = candidate
            if count < len(contact_texts):
                dropped = ", ".join(contact_texts[count:])
                warnings.append(
                    f"plain-text signature: left out {dropped} to keep the contact "
                    "line within 70 characters"
                )
            break
    credential_lines = []
    for credential in credentials:
        long = f"{credential.name}, {credential.issuer}"
        if credential.url and len(f"{long}: {display_url(credential.url)}") <= TEXT_MAX_WIDTH:
            long = f"{long}: {display_url(credential.url)}"
        credential_lines.append(fit(long, f"`{credential.name}`"))
    # (priority, natural position, text)
    candidates: list[tuple[int, int, str | None]] = [
        (0, 0, fit(name, "name")),
        (1, 2, contact_line),
        (3, 1, fit(job, "job") if job else None),
    ]
    for i, line in enumerate(credential_lines):
        candidates.append((2 if i == 0 else 4 + i, 3 + i, line))
    present = [c for c in candidates if c[2]]
    kept = sorted(sorted(present)[:TEXT_MAX_LINES], key=lambda c: c[1])
    for _, _, line in kept:  # not for a line then left out (it said both before)
        if line in shortened:
            warnings.append(
                f"plain-text signature: shortened the {shortened[line]} line to 70 characters"
            )
    dropped_lines = [c[2] for c in sorted(present)[TEXT_MAX_LINES:]]
    if dropped_lines:
        warnings.append(
            f"plain-text signature: kept the {TEXT_MAX_LINES} most important lines; left out "
            + "; ".join(f"'{line}'" for line in dropped_lines)
        )
    return tuple(c[2] for c in kept if c[2]), warnings


def signature_view(
    loaded: LoadedProfile,
    *,
    variant: str = "full",
    max_credentials: int = DEFAULT_MAX_CREDENTIALS,
    badge_base_url: str | None = None,
) -> SignatureView:
    """Decide the signature: a pure function of the profile, today and options."""
    profile = loaded.profile
    base_url = check_badge_base_url(badge_base_url)
    warnings: list[str] = []
    featured = [c for c in profile.credentials if c.featured]
    # A featured credential that expired is warned about once, by the loader.
    shown = [c for c in featured if loaded.is_valid(c)]
    if len(shown) > max_credentials:
        left = ", ".join(f"`{c.name}`" for c in shown[max_credentials:])
        warnings.append(
            f"showing the first {max_credentials} featured credentials; left out "
            f"{left} (raise --max-credentials to show more)"
        )
        shown = shown[:max_credentials]
    if not shown and not featured:
        warnings.append(
            "no credential is featured; add `featured: true` to the one or two "
            "you want in your signature"
        )
    credentials = []
    for credential in shown:
        badge, why = (None, None)
        if variant == "full":
            badge, why = _badge(credential.badge_image, credential.name, base_url)
        if why:
            warnings.append(why)
        note = (
            f"valid until {credential.expires.short()}"
            if credential.expires
            else f"since {credential.issued.short()}"
        )
        credentials.append(
            FeaturedCredential(credential.name, credential.issuer, note, credential.url, badge)
        )

    contact = profile.contact
    links: list[ContactLink] = []
    if contact.email:
        links.append(ContactLink(contact.email, f"mailto:{contact.email}"))
    if contact.phone:
        links.append(ContactLink(contact.phone, None))
    for url in (contact.website, contact.linkedin) if variant == "full" else (contact.linkedin,):
        if url:
            links.append(ContactLink(display_url(url), url))
    job = job_line(loaded)
    text_lines, text_warnings = _text_lines(
        loaded.display_name, job, tuple(links), tuple(credentials)
    )
    return SignatureView(
        variant=variant,
        display_name=loaded.display_name,
        job_line=job if variant == "full" else None,
        contact=tuple(links),
        credentials=tuple(credentials),
        text_lines=text_lines,
        warnings=tuple(warnings + text_warnings),
    )
