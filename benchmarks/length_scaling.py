"""Length benchmark: time per character of every rule and shared analysis at 1x, 4x, 16x, 64x length.

The same 64 BBC articles (evenly spaced over the corpus, so all three sections) are checked
four ways: as 64 articles, as 16 articles of 4 bodies each, as 4 of 16, and as one article of
64 bodies (the first article's title; bodies joined by blank lines). Every grouping holds the
same characters, so a rule whose cost grows linearly with length costs the same in each, and
the *growth* column (cost per character at 64x over the cost at 1x) is 1 for a linear rule,
about 1.1 for n log n, and 64 for one that compares all pairs. `--mode repeat` instead repeats
one article's body (the worst case for rules that compare repeated quotations or names).

Texts are parsed once per grouping, outside the timings (the parse is timed on its own). Each
shared analysis (`ctx.*`) is computed before the rules, so a rule is not charged for it. Rules
and analyses are timed in CPU seconds, `--repeat` rounds on fresh analyses with the scales
alternating within a round, the garbage collector paused within an article and run between
articles (else its pauses fall on the same rule every time); the fastest round counts. Results are
ratios from one run on one machine, in benchmarks/results/length_scaling.{json,md}.

    python benchmarks/length_scaling.py
    python benchmarks/length_scaling.py --mode repeat --select AT,NM
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections import defaultdict
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
from benchmarks.speed import SHARED_ANALYSES  # noqa: E402
from consistency import Article, Checker  # noqa: E402
from consistency.analysis import ArticleAnalysis  # noqa: E402

SCALES = (1, 4, 16, 64)
#: The shared analyses computed before the rules; the claims ledger too, which the geography and
#: ledger rules read, so that the first rule to ask for it is not charged for building it.
ANALYSES = tuple(dict.fromkeys((*SHARED_ANALYSES, "claims")))
#: The project's goal (issue 16): cost per character at 64x within this of the cost at 1x.
GOAL_GROWTH = 1.3


def groupings(articles: list[Article], mode: str) -> dict[int, list[Article]]:
    """For each scale, the articles of that length that together hold the same text."""
    out: dict[int, list[Article]] = {}
    top = max(SCALES)
    for scale in SCALES:
        if mode == "repeat":  # one body, repeated `scale` times, `top // scale` copies
            base = articles[0]
            long_ = Article(title=base.title, body="\n\n".join([base.body] * scale))
            out[scale] = [long_] * (top // scale)
        else:
            out[scale] = [Article(title=articles[at].title, body="\n\n".join(a.body for a in articles[at:at + scale]))
                          for at in range(0, top, scale)]
    return out


def parse_scale(checker: Checker, articles: list[Article]) -> dict[str, Any]:
    """Each article's title and body parsed (CPU seconds kept), for `time_rules`."""
    nlp = checker.nlp
    started = time.process_time()
    docs = [(a, nlp(a.title), nlp(a.body)) for a in articles]
    return {"docs": docs, "articles": len(articles), "chars": sum(len(a.title) + len(a.body) for a in articles),
            "parse_cpu_s": round(time.process_time() - started, 3)}


def time_rules(checker: Checker, parsed: dict[str, Any]) -> tuple[dict[str, float], int]:
    """CPU seconds of every analysis and rule over the parsed articles of one scale, and findings."""
    spent: dict[str, float] = defaultdict(float)
    findings = 0
    for article, title, body in parsed["docs"]:
        # The collector runs at the same allocation counts on every repetition, so left on it
        # would charge one rule the same pause each time: it runs between articles instead.
        gc.collect()
        gc.disable()
        ctx = ArticleAnalysis(article, title, body, checker.resources)
        for name in ANALYSES:
            t = time.process_time()
            try:
                getattr(ctx, name)
            except Exception:  # noqa: BLE001 - the rules report a failing analysis, not the timer
                pass
            spent[f"ctx.{name}"] += time.process_time() - t
        for rule in checker.rules:
            t = time.process_time()
            try:
                findings += sum(1 for _ in rule.check(ctx) or ())
            except Exception:  # noqa: BLE001 - as above
                pass
            spent[rule.code] += time.process_time() - t
        gc.enable()
    return dict(spent), findings


def time_scales(checker: Checker, groups: dict[int, list[Article]], repeat: int) -> dict[int, dict[str, Any]]:
    """Parse every scale, then time the rules `repeat` rounds, the scales alternating within a
    round (so a change in the machine's load hits every scale alike); the fastest round counts."""
    results = {scale: parse_scale(checker, group) for scale, group in groups.items()}
    for _ in range(repeat):
        for scale, parsed in results.items():
            spent, parsed["findings"] = time_rules(checker, parsed)
            best = parsed.setdefault("seconds", {})
            for code, seconds in spent.items():
                best[code] = min(best.get(code, seconds), seconds)
    for parsed in results.values():
        del parsed["docs"]
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="BBC corpus folder (default: shared/corpus/bbc)")
    parser.add_argument("--mode", choices=("concat", "repeat"), default="concat",
                        help="concat: distinct articles joined (default); repeat: one body repeated")
    parser.add_argument("--offset", type=int, default=0, help="take the sample this many files further on")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per scale (the fastest counts)")
    parser.add_argument("--name", default=None, help="results file name (default length_scaling[_repeat])")
    add_rule_options(parser)
    args = parser.parse_args(argv)

    root = find_corpus(args.corpus)
    files = corpus_files(root)
    step = max(1, len(files) // max(SCALES))
    picked = [files[(args.offset + i * step) % len(files)] for i in range(max(SCALES))]
    articles = [d.article for d in load_documents(picked, root)]
    checker = Checker(config_from(args, max_chars=10_000_000))
    warm = ArticleAnalysis(articles[0], checker.nlp(articles[0].title), checker.nlp(articles[0].body), checker.resources)
    for rule in checker.rules:  # load every rule's data and patterns before timing
        try:
            list(rule.check(warm) or ())
        except Exception:  # noqa: BLE001
            pass
    results = time_scales(checker, groupings(articles, args.mode), args.repeat)
    codes = list(dict.fromkeys(code for r in results.values() for code in r["seconds"]))
    base = results[SCALES[0]]
    rows, per_code = [], {}
    for code in codes:
        us_per_char = {s: 1e6 * results[s]["seconds"].get(code, 0.0) / results[s]["chars"] for s in SCALES}
        growth = us_per_char[SCALES[-1]] / us_per_char[SCALES[0]] if us_per_char[SCALES[0]] > 0 else float("nan")
        per_code[code] = {"us_per_char": {str(s): round(v, 4) for s, v in us_per_char.items()},
                          "growth_64x": round(growth, 2)}
        rows.append([code, *(f"{us_per_char[s]:.3f}" for s in SCALES), f"{growth:.2f}x",
                     f"{1000 * base['seconds'].get(code, 0.0) / base['articles']:.2f}"])
    totals = {s: sum(results[s]["seconds"].values()) for s in SCALES}
    total_us = {s: 1e6 * totals[s] / results[s]["chars"] for s in SCALES}
    parse_us = {s: 1e6 * results[s]["parse_cpu_s"] / results[s]["chars"] for s in SCALES}
    rows.sort(key=lambda r: -float(r[-2].rstrip("x")) if r[-2] != "nanx" else 0)
    rows.insert(0, ["**rules and analyses**", *(f"{total_us[s]:.3f}" for s in SCALES),
                    f"**{total_us[SCALES[-1]] / total_us[SCALES[0]]:.2f}x**", f"{1000 * totals[1] / base['articles']:.2f}"])
    rows.insert(1, ["spaCy parse (CPU)", *(f"{parse_us[s]:.3f}" for s in SCALES),
                    f"{parse_us[SCALES[-1]] / parse_us[SCALES[0]]:.2f}x", f"{1000 * base['parse_cpu_s'] / base['articles']:.2f}"])
    whole = {s: total_us[s] + parse_us[s] for s in SCALES}
    rows.insert(2, ["whole check (parse + rules)", *(f"{whole[s]:.3f}" for s in SCALES),
                    f"{whole[SCALES[-1]] / whole[SCALES[0]]:.2f}x", "-"])
    over = [code for code, v in per_code.items() if v["growth_64x"] > GOAL_GROWTH and
            1e6 * results[SCALES[-1]]["seconds"].get(code, 0.0) / results[SCALES[-1]]["chars"] > 0.05]
    data = {"facts": run_facts(checker), "mode": args.mode, "repeat": args.repeat, "scales": list(SCALES),
            "chars": base["chars"], "articles": [str(p.relative_to(root)) for p in picked],
            "parse_cpu_s": {str(s): results[s]["parse_cpu_s"] for s in SCALES},
            "findings": {str(s): results[s]["findings"] for s in SCALES},
            "rules_us_per_char": {str(s): round(total_us[s], 4) for s in SCALES},
            "growth_64x_rules": round(total_us[SCALES[-1]] / total_us[SCALES[0]], 2),
            "growth_64x_whole": round(whole[SCALES[-1]] / whole[SCALES[0]], 2),
            "over_goal": over, "per_code": per_code}
    what = ("one article's body repeated" if args.mode == "repeat"
            else "64 BBC articles joined into longer ones")
    markdown = "\n".join([
        f"# Cost per character against article length ({data['facts']['date']}, commit {data['facts']['commit']})", "",
        f"{what}: {base['chars']:,} characters at every scale ({base['articles']} articles at 1x, one at 64x); "
        f"CPU microseconds per character, fastest of {args.repeat} alternated rounds; growth = cost per character at 64x / at 1x "
        f"(1: linear; goal at most {GOAL_GROWTH}). The last column is milliseconds per article at 1x.", "",
        markdown_table(["rule or analysis", *(f"{s}x us/char" for s in SCALES), "growth", "ms/article at 1x"], rows),
        "", f"Over the goal (and over 0.05 us/char at 64x): {', '.join(over) or 'none'}.",
        "Findings at each scale: " + ", ".join(f"{s}x {results[s]['findings']}" for s in SCALES) + "."])
    name = args.name or ("length_scaling" if args.mode == "concat" else "length_scaling_repeat")
    json_path, _ = save_results(name, data, markdown)
    print(markdown)
    print(f"wrote {json_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
