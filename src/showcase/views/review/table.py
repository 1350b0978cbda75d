"""Every review check in one table: its code, severity, when it applies and what its fix
says. The README's table, `showcase review --help` and `CODES` are made from it (a test keeps
the README equal to `markdown_table()`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Check:
    code: str
    severity: str  # error, warning or info
    when: str  # Markdown
    fix: str  # Markdown: what the finding's fix says


SEVERITIES = ("error", "warning", "info")  # the order findings are listed in

CHECKS: tuple[Check, ...] = (
    Check(
        "unfocused",
        "warning",
        (
            "5 or more credentials on the resume, and at least 3 of them (half or more) share no "
            "field with its focus and are in no stack"
        ),
        "which ones form a stack, and which say nothing about your target: hide those",
    ),
    Check(
        "completion-only-heavy",
        "warning",
        "3 or more on the resume, more than half completion-only (`assessment: none`)",
        "hide the weakest or set `max_credentials`; earn an assessed one",
    ),
    Check(
        "no-stack",
        "info",
        "3 or more credentials of one field on the resume, in no stack",
        "the `stacks:` entry to add",
    ),
    Check(
        "stale",
        "warning",
        (
            "issued more than 5 years ago in a fast-moving field (cloud, cybersecurity, software, "
            "data, marketing)"
        ),
        "earn its current version or hide it",
    ),
    Check(
        "expiring",
        "warning",
        "expires within 90 days",
        "what renewing takes (as `renewals`)",
    ),
    Check(
        "expired",
        "warning",
        "has expired (the resume already leaves it out; LinkedIn may not)",
        "renew or re-earn it, or update `expires:`",
    ),
    Check(
        "unverifiable",
        "warning",
        "on the resume with no `url` and no `credential_id`",
        "add one",
    ),
    Check(
        "weak-evidence",
        "info",
        "`featured`, with no project, `learned` or `applied` text",
        "add them: an interview needs a story",
    ),
    Check(
        "post-nominal-misuse",
        "error",
        "`post_nominal` on something that is not an exam-based certification",
        "remove it, or fix `kind`/`assessment`",
    ),
    Check(
        "public-search",
        "warning",
        (
            "`open_to.visibility: public` while a job has no end date: your employer can read the "
            "posts and headline"
        ),
        "keep the search to recruiters (the default)",
    ),
    Check(
        "renamed",
        "info",
        "the issuer renamed it (the catalog knows the new name)",
        "keep the earned name on the resume; add the new one to `skills:`",
    ),
    Check(
        "retired",
        "info",
        "the issuer retired it, or announced the day (`showcase catalog` shows it)",
        "it still counts; renewing ends that day",
    ),
)


def markdown_table() -> str:
    """The README's table of review codes."""
    lines = ["| code | severity | when | the fix says |", "|---|---|---|---|"]
    lines += [f"| `{c.code}` | {c.severity} | {c.when} | {c.fix} |" for c in CHECKS]
    return "\n".join(lines) + "\n"


def codes_sentence() -> str:
    """The codes as `--help` lists them: ``unfocused, completion-only-heavy, ...``."""
    return ", ".join(c.code for c in CHECKS)
