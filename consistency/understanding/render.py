"""The ledger as `consistency claims` prints it: a JSON record per article, or text for a reader."""

from __future__ import annotations

from typing import Any

from .ledger import Ledger


def ledger_record(source: str, ledger: Ledger, attributes: set[str] | None = None) -> dict[str, Any]:
    """{"source", "subjects", "claims"}: the JSON shape documented in docs/claims.md."""
    data = ledger.to_dict()
    if attributes:
        data["claims"] = [c for c in data["claims"] if c["attribute"] in attributes]
    return {"source": source, **data}


def ledger_text(record: dict[str, Any]) -> str:
    """One block per subject: its claims with value, qualifiers and the quoted words."""
    lines = [f"== {record['source']}"]
    by_subject: dict[str, list[dict[str, Any]]] = {}
    for claim in record["claims"]:
        by_subject.setdefault(claim["subject"], []).append(claim)
    names = {s["id"]: s for s in record["subjects"]}
    for sid, claims in by_subject.items():
        subject = names.get(sid, {"kind": "?", "name": sid})
        lines.append(f"{subject['name']} [{sid}]")
        for c in claims:
            span = c["span"]
            quals = f" ({', '.join(c['qualifiers'])})" if c["qualifiers"] else ""
            lines.append(f"  {c['attribute']:<12} {c['value']!s:<24} {span['field']}:{span['start']}"
                         f"  \"{c['text']}\"{quals}")
    if not by_subject:
        lines.append("  (no claims)")
    return "\n".join(lines)
