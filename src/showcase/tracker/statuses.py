"""The statuses of an application and which changes make sense."""

from __future__ import annotations

from showcase.errors import ShowcaseError

STATUSES = (
    "saved",
    "applied",
    "screening",
    "interview",
    "offer",
    "accepted",
    "rejected",
    "withdrawn",
    "no reply",
)

# From each status, where an application can go next. A late reply revives "no reply";
# accepted, rejected and withdrawn are final.
TRANSITIONS: dict[str, frozenset[str]] = {
    "saved": frozenset({"applied", "withdrawn"}),
    "applied": frozenset({"screening", "interview", "rejected", "withdrawn", "no reply"}),
    "screening": frozenset({"interview", "rejected", "withdrawn", "no reply"}),
    "interview": frozenset({"offer", "rejected", "withdrawn", "no reply"}),
    "offer": frozenset({"accepted", "rejected", "withdrawn"}),
    "no reply": frozenset({"screening", "interview", "rejected", "withdrawn"}),
    "accepted": frozenset(),
    "rejected": frozenset(),
    "withdrawn": frozenset(),
}

FINAL = frozenset(s for s, nexts in TRANSITIONS.items() if not nexts)


class TrackerError(ShowcaseError):
    """A tracker request that cannot be done (unknown application, a bad status change...)."""


def status_name(value: str) -> str:
    """`value` as a status: case and ``no-reply``/``no_reply`` spellings accepted."""
    name = " ".join(value.strip().lower().replace("-", " ").replace("_", " ").split())
    if name not in TRANSITIONS:
        raise TrackerError(f"{value!r} is not a status; choose from {', '.join(STATUSES)}")
    return name


def check_transition(current: str, new: str) -> None:
    if new == current:
        raise TrackerError(f"the application is already {current!r}")
    if new not in TRANSITIONS[current]:
        allowed = ", ".join(s for s in STATUSES if s in TRANSITIONS[current])
        raise TrackerError(
            f"an application cannot go from {current!r} to {new!r}"
            + (
                f"; from {current!r} it can go to: {allowed}"
                if allowed
                else f"; {current!r} is final"
            )
        )
