"""The review as the terminal shows it and as JSON."""

from __future__ import annotations

from typing import Any

from showcase.profile import Status
from showcase.views.review.checks import Review


def to_json(result: Review) -> dict[str, Any]:
    """``{"findings": [...], "credentials": [{"name", "signals"}]}`` (issue #14's shape)."""
    return {
        "findings": [
            {
                "code": f.code,
                "severity": f.severity,
                "credentials": list(f.credentials),
                "message": f.message,
                "fix": f.fix,
            }
            for f in result.findings
        ],
        "credentials": [
            {
                "name": credential.name,
                "signals": {
                    "assessed": s.assessed,
                    "assessment": s.assessment.value if s.assessment else None,
                    "hands_on_project": s.hands_on_project,
                    "recognised_issuer": s.recognised_issuer,
                    "catalog_id": s.catalog_id,
                    "status": s.status.value,
                    "expires": s.expires.isoformat() if s.expires else None,
                    "days_left": s.days_left,
                    "fields": [f.value for f in s.fields],
                    "on_resume": s.on_resume,
                    "related": s.related,
                },
            }
            for credential, s in result.credentials
        ],
    }


def text(result: Review) -> str:
    """Findings, most severe first, each with its fix; then each credential's signals."""
    against = f" against {result.posting.source}" if result.posting else ""
    lines = [f"{result.name}: review of {len(result.credentials)} credentials{against}"]
    if not result.findings:
        lines.append("  nothing a recruiter would hold against this section")
    for f in result.findings:
        lines.append(f"  {f.severity:<7}  {f.code}: {f.message}")
        lines.append(f"           fix: {f.fix}")
    if result.credentials:
        lines.append("")
        lines.append("Signals:")
    for credential, s in result.credentials:
        parts = [
            {True: "assessed", False: "completion only", None: "assessment not said"}[s.assessed]
            + (f" ({s.assessment.value})" if s.assessed and s.assessment else ""),
            "hands-on project" if s.hands_on_project else "no project",
            "recognised issuer" if s.recognised_issuer else "issuer not in the catalog",
        ]
        if s.expires is not None:
            verb = {Status.EXPIRED: "expired on", Status.EXPIRING: "expires on"}.get(
                s.status, "valid until"
            )  # "expiring until 2027-01-31" before
            parts.append(f"{verb} {s.expires.isoformat()}")
        if not s.on_resume:
            parts.append("not on the resume")
        if s.related is not None:
            parts.append("related to the posting" if s.related else "unrelated to the posting")
        lines.append(f"  {credential.name}: {', '.join(parts)}")
    return "\n".join(lines) + "\n"
