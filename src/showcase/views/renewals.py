"""The renewals table as the terminal shows it: status, date, how long, credential, and what
renewing takes below each."""

from __future__ import annotations

from showcase.profile import Status
from showcase.strategy.renewals import RenewalReport

STATUS_WORDS = {Status.EXPIRED: "EXPIRED", Status.EXPIRING: "soon", Status.ACTIVE: "ok"}


def text(report: RenewalReport) -> str:
    """The terminal table: status, date, how long, credential; what renewing takes below.
    Estimated dates carry a ``~``; then what does not expire, and what is unknown."""
    lines = [f"{report.name}: renewals as of {report.today.isoformat()}"]
    dated = report.dated
    if not dated:
        lines.append("  no credential has an `expires` date: nothing to renew")
    else:
        table = [("", "expires", "when", "credential")]
        table += [
            (
                STATUS_WORDS[r.status],
                ("~" if r.estimated else "") + r.expires.isoformat(),
                r.when,
                r.credential.name,
            )
            for r in dated
        ]
        widths = [max(len(row[i]) for row in table) for i in range(3)]
        for index, cells in enumerate(table):
            lines.append(
                "  "
                + "  ".join(c.ljust(widths[i]) for i, c in enumerate(cells[:3]))
                + "  "
                + cells[3]
            )
            if index:
                lines.append("      " + dated[index - 1].takes)
    if report.estimated:
        lines.append(
            "~ estimated: issued + the period the catalog gives (from the first day `issued` "
            "may mean); add the date on your certificate as `expires:` to "
            + ", ".join(r.credential.name for r in report.estimated)
        )
    for item in report.does_not_expire:
        lines.append(
            f"does not expire: {item.credential.name}"
            + (f" ({item.source})" if item.source else "")
        )
    unknown = report.unknown
    if unknown:
        count = len(unknown)
        lines.append(
            f"{count} credential{'s' if count != 1 else ''} with no expiry date and no rule "
            "in the catalog: " + ", ".join(item.credential.name for item in unknown)
        )
    return "\n".join(lines) + "\n"
