"""Typed, frozen pydantic models: the public data contract of `consistency`.

`Article` is what is checked, `Span` points into it, `Finding` is one problem found,
`Report` is everything said about one input. Their JSON dumps are the report format
other tools parse (see docs/json-format.md), so fields are only ever added.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .textsafe import MAX_DEPTH, escape_json_breaks, clean_data, clean_text, printable

Field_ = Literal["title", "body"]


class Severity(str, Enum):
    """How much a finding matters, as in Vale and textlint: info < warning < error."""

    info = "info"
    warning = "warning"
    error = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error: for comparisons."""
        return _RANK[self.value]

    def __str__(self) -> str:  # so f-strings print "warning", not "Severity.warning"
        return self.value


_RANK = {"info": 0, "warning": 1, "error": 2}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class FileLocation(_Frozen):
    """Where a span's words are in the input file, for editors and CI annotations.

    Lines and columns are 1-based and count characters; `end_column` is the column just
    after the last character. `offset`/`end_offset` are character offsets from the start
    of the file, given for plain-text files (in JSON, escapes make them less useful).
    """

    line: int = Field(ge=1)
    column: int = Field(ge=1)
    end_line: int = Field(ge=1)
    end_column: int = Field(ge=1)
    offset: int | None = None
    end_offset: int | None = None


class Span(_Frozen):
    """A stretch of the title or body, by character offsets into that field.

    `text` may be left out by a rule: the checker fills it from the article and
    rejects a span whose `text` is not exactly `article.<field>[start:end]`.
    `location` is filled by reporters (see `consistency.locations`) when the input is a
    file; rules never set it.
    """

    field: Field_ = "body"
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str | None = None
    location: FileLocation | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        return self


class Finding(_Frozen):
    """One inconsistency: what is wrong (`spans`) and what it conflicts with (`evidence`).

    A rule may give only `rule`, `message` and `spans`; the checker fills `name` and
    `category` from the rule, `severity` from the rule's default or the configuration,
    and each span's `text`.
    """

    rule: str
    message: str
    name: str = ""
    category: str = ""
    severity: Severity | None = None
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    spans: list[Span] = Field(default_factory=list)
    evidence: list[Span] = Field(default_factory=list)
    suggestion: str | None = None
    data: dict[str, Any] = Field(default_factory=dict)


class Article(BaseModel):
    """A news article: a headline (`title`) and a `body`, with optional metadata."""

    model_config = ConfigDict(extra="forbid")

    id: str = ""
    title: str = ""
    body: str = ""
    subtitle: str | None = None
    authors: list[str] = Field(default_factory=list)
    dateline: str | None = None
    published: dt.date | dt.datetime | None = None
    publisher: str | None = None
    url: str | None = None
    language: str = "en"
    metadata: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _clean_strings(cls, data: Any) -> Any:
        # A lone surrogate cannot be written as UTF-8 and deep nesting cannot be
        # serialised: either would break every report after this one (textsafe).
        if isinstance(data, dict):
            return {key: clean_data(value, MAX_DEPTH, str(key)) for key, value in data.items()}
        return data

    @field_validator("published", mode="before")
    @classmethod
    def _empty_date_is_none(cls, value: Any) -> Any:
        return None if value in ("", None) else value

    @model_validator(mode="after")
    def _default_id(self) -> Article:
        if not self.id:
            digest = hashlib.sha1(f"{self.title}\n{self.body}".encode()).hexdigest()[:12]
            object.__setattr__(self, "id", digest)
        return self

    def field(self, name: str) -> str:
        """The text of `title` or `body`, by name."""
        if name not in ("title", "body"):
            raise ValueError(f"unknown article field {name!r}")
        return self.title if name == "title" else self.body

    @classmethod
    def from_text(cls, text: str, **metadata: Any) -> Article:
        """Plain text: the first non-empty line is the title, the rest is the body."""
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        while lines and not lines[0].strip():
            lines.pop(0)
        title = lines[0].strip() if lines else ""
        body = "\n".join(lines[1:]).strip()
        return cls(title=title, body=body, **metadata)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """A JSON object in this library's schema or the RealNews/Grover one.

        Grover's `text`, `publish_date`, `domain` and `summary` map to `body`,
        `published`, `publisher` and `subtitle`; unknown keys go to `metadata`.
        """
        if not isinstance(data, dict):
            raise ValueError(f"an article must be a JSON object, not {type(data).__name__}")
        known = set(cls.model_fields)
        renames = {"text": "body", "publish_date": "published", "domain": "publisher",
                   "summary": "subtitle", "headline": "title"}
        fields: dict[str, Any] = {}
        metadata = data.get("metadata") or {}
        if not isinstance(metadata, dict):
            raise ValueError(f"metadata must be a JSON object, not {type(metadata).__name__}")
        extra: dict[str, Any] = dict(metadata)
        for key, value in data.items():
            if key == "metadata":
                continue
            target = key if key in known else renames.get(key)
            if target and target not in fields:
                fields[target] = value
            else:
                extra[key] = value
        if isinstance(fields.get("authors"), str):
            fields["authors"] = [fields["authors"]]
        if fields.get("id") is not None:
            fields["id"] = str(fields["id"])
        for key in ("title", "body"):
            if fields.get(key) is None:
                fields[key] = ""
        return cls(**fields, metadata=extra)

    @classmethod
    def from_json_line(cls, line: str) -> Article:
        """One line of a JSONL file."""
        return cls.from_dict(json.loads(line))


class ReportError(_Frozen):
    """Why something was not checked: an unreadable input, or a rule that raised."""

    kind: Literal["input", "rule", "plugin"]
    message: str
    rule: str | None = None
    exception: str | None = None

    @field_validator("message", mode="before")
    @classmethod
    def _one_line(cls, value: Any) -> Any:
        # Messages quote inputs and plugin exceptions: keep them one safe line.
        return printable(value)[:2000] if isinstance(value, str) else value


class Report(BaseModel):
    """All that was found in one input, in the order of the article's text."""

    model_config = ConfigDict(extra="forbid")

    source: str
    article: Article | None = None
    findings: list[Finding] = Field(default_factory=list)
    errors: list[ReportError] = Field(default_factory=list)
    rules: list[str] = Field(default_factory=list)
    timings: dict[str, float] = Field(default_factory=dict)

    @field_validator("source", mode="before")
    @classmethod
    def _clean_source(cls, value: Any) -> Any:
        return clean_text(value) if isinstance(value, str) else value

    def to_json(self) -> str:
        """The report as one line of JSON, the `--format jsonl` record."""
        return escape_json_breaks(self.model_dump_json())


class RuleInfo(_Frozen):
    """A rule's metadata, for listings, docs and SARIF."""

    code: str
    name: str
    summary: str
    category: str
    default_severity: Severity
    stability: Literal["stable", "preview"] = "stable"
    plugin: str = ""
    doc: str = ""
    options: dict[str, Any] = Field(default_factory=dict)
