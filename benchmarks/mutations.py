"""Mutation benchmark: inject one known inconsistency into copies of real articles, measure recall.

As FactCC builds its synthetic errors, each copy of a clean BBC article gets exactly one
mutation, and the gold is written with it (its quote is the mutated text, its kind and
subkind named as the blind development set names them). The mutations themselves live in
`benchmarks/mutators/`, one module per kind; `MUTATIONS` lists every kind/subkind.

Recall per kind and subkind counts a mutant as found when a finding at warning or above
overlaps its quote (the scoring of `consistency.evaluation`). The untouched originals are the
paired negatives: their warning-or-above findings are the false-alarm rate, over the corpus
and over the originals of each subkind's mutants. Originals are parsed once; those parses
serve both the mutation candidates and the check of the originals.

    python benchmarks/mutations.py                 # full run: every article, up to 120 mutants per subkind
    python benchmarks/mutations.py --limit 100 --per-subkind 20 --kinds numeric,headline/polarity
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Sequence
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
    run_facts,
    save_results,
)
from benchmarks.mutators import KINDS, MUTATIONS, make_mutants, select  # noqa: E402,F401
from benchmarks.mutators.base import ArticleFacts, Mention, Mutant, Pools, extract_facts  # noqa: E402,F401
from benchmarks.mutators.numeric import quantity_mentions  # noqa: E402,F401
from benchmarks.mutators.places import COUNTRY_CODES, DEMONYMS  # noqa: E402,F401
from consistency import Checker, Config, Report  # noqa: E402
from consistency.evaluation import score_report, summarize  # noqa: E402
from consistency.inputs import Document  # noqa: E402

LEVELS = {"info": 0, "warning": 1, "error": 2}


# --- running and scoring --------------------------------------------------------------------------------
def parse_originals(checker: Checker, documents: Sequence[Document], min_severity: str
                    ) -> tuple[list[ArticleFacts], list[Report]]:
    """Parse each original once: its facts for the mutations and its report for the false alarms."""
    facts, reports = [], []
    texts = (t for d in documents for t in (d.article.title, d.article.body))
    parsed = iter(checker.nlp.pipe(texts, batch_size=checker.config.batch_size))
    for d in documents:
        title_doc, body_doc = next(parsed), next(parsed)
        facts.append(extract_facts(d.source, d.article, title_doc, body_doc))
        reports.append(checker.check_docs(d.article, title_doc, body_doc, source=d.source))
    return facts, reports


def _flagged(report: Report, floor: int) -> bool:
    return any(f.severity and LEVELS[f.severity.value] >= floor for f in report.findings)


def score_mutants(mutants: Sequence[Mutant], reports: Sequence[Report], min_severity: str,
                  originals: dict[str, Report] | None = None, eligible: dict[str, int] | None = None
                  ) -> dict[str, Any]:
    """Recall per kind and subkind (and variant), the rules that caught each, and findings on the mutants.

    `originals` (source -> report on the untouched original) adds, per subkind, how many of
    the mutants' paired originals already have a finding at or above the floor; `eligible`
    (kind/subkind -> articles the mutation could edit) is copied into each subkind's row.
    """
    floor = LEVELS[min_severity]
    scores = [score_report(r, m.gold(), min_severity, name=m.source) for m, r in zip(mutants, reports)]
    totals = summarize(scores)
    by_kind: dict[str, dict[str, Any]] = {}
    for mutant, score in zip(mutants, scores):
        kind = by_kind.setdefault(mutant.kind, {"mutants": 0, "found": 0, "rules": Counter(), "subkinds": {}})
        sub = kind["subkinds"].setdefault(mutant.subkind, {"mutants": 0, "found": 0, "rules": Counter(), "variants": {},
                                                           "originals_flagged": 0})
        item = score.items[0]
        for row in (kind, sub):
            row["mutants"] += 1
            row["found"] += item.found
            row["rules"].update(item.rules)
        variant = sub["variants"].setdefault(mutant.variant, [0, 0])
        variant[0] += item.found
        variant[1] += 1
        original = (originals or {}).get(mutant.original)
        sub["originals_flagged"] += bool(original is not None and _flagged(original, floor))
    for kind_name, kind in by_kind.items():
        for sub_name, sub in kind["subkinds"].items():
            sub["recall"] = round(sub["found"] / sub["mutants"], 3) if sub["mutants"] else 0.0
            sub["rules"] = dict(sub["rules"].most_common())
            if eligible is not None:
                sub["eligible"] = eligible.get(f"{kind_name}/{sub_name}", 0)
        kind["recall"] = round(kind["found"] / kind["mutants"], 3) if kind["mutants"] else 0.0
        kind["rules"] = dict(kind["rules"].most_common())
    return {"mutants": len(mutants), "found": totals.found, "recall": round(totals.recall, 3),
            "findings": totals.findings, "matched_findings": totals.matched_findings,
            "precision": round(totals.precision, 3), "by_kind": by_kind}


def false_alarm_summary(reports: Sequence[Report], min_severity: str) -> dict[str, Any]:
    """Findings at or above the floor on the untouched originals: per article and per rule."""
    floor = LEVELS[min_severity]
    per_rule: Counter[str] = Counter()
    for r in reports:
        per_rule.update(f.rule for f in r.findings if f.severity and LEVELS[f.severity.value] >= floor)
    total = sum(per_rule.values())
    n = max(1, len(reports))
    return {"articles": len(reports), "findings": total, "per_article": round(total / n, 4),
            "articles_with_findings": sum(1 for r in reports if any(
                f.severity and LEVELS[f.severity.value] >= floor for f in r.findings)),
            "per_rule": dict(per_rule.most_common()),
            "errors": sum(len(r.errors) for r in reports)}


def run(corpus: Path, limit: int | None, per_subkind: int | None, seed: int, config: Config,
        kinds: Sequence[str] | None = None) -> tuple[dict[str, Any], list[Mutant], list[Report]]:
    """The whole benchmark; returns the results, the mutants and the reports on the originals."""
    min_severity = config.min_severity.value
    checker = Checker(config.merged(min_severity="info"))  # info findings too: recall is also shown at info
    documents = load_documents(corpus_files(corpus, limit), corpus)
    started = time.perf_counter()
    facts, original_reports = parse_originals(checker, documents, min_severity)
    eligible: dict[str, int] = {}
    mutants = make_mutants(facts, seed, per_subkind, kinds, eligible=eligible)
    mutant_reports = list(checker.check_many(Document(m.source, m.article) for m in mutants))
    seconds = time.perf_counter() - started
    by_source = {r.source: r for r in original_reports}
    results = {
        "benchmark": "mutations",
        "facts": {**run_facts(checker), "corpus": str(corpus), "seed": seed, "limit": limit,
                  "per_subkind": per_subkind, "min_severity": min_severity},
        "seconds": round(seconds, 1),
        "originals": len(documents),
        "mutation": score_mutants(mutants, mutant_reports, min_severity, by_source, eligible),
        "mutation_at_info": score_mutants(mutants, mutant_reports, "info", by_source, eligible),
        "false_alarms": false_alarm_summary(original_reports, min_severity),
        "examples": {m.name: [{"source": x.source, "quote": x.quote, "why": x.why, **x.detail}
                              for x in mutants if (x.kind, x.subkind) == (m.kind, m.subkind)][:5]
                     for m in select(kinds)},
    }
    return results, mutants, [at_least(r, min_severity) for r in original_reports]


def at_least(report: Report, min_severity: str) -> Report:
    """The report with only its findings at or above the floor."""
    floor = LEVELS[min_severity]
    kept = [f for f in report.findings if f.severity and LEVELS[f.severity.value] >= floor]
    return report.model_copy(update={"findings": kept})


def render(results: dict[str, Any]) -> str:
    """The results as markdown: recall per kind and subkind, false alarms per rule."""
    mutation, alarms, facts = results["mutation"], results["false_alarms"], results["facts"]
    at_info = results.get("mutation_at_info", {}).get("by_kind", {})

    def info_recall(kind: str, sub: str | None = None) -> str:
        row = at_info.get(kind)
        if row is not None and sub is not None:
            row = row["subkinds"].get(sub)
        return f"{row['recall']:.2f}" if row else "-"

    rows = []
    for kind, row in mutation["by_kind"].items():
        for sub, s in row["subkinds"].items():
            rows.append((kind, sub, s.get("eligible", "-"), s["mutants"], s["found"], f"{s['recall']:.2f}",
                         info_recall(kind, sub), s["originals_flagged"],
                         ", ".join(f"{v}: {c[0]}/{c[1]}" for v, c in sorted(s["variants"].items())),
                         ", ".join(f"{r} {n}" for r, n in s["rules"].items()) or "-"))
    kind_rows = [(kind, row["mutants"], row["found"], f"{row['recall']:.2f}", info_recall(kind),
                  ", ".join(f"{r} {n}" for r, n in row["rules"].items()) or "-")
                 for kind, row in mutation["by_kind"].items()]
    kind_rows.append(("**all**", mutation["mutants"], mutation["found"], f"{mutation['recall']:.2f}",
                      f"{results['mutation_at_info']['recall']:.2f}" if at_info else "-", ""))
    per = facts.get("per_subkind", facts.get("per_kind"))
    lines = [
        f"# Mutation benchmark ({facts['date']}, commit {facts['commit']})", "",
        f"{results['originals']} original BBC articles, {mutation['mutants']} mutated copies "
        f"(seed {facts['seed']}, at most {per} per subkind), findings at {facts['min_severity']} or above; "
        f"rules run: {', '.join(facts.get('rules', [])) or 'none'}.", "",
        "## Recall per kind", "",
        markdown_table(["kind", "mutants", "found", "recall", "recall counting info", "caught by"], kind_rows), "",
        "## Recall per kind and subkind", "",
        "*eligible*: originals the mutation could edit (mutants are drawn from them); *originals flagged*: "
        "how many of these mutants' untouched originals already have a finding at the floor.", "",
        markdown_table(["kind", "subkind", "eligible", "mutants", "found", "recall", "recall counting info",
                        "originals flagged", "by variant", "caught by"], rows), "",
        f"Precision on the mutants: {mutation['precision']:.2f} ({mutation['matched_findings']} of "
        f"{mutation['findings']} findings overlap the mutation).", "",
        "## False alarms on the untouched originals", "",
        f"{alarms['findings']} findings on {alarms['articles']} articles: {alarms['per_article']:.3f} per article "
        f"({alarms['articles_with_findings']} articles with at least one).", "",
        markdown_table(["rule", "findings", "per 100 articles"],
                       [(r, n, f"{100 * n / max(1, alarms['articles']):.2f}") for r, n in alarms["per_rule"].items()])
        if alarms["per_rule"] else "No findings.",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", help="BBC corpus folder (default: shared/corpus/bbc)")
    parser.add_argument("--limit", type=int, help="use this many originals (evenly spaced), not all")
    parser.add_argument("--per-subkind", "--per-kind", dest="per_subkind", type=int, default=120,
                        help="mutants per kind/subkind at most (default 120; 0 = every article that can be edited)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--kinds", default="", help="comma-separated kinds or kind/subkinds (default all): "
                        + ", ".join(m.name for m in MUTATIONS))
    parser.add_argument("--min-severity", choices=list(LEVELS), default="warning")
    add_rule_options(parser)
    parser.add_argument("--out", help="results folder (default benchmarks/results)")
    parser.add_argument("--name", default="mutations", help="file name of the results (default mutations)")
    parser.add_argument("--save-mutants", metavar="FILE", help="also write the mutants with their gold as JSONL")
    parser.add_argument("--false-alarms", action="store_true",
                        help="also save the originals' findings as false_alarms.json/.md (saves a corpus pass)")
    args = parser.parse_args(argv)
    kinds = [k for k in args.kinds.split(",") if k]
    try:
        select(kinds)
    except ValueError as error:
        parser.error(str(error))
    config = config_from(args, min_severity=args.min_severity)
    corpus = find_corpus(args.corpus)
    started = time.perf_counter()
    results, mutants, original_reports = run(corpus, args.limit, args.per_subkind or None, args.seed, config,
                                                 kinds)
    markdown = render(results)
    json_path, md_path = save_results(args.name, results, markdown, Path(args.out) if args.out else None)
    if args.save_mutants:
        import json

        with open(args.save_mutants, "w", encoding="utf-8") as out:
            for m in mutants:
                out.write(json.dumps({"source": m.source, "original": m.original, "kind": m.kind, "subkind": m.subkind,
                                      "title": m.article.title, "body": m.article.body, "gold": m.gold(),
                                      "detail": m.detail}) + "\n")
    print(markdown)
    print(f"\nsaved {json_path} and {md_path}")
    if args.false_alarms:  # the originals were checked anyway: save them as the false-alarm benchmark too
        from benchmarks import false_alarms

        alarms = {"benchmark": "false_alarms",
                  "facts": {**results["facts"], "argv": results["facts"]["argv"] + " (originals of the mutations)"},
                  "seconds": round(time.perf_counter() - started, 1),
                  **false_alarms.tally(original_reports, results["facts"].get("rules", []))}
        paths = save_results("false_alarms", alarms, false_alarms.render(alarms), Path(args.out) if args.out else None)
        print(f"saved {paths[0]} and {paths[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
