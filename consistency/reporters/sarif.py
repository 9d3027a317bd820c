"""SARIF 2.1.0 reports (`--format sarif`), for code-scanning dashboards and review tools.

Each finding is a `result` with its rule, level, message, the flagged text as a
location and each piece of evidence as a related location. Offsets in a finding are
into the article's title or body; where the input is a file they are mapped back to
it by `consistency.locations` (the same line and column as the text report): for a
plain-text file `charOffset`/`charLength` and line/column point at the very
characters, for JSON and JSONL the line and column of the characters inside the
field's string. Every location also names the field as a logical location
(`<source>#body`) with the field offsets in its properties.

Results are streamed as they come; the run's `tool` (only the rules that ran or
fired) and `invocations` (unreadable inputs, failed rules) follow them, which JSON
allows. The schema this output is tested against is `consistency/data/sarif-2.1.0.json`,
the OASIS 2.1.0 (errata 01) schema.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..locations import source_file, source_path
from ..models import Article, Finding, Report, ReportError, RuleInfo, Severity, Span
from ..suppression import fingerprint
from . import Reporter

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SCHEMA_PATH = Path(__file__).resolve().parent.parent / "data" / "sarif-2.1.0.json"
LEVELS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}
SRCROOT = "SRCROOT"


def sarif_level(severity: Severity | None) -> str:
    """SARIF's level for a severity: error, warning, or note for info."""
    return LEVELS[severity or Severity.warning]


@dataclass(frozen=True)
class SourceMap:
    """Which file an input is, for physical locations; regions come from `span.location`.

    `line` is the JSONL line of the article, the region given when its fields cannot be
    placed in the line.
    """

    uri: str | None
    uri_base: str | None = None
    line: int | None = None

    @classmethod
    def of(cls, source: str, article: Article | None = None) -> SourceMap:
        """Locate `source`: its file's URI, and the line of a JSONL article."""
        found = source_file(source)
        if found is None:
            return cls(None)
        path, index = found
        uri, base = artifact_uri(source if index is None else source_path(source))
        return cls(uri, base, line=index if index is not None and path.suffix.lower() == ".jsonl" else None)

    def region(self, span: Span) -> dict[str, Any] | None:
        """The SARIF region of a span: line/columns in the file (and characters, for text files)."""
        where = span.location
        if where is None:
            return {"startLine": self.line} if self.line else None
        region: dict[str, Any] = {}
        if where.offset is not None and where.end_offset is not None:
            region = {"charOffset": where.offset, "charLength": where.end_offset - where.offset}
        region.update(startLine=where.line, startColumn=where.column, endLine=where.end_line,
                      endColumn=where.end_column)
        return region


def artifact_uri(path: str) -> tuple[str, str | None]:
    """A URI for a file: relative to the source root (`%SRCROOT%`, the working folder) or absolute."""
    p = Path(path)
    if p.is_absolute():
        try:
            return quote(p.resolve().relative_to(Path.cwd().resolve()).as_posix()), SRCROOT
        except ValueError:
            return p.resolve().as_uri(), None
    return quote(p.as_posix().removeprefix("./")), SRCROOT


def sarif_location(span: Span, source: str, where: SourceMap, message: str | None = None,
                   id_: int | None = None) -> dict[str, Any]:
    """A SARIF location for a span: physical where the input file is known, always logical."""
    location: dict[str, Any] = {}
    if id_ is not None:
        location["id"] = id_
    if where.uri is not None:
        artifact: dict[str, Any] = {"uri": where.uri}
        if where.uri_base:
            artifact["uriBaseId"] = where.uri_base
        physical: dict[str, Any] = {"artifactLocation": artifact}
        region = where.region(span)
        if region:
            physical["region"] = region
        location["physicalLocation"] = physical
    location["logicalLocations"] = [{"name": span.field, "fullyQualifiedName": f"{source}#{span.field}",
                                     "kind": "property"}]
    if message:
        location["message"] = {"text": message}
    location["properties"] = {"field": span.field, "start": span.start, "end": span.end, "text": span.text}
    return location


def sarif_result(finding: Finding, report: Report, where: SourceMap) -> dict[str, Any]:
    """One finding as a SARIF result."""
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": sarif_level(finding.severity),
        "message": {"text": finding.message},
        "locations": [sarif_location(s, report.source, where) for s in finding.spans],
    }
    if finding.evidence:
        result["relatedLocations"] = [
            sarif_location(s, report.source, where, f"evidence: {s.text}", id_=i)
            for i, s in enumerate(finding.evidence, start=1)
        ]
    result["partialFingerprints"] = {"consistencyFinding/v1": fingerprint(finding)}
    properties: dict[str, Any] = {"confidence": finding.confidence, "source": report.source}
    if finding.suggestion:
        properties["suggestion"] = finding.suggestion
    if finding.data:
        properties["data"] = finding.data
    if finding.category:
        properties["tags"] = [finding.category]
    result["properties"] = properties
    return result


def sarif_rule(info: RuleInfo) -> dict[str, Any]:
    """A rule's metadata as a SARIF reportingDescriptor."""
    descriptor: dict[str, Any] = {
        "id": info.code,
        "name": info.name,
        "shortDescription": {"text": info.summary},
        "defaultConfiguration": {"level": sarif_level(info.default_severity)},
        "properties": {"tags": [info.category], "stability": info.stability, "plugin": info.plugin},
    }
    if info.doc:
        descriptor["fullDescription"] = {"text": info.doc}
        descriptor["help"] = {"text": info.doc}
    return descriptor


def _unknown_rule(code: str, finding: Finding | None) -> dict[str, Any]:
    descriptor: dict[str, Any] = {"id": code, "shortDescription": {"text": finding.name if finding else code}}
    if finding and finding.name:
        descriptor["name"] = finding.name
    return descriptor


def sarif_notification(error: ReportError, source: str) -> dict[str, Any]:
    """An unreadable input or a failed rule, as a tool execution notification."""
    notification: dict[str, Any] = {"level": "error", "message": {"text": error.message}}
    if error.rule:
        notification["associatedRule"] = {"id": error.rule}
    uri = SourceMap.of(source, None).uri
    if uri is not None:
        notification["locations"] = [{"physicalLocation": {"artifactLocation": {"uri": uri}}}]
    return notification


class SarifReporter(Reporter):
    """A SARIF 2.1.0 log with one run; results are written as they come."""

    def start(self) -> None:
        self._known = {info.code: info for info in self.rules}
        self._used: dict[str, Finding | None] = {}
        self._notifications: list[dict[str, Any]] = []
        self._results = 0
        self.stream.write('{\n  "$schema": ' + json.dumps(SCHEMA_URI) + ',\n  "version": "2.1.0",\n'
                          '  "runs": [\n    {\n      "results": [')

    def report(self, report: Report) -> None:
        for code in report.rules:
            self._used.setdefault(code, None)
        for error in report.errors:
            self._notifications.append(sarif_notification(error, report.source))
        if not report.findings:
            return
        report = self.located(report)
        where = SourceMap.of(report.source, report.article)
        for finding in report.findings:
            if self._used.get(finding.rule) is None:
                self._used[finding.rule] = finding
            separator = "," if self._results else ""
            self.stream.write(f"{separator}\n        " + json.dumps(sarif_result(finding, report, where),
                                                                   ensure_ascii=False))
            self._results += 1

    def finish(self) -> None:
        rules = [sarif_rule(self._known[code]) if code in self._known else _unknown_rule(code, finding)
                 for code, finding in sorted(self._used.items())]
        driver = {"name": "consistency", "semanticVersion": __version__, "version": __version__,
                  "rules": rules}
        invocation: dict[str, Any] = {"executionSuccessful": True}
        if self._notifications:
            invocation["toolExecutionNotifications"] = self._notifications
        tail = {
            "tool": {"driver": driver},
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().resolve().as_uri() + "/"}},
        }
        body = json.dumps(tail, indent=2, ensure_ascii=False)[1:-1].replace("\n", "\n    ")
        self.stream.write(("\n      ]," if self._results else "],") + body + "}\n  ]\n}\n")
