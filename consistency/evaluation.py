"""Score reports against gold annotations: recall per kind and tier, precision, false alarms.

A gold file `NAME.gold.json` sits beside the article `NAME.txt` and lists the known
problems (`items`, each with `id`, `kind`, `tier` and `quotes`). An article named
`NAME.clean.txt` has an empty gold: every finding on it is a false alarm. A gold item
counts as found when a span or evidence span of a finding at or above the severity
floor overlaps one of the item's quotes, located (first occurrence, title before body)
in the title or body that the report echoes.

These are pure functions over `Report`s (or their JSON dumps) and gold dicts, so the
`consistency eval` verb and the benchmarks count exactly as
`shared/tools/score_gold.py` does; a test compares the two.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .models import Report

LEVELS = {"info": 0, "warning": 1, "error": 2}
ARTICLE_SUFFIXES = (".txt", ".json", ".jsonl")
GOLD_SUFFIX = ".gold.json"
CLEAN_MARK = ".clean"  # a correct twin of NAME.txt: every finding on it is a false alarm
NEGATIVE_MARK = ".negative"  # a hard negative: a correct article full of traps (gold lists them, no items)

Place = tuple[str, int, int]  # (field, start, end) of a located quote


@dataclass(frozen=True)
class EvalInput:
    """An article file to check and the gold it is scored against."""

    path: str
    name: str
    gold: dict[str, Any]


@dataclass(frozen=True)
class ItemResult:
    """One gold item and whether (and by which rules) it was found."""

    id: str
    kind: str
    tier: str
    quote: str
    found: bool
    subkind: str = ""
    rules: tuple[str, ...] = ()
    unlocated: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArticleScore:
    """The score of one report against its gold."""

    name: str
    items: tuple[ItemResult, ...]
    findings: int
    matched_findings: int
    unmatched: tuple[dict[str, Any], ...] = ()
    errors: tuple[str, ...] = ()

    @property
    def clean(self) -> bool:
        """True for an article with an empty gold: all its findings are false alarms."""
        return not self.items

    @property
    def role(self) -> str:
        """"twin" (NAME.clean), "negative" (NAME.negative), "clean" (other empty gold) or "annotated"."""
        if self.name.endswith(CLEAN_MARK):
            return "twin"
        if self.name.endswith(NEGATIVE_MARK):
            return "negative"
        return "clean" if self.clean else "annotated"


@dataclass
class Totals:
    """Counts over many articles, with the keys of score_gold.py's `--json` line."""

    articles: int = 0
    items: int = 0
    found: int = 0
    findings: int = 0
    matched_findings: int = 0
    clean_findings: int = 0
    clean_articles: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=dict)
    by_tier: dict[str, list[int]] = field(default_factory=dict)
    by_subkind: dict[str, list[int]] = field(default_factory=dict)
    # [articles, findings] per kind of clean article: "twin", "negative", "clean"
    clean_by_role: dict[str, list[int]] = field(default_factory=dict)

    @property
    def recall(self) -> float:
        """Found items over all items (0.0 when there are none)."""
        return self.found / self.items if self.items else 0.0

    @property
    def precision(self) -> float:
        """Findings on annotated articles that match an item, over all such findings."""
        return self.matched_findings / max(1, self.findings - self.clean_findings)

    def to_dict(self) -> dict[str, Any]:
        """The counts, plus recall and precision rounded as score_gold.py rounds them."""
        return {
            "articles": self.articles, "items": self.items, "found": self.found, "findings": self.findings,
            "matched_findings": self.matched_findings, "clean_findings": self.clean_findings,
            "clean_articles": self.clean_articles, "by_kind": self.by_kind, "by_tier": self.by_tier,
            "by_subkind": self.by_subkind, "clean_by_role": self.clean_by_role,
            "recall": round(self.recall, 3), "precision": round(self.precision, 3),
        }


# --- pairing articles with gold ----------------------------------------------------------
def article_stem(source: str) -> str:
    """The file name of a source without its article suffix: "dir/a.clean.txt" -> "a.clean"."""
    stem = Path(source).name
    for suffix in ARTICLE_SUFFIXES:
        if stem.endswith(suffix):
            return stem[: -len(suffix)]
    return stem


def gold_for(source: str, gold_dir: str | Path | None = None) -> tuple[str, dict[str, Any] | None]:
    """(name, gold) for a report source: `NAME.gold.json` in `gold_dir` (default: beside the source).

    A `NAME.clean` article pairs with an empty gold; a source with no gold gives None.
    """
    stem = article_stem(source)
    if stem.endswith(CLEAN_MARK):
        return stem, {"items": []}
    folder = Path(gold_dir) if gold_dir is not None else Path(source).parent
    path = folder / f"{stem}{GOLD_SUFFIX}"
    if not path.is_file():
        return stem, None
    return stem, json.loads(path.read_text(encoding="utf-8"))


def discover(paths: Iterable[str]) -> list[EvalInput]:
    """The annotated articles under these files and folders (folders walked in sorted order).

    A folder contributes every article file with a gold file beside it, and every
    `NAME.clean.txt`; gold files themselves are never taken for articles. A file named
    directly is taken even without gold only if it is a `.clean` article. Articles are
    `.txt` files (first line the headline) or `.json` files holding one article object.
    """
    found: list[EvalInput] = []
    for path in paths:
        p = Path(path)
        files = sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p]
        for f in files:
            if f.name.endswith(GOLD_SUFFIX) or f.suffix not in (".txt", ".json"):
                continue
            name, gold = gold_for(str(f))
            if gold is not None:
                found.append(EvalInput(str(f), name, gold))
    return found


# --- scoring ---------------------------------------------------------------------------------
def as_dict(report: Report | Mapping[str, Any]) -> dict[str, Any]:
    """A report as the JSON object `--format jsonl` prints."""
    if isinstance(report, Report):
        return report.model_dump(mode="json")
    return dict(report)


def locate(article: Mapping[str, Any], quote: str) -> Place | None:
    """Where a quote first occurs: in the title, else in the body; None when absent."""
    for name in ("title", "body"):
        value = article.get(name) or ""
        at = value.find(quote)
        if at >= 0:
            return name, at, at + len(quote)
    return None


def overlaps(span: Mapping[str, Any], place: Place) -> bool:
    """True when a finding's span shares at least one character with a located quote."""
    name, start, end = place
    return span.get("field") == name and span.get("start", 0) < end and start < span.get("end", 0)


def kept_findings(report: Mapping[str, Any], min_severity: str = "warning") -> list[dict[str, Any]]:
    """The report's findings at or above the severity floor (missing severity counts as warning)."""
    floor = LEVELS[min_severity]
    return [f for f in report.get("findings", []) if LEVELS.get(f.get("severity") or "warning", 1) >= floor]


def score_report(report: Report | Mapping[str, Any], gold: Mapping[str, Any], min_severity: str = "warning",
                 name: str | None = None) -> ArticleScore:
    """Score one report against its gold."""
    data = as_dict(report)
    article = data.get("article") or {}
    places: list[list[Place]] = []
    unlocated: list[tuple[str, ...]] = []
    for item in gold.get("items", []):
        where = [(q, locate(article, q)) for q in item["quotes"]]
        places.append([p for _, p in where if p])
        unlocated.append(tuple(q for q, p in where if p is None))
    rules_for: dict[int, list[str]] = {}
    matched = 0
    unmatched = []
    findings = kept_findings(data, min_severity)
    for f in findings:
        spans = [*f.get("spans", []), *f.get("evidence", [])]
        hits = {i for i, ps in enumerate(places) for p in ps for s in spans if overlaps(s, p)}
        if hits:
            matched += 1
            for i in hits:
                rules_for.setdefault(i, []).append(f.get("rule", "?"))
        else:
            unmatched.append(f)
    items = tuple(
        ItemResult(id=str(item.get("id", i)), kind=item.get("kind", "?"), tier=item.get("tier", "?"),
                   quote=item["quotes"][0] if item["quotes"] else "", found=i in rules_for,
                   subkind=str(item.get("subkind", "")),
                   rules=tuple(sorted(set(rules_for.get(i, ())))), unlocated=unlocated[i])
        for i, item in enumerate(gold.get("items", []))
    )
    label = name if name is not None else article_stem(data.get("source", ""))
    errors = tuple(str(e.get("message", "")) for e in data.get("errors", []))
    return ArticleScore(label, items, len(findings), matched, tuple(unmatched), errors)


def summarize(scores: Iterable[ArticleScore]) -> Totals:
    """Add up article scores as score_gold.py does."""
    totals = Totals()
    for score in scores:
        totals.articles += 1
        totals.findings += score.findings
        totals.matched_findings += score.matched_findings
        if score.clean:
            totals.clean_articles += 1
            totals.clean_findings += score.findings
            row = totals.clean_by_role.setdefault(score.role, [0, 0])
            row[0] += 1
            row[1] += score.findings
        for item in score.items:
            totals.items += 1
            totals.found += item.found
            tables = [(totals.by_kind, item.kind), (totals.by_tier, item.tier)]
            if item.subkind:
                tables.append((totals.by_subkind, f"{item.kind}/{item.subkind}"))
            for table, key in tables:
                row = table.setdefault(key, [0, 0])
                row[0] += item.found
                row[1] += 1
    return totals


def score_reports(reports: Iterable[Report | Mapping[str, Any]], gold_dir: str | Path | None = None,
                  min_severity: str = "warning") -> list[ArticleScore]:
    """Pair each report with its gold by source name (as score_gold.py does) and score it.

    Reports whose source has no gold are skipped.
    """
    scores = []
    for report in reports:
        data = as_dict(report)
        name, gold = gold_for(data.get("source", ""), gold_dir)
        if gold is not None:
            scores.append(score_report(data, gold, min_severity, name=name))
    return scores


def evaluate(inputs: Sequence[EvalInput], checker: Any, min_severity: str = "warning") -> list[ArticleScore]:
    """Check each annotated article with `checker` (a `Checker`) and score it against its gold.

    An input that cannot be read scores as a report without findings (its items count as
    missed rather than vanishing from the totals) and keeps the reason in `errors`.
    """
    from .inputs import read_inputs

    by_path = {i.path: i for i in inputs}
    scores = []
    for report in checker.check_many(read_inputs([i.path for i in inputs])):
        item = by_path.get(report.source)
        if item is not None:
            scores.append(score_report(report, item.gold, min_severity, name=item.name))
    return scores


# --- output ----------------------------------------------------------------------------------
def _ratio(row: Sequence[int]) -> str:
    return f"{row[0]}/{row[1]} ({row[0] / row[1]:.2f})" if row[1] else "0/0"


def format_text(scores: Sequence[ArticleScore], totals: Totals, verbose: bool = False) -> str:
    """A human-readable summary: recall per tier and kind, precision, false alarms."""
    lines: list[str] = []
    if verbose:
        for score in scores:
            lines.append(f"{score.name}: {score.findings} finding(s), {score.matched_findings} matching an item")
            for item in score.items:
                mark = "FOUND " if item.found else "missed"
                by = f" by {', '.join(item.rules)}" if item.rules else ""
                lines.append(f"  {mark} {item.id} [{item.kind}/{item.tier}] {item.quote[:60]!r}{by}")
                for quote in item.unlocated:
                    lines.append(f"  warning: quote of {item.id} is not in the article: {quote[:60]!r}")
            for f in score.unmatched:
                lines.append(f"  unmatched {f.get('rule')} {f.get('severity')}: {str(f.get('message', ''))[:100]}")
    lines.append("recall by tier:")
    lines += [f"  {k:<14} {_ratio(v)}" for k, v in sorted(totals.by_tier.items())]
    lines.append("recall by kind:")
    lines += [f"  {k:<14} {_ratio(v)}" for k, v in sorted(totals.by_kind.items())]
    if totals.by_subkind and verbose:
        lines.append("recall by subkind:")
        lines += [f"  {k:<34} {_ratio(v)}" for k, v in sorted(totals.by_subkind.items())]
    labels = {"twin": "clean twins", "negative": "hard negatives", "clean": "other clean articles"}
    for role, (count, found) in sorted(totals.clean_by_role.items()):
        lines.append(f"{labels.get(role, role)}: {count}, findings on them: {found} ({found / count:.2f} per article)")
    lines.append(f"clean articles: {totals.clean_articles}, findings on them: {totals.clean_findings}")
    annotated = totals.findings - totals.clean_findings
    lines.append(
        f"articles {totals.articles}: found {totals.found}/{totals.items} (recall {totals.recall:.2f}), "
        f"precision {totals.precision:.2f} ({totals.matched_findings} of {annotated} findings on annotated "
        "articles match an item)"
    )
    return "\n".join(lines)


def to_json(scores: Sequence[ArticleScore], totals: Totals) -> dict[str, Any]:
    """Totals plus one entry per article, for `--format json`."""
    return {
        **totals.to_dict(),
        "per_article": [
            {
                "name": s.name, "findings": s.findings, "matched_findings": s.matched_findings,
                "items": [{"id": i.id, "kind": i.kind, "tier": i.tier, "found": i.found, "rules": list(i.rules),
                           "unlocated": list(i.unlocated)} for i in s.items],
                "unmatched": [{"rule": f.get("rule"), "severity": f.get("severity"), "message": f.get("message")}
                              for f in s.unmatched],
            }
            for s in scores
        ],
    }
