"""JSON reports: the models' own dump, so the format and the models cannot drift.

`jsonl` writes one report per line as it comes. `json` writes a single report for one
input and an array for several; it holds back only the first report to decide. Spans
get their `location` in the input file where it is a file (`consistency.locations`).
"""

from __future__ import annotations

from ..models import Report
from ..textsafe import escape_json_breaks
from . import Reporter


def dump(report: Report, indent: int | None = None) -> str:
    """The report as JSON text, Unicode line breaks escaped so one record stays one line."""
    return escape_json_breaks(report.model_dump_json(indent=indent))


class JsonLinesReporter(Reporter):
    """One JSON report per line, in input order."""

    def report(self, report: Report) -> None:
        self.stream.write(dump(self.located(report)) + "\n")
        self.stream.flush()


class JsonReporter(Reporter):
    """One report as an object, several as an array (streamed after the second)."""

    def start(self) -> None:
        self._first: Report | None = None
        self._count = 0

    def report(self, report: Report) -> None:
        report = self.located(report)
        self._count += 1
        if self._count == 1:
            self._first = report
            return
        if self._count == 2 and self._first is not None:
            self.stream.write("[\n" + dump(self._first, indent=2))
            self._first = None
        self.stream.write(",\n" + dump(report, indent=2))

    def finish(self) -> None:
        if self._count == 0:
            self.stream.write("[]\n")
        elif self._count == 1 and self._first is not None:
            self.stream.write(dump(self._first, indent=2) + "\n")
        else:
            self.stream.write("\n]\n")
