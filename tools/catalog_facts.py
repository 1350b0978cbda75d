"""Merge researched facts into the bundled catalog, and write catalog.yaml and its JSON twin.

    python tools/catalog_facts.py /work/research/catalog-facts.yaml            # merge, write
    python tools/catalog_facts.py /work/research/catalog-facts.yaml --dry-run  # report only
    python tools/catalog_facts.py --domains issuer-domains.yaml FACTS.yaml     # review hosts

The research file is a YAML list, one item per credential (its format is in the
catalog-facts brief, kept in docs/contributing.md, "Data files"):

    - name: "AWS Certified CloudOps Engineer – Associate"   # today's name
      issuer: "Amazon Web Services"
      catalog_id: "aws-sysops-administrator-associate"      # or null
      facts:
        status: {value: renamed, formerly: "...", source: "https://...", checked: "2026-12-06"}
        renewal: {period_years: 3, how: exam, text: "...", source: ..., checked: ...}
                 (how: exam, course, credits, assessment, fee, or none)
        cost: {amount: 150, currency: USD, ...}  hours: {value: 20, kind: learning, ...}
        url / level / exam_code / prerequisites / retired_on / post_nominal: {value: ...}

Every fact is merged only when its source (and a `url`'s value) is an https page on
a host the catalog allows for the entry's issuer (`issuer_domains`); the rest are
listed as rejected and left out. A researched fact replaces the catalog's fact of
the same name (it was checked later). A renamed credential: the entry of the new
name (created from the old one's issuer, kind, assessment and terms when missing)
gets the facts, the old entry gets `status: renamed` with `replaced_by`. Running
it again with the same file changes nothing.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "src" / "showcase" / "data" / "catalog.yaml"
FACT_ORDER = (
    "url", "status", "level", "exam_code", "prerequisites", "renewal", "cost", "hours",
    "post_nominal",
)  # fmt: skip
KEY_ORDER = (
    "value", "how", "period_years", "credits", "fee", "amount", "currency", "up_to", "per",
    "kind", "replaced_by", "retired_on", "text", "note", "source", "checked", "quote",
)  # fmt: skip
LEVELS = {
    "foundational": "foundational", "fundamentals": "foundational", "foundation": "foundational",
    "entry": "foundational", "beginner": "foundational", "associate": "associate",
    "intermediate": "associate", "professional": "professional", "advanced": "professional",
    "expert": "expert",
}  # fmt: skip
CHECKED = re.compile(r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")


# --- writing ---------------------------------------------------------------------------------


def _scalar(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return json.dumps(value, ensure_ascii=False)


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        keys = sorted(value, key=lambda k: (KEY_ORDER.index(k) if k in KEY_ORDER else 99, k))
        return "{" + ", ".join(f"{k}: {_flow(value[k])}" for k in keys) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _scalar(value)


def header(text: str) -> str:
    """The comment block the file starts with."""
    lines = []
    for line in text.splitlines():
        if line.startswith("#") or (not line.strip() and lines):
            lines.append(line)
        else:
            break
    return "\n".join(lines).rstrip() + "\n"


def dump(data: dict[str, Any], head: str) -> str:
    """catalog.yaml: the header, the issuer lists, one block per credential, each fact on
    one line (value, source and date side by side, for review)."""
    out = [head.rstrip(), "", f"version: {data['version']}", ""]
    out.append("# Issuers employers know by name; their credentials are suggested first.")
    out.append("recognised_issuers:")
    out += [f"  - {_scalar(i)}" for i in data["recognised_issuers"]]
    out.append("")
    out.append("# The hosts of each issuer's own pages: the only places a fact may come from.")
    out.append("issuer_domains:")
    for issuer, hosts in data["issuer_domains"].items():
        out.append(f"  {_scalar(issuer)}: {_flow(hosts)}")
    out.append("")
    out.append("credentials:")
    for entry in data["credentials"]:
        out.append("")
        out.append(f"  - id: {_scalar(entry['id'])}")
        for key in ("name", "issuer", "platform", "kind", "assessment"):
            out.append(f"    {key}: {_scalar(entry.get(key))}")
        out.append(f"    terms: {_flow(entry['terms'])}")
        if entry.get("aliases"):
            out.append(f"    aliases: {_flow(entry['aliases'])}")
        if entry.get("requires"):
            out.append(f"    requires: {_flow(entry['requires'])}")
        if entry.get("shared_name"):
            out.append(f"    shared_name: {_scalar(entry['shared_name'])}")
        facts = entry.get("facts") or {}
        if facts:
            out.append("    facts:")
            for name in sorted(facts, key=FACT_ORDER.index):
                out.append(f"      {name}: {_flow(facts[name])}")
        else:
            out.append("    facts: {}")
    return "\n".join(out) + "\n"


def load(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text("utf-8"))


def write(data: dict[str, Any], path: Path = CATALOG) -> None:
    """catalog.yaml (keeping its header) and catalog.json, each replaced whole."""
    text = dump(data, header(path.read_text("utf-8")))
    parsed = load_text(text)
    if parsed != data:  # the writer must not change a value
        raise SystemExit("internal: the YAML written does not read back the same")
    twin = json.dumps(parsed, ensure_ascii=False, separators=(",", ":")) + "\n"
    for target, content in ((path, text), (path.with_suffix(".json"), twin)):
        tmp = target.with_suffix(target.suffix + ".tmp")
        tmp.write_text(content, "utf-8")
        tmp.replace(target)


def load_text(text: str) -> Any:
    return YAML(typ="safe").load(text)


# --- merging ---------------------------------------------------------------------------------


def host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


# Query parameters that say nothing about the page: tracking (utm_*, wt.mc_id), the
# interface language the researcher's copy was served in (hl=ja: a Japanese page for
# an English reader) and the help centre's navigation (ref_topic).
NOISE = re.compile(r"(utm_[^=&]*|wt\.mc_id|hl|ref_topic)=", re.I)


def clean(url: Any) -> Any:
    """An address without the query parameters in `NOISE`."""
    if not isinstance(url, str) or "?" not in url:
        return url
    parts = urlsplit(url)
    query = "&".join(q for q in parts.query.split("&") if q and not NOISE.match(q))
    return parts._replace(query=query).geturl()


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")


class Merge:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.by_id = {e["id"]: e for e in data["credentials"]}
        self.log: list[str] = []
        self.rejected: list[str] = []
        self.merged = 0

    def allowed(self, issuer: str, url: Any) -> bool:
        hosts = {h.lower() for h in self.data["issuer_domains"].get(issuer, ())}
        return (
            isinstance(url, str)
            and url.startswith("https://")
            and urlsplit(url).port is None
            and host(url) in hosts
        )

    def by_name(self, name: str, issuer: str) -> dict[str, Any] | None:
        key = name.casefold().strip()
        for entry in self.data["credentials"]:
            if entry["issuer"] == issuer and (
                entry["name"].casefold() == key
                or key in (a.casefold() for a in entry.get("aliases", ()))
            ):
                return entry
        return None

    def item(self, item: dict[str, Any]) -> None:
        name, facts = item.get("name"), item.get("facts") or {}
        old = self.by_id.get(item.get("catalog_id") or "")
        if old is None:
            for entry in self.data["credentials"]:
                if entry["name"].casefold() == str(name).casefold():
                    old = entry
        if old is None:
            self.rejected.append(f"{name}: not in the catalog (catalog_id null); add it by hand")
            return
        status = facts.get("status") or {}
        target = old
        if status.get("value") == "renamed" and str(name).casefold() != old["name"].casefold():
            target = self.renamed(old, str(name), status)
            if target is None:
                return
        elif status.get("value") == "renamed":  # the entry already carries today's name
            formerly = status.get("formerly")
            earlier = self.by_name(str(formerly), old["issuer"]) if formerly else None
            if earlier is not None and earlier is not target:  # the old name has its entry
                self.renamed(earlier, str(name), status)
            elif (
                formerly
                and formerly not in target.setdefault("aliases", [])
                and self.allowed(old["issuer"], clean(status.get("source")))
            ):
                target["aliases"].append(formerly)
                self.log.append(f"{target['id']}: formerly {formerly!r}")
            if not target.get("aliases"):
                target.pop("aliases", None)
        for fact_name, raw in sorted(facts.items(), key=lambda kv: kv[0] == "annual_fee"):
            if fact_name == "annual_fee":
                self.annual_fee(target, raw)
                continue
            if fact_name == "status":
                if raw.get("value") in ("active", "retired"):
                    self.fact(target, "status", raw)
                continue
            self.fact(target, fact_name, raw)

    def renamed(
        self, old: dict[str, Any], name: str, status: dict[str, Any]
    ) -> dict[str, Any] | None:
        issuer = old["issuer"]
        status = {**status, "source": clean(status.get("source"))}
        if not self.allowed(issuer, status.get("source")):
            self.rejected.append(f"{old['id']}: rename to {name!r} from {status.get('source')}")
            return None
        new = self.by_name(name, issuer)
        if new is None:
            new_id = slug(name)
            new = {
                "id": new_id,
                "name": name,
                "issuer": issuer,
                "platform": old.get("platform"),
                "kind": old["kind"],
                "assessment": old.get("assessment"),
                "terms": list(old["terms"]),
                "facts": {},
            }
            index = self.data["credentials"].index(old)
            self.data["credentials"].insert(index, new)
            self.by_id[new_id] = new
            self.log.append(f"{new_id}: new entry, the new name of {old['id']}")
        fact = {
            "value": "renamed",
            "replaced_by": new["id"],
            "source": status["source"],
            "checked": status.get("checked"),
        }
        if status.get("quote"):
            fact["quote"] = status["quote"]
        self.set(old, "status", fact)
        return new

    def fact(self, entry: dict[str, Any], name: str, raw: Any) -> None:
        where = f"{entry['id']}.{name}"
        if not isinstance(raw, dict):
            self.rejected.append(f"{where}: not a mapping")
            return
        source, checked = clean(raw.get("source")), str(raw.get("checked") or "")
        if not self.allowed(entry["issuer"], source):
            self.rejected.append(f"{where}: source {source} is not an {entry['issuer']} page")
            return
        if not CHECKED.match(checked):
            self.rejected.append(f"{where}: checked {checked!r} is not a date")
            return
        fact = self.convert(entry, name, raw)
        if fact is None:
            self.rejected.append(f"{where}: value not understood: {raw}")
            return
        fact.update(source=source, checked=checked)
        if raw.get("quote"):
            fact["quote"] = str(raw["quote"])[:300]
        self.set(entry, "status" if name == "retired_on" else name, fact)

    def annual_fee(self, entry: dict[str, Any], raw: Any) -> None:
        """A yearly fee (ISC2's AMF, EC-Council's): part of the renewal rule, with its page."""
        where = f"{entry['id']}.annual_fee"
        rule = entry.get("facts", {}).get("renewal")
        fee = money(raw) if isinstance(raw, dict) else None
        if fee is None and isinstance(raw, dict) and raw.get("required") and "amount" not in raw:
            fee = {}  # due every year, amount not stated on the page read
        if rule is None or fee is None:
            self.rejected.append(f"{where}: no renewal rule to attach it to yet, or unreadable")
            return
        source = clean(raw.get("source"))
        if not self.allowed(entry["issuer"], source) or not CHECKED.match(str(raw.get("checked"))):
            self.rejected.append(f"{where}: source {source} is not an {entry['issuer']} page")
            return
        fee.update(per="year", source=source, checked=str(raw["checked"]))
        if raw.get("quote"):
            fee["quote"] = str(raw["quote"])[:300]
        self.set(entry, "renewal", {**rule, "fee": fee})

    def set(self, entry: dict[str, Any], name: str, fact: dict[str, Any]) -> None:
        facts = entry.setdefault("facts", {})
        old_fee = (facts.get(name) or {}).get("fee") if name == "renewal" else None
        if old_fee and old_fee.get("source") and "fee" not in fact:
            fact = {**fact, "fee": old_fee}  # a yearly fee read on its own page stays
        if facts.get(name) != fact:
            facts[name] = fact
            self.merged += 1
            self.log.append(f"{entry['id']}.{name}: {_flow(fact)[:140]}")

    def convert(self, entry: dict[str, Any], name: str, raw: dict[str, Any]) -> Any:
        value = raw.get("value")
        if name in ("exam_code", "post_nominal"):
            return {"value": str(value)} if value else None
        if name == "url":
            value = clean(value)
            return {"value": value} if self.allowed(entry["issuer"], value) else None
        if name == "level":
            level = LEVELS.get(str(value).casefold())
            return {"value": level} if level else None
        if name == "prerequisites":
            if isinstance(value, str):
                value = [value]
            return {"value": [str(v) for v in value]} if isinstance(value, list) else None
        if name == "retired_on":
            name = "status"
            old = entry.get("facts", {}).get("status") or {}
            if old.get("value") == "renamed":
                return None  # a renamed entry's successor carries the credential on
            return {"value": "retired", "retired_on": str(value)} if value else None
        if name == "status":
            if value == "retired" and raw.get("retired_on"):
                return {"value": "retired", "retired_on": str(raw["retired_on"])}
            return {"value": "active"} if value == "active" else None
        if name == "renewal":
            return renewal(raw)
        if name == "cost":
            return money(raw)
        if name == "hours":
            kind = raw.get("kind") or "learning"
            if (
                not isinstance(value, int | float)
                or value <= 0
                or kind
                not in (
                    "learning",
                    "eligibility",
                )
            ):
                return None
            fact = {"value": value, "kind": kind}
            if raw.get("note"):
                fact["note"] = str(raw["note"])
            return fact
        return None


def money(raw: dict[str, Any]) -> dict[str, Any] | None:
    amount, currency = raw.get("amount"), raw.get("currency")
    if (
        not isinstance(amount, int | float)
        or amount < 0
        or not re.fullmatch(r"[A-Z]{3}", str(currency))
    ):
        return None
    fact: dict[str, Any] = {"amount": amount, "currency": currency}
    for key in ("up_to", "per", "note"):
        if raw.get(key) is not None:
            fact[key] = raw[key]
    if fact.get("per") not in (None, "year", "cycle", "attempt"):
        fact["note"] = f"{fact.get('note') or ''} per {fact.pop('per')}".strip()
    return fact


def renewal(raw: dict[str, Any]) -> dict[str, Any] | None:
    how_text = str(raw.get("how") or "").casefold()
    text = raw.get("text")
    period = raw.get("period_years")
    credits = raw.get("credits")
    number = re.match(r"\s*(\d+(?:\.\d+)?)\s*(credit|cpe|pdu|ceu|pdc|seu|cdu)", how_text)
    if "not expire" in how_text or how_text in ("none", "never"):
        how, period = "none", None
    elif "assessment" in how_text or "maintenance" in how_text:
        how = "assessment"
    elif number or any(w in how_text for w in ("credit", "cpe", "pdu", "ceu", "pdc", "seu", "cdu")):
        how = "credits"
        if credits is None and number:
            credits = float(number.group(1))
    elif "course" in how_text:  # the course again (AHA's course cards)
        how = "course"
    elif "exam" in how_text or "retake" in how_text:
        how = "exam"
    elif "fee" in how_text:
        how = "fee"
    else:
        return None
    if not text or (period is not None and not isinstance(period, int | float)):
        return None
    fact: dict[str, Any] = {"how": how, "text": str(text)}
    if how != "none" and period is not None:
        fact["period_years"] = period
    if credits is not None:
        fact["credits"] = credits
    fee = raw.get("fee")
    if isinstance(fee, dict) and money(fee):
        fact["fee"] = money(fee)
        if (
            fee.get("source")
            and fee.get("checked")
            and clean(fee["source"]) != clean(raw.get("source"))
        ):
            fact["fee"].update(source=clean(fee["source"]), checked=str(fee["checked"]))
    return fact


def merge(data: dict[str, Any], items: list[Any], domains: dict[str, Any] | None = None) -> Merge:
    if domains:
        for issuer, hosts in domains.items():
            if issuer in data["issuer_domains"]:
                known = data["issuer_domains"][issuer]
                for h in hosts or ():
                    if h not in known:
                        print(f"  issuer-domains: {issuer}: {h} not allowed (add it by hand)")
    merger = Merge(data)
    for item in items:
        if isinstance(item, dict):
            merger.item(item)
    return merger


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("facts", type=Path, help="the research file (a YAML list)")
    parser.add_argument("--domains", type=Path, help="issuer-domains.yaml, to review the hosts")
    parser.add_argument("--dry-run", action="store_true", help="report; write nothing")
    args = parser.parse_args(argv)
    data = load(CATALOG)
    items = load(args.facts) or []
    domains = load(args.domains) if args.domains else None
    result = merge(data, items, domains)
    for line in result.log:
        print("  merged", line)
    for line in result.rejected:
        print("  REJECTED", line)
    print(f"{result.merged} facts merged, {len(result.rejected)} rejected, {len(items)} items")
    if not args.dry_run:
        write(data)
        print(f"wrote {CATALOG} and its .json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
