"""Gazetteer benchmark: load time and memory of `get_gazetteer()`, its lazy small-places index,
and the cost of lookups and of the geography rules on parsed articles.

Each load is measured in a fresh child process, so that nothing is held in memory; the tables
come from the cache folder (`consistency.datacache`), warm or, for the `build_` figures, empty:

- `load_s`: wall time of loading the gazetteer (countries, regions, cities15000) from a warm cache;
- `small_places_s`: the same for the lazily loaded names of places of 1,000+ people;
- `build_load_s` / `build_small_places_s`: the same with an empty cache folder (first run of a
  data version: the tables are built and written);
- `traced_mib` / `traced_peak_mib`: memory held after the build, and its peak, by tracemalloc
  (run separately, since tracing slows the build);
- `rss_mib`: the child's peak resident memory;
- `lookups_per_s`: `country`, `country_of_demonym` and `cities` calls per second;
- `rules_ms_per_article`: the GE rules over `--limit` BBC articles, parsing excluded.

    python benchmarks/gazetteer_load.py              # prints a table, writes results/gazetteer_load.json
    python benchmarks/gazetteer_load.py --limit 0    # skip the rules part (no spaCy model needed)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import corpus_files, find_corpus, load_documents, markdown_table, run_facts, save_results

_TIME_CHILD = """
import json, resource, time
t = time.perf_counter()
from consistency.understanding.gazetteer import get_gazetteer
g = get_gazetteer()
load = time.perf_counter() - t
t = time.perf_counter()
g._small_places  # the lazily loaded names of places of 1,000+ people
small = time.perf_counter() - t
names = ["Russia", "the UK", "Belarus", "Georgia", "Texas", "Kazan", "Paris", "London", "Belarusian", "Britons"]
t = time.perf_counter()
n = 0
for _ in range(2000):
    for name in names:
        g.country(name); g.country_of_demonym(name); g.cities(name); n += 3
lookups = n / (time.perf_counter() - t)
print(json.dumps({"load_s": load, "small_places_s": small, "lookups_per_s": lookups,
                  "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "cities": len(g._city_rows),
                  "city_names": len(g._city_index), "countries": len(g.countries)}))
"""

_MEMORY_CHILD = """
import json, tracemalloc
tracemalloc.start()
from consistency.understanding.gazetteer import get_gazetteer
get_gazetteer()
current, peak = tracemalloc.get_traced_memory()
print(json.dumps({"traced_mib": current / 2**20, "traced_peak_mib": peak / 2**20}))
"""


def _child(code: str, cache: str) -> dict[str, Any]:
    env = {**os.environ, "CONSISTENCY_CACHE_DIR": cache}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _rules_cost(limit: int) -> dict[str, Any]:
    """Milliseconds per article of the GE rules, on articles parsed beforehand."""
    from consistency import Checker
    from consistency.analysis import ArticleAnalysis

    root = find_corpus()
    docs = load_documents(corpus_files(root, limit), root)
    checker = Checker(select=["GE"])
    nlp = checker.nlp
    parsed = [(d.article, nlp(d.article.title), nlp(d.article.body)) for d in docs]
    from consistency import Article

    warm_up = Article.from_text("Warm up\n\nThe border between France and Poland, the capital, Minsk, via Kazan, "
                                "Belarus, to Syria, for the repatriation of Russians.")
    warm = ArticleAnalysis(warm_up, nlp(warm_up.title), nlp(warm_up.body))
    for rule in checker.rules:  # build the gazetteer and compile the matchers before timing
        list(rule.check(warm))
    per_rule: dict[str, float] = {r.code: 0.0 for r in checker.rules}
    findings = 0
    for article, title, body in parsed:
        ctx = ArticleAnalysis(article, title, body)
        for rule in checker.rules:
            t = time.perf_counter()
            findings += sum(1 for _ in rule.check(ctx))
            per_rule[rule.code] += time.perf_counter() - t
    n = len(parsed)
    return {"articles": n, "findings_any_severity": findings,
            "rules_ms_per_article": {code: round(1000 * s / n, 3) for code, s in per_rule.items()},
            "all_rules_ms_per_article": round(1000 * sum(per_rule.values()) / n, 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="fresh loads to time (the fastest is kept)")
    parser.add_argument("--limit", type=int, default=200, help="BBC articles for the rule cost (0: skip)")
    args = parser.parse_args(argv)

    warm = tempfile.mkdtemp(prefix="consistency-bench-cache-")
    builds = [_child(_TIME_CHILD, tempfile.mkdtemp(prefix="consistency-bench-cache-"))
              for _ in range(max(1, args.repeat))]
    _child(_TIME_CHILD, warm)  # fills the warm folder, untimed
    runs = [_child(_TIME_CHILD, warm) for _ in range(max(1, args.repeat))]
    best = min(runs, key=lambda r: r["load_s"])
    data: dict[str, Any] = {
        "facts": run_facts(),
        "load_s": round(best["load_s"], 3),
        "load_s_median": round(statistics.median(r["load_s"] for r in runs), 3),
        "small_places_s": round(min(r["small_places_s"] for r in runs), 3),
        "build_load_s": round(min(r["load_s"] for r in builds), 3),
        "build_small_places_s": round(min(r["small_places_s"] for r in builds), 3),
        "rss_mib": round(best["rss_mib"], 1),
        "lookups_per_s": round(max(r["lookups_per_s"] for r in runs)),
        "cities": best["cities"], "city_names": best["city_names"], "countries": best["countries"],
        **{k: round(v, 1) for k, v in _child(_MEMORY_CHILD, warm).items()},
    }
    if args.limit:
        data.update(_rules_cost(args.limit))
    rows = [[k, v] for k, v in data.items() if k != "facts"]
    table = markdown_table(["measure", "value"], rows)
    print(f"gazetteer load time: {data['load_s']:.2f} s from the cache, {data['build_load_s']:.2f} s building it; memory: {data['traced_mib']:.1f} MiB held "
          f"(peak {data['traced_peak_mib']:.1f} MiB traced, {data['rss_mib']:.0f} MiB RSS)")
    print(table)
    json_path, _ = save_results("gazetteer_load", data, "# Gazetteer load\n\n" + table)
    print(f"wrote {json_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
