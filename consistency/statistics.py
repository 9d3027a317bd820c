"""`consistency check --statistics`: how many findings each rule gave, most frequent first.

Like ruff's and flake8's `--statistics`, a table for deciding what to tune or silence:
count, code, severity, name. Counted after accept lists, per-path ignores and the
baseline, so it shows what is still reported.
"""

from __future__ import annotations

from collections import Counter

from .models import Report


class Statistics:
    """Counts of findings per rule (and severity) over a run."""

    def __init__(self) -> None:
        self.counts: Counter[tuple[str, str]] = Counter()
        self.names: dict[str, str] = {}
        self.articles = 0

    def add(self, report: Report) -> None:
        """Count one report's findings."""
        self.articles += report.article is not None
        for finding in report.findings:
            self.counts[(finding.rule, str(finding.severity))] += 1
            self.names.setdefault(finding.rule, finding.name)

    def table(self) -> str:
        """The table as text, one rule and severity a line; a single line when nothing was found."""
        if not self.counts:
            return f"no findings in {self.articles} article{'s' * (self.articles != 1)}\n"
        rows = sorted(self.counts.items(), key=lambda item: (-item[1], item[0]))
        total = sum(self.counts.values())
        width = len(str(total))
        lines = [f"{n:>{width}}  {code:<6} {severity:<8} {self.names.get(code, '')}" for (code, severity), n in rows]
        lines.append(f"{total:>{width}}  findings in {self.articles} article{'s' * (self.articles != 1)}")
        return "\n".join(lines) + "\n"
