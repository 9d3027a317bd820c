"""Human-readable reports: each finding with its code, severity, confidence, message,
and the quoted words in their line, marked; evidence below it. Colour on a terminal only.

Locations are `path:LINE:COL` of the input file (the same line and column as SARIF's),
which editors and terminals open at the spot. Where no file holds the words (standard
input, or a field that cannot be placed) they are `source:field:LINE:COL`, counted
from the start of the title or body.

Everything taken from an input (sources, quotes, messages) goes through `printable`:
an article's control characters are shown as escapes, never sent to the terminal.
"""

from __future__ import annotations

from collections import Counter

from ..locations import location_label
from ..models import Finding, Report, Severity, Span
from ..textsafe import printable
from . import Reporter

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"
_CONTEXT = 60


class TextReporter(Reporter):
    """ruff-like text: `path:line:col: CODE [severity confidence] message`."""

    def start(self) -> None:
        self._articles = 0
        self._severities: Counter[str] = Counter()
        self._input_errors = 0

    def _paint(self, text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if self.color else text

    def report(self, report: Report) -> None:
        write = self.stream.write
        for error in report.errors:
            self._input_errors += error.kind == "input"
            where = "" if error.kind == "input" else f"{printable(report.source)}: "  # input messages name their source
            write(f"{where}{self._paint('error', _COLORS['error'])}: {printable(error.message)}\n")
        if report.article is None:
            return
        self._articles += 1
        report = self.located(report)
        for finding in report.findings:
            self._severities[str(finding.severity)] += 1
            self._write_finding(report, finding)

    def _write_finding(self, report: Report, finding: Finding) -> None:
        assert report.article is not None
        where = location_label(report, finding.spans[0] if finding.spans else None)
        severity = str(finding.severity or Severity.warning)
        head = (f"{printable(where)}: {self._paint(printable(finding.rule), _BOLD)} "
                f"[{self._paint(severity, _COLORS[severity])} {finding.confidence:.2f}] {printable(finding.message)}")
        lines = [head]
        for span in finding.spans:
            lines.append("    | " + self._quote(report.article.field(span.field), span))
        for span in finding.evidence:
            text = report.article.field(span.field)
            lines.append(f"    = evidence {printable(location_label(report, span))}: " + self._quote(text, span))
        if finding.suggestion:
            lines.append(f"    = suggestion: {printable(finding.suggestion)}")
        self.stream.write("\n".join(lines) + "\n")

    def _quote(self, text: str, span: Span) -> str:
        line_start = text.rfind("\n", 0, span.start) + 1
        line_end = text.find("\n", span.end)
        line_end = len(text) if line_end < 0 else line_end
        before = _shown(text[max(line_start, span.start - _CONTEXT):span.start])
        after = _shown(text[span.end:min(line_end, span.end + _CONTEXT)])
        lead = "…" if span.start - _CONTEXT > line_start else ""
        tail = "…" if span.end + _CONTEXT < line_end else ""
        quoted = _shown(text[span.start:span.end])
        marked = self._paint(quoted, _BOLD) if self.color else f"«{quoted}»"
        return f"{lead}{before}{marked}{after}{tail}"

    def finish(self) -> None:
        if not self.options.get("summary", True):  # --quiet
            return
        total = sum(self._severities.values())
        parts = ", ".join(f"{self._severities[s]} {s}" for s in ("error", "warning", "info") if self._severities[s])
        summary = f"{self._articles} article{'s' * (self._articles != 1)} checked: {total} finding{'s' * (total != 1)}"
        summary += f" ({parts})" if parts else ""
        if self._input_errors:
            summary += f", {self._input_errors} input{'s' * (self._input_errors != 1)} not readable"
        self.stream.write(self._paint(summary, _DIM) + "\n")



def _shown(text: str) -> str:
    return printable(text.replace("\n", " "))
