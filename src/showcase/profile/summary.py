"""The few lines `showcase validate` prints about a valid profile."""

from __future__ import annotations

from showcase.profile.loaded import LoadedProfile, Status


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def summarize(loaded: LoadedProfile, name: str, warnings: int | None = None) -> str:
    """The summary; `warnings` counts the warnings listed under it (default: the profile's)."""
    profile = loaded.profile
    counts = loaded.count_by_status()
    by_status = ", ".join(f"{counts[s]} {s.value}" for s in Status)
    lines = [
        f"{name}: valid profile of {loaded.display_name}",
        f"  {_plural(len(profile.credentials), 'credential')} ({by_status}"
        f" as of {loaded.today.isoformat()})",
        "  "
        + ", ".join(
            [
                _plural(len(profile.stacks), "stack"),
                _plural(len(profile.projects), "project"),
                _plural(len(profile.experience), "job"),
                _plural(len(profile.education), "education entry").replace("entrys", "entries"),
            ]
        ),
    ]
    count = len(loaded.warnings) if warnings is None else warnings
    if count:
        lines.append(f"  {_plural(count, 'warning')}:")
    return "\n".join(lines)
