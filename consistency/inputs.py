"""Turn paths (files, folders, `-`) into a stream of `Document`s, errors included.

Every input yields something, in order: an article, or an error record saying why
it could not be read. `source` is the path as given, `PATH:LINE` for a JSONL line,
`PATH:INDEX` for an item of a JSON array, and `-` for standard input.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from pydantic import ValidationError

from .models import Article

SUFFIXES = (".txt", ".json", ".jsonl")


@dataclass(frozen=True)
class Document:
    """One input: its source label and either an article or the reason it has none."""

    source: str
    article: Article | None = None
    error: str | None = None


def read_inputs(paths: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[Document]:
    """Documents for every path, folders walked recursively in sorted order."""
    for path in paths:
        if path == "-":
            stream = stdin or sys.stdin.buffer
            yield from _from_bytes("-", stream.read(), kind=None)
            continue
        p = Path(path)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            if not files:
                yield Document(path, error=f"{path}: folder holds no .txt, .json or .jsonl files")
            for f in files:
                yield from _from_file(str(f))
        else:
            yield from _from_file(path)


def _from_file(path: str) -> Iterator[Document]:
    p = Path(path)
    if not p.exists():
        yield Document(path, error=f"{path}: no such file or folder")
        return
    try:
        data = p.read_bytes()
    except OSError as exc:
        yield Document(path, error=f"{path}: cannot read: {exc.strerror or exc}")
        return
    suffix = p.suffix.lower()
    yield from _from_bytes(path, data, kind=suffix if suffix in SUFFIXES else ".txt")


def _from_bytes(source: str, data: bytes, kind: str | None) -> Iterator[Document]:
    if b"\x00" in data:
        yield Document(source, error=f"{source}: not a text file (it contains NUL bytes)")
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield Document(source, error=f"{source}: not UTF-8 text (invalid byte at offset {exc.start})")
        return
    if not text.strip():
        yield Document(source, error=f"{source}: empty input, no article to check")
        return
    if kind is None:  # standard input: sniff JSON, else plain text
        stripped = text.lstrip()
        kind = ".jsonl" if stripped[:1] == "{" and "\n{" in stripped.strip() else ".json" if stripped[:1] in "{[" else ".txt"
    if kind == ".txt":
        yield document_from(source, lambda: Article.from_text(text))
    elif kind == ".jsonl":
        yield from _from_jsonl(source, text)
    else:
        yield from _from_json(source, text)


def _from_json(source: str, text: str) -> Iterator[Document]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Document(source, error=f"{source}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}")
        return
    if isinstance(data, list):
        for index, item in enumerate(data):
            yield document_from(f"{source}:{index}", lambda item=item: Article.from_dict(item))
    else:
        yield document_from(source, lambda: Article.from_dict(data))


def _from_jsonl(source: str, text: str) -> Iterator[Document]:
    yield from jsonl_documents(source, text.splitlines())


def jsonl_documents(source: str, lines: Iterable[str]) -> Iterator[Document]:
    """One `Document` per non-empty JSONL line, labelled `SOURCE:LINE` (1-based)."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        label = f"{source}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Document(label, error=f"{label}: invalid JSON at column {exc.colno}: {exc.msg}")
            continue
        yield document_from(label, lambda data=data: Article.from_dict(data))


def document_from(source: str, build: Any) -> Document:
    """A `Document` from `build()` (which makes an Article), or one carrying the reason it failed."""
    try:
        article = build()
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "article"
        return Document(source, error=f"{source}: invalid article: {where}: {err['msg']}")
    except ValueError as exc:
        return Document(source, error=f"{source}: invalid article: {exc}")
    if not article.title.strip() and not article.body.strip():
        return Document(source, error=f"{source}: the article has neither title nor body")
    return Document(source, article=article)
