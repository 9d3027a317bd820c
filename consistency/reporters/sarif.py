"""SARIF 2.1.0 reports (`--format sarif`), for code-scanning dashboards and review tools.

Each finding is a `result` with its rule, level, message, the flagged text as a
location and each piece of evidence as a related location. Offsets in a finding are
into the article's title or body; where the input is a plain-text file they are
mapped back to the file (first non-empty line = title, the rest = body), so
`charOffset`/`charLength` and line/column point at the very characters in it. For
JSON and JSONL inputs the field is given as a logical location (`<source>#body`)
with the field offsets in the location's properties, and a JSONL line as the region.

Results are streamed as they come; the run's `tool` (only the rules that ran or
fired) and `invocations` (unreadable inputs, failed rules) follow them, which JSON
allows. The schema this output is tested against is `consistency/data/sarif-2.1.0.json`,
the OASIS 2.1.0 (errata 01) schema.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..models import Article, Finding, Report, ReportError, RuleInfo, Severity, Span
from . import Reporter

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SCHEMA_PATH = Path(__file__).resolve().parent.parent / "data" / "sarif-2.1.0.json"
LEVELS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}
SRCROOT = "SRCROOT"
_INDEXED_SOURCE = re.compile(r"^(?P<path>.+):(?P<index>\d+)$")


def sarif_level(severity: Severity | None) -> str:
    """SARIF's level for a severity: error, warning, or note for info."""
    return LEVELS[severity or Severity.warning]


@dataclass(frozen=True)
class SourceMap:
    """Where an article's title and body sit in its input, for physical locations.

    `title_at`/`body_at` are the character offsets of each field in the file's text
    (None when they cannot be placed exactly), `line` the JSONL line of the article.
    """

    uri: str | None
    uri_base: str | None = None
    text: str | None = None
    offsets: tuple[int, ...] | None = None  # normalised -> original offsets, when the file has \r
    title_at: int | None = None
    body_at: int | None = None
    line: int | None = None

    @classmethod
    def of(cls, source: str, article: Article | None) -> SourceMap:
        """Locate `source` and, for a plain-text file, the article's fields in it."""
        match = _INDEXED_SOURCE.match(source)
        if match and Path(match["path"]).suffix.lower() in (".json", ".jsonl") and Path(match["path"]).is_file():
            uri, base = artifact_uri(match["path"])
            line = int(match["index"]) if match["path"].lower().endswith(".jsonl") else None
            return cls(uri, base, line=line)
        path = Path(source)
        if source == "-" or not path.is_file():
            return cls(None)
        uri, base = artifact_uri(source)
        if path.suffix.lower() in (".json", ".jsonl") or article is None:
            return cls(uri, base)
        try:
            raw = path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return cls(uri, base)
        return cls(uri, base, *_place_fields(raw, article))

    def region(self, span: Span) -> dict[str, Any] | None:
        """The SARIF region of a span: characters and line/columns in the file, or the JSONL line."""
        start = self.title_at if span.field == "title" else self.body_at
        if start is None or self.text is None:
            return {"startLine": self.line} if self.line else None
        begin, end = self._original(start + span.start), self._original(start + span.end)
        line, column = _line_column(self.text, begin)
        end_line, end_column = _line_column(self.text, end)
        return {"charOffset": begin, "charLength": end - begin, "startLine": line, "startColumn": column,
                "endLine": end_line, "endColumn": end_column}

    def _original(self, offset: int) -> int:
        return self.offsets[offset] if self.offsets is not None else offset


def _place_fields(raw: str, article: Article) -> tuple[str | None, tuple[int, ...] | None, int | None, int | None]:
    """The text, offset map and field offsets of a .txt article, or Nones if they don't match."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    offsets = None
    if text != raw:  # map each character of the normalised text back to the raw file
        positions, i = [], 0
        while i < len(raw):
            positions.append(i)
            i += 2 if raw.startswith("\r\n", i) else 1
        positions.append(len(raw))
        offsets = tuple(positions)
    title_at = text.find(article.title) if article.title else 0
    if title_at < 0 or text[:title_at].strip():
        return None, None, None, None
    body_at = text.find(article.body, title_at + len(article.title)) if article.body else title_at + len(article.title)
    if body_at < 0:
        return None, None, None, None
    return raw, offsets, title_at, body_at


def _line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of an offset (lines end at \\n; a \\r before it is part of the line)."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


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
    quoted = "|".join(f"{s.field}:{s.text}" for s in finding.spans)
    result["partialFingerprints"] = {
        "consistencyFinding/v1": hashlib.sha256(f"{finding.rule}|{quoted}|{finding.message}".encode()).hexdigest()
    }
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
