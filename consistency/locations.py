"""Where a finding's words sit in the input file: line, column and character offset.

Rules give offsets into an article's `title` or `body`; editors, CI annotations and
SARIF want the file's line and column. `Locator.locate(report)` re-reads the input and
fills each span's `location`, for every input that is a file:

- a `.txt` file: the title and body are found in the file's text (the first non-empty
  line is the title, the rest the body; CRLF line ends and a UTF-8 BOM allowed for);
- a `.jsonl` line (`PATH:LINE`) and a `.json` object or array item (`PATH:INDEX`): the
  field's JSON string literal is found and its escapes walked, so a column points at
  the very character even after `\\n` or `\\u00e9` earlier in the string.

A field is placed only when the file's text decodes to exactly the article's field;
otherwise its spans keep `location = None` and reporters fall back to field offsets.
Nothing is guessed. Lines and columns are 1-based and count characters (code points),
as SARIF's `unicodeCodePoints`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from json.decoder import scanstring  # type: ignore[attr-defined]
from pathlib import Path
from typing import IO

from .models import Article, FileLocation, Report, Span

_INDEXED_SOURCE = re.compile(r"^(?P<path>.+):(?P<index>\d+)$")
_WS = re.compile(r"[ \t\n\r]*")
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_KEYS = {"title": ("title", "headline"), "body": ("body", "text")}  # as Article.from_dict reads them
_DECODER = json.JSONDecoder()


def source_file(source: str) -> tuple[Path, int | None] | None:
    """The input file of a report's `source` and the JSONL line / JSON index, or None (stdin, gone)."""
    match = _INDEXED_SOURCE.match(source)
    if match and Path(match["path"]).suffix.lower() in (".json", ".jsonl") and Path(match["path"]).is_file():
        return Path(match["path"]), int(match["index"])
    if source != "-" and Path(source).is_file():
        return Path(source), None
    return None


def source_path(source: str) -> str:
    """The file part of a source label: `a.jsonl:3` -> `a.jsonl`; other labels unchanged."""
    found = source_file(source)
    if found is not None and found[1] is not None:
        return source[: source.rfind(":")]
    return source


@dataclass(frozen=True)
class FieldPlacement:
    """Where one field's characters are in a text: field offset i is at `positions[i]`.

    `positions` has one entry more than the field has characters (the end). `text` is
    the text the positions index; `first_line` and `base` are the line number of its
    first line and its character offset in the file (None when unknown).
    """

    text: str
    positions: tuple[int, ...] | range
    first_line: int = 1
    base: int | None = 0

    def location(self, start: int, end: int) -> FileLocation:
        """The file location of the field's characters `start:end`."""
        begin, finish = self.positions[start], self.positions[end]
        line, column = _line_column(self.text, begin)
        end_line, end_column = _line_column(self.text, finish)
        return FileLocation(
            line=line + self.first_line - 1, column=column, end_line=end_line + self.first_line - 1,
            end_column=end_column, offset=None if self.base is None else self.base + begin,
            end_offset=None if self.base is None else self.base + finish,
        )


Placements = dict[str, FieldPlacement]


def _line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of an offset (lines end at \\n; a \\r before it is part of the line)."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def place_text_file(raw: str, article: Article) -> Placements:
    """Title and body of a `.txt` article in the file's text (BOM already removed)."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    if text != raw:  # map each character of the normalised text back to the raw file
        positions, i = [], 0
        while i < len(raw):
            positions.append(i)
            i += 2 if raw.startswith("\r\n", i) else 1
        positions.append(len(raw))
        original: tuple[int, ...] | range = tuple(positions)
    else:
        original = range(len(raw) + 1)
    title_at = text.find(article.title) if article.title else 0
    if title_at < 0 or text[:title_at].strip():
        return {}
    after_title = title_at + len(article.title)
    body_at = text.find(article.body, after_title) if article.body else after_title
    if body_at < 0:
        return {}
    return {
        "title": FieldPlacement(raw, original[title_at:after_title + 1]),
        "body": FieldPlacement(raw, original[body_at:body_at + len(article.body) + 1]),
    }


def _skip(text: str, pos: int) -> int:
    return _WS.match(text, pos).end()  # type: ignore[union-attr]


def _string_values(text: str, pos: int) -> tuple[dict[str, tuple[int, int] | None], int]:
    """The JSON object at `pos`: key -> (start, end) of its string value literal, and where it ends."""
    pos = _skip(text, pos)
    if text[pos:pos + 1] != "{":
        raise ValueError("not an object")
    values: dict[str, tuple[int, int] | None] = {}
    pos = _skip(text, pos + 1)
    if text[pos:pos + 1] == "}":
        return values, pos + 1
    while True:
        if text[pos:pos + 1] != '"':
            raise ValueError("expected a key")
        key, pos = scanstring(text, pos + 1)
        pos = _skip(text, pos)
        if text[pos:pos + 1] != ":":
            raise ValueError("expected ':'")
        pos = _skip(text, pos + 1)
        if text[pos:pos + 1] == '"':
            _, end = scanstring(text, pos + 1)
            values[key] = (pos, end)
        else:
            _, end = _DECODER.raw_decode(text, pos)
            values[key] = None
        pos = _skip(text, end)
        if text[pos:pos + 1] == ",":
            pos = _skip(text, pos + 1)
        elif text[pos:pos + 1] == "}":
            return values, pos + 1
        else:
            raise ValueError("expected ',' or '}'")


def _literal(text: str, start: int, end: int) -> tuple[str, list[int]]:
    """A JSON string literal `text[start:end]` (quotes included) decoded, with each character's position."""
    out: list[str] = []
    positions: list[int] = []
    i = start + 1
    while i < end - 1:
        positions.append(i)
        char = text[i]
        if char != "\\":
            out.append(char)
            i += 1
        elif text[i + 1] == "u":
            code, i = int(text[i + 2:i + 6], 16), i + 6
            if 0xD800 <= code < 0xDC00 and text[i:i + 2] == "\\u" and 0xDC00 <= int(text[i + 2:i + 6], 16) < 0xE000:
                code = 0x10000 + ((code - 0xD800) << 10) + (int(text[i + 2:i + 6], 16) - 0xDC00)
                i += 6
            out.append(chr(code))
        else:
            out.append(_ESCAPES[text[i + 1]])
            i += 2
    positions.append(end - 1)
    return "".join(out), positions


def place_json_object(text: str, pos: int, article: Article, first_line: int = 1) -> Placements:
    """Title and body of the article object at `text[pos:]`, where its literals decode to the fields.

    No file offsets are given: an escape makes the file's characters differ from the words.
    """
    try:
        values, _ = _string_values(text, pos)
    except (ValueError, IndexError):
        return {}
    placements: Placements = {}
    for field, keys in _KEYS.items():
        key = next((k for k in values if k in keys), None)  # the first of the keys, as from_dict takes it
        literal = values.get(key) if key is not None else None
        if literal is None:
            continue
        decoded, positions = _literal(text, *literal)
        if decoded == article.field(field):
            placements[field] = FieldPlacement(text, tuple(positions), first_line, None)
    return placements


def _array_items(text: str) -> list[int]:
    """Start offsets of the items of the top-level JSON array in `text` ([] when it is no array)."""
    pos = _skip(text, 0)
    if text[pos:pos + 1] != "[":
        return []
    starts: list[int] = []
    pos = _skip(text, pos + 1)
    while text[pos:pos + 1] not in ("]", ""):
        starts.append(pos)
        try:
            _, pos = _DECODER.raw_decode(text, pos)
        except ValueError:
            return starts
        pos = _skip(text, pos)
        if text[pos:pos + 1] == ",":
            pos = _skip(text, pos + 1)
    return starts


class Locator:
    """Fills `span.location` for reports whose input is a file, reading each file as needed.

    Reports arrive in input order, so a JSONL file is read forward once, with one open
    handle, however many of its lines have findings; the last `.json` file is kept with
    the offsets of its array items. Call `close()` when done.
    """

    def __init__(self) -> None:
        self._jsonl: tuple[Path, IO[bytes], int] | None = None  # path, handle, next line number
        self._json: tuple[Path, str, list[int]] | None = None

    def locate(self, report: Report) -> Report:
        """The report with `location` set on every span (and evidence span) that can be placed."""
        if report.article is None or not report.findings:
            return report
        spans = [s for f in report.findings for s in (*f.spans, *f.evidence)]
        if any(s.location is not None for s in spans):
            return report  # already located
        found = source_file(report.source)
        if found is None:
            return report
        placements = self.placements(found[0], found[1], report.article)
        if not placements:
            return report
        findings = [
            f.model_copy(update={"spans": [_placed(s, placements) for s in f.spans],
                                 "evidence": [_placed(s, placements) for s in f.evidence]})
            for f in report.findings
        ]
        return report.model_copy(update={"findings": findings})

    def placements(self, path: Path, index: int | None, article: Article) -> Placements:
        """Where the article's title and body are in `path` (line `index` of a JSONL, item of a JSON array)."""
        suffix = path.suffix.lower()
        try:
            if suffix == ".jsonl" and index is not None:
                line = self._jsonl_line(path, index)
                return place_json_object(line, 0, article, index) if line is not None else {}
            if suffix == ".json":
                text, items = self._json_file(path)
                if index is None:
                    return place_json_object(text, 0, article)
                return place_json_object(text, items[index], article) if index < len(items) else {}
            if index is None:
                return place_text_file(path.read_bytes().decode("utf-8-sig"), article)
        except (OSError, UnicodeDecodeError):
            return {}
        return {}

    def _jsonl_line(self, path: Path, number: int) -> str | None:
        state = self._jsonl
        if state is None or state[0] != path or state[2] > number:
            self.close_jsonl()
            state = (path, path.open("rb"), 1)
        _, handle, current = state
        line = None
        while current <= number:
            raw = handle.readline()
            if not raw:
                break
            if current == number:
                line = raw.decode("utf-8-sig" if current == 1 else "utf-8").rstrip("\r\n")
            current += 1
        self._jsonl = (path, handle, current)
        return line

    def _json_file(self, path: Path) -> tuple[str, list[int]]:
        if self._json is None or self._json[0] != path:
            text = path.read_bytes().decode("utf-8-sig")
            self._json = (path, text, _array_items(text))
        return self._json[1], self._json[2]

    def close_jsonl(self) -> None:
        """Close the JSONL file being read, if any."""
        if self._jsonl is not None:
            self._jsonl[1].close()
            self._jsonl = None

    def close(self) -> None:
        """Release open files and cached text."""
        self.close_jsonl()
        self._json = None


def _placed(span: Span, placements: Placements) -> Span:
    placement = placements.get(span.field)
    if placement is None or span.end >= len(placement.positions):
        return span
    return span.model_copy(update={"location": placement.location(span.start, span.end)})


def locate(report: Report) -> Report:
    """One report with its spans' file locations filled (a convenience around `Locator`)."""
    locator = Locator()
    try:
        return locator.locate(report)
    finally:
        locator.close()


def location_label(report: Report, span: Span | None) -> str:
    """`path:LINE:COL` of a span in its file, else `source:field:LINE:COL` counted in the field."""
    if span is None:
        return f"{report.source}:article"
    if span.location is not None:
        return f"{source_path(report.source)}:{span.location.line}:{span.location.column}"
    text = report.article.field(span.field) if report.article is not None else ""
    line, column = _line_column(text, span.start)
    return f"{report.source}:{span.field}:{line}:{column}"

