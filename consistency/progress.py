"""The progress bar of `consistency check`: a total counted before the run, one step per article.

The total is the number of reports the run will give: one per `.txt` file, per item of a
`.json` array, per non-empty line of a `.jsonl` file (counted by reading the file once,
which is quick next to checking it), and one per unreadable input. Standard input has no
total. The bar goes to stderr, only when stderr is a terminal (or `--progress`), never
with `--quiet`, so pipes, logs and CI stay clean.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

SUFFIXES = (".txt", ".json", ".jsonl")
T = TypeVar("T")


def count_articles(paths: Sequence[str]) -> int | None:
    """How many reports a run over these paths gives, or None when it cannot be known (stdin)."""
    total = 0
    for path in paths:
        if path == "-":
            return None
        p = Path(path)
        if p.is_dir():
            files = [f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES]
            total += sum(_articles_in(f) for f in files) if files else 1
        else:
            total += _articles_in(p)
    return total


def _articles_in(path: Path) -> int:
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            with path.open("rb") as handle:
                return sum(1 for line in handle if line.strip()) or 1
        if suffix == ".json":
            data = json.loads(path.read_bytes().decode("utf-8-sig"))
            return len(data) if isinstance(data, list) else 1
    except (OSError, ValueError):
        return 1
    return 1


def with_progress(items: Iterable[T], paths: Sequence[str], enabled: bool | None, quiet: bool = False) -> Iterator[T]:
    """`items` (reports), drawing a bar with a total on stderr when it is wanted."""
    if quiet or not (sys.stderr.isatty() if enabled is None else enabled):
        yield from items
        return
    from tqdm import tqdm  # type: ignore[import-untyped]

    total = count_articles(paths)
    bar = tqdm(total=total, unit="article" if total is not None else " articles",  # "3/10 article/s", "3 articles"
               file=sys.stderr, leave=False, dynamic_ncols=True, mininterval=0.2)
    try:
        for item in items:
            yield item
            bar.update(1)
    finally:
        bar.close()
