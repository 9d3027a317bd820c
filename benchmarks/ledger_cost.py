"""What the claims ledger costs per article, beside the spaCy parse of the same articles.

    python benchmarks/ledger_cost.py [--corpus PATH] [--limit N]

CPU time of `ctx.claims` for N evenly spaced BBC articles, after `ctx.people` (which the
ledger reads and other rules build anyway), as milliseconds per article and as a share of
the parse. One run, one ratio: no timing is asserted anywhere.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from consistency import Article, Checker  # noqa: E402
from consistency.analysis import ArticleAnalysis  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc"))
    parser.add_argument("--limit", type=int, default=100)
    args = parser.parse_args()
    files = sorted(Path(args.corpus).rglob("*.txt"))
    step = max(1, len(files) // max(1, args.limit))
    articles = [Article.from_text(f.read_text(encoding="utf-8", errors="replace")) for f in files[::step][:args.limit]]
    checker = Checker()
    nlp = checker.nlp
    started = time.process_time()
    docs = [(nlp(a.title), nlp(a.body)) for a in articles]
    parse = time.process_time() - started
    analyses = [ArticleAnalysis(a, t, b, checker.resources) for a, (t, b) in zip(articles, docs)]
    for ctx in analyses:
        ctx.people  # noqa: B018 - built before, by the people rules, whatever the ledger does
    started = time.process_time()
    claims = sum(len(ctx.claims) for ctx in analyses)
    ledger = time.process_time() - started
    print(f"{len(articles)} articles, {claims} claims: parse {parse:.2f} CPU s, ledger {ledger:.2f} CPU s "
          f"({ledger / len(articles) * 1000:.1f} ms per article, {ledger / parse:.1%} of the parse)")


if __name__ == "__main__":
    main()
