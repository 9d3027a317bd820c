"""Why a planted slip is missed: never read into the ledger, or read and never compared.

    python benchmarks/ledger_coverage.py eval/blind/dev5 eval/blind/probes [--name NAME]

For each planted item of the blind set (`NAME.txt` + `NAME.gold.json`), the checker's report says
whether a finding at warning or above touches the item's quotes; the claims ledger of the same
analysis says which of the quotes a claim of the item's kind was read from (a claim's span shares
a character with the quote). A missed item then falls in one of three groups:

- **unread**: no quote of the item has a claim of its kind: an extractor lacks the reading;
- **one side read**: some quotes have claims, some do not (a conflict needs both sides);
- **read, not compared**: every quote has a claim of its kind, and still no rule fires: the
  comparison (or its guards) is what is missing.

The split tells where the next session's work lies, kind by kind. It prints counts only, so it
may be run on a scored-only part without reading it.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import markdown_table, save_results  # noqa: E402
from consistency import Article, Checker  # noqa: E402
from consistency.evaluation import discover, locate, overlaps, score_report  # noqa: E402

#: The ledger extractors that read each kind of fact (the `extractor` of a claim); temporal slips
#: are also read from the normalised time expressions (`ctx.temporal`), which are not claims.
KIND_EXTRACTORS: dict[str, frozenset[str]] = {
    "naming": frozenset({"names"}),
    "kinship": frozenset({"kin"}),
    "role": frozenset({"roles"}),
    "group-drift": frozenset({"nationality", "groups"}),
    "attribution": frozenset({"quotes", "nationality", "roles"}),  # a speaker's affiliation is read as either
    "temporal": frozenset({"events", "ages"}),
    "numeric": frozenset({"quantities"}),
    "geography": frozenset({"places", "borders", "capitals", "distances", "routes"}),
}
#: A headline's slip is a headline claim against a body claim of any kind (a figure, a winner, a place).
ANY_EXTRACTOR_KINDS = frozenset({"headline"})

GROUPS = ("found", "read, not compared", "one side read", "unread")


def read_spans(ctx: Any, kind: str) -> list[dict[str, Any]]:
    """Spans (as report dicts) of the ledger claims of this kind, and of time expressions for temporal."""
    wanted = KIND_EXTRACTORS.get(kind, frozenset())
    spans = [c.span.model_dump() for c in ctx.claims.claims if c.extractor in wanted or kind in ANY_EXTRACTOR_KINDS]
    if kind == "temporal":
        for expression in ctx.temporal:
            span = getattr(expression, "span", None)
            if span is not None:  # a spaCy span of the title or body doc
                spans.append(ctx.span(span).model_dump())
    return spans


def classify(ctx: Any, report: dict[str, Any], gold: dict[str, Any], name: str) -> list[tuple[str, str, str, dict]]:
    """(kind, subkind, group, gold item) for each planted item of one article."""
    score = score_report(report, gold, name=name)
    article = report.get("article") or {}
    rows = []
    for result, item in zip(score.items, gold.get("items", [])):
        if result.found:
            rows.append((result.kind, result.subkind, "found", item))
            continue
        spans = read_spans(ctx, result.kind)
        places = [p for p in (locate(article, q) for q in item["quotes"]) if p]
        read = [any(overlaps(s, p) for s in spans) for p in places]
        group = "read, not compared" if read and all(read) else "one side read" if any(read) else "unread"
        rows.append((result.kind, result.subkind, group, item))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("parts", nargs="+", help="folders (or files) of the blind set")
    parser.add_argument("--name", help="save results as benchmarks/results/NAME.{json,md}")
    parser.add_argument("--list", metavar="KIND", help="print each missed item of this kind (its article, group and quotes):"
                        " for development parts only, never for a scored-only part")
    args = parser.parse_args()
    checker = Checker()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    subkinds: dict[str, Counter[str]] = defaultdict(Counter)
    for item in discover(args.parts):
        if not item.gold.get("items"):
            continue  # twins and negatives: nothing planted
        article = Article.from_text(Path(item.path).read_text(encoding="utf-8"))
        ctx = checker.analyze(article)
        report = checker.run_rules(item.path, ctx).model_dump(mode="json")
        for kind, subkind, group, gold_item in classify(ctx, report, item.gold, item.name):
            if kind == args.list and group != "found":
                print(f"{item.name} [{subkind}] {group}: {gold_item['quotes']}")
            counts[kind][group] += 1
            subkinds[f"{kind}/{subkind}"][group] += 1
    rows = [[kind, sum(c.values()), *(c[g] for g in GROUPS)] for kind, c in sorted(counts.items())]
    total = Counter()
    for c in counts.values():
        total.update(c)
    rows.append(["all", sum(total.values()), *(total[g] for g in GROUPS)])
    table = markdown_table(["kind", "items", *GROUPS], rows)
    print(f"Planted items of {', '.join(args.parts)} (warning and above):\n\n{table}")
    if args.name:
        data = {"parts": args.parts, "groups": list(GROUPS),
                "by_kind": {k: dict(c) for k, c in counts.items()},
                "by_subkind": {k: dict(c) for k, c in sorted(subkinds.items())}}
        markdown = f"# Ledger coverage: {args.name}\n\n{__doc__.split(chr(10) + chr(10), 1)[1].split('The split')[0]}" \
                   f"Parts: {', '.join(args.parts)}.\n\n{table}\n"
        for path in save_results(args.name, data, markdown):
            print(f"wrote {path}")


if __name__ == "__main__":
    main()
