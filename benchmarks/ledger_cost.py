"""What the claims ledger costs per article, beside the spaCy parse of the same articles.

    python benchmarks/ledger_cost.py [--corpus PATH] [--limit N]

CPU time of `ctx.claims` and `ctx.people` (which build each other) for N evenly spaced BBC
articles, together and apart, as milliseconds per article and as a share of the parse.
One run, one ratio: no timing is asserted anywhere.
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
    # `ctx.people` and `ctx.claims` build each other (the people view reads the ledger's name
    # claims), so which one is asked first pays for both: time them together, then each again
    # on fresh analyses in the other order, to say what the ledger adds over the people view.
    started = time.process_time()
    claims = sum(len(ctx.claims) + 0 * len(ctx.people) for ctx in analyses)
    both = time.process_time() - started
    fresh = [ArticleAnalysis(a, t, b, checker.resources) for a, (t, b) in zip(articles, docs)]
    started = time.process_time()
    for ctx in fresh:
        ctx.people  # noqa: B018
    people = time.process_time() - started
    started = time.process_time()
    for ctx in fresh:
        ctx.claims  # noqa: B018
    rest = time.process_time() - started
    per = 1000 / len(articles)
    print(f"{len(articles)} articles, {claims} claims, parse {parse:.2f} CPU s ({parse * per:.1f} ms per article)")
    print(f"people view and ledger together: {both * per:.1f} ms per article ({both / max(parse, 1e-9):.1%} of the parse)")
    print(f"  the people view first: {people * per:.1f} ms; what the ledger then adds: {rest * per:.1f} ms")

if __name__ == "__main__":
    main()
