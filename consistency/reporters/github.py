"""GitHub Actions workflow annotations (`--format github`): one `::warning file=...` line per finding.

GitHub shows each annotation on the file and line of the pull request it belongs to. The
location is the same file line and column as the text report's (`consistency.locations`);
an input that is no file (standard input) gets an annotation without a file. Severities map
to `error`, `warning` and `notice`; unreadable inputs and failed rules are `error`s.
"""

from __future__ import annotations

from ..locations import source_file, source_path
from ..models import Finding, Report, Severity
from . import Reporter

COMMANDS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(command: str, message: str, properties: dict[str, object]) -> str:
    """One workflow command line: `::command key=value,...::message`, escaped as GitHub requires."""
    props = ",".join(f"{key}={_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{command} {props}::{_data(message)}" if props else f"::{command}::{_data(message)}"


class GithubReporter(Reporter):
    """Workflow commands on stdout, in input order."""

    def report(self, report: Report) -> None:
        found = source_file(report.source)
        file = source_path(report.source) if found is not None else None
        for error in report.errors:
            self.stream.write(annotation("error", error.message, {"file": file, "title": "consistency"}) + "\n")
        if not report.findings:
            return
        report = self.located(report)
        for finding in report.findings:
            self.stream.write(self._finding(finding, file, found[1] if found else None) + "\n")

    def _finding(self, finding: Finding, file: str | None, index: int | None) -> str:
        span = finding.spans[0] if finding.spans else None
        where = span.location if span is not None else None
        props: dict[str, object] = {"file": file}
        if where is not None:
            props.update(line=where.line, col=where.column, endLine=where.end_line, endColumn=where.end_column)
        elif file is not None and index is not None and file.lower().endswith(".jsonl"):
            props["line"] = index
        props["title"] = f"{finding.rule} {finding.name}".strip()
        command = COMMANDS[finding.severity or Severity.warning]
        return annotation(command, f"{finding.message} (confidence {finding.confidence:.2f})", props)
