"""The fields of LinkedIn's "Add license or certification" form, and its add-to-profile link."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from showcase.profile import Credential, LoadedProfile
from showcase.views.common import org_name, possessive

# docs/design.md, "Domain facts": LinkedIn may no longer prefill from it,
# so the fields are printed too.
ADD_TO_PROFILE = "https://www.linkedin.com/profile/add"


@dataclass(frozen=True)
class CertificationEntry:
    """The values of LinkedIn's "Add license or certification" form, ready to paste."""

    id: str
    name: str
    organization: str
    issue_date: str  # "February 2026"
    expiration_date: str  # "February 2027" or "does not expire"
    credential_id: str | None
    credential_url: str | None
    skills: tuple[str, ...]
    add_url: str
    post_tip: str  # how to announce it: tag the issuer, attach the badge


def post_tip(credential: Credential) -> str:
    """Tag the issuer's page, not the platform's, and show the badge itself."""
    platform = credential.platform
    host = (
        f" (not {platform}, where you took it)"
        if platform and platform.casefold() != credential.issuer.casefold()
        else ""
    )
    if credential.badge_image:
        image = f"attach the badge image ({credential.badge_image})"
    else:
        image = "attach the badge or certificate image the issuer gave you"
    return (
        f"When you post about it, tag {possessive(org_name(credential.issuer))} LinkedIn "
        f"page{host} and {image}."
    )


def add_to_profile_url(credential: Credential) -> str:
    """LinkedIn's add-to-profile link, with every field it takes, URL-encoded.

    LinkedIn may no longer prefill the form from it, which is why the field
    values are always printed beside it.
    """
    params: dict[str, str | int] = {
        "startTask": "CERTIFICATION_NAME",
        "name": credential.name,
        "organizationName": credential.issuer,
        "issueYear": credential.issued.year,
    }
    if credential.issued.month:
        params["issueMonth"] = credential.issued.month
    if credential.expires:
        params["expirationYear"] = credential.expires.year
        if credential.expires.month:
            params["expirationMonth"] = credential.expires.month
    if credential.url:
        params["certUrl"] = credential.url
    if credential.credential_id:
        params["certId"] = credential.credential_id
    return f"{ADD_TO_PROFILE}?{urlencode(params, quote_via=quote)}"


def certification_entries(loaded: LoadedProfile) -> list[CertificationEntry]:
    return [
        CertificationEntry(
            id=c.id,
            name=c.name,
            organization=c.issuer,
            issue_date=c.issued.long(),
            expiration_date=c.expires.long() if c.expires else "does not expire",
            credential_id=c.credential_id,
            credential_url=c.url,
            skills=tuple(c.skills),
            add_url=add_to_profile_url(c),
            post_tip=post_tip(c),
        )
        for c in loaded.valid_credentials
    ]


# --- headline -------------------------------------------------------------------------
