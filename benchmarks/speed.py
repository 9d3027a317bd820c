"""Speed benchmark: what the whole check costs over a bare spaCy `nlp.pipe` of the same texts.

In one process and one run it measures, over the BBC corpus:

- throughput of `Checker.check_many` (articles/s, words/s);
- the ratio of that check to a bare `nlp.pipe` of the same pipeline over the same texts
  (the project's goal: at most 1.10 with every built-in rule on);
- seconds per rule, from `Config(timings=True)`, to name the costly rules;
- time against article length (each sample body repeated 1, 2, 4, 8 times): the
  per-word cost should stay flat (linear growth);
- peak resident memory (RSS, from `resource.getrusage`);
- 1 against 2 worker processes (`consistency.parallel.check_parallel`).

Timings on a shared machine are noisy: the check and the bare parse alternate batch by batch
so that load changes hit both alike, and `--repeat N` runs both N times, keeping the fastest.

    python benchmarks/speed.py                  # whole corpus
    python benchmarks/speed.py --limit 100 --scaling-sample 5 --jobs-sample 40
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
    peak_rss_mb,
    rule_stability,
    run_facts,
    save_results,
    words,
)
from consistency import Article, Checker, Config  # noqa: E402
from consistency.inputs import Document  # noqa: E402

GOAL_RATIO = 1.10
SCALES = (1, 2, 4, 8)
#: The shared analyses of `ArticleAnalysis`, computed on first use by whichever rule asks first.
SHARED_ANALYSES = ("sentences", "entities", "gazetteer", "places", "people", "reference_date", "temporal",
                   "quantities")


class SplitTimingChecker(Checker):
    """A checker that computes the shared analyses before the rules, timing each on its own.

    Otherwise a shared analysis (`ctx.places`, `ctx.people`...) is charged to the first rule
    that asks for it, and a cheap rule looks costly. With every built-in rule on, every
    analysis is needed anyway, so the total does not change.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.analysis_seconds: Counter[str] = Counter()

    def run_rules(self, source: str, ctx: Any) -> Any:
        for name in SHARED_ANALYSES:
            started = time.perf_counter()
            try:
                getattr(ctx, name)
            except Exception:  # noqa: BLE001 - a failing analysis is the rules' to report, not the timer's
                pass
            self.analysis_seconds[name] += time.perf_counter() - started
        return super().run_rules(source, ctx)


def texts_of(documents: Sequence[Document]) -> list[str]:
    """Title and body of each article, in the order the checker parses them."""
    return [t for d in documents for t in (d.article.title, d.article.body)]


class Stopwatch:
    """Wall and CPU seconds of this process between start and `stop()`.

    CPU time is what the ratio uses: on a machine shared with other work the wall clock
    of two runs differs by more than the check costs, while this process's CPU time does not.
    """

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def stop(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


def time_bare(checker: Checker, documents: Sequence[Document], batch_size: int | None = None,
              like_checker: bool = False) -> tuple[float, float]:
    """(wall, CPU) seconds of a bare `nlp.pipe` over the titles and bodies.

    By default one stream with spaCy's default batch size (or `batch_size`), as plain spaCy
    is used; `like_checker` feeds the texts as `check_many` does (`config.batch_size` articles
    per `nlp.pipe` call), so that the ratio to the check counts only what the check adds.
    """
    watch = Stopwatch()
    if like_checker:
        size = checker.config.batch_size
        for at in range(0, len(documents), size):
            for _ in checker.nlp.pipe(texts_of(documents[at:at + size])):
                pass
    else:
        for _ in checker.nlp.pipe(texts_of(documents), batch_size=batch_size):
            pass
    return watch.stop()


def time_check(checker: Checker, documents: Sequence[Document]) -> tuple[float, float, Counter[str], int]:
    """(wall, CPU) seconds of the whole check, seconds per rule (the reports' timings), and findings."""
    per_rule: Counter[str] = Counter()
    findings = 0
    analysis = getattr(checker, "analysis_seconds", None)
    before = Counter(analysis) if analysis is not None else Counter()
    watch = Stopwatch()
    for report in checker.check_many(documents, batch_size=checker.config.batch_size):  # the bare parse's batches
        per_rule.update(report.timings)
        findings += len(report.findings)
    wall, cpu = watch.stop()
    if analysis is not None:  # the shared analyses count as rows of their own, named "ctx.<name>"
        per_rule.update({f"ctx.{name}": t - before[name] for name, t in analysis.items()})
    return wall, cpu, per_rule, findings


def measure_ratio(checker: Checker, documents: Sequence[Document], repeat: int,
                  rss: dict[str, float] | None = None) -> dict[str, Any]:
    """Bare parse and whole check, alternated batch by batch, `repeat` times; the fastest of each is kept.

    The ratio is of CPU seconds (see `Stopwatch`); the wall-clock ratio is kept beside it.
    Rule timings are wall-clock seconds measured inside the check, so their shares are of
    the bare parse's wall time.
    """
    bare_runs: list[tuple[float, float]] = []
    plain_runs: list[tuple[float, float]] = []
    check_runs: list[tuple[float, float]] = []
    per_rule: Counter[str] = Counter()
    findings = 0
    size = checker.config.batch_size
    for _ in range(repeat):
        # Check and bare parse alternate batch by batch, so a change in the machine's load
        # (other work on shared cores slows even CPU time) hits both sides alike.
        check_wall = check_cpu = bare_wall = bare_cpu = 0.0
        rules: Counter[str] = Counter()
        findings = 0
        for at in range(0, len(documents), size):
            batch = documents[at:at + size]
            wall, cpu, batch_rules, batch_findings = time_check(checker, batch)
            check_wall, check_cpu, findings = check_wall + wall, check_cpu + cpu, findings + batch_findings
            rules.update(batch_rules)
            wall, cpu = time_bare(checker, batch, like_checker=True)
            bare_wall, bare_cpu = bare_wall + wall, bare_cpu + cpu
        if rss is not None:
            rss.setdefault("after check", peak_rss_mb())
        if not check_runs or check_cpu < min(c for _, c in check_runs):
            per_rule = rules
        check_runs.append((check_wall, check_cpu))
        bare_runs.append((bare_wall, bare_cpu))
        plain_runs.append(time_bare(checker, documents))
    bare_wall, bare_cpu = min(w for w, _ in bare_runs), min(c for _, c in bare_runs)
    check_wall, check_cpu = min(w for w, _ in check_runs), min(c for _, c in check_runs)
    plain_wall, plain_cpu = min(w for w, _ in plain_runs), min(c for _, c in plain_runs)
    n_words = sum(words(d.article) for d in documents)
    rules_total = sum(per_rule.values())
    stability = {**rule_stability(list(per_rule)),
                 **{code: "shared analysis" for code in per_rule if code.startswith("ctx.")}}
    ratio = check_cpu / bare_cpu
    return {
        "articles": len(documents), "words": n_words, "findings": findings,
        "bare_cpu_seconds": round(bare_cpu, 3), "check_cpu_seconds": round(check_cpu, 3),
        "bare_wall_seconds": round(bare_wall, 3), "check_wall_seconds": round(check_wall, 3),
        "bare_runs": [[round(w, 3), round(c, 3)] for w, c in bare_runs],
        "check_runs": [[round(w, 3), round(c, 3)] for w, c in check_runs],
        "plain_bare_cpu_seconds": round(plain_cpu, 3), "plain_bare_wall_seconds": round(plain_wall, 3),
        "ratio": round(ratio, 3), "wall_ratio": round(check_wall / bare_wall, 3),
        "ratio_to_plain_pipe": round(check_cpu / plain_cpu, 3),
        "goal_ratio": GOAL_RATIO, "meets_goal": ratio <= GOAL_RATIO,
        "articles_per_second": round(len(documents) / check_wall, 2), "words_per_second": round(n_words / check_wall, 1),
        "articles_per_cpu_second": round(len(documents) / check_cpu, 2),
        "words_per_cpu_second": round(n_words / check_cpu, 1),
        "rules_seconds": round(rules_total, 3),  # rules and shared analyses, wall clock
        "rules_share_of_bare": round(rules_total / bare_wall, 4),
        "other_overhead_cpu_seconds": round(check_cpu - bare_cpu - rules_total, 3),
        "per_rule": {
            code: {"seconds": round(s, 4), "ms_per_article": round(1000 * s / len(documents), 3),
                   "share_of_bare": round(s / bare_wall, 4), "stability": stability[code]}
            for code, s in per_rule.most_common()
        },
    }


def concatenated(article: Article, times: int) -> Article:
    """The article with its body repeated `times` times, paragraphs apart."""
    return Article(title=article.title, body="\n\n".join([article.body] * times))


def measure_scaling(checker: Checker, documents: Sequence[Document], scales: Sequence[int] = SCALES
                    ) -> tuple[list[dict[str, Any]], dict[str, float]]:
    """Bare parse and check of the sample at each length; per-word times should stay flat.

    Also returns, for each rule costing over 0.5% of the bare parse at the longest length,
    how its per-word cost grew from the shortest: about 1 is linear, 2 or more is not.
    """
    rows, costs = [], []
    for times in scales:
        docs = [Document(f"{d.source}x{times}", concatenated(d.article, times)) for d in documents]
        n_words = sum(words(d.article) for d in docs)
        bare_wall, bare = time_bare(checker, docs, like_checker=True)
        _, check, per_rule, _ = time_check(checker, docs)
        costs.append((n_words, bare_wall, per_rule))
        rows.append({"scale": times, "words": n_words, "bare_cpu_seconds": round(bare, 3),
                     "check_cpu_seconds": round(check, 3), "ratio": round(check / bare, 3),
                     "check_ms_per_1k_words": round(1000 * check / n_words * 1000, 2),  # CPU
                     "rules_ms_per_1k_words": round(1000 * sum(per_rule.values()) / n_words * 1000, 2),
                     "slowest_rule": per_rule.most_common(1)[0][0] if per_rule else None})
    base = rows[0]["rules_ms_per_1k_words"] or 1e-9
    for row in rows:
        row["rules_growth_per_word"] = round(row["rules_ms_per_1k_words"] / base, 2)
    (words_first, _, first), (words_last, bare_last, last) = costs[0], costs[-1]
    growth = {code: round((last[code] / words_last) / (first[code] / words_first), 2)
              for code in last if last[code] > 0.005 * bare_last and first.get(code, 0) > 0}
    return rows, dict(sorted(growth.items(), key=lambda kv: -kv[1]))


def measure_processes(config: Config, documents: Sequence[Document], jobs: Sequence[int] = (1, 2)) -> list[dict[str, Any]]:
    """Wall time of `check_parallel` with 1 and 2 processes (worker start-up, model load included)."""
    from consistency.parallel import check_parallel

    rows = []
    for n in jobs:
        started = time.perf_counter()
        first = None
        count = 0
        for _ in check_parallel(documents, config, tuple(config.plugins), n):
            first = first if first is not None else time.perf_counter() - started
            count += 1
        seconds = time.perf_counter() - started
        rows.append({"jobs": n, "articles": count, "seconds": round(seconds, 3),
                     "first_report_seconds": round(first or 0.0, 3),
                     "articles_per_second_after_first": round((count - 1) / max(1e-9, seconds - (first or 0.0)), 2),
                     "articles_per_second": round(count / seconds, 2)})
    for row in rows:
        row["speedup"] = round(rows[0]["seconds"] / row["seconds"], 2)
    return rows


def costly_rules(ratio: dict[str, Any], share: float = 0.01) -> list[str]:
    """Rules that each cost more than `share` of the bare parse."""
    return [code for code, row in ratio["per_rule"].items() if row["share_of_bare"] > share
            and not code.startswith("ctx.")]


def render(results: dict[str, Any]) -> str:
    """The results as markdown tables."""
    r, facts = results["ratio"], results["facts"]
    lines = [
        f"# Speed ({facts['date']}, commit {facts['commit']}, {facts['cpus']} CPUs shared with other work)", "",
        f"{r['articles']} BBC articles, {r['words']} words, {len(facts.get('rules', []))} rules, "
        f"fastest of {len(r['check_runs'])} run(s).", "",
        markdown_table(["measure", "value"], [
            ("bare nlp.pipe, batched as the checker does", f"{r['bare_cpu_seconds']:.2f} s CPU "
                                                          f"({r['bare_wall_seconds']:.2f} s wall)"),
            ("bare nlp.pipe, one stream, spaCy's default batch size",
             f"{r['plain_bare_cpu_seconds']:.2f} s CPU ({r['plain_bare_wall_seconds']:.2f} s wall)"),
            ("whole check", f"{r['check_cpu_seconds']:.2f} s CPU ({r['check_wall_seconds']:.2f} s wall)"),
            ("**ratio check / bare (CPU)**", f"**{r['ratio']:.3f}** (goal ≤ {r['goal_ratio']:.2f}: "
                                             f"{'met' if r['meets_goal'] else 'NOT met'}); wall clock {r['wall_ratio']:.3f}"),
            ("ratio check / one-stream bare (CPU)", f"{r['ratio_to_plain_pipe']:.3f}"),
            ("rules and shared analyses", f"{r['rules_seconds']:.2f} s wall = "
                                          f"{100 * r['rules_share_of_bare']:.1f}% of the bare parse's wall time"),
            ("other overhead (check - bare - rules, CPU)", f"{r['other_overhead_cpu_seconds']:.2f} s"),
            ("throughput (wall)", f"{r['articles_per_second']:.2f} articles/s, {r['words_per_second']:.0f} words/s"),
            ("throughput (per CPU second)", f"{r['articles_per_cpu_second']:.2f} articles/s, "
                                            f"{r['words_per_cpu_second']:.0f} words/s"),
            ("peak RSS of the checker", f"{results['peak_rss_mb_by_phase'].get('after check', 0):.0f} MiB"),
            ("peak RSS of the process", f"{results['peak_rss_mb']:.0f} MiB ("
                         + ", ".join(f"{k} {v:.0f}" for k, v in results["peak_rss_mb_by_phase"].items()) + ")"),
            ("warm-up: model and data loads", f"{results['warmup_seconds']:.2f} s wall"),
            ("untimed priming parse", f"{results['priming_seconds']:.2f} s wall"),
        ]), "",
        "## Time per rule", "",
        "Shared analyses (`ctx.*`) are computed before the rules and timed on their own"
        + (" here." if results.get("split_analysis") else ": not in this run, so each is in the first rule that asks.")
        + f" Rules over 1% of the bare parse: {', '.join(results['costly_rules']) or 'none'}.", "",
        markdown_table(["rule", "stability", "seconds", "ms/article", "% of bare parse"],
                       [(c, row["stability"], f"{row['seconds']:.3f}", f"{row['ms_per_article']:.2f}",
                         f"{100 * row['share_of_bare']:.2f}") for c, row in r["per_rule"].items()]),
    ]
    if results.get("scaling"):
        lines += ["", "## Time against article length", "",
                  markdown_table(["body repeated", "words", "bare CPU s", "check CPU s", "ratio", "check ms/1k words",
                                  "rules ms/1k words", "rules per-word growth", "slowest rule"],
                                 [(row["scale"], row["words"], f"{row['bare_cpu_seconds']:.2f}",
                                   f"{row['check_cpu_seconds']:.2f}", f"{row['ratio']:.3f}",
                                   f"{row['check_ms_per_1k_words']:.0f}", f"{row['rules_ms_per_1k_words']:.1f}",
                                   f"{row['rules_growth_per_word']:.2f}x", row["slowest_rule"] or "-")
                                  for row in results["scaling"]]), "",
                  "Per-word cost growth from 1x to 8x of the rules costing over 0.5% of the bare parse "
                  "(about 1: linear; 2 or more: worse than linear): "
                  + (", ".join(f"{c} {g:.2f}x" for c, g in results["per_word_growth"].items()) or "none") + "."]
    if results.get("processes"):
        lines += ["", "## Processes", "",
                  "Wall clock, worker start-up included (each worker loads the model and data; the first "
                  "report's delay shows it). 1 job runs in this process, already warm.", "",
                  markdown_table(["jobs", "articles", "seconds", "first report after s", "articles/s",
                                  "articles/s after the first report", "speed-up"],
                                 [(row["jobs"], row["articles"], f"{row['seconds']:.2f}",
                                   f"{row['first_report_seconds']:.2f}", f"{row['articles_per_second']:.2f}",
                                   f"{row['articles_per_second_after_first']:.2f}", f"{row['speedup']:.2f}x")
                                  for row in results["processes"]])]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", help="BBC corpus folder (default: shared/corpus/bbc)")
    parser.add_argument("--limit", type=int, help="use this many articles (evenly spaced), not all")
    parser.add_argument("--repeat", type=int, default=1, help="runs of bare parse and check; the fastest counts")
    parser.add_argument("--scaling-sample", type=int, default=20, help="articles concatenated 1-8x (0: skip)")
    parser.add_argument("--jobs-sample", type=int, default=200, help="articles for the 1 vs 2 processes run (0: skip)")
    parser.add_argument("--jobs", default="1,2", help="process counts to compare (default 1,2)")
    parser.add_argument("--no-split-analysis", action="store_true",
                        help="let the rules compute the shared analyses (charged to the first rule that asks)")
    add_rule_options(parser)
    parser.add_argument("--out", help="results folder (default benchmarks/results)")
    parser.add_argument("--name", default="speed", help="file name of the results (default speed)")
    args = parser.parse_args(argv)

    corpus = find_corpus(args.corpus)
    config = config_from(args, timings=True)
    checker = Checker(config) if args.no_split_analysis else SplitTimingChecker(config)
    documents = load_documents(corpus_files(corpus, args.limit), corpus)

    rss: dict[str, float] = {"start": peak_rss_mb()}
    started = time.perf_counter()
    list(checker.check_many(documents[:3]))  # load the model and every rule's data once, outside the timings
    warmup = time.perf_counter() - started
    rss["after loading"] = peak_rss_mb()
    # One untimed parse of every text first: the first pass over new text grows spaCy's
    # vocabulary and caches, which would otherwise make whichever run comes first look slower.
    # It uses the checker's batch size, so that the peak memory measured after the check is the
    # checker's own (spaCy's default batches of 1000 texts take far more).
    started = time.perf_counter()
    time_bare(checker, documents, batch_size=checker.config.batch_size)
    priming = time.perf_counter() - started
    rss["after priming parse"] = peak_rss_mb()

    results: dict[str, Any] = {"benchmark": "speed", "facts": {**run_facts(checker), "corpus": str(corpus),
                                                                "limit": args.limit},
                               "warmup_seconds": round(warmup, 2), "priming_seconds": round(priming, 2),
                               "split_analysis": not args.no_split_analysis}
    results["ratio"] = measure_ratio(checker, documents, max(1, args.repeat), rss)
    rss["after bare parse"] = peak_rss_mb()
    results["costly_rules"] = costly_rules(results["ratio"])
    if args.scaling_sample:
        step = max(1, len(documents) // args.scaling_sample)
        results["scaling"], results["per_word_growth"] = measure_scaling(checker,
                                                                          documents[::step][: args.scaling_sample])
    rss["after length scaling"] = peak_rss_mb()
    results["peak_rss_mb"] = round(peak_rss_mb(), 1)
    results["peak_rss_mb_by_phase"] = {phase: round(mb, 1) for phase, mb in rss.items()}
    if args.jobs_sample:
        results["processes"] = measure_processes(config.merged(timings=False), documents[: args.jobs_sample],
                                                 [int(n) for n in args.jobs.split(",")])
    markdown = render(results)
    json_path, md_path = save_results(args.name, results, markdown, Path(args.out) if args.out else None)
    print(markdown)
    print(f"\nsaved {json_path} and {md_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
