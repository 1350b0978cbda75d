"""The profile: its format (models), how it is read (source, loader) and what derives from it."""

from showcase.profile.loaded import LoadedProfile, Status, credential_status
from showcase.profile.loader import load_profile, load_source, load_text
from showcase.profile.models import Credential, Profile, Project, Stack

__all__ = [
    "Credential",
    "LoadedProfile",
    "Profile",
    "Project",
    "Stack",
    "Status",
    "credential_status",
    "load_profile",
    "load_source",
    "load_text",
]
