"""False-alarm benchmark: warning-or-above findings per rule per 100 correct BBC articles.

The BBC articles are correct, so every finding at warning or above is a false alarm (or a
real slip of the BBC's, which the table's examples let a reader judge). This is the ship
gate of every rule: at most 1 per 100 articles, 2 for headline rules (HL*).

    python benchmarks/false_alarms.py                      # every built-in rule, whole corpus
    python benchmarks/false_alarms.py --select GE --limit 200
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import (  # noqa: E402
    add_rule_options,
    config_from,
    corpus_files,
    find_corpus,
    load_documents,
    markdown_table,
    rule_stability,
    run_facts,
    save_results,
)
from consistency import Checker, Report  # noqa: E402

GATE_PER_100 = 1.0
HEADLINE_GATE_PER_100 = 2.0
EXAMPLES_PER_RULE = 5


def gate_for(code: str) -> float:
    """The most warnings per 100 articles a rule may give on correct text."""
    return HEADLINE_GATE_PER_100 if code.startswith("HL") else GATE_PER_100


def tally(reports: Iterable[Report], codes: Sequence[str]) -> dict[str, Any]:
    """Findings, rule errors and examples per rule over the reports (already filtered to warning+)."""
    counts: Counter[str] = Counter({code: 0 for code in codes})
    errors: Counter[str] = Counter()
    examples: dict[str, list[dict[str, Any]]] = {}
    articles = 0
    for report in reports:
        articles += 1
        for f in report.findings:
            counts[f.rule] += 1
            shown = examples.setdefault(f.rule, [])
            if len(shown) < EXAMPLES_PER_RULE:
                quote = f.spans[0].text if f.spans else ""
                shown.append({"source": report.source, "severity": str(f.severity), "message": f.message,
                              "quote": quote})
        errors.update(e.rule or e.kind for e in report.errors)
    stability = rule_stability(list(counts))
    per_rule = {}
    for code, n in sorted(counts.items()):
        rate = 100 * n / max(1, articles)
        per_rule[code] = {"findings": n, "per_100": round(rate, 2), "gate": gate_for(code),
                          "passes": rate <= gate_for(code), "stability": stability[code],
                          "errors": errors.get(code, 0), "examples": examples.get(code, [])}
    return {"articles": articles, "findings": sum(counts.values()), "per_rule": per_rule,
            "failing": [c for c, row in per_rule.items() if not row["passes"]],
            "errors": dict(errors)}


def render(results: dict[str, Any]) -> str:
    """The results as markdown: one row per rule, then the examples of failing rules."""
    facts = results["facts"]
    rows = [(code, row["stability"], row["findings"], f"{row['per_100']:.2f}", f"{row['gate']:.0f}",
             "yes" if row["passes"] else "**NO**", row["errors"] or "")
            for code, row in results["per_rule"].items()]
    lines = [
        f"# False alarms on correct BBC articles ({facts['date']}, commit {facts['commit']})", "",
        f"{results['articles']} articles, findings at warning or above, {results['seconds']} s. "
        f"Total: {results['findings']} ({100 * results['findings'] / max(1, results['articles']):.2f} per 100 articles).",
        "",
        markdown_table(["rule", "stability", "findings", "per 100 articles", "gate", "passes", "rule errors"], rows),
    ]
    for code in results["failing"]:
        lines += ["", f"## {code}: examples", ""]
        lines += [f"- `{e['source']}`: {e['message']} («{e['quote']}»)" for e in results["per_rule"][code]["examples"]]
    shown = [(code, e) for code, row in results["per_rule"].items() if code not in results["failing"]
             for e in row["examples"]]
    if shown:
        lines += ["", f"## Findings of the passing rules (up to {EXAMPLES_PER_RULE} each)", ""]
        lines += [f"- {code} `{e['source']}`: {e['message']} («{e['quote']}»)" for code, e in shown]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", help="BBC corpus folder (default: shared/corpus/bbc)")
    parser.add_argument("--limit", type=int, help="use this many articles (evenly spaced), not all")
    add_rule_options(parser)
    parser.add_argument("--out", help="results folder (default benchmarks/results)")
    parser.add_argument("--name", default="false_alarms", help="file name of the results (default false_alarms)")
    parser.add_argument("--findings", metavar="FILE", help="also write every report with findings as JSONL, to read them")
    args = parser.parse_args(argv)

    corpus = find_corpus(args.corpus)
    checker = Checker(config_from(args, min_severity="warning"))
    documents = load_documents(corpus_files(corpus, args.limit), corpus)
    started = time.perf_counter()
    reports = list(checker.check_many(documents))
    seconds = time.perf_counter() - started
    results = {"benchmark": "false_alarms", "facts": {**run_facts(checker), "corpus": str(corpus), "limit": args.limit},
               "seconds": round(seconds, 1), **tally(reports, [r.code for r in checker.rules])}
    if args.findings:
        with open(args.findings, "w", encoding="utf-8") as out:
            for report in reports:
                if report.findings:
                    out.write(json.dumps(report.model_dump(mode="json", exclude={"article"})) + "\n")
    markdown = render(results)
    json_path, md_path = save_results(args.name, results, markdown, Path(args.out) if args.out else None)
    print(markdown)
    print(f"\nsaved {json_path} and {md_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
