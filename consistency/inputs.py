"""Turn paths (files, folders, `-`) into a stream of `Document`s, errors included.

Every input yields something, in order: an article, or an error record saying why
it could not be read. `source` is the path as given, `PATH:LINE` for a JSONL line,
`PATH:INDEX` for an item of a JSON array, and `-` for standard input.

Hostile input stays one input's problem: a JSONL file is read line by line (lines
end at `\\n` only, memory bounded by the longest line, not the file), and each line
is decoded, parsed and validated on its own, so a NUL, a bad byte, a 5,000-digit
number, deep nesting or a lone surrogate costs that line and nothing else. Items of
a JSON array are parsed one by one for the same reason. Folders are walked with
symlinks followed once; loops, unreadable folders, dangling links and special files
(FIFOs, devices) give error records instead of being skipped in silence.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from pydantic import ValidationError

from .errors import InputError
from .models import Article
from .safeio import file_kind
from .textsafe import display_path

SUFFIXES = (".txt", ".json", ".jsonl")

#: Longest JSONL line read (bytes); a longer one is an error record, skipped unread.
MAX_LINE_BYTES = 16 * 2**20
#: Largest .txt or .json input, read whole (bytes); JSONL has no limit but its lines'.
MAX_FILE_BYTES = 256 * 2**20
_BOM = b"\xef\xbb\xbf"


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
            yield from _from_stream("-", stdin or sys.stdin.buffer)
            continue
        label = display_path(path)
        try:
            info = os.stat(path)
        except FileNotFoundError:
            message = "dangling symbolic link" if os.path.islink(path) else "no such file or folder"
            yield Document(label, error=f"{label}: {message}")
            continue
        except OSError as exc:
            yield Document(label, error=f"{label}: cannot read: {exc.strerror or exc}")
            continue
        if stat.S_ISDIR(info.st_mode):
            found = False
            for item in walk_folder(path):
                found = True
                if isinstance(item, Document):
                    yield item
                else:
                    yield from _from_file(item, in_folder=True)
            if not found:
                yield Document(label, error=f"{label}: folder holds no .txt, .json or .jsonl files")
        else:  # named on the command line: a FIFO (`<(zcat x.jsonl.gz)`) is read too
            yield from _from_file(path, in_folder=False)


def walk_folder(folder: str) -> Iterator[str | Document]:
    """Input files under `folder` (paths) and error records, in sorted path order.

    Symbolic links are followed, each real folder walked once; a link back to a
    folder being walked is a loop and gives an error record, as do unreadable
    folders, dangling links and special files with an input suffix. Other files are
    skipped. Sorting puts `a.txt` before `a/b.txt`, as sorting full paths does.
    """
    root = os.stat(folder)
    seen: set[tuple[int, int]] = set()
    # Each stack entry: (folder path, the (dev, inode) of it and its ancestors).
    stack: list[tuple[str, tuple[tuple[int, int], ...]] | str | Document] = [(folder, ((root.st_dev, root.st_ino),))]
    seen.add((root.st_dev, root.st_ino))
    while stack:
        top = stack.pop()
        if not isinstance(top, tuple):
            yield top
            continue
        path, ancestors = top
        label = display_path(path)
        try:
            with os.scandir(path) as entries:
                names = sorted(entry.name for entry in entries)  # the first of two links to a folder wins
        except OSError as exc:
            yield Document(label, error=f"{label}: cannot read folder: {exc.strerror or exc}")
            continue
        items: list[tuple[str, tuple[str, tuple[tuple[int, int], ...]] | str | Document]] = []
        for name in names:
            child = os.path.join(path, name)
            child_label = display_path(child)
            wanted = os.path.splitext(name)[1].lower() in SUFFIXES
            try:
                info = os.stat(child)
            except FileNotFoundError:
                if os.path.islink(child) and wanted:
                    items.append((name, Document(child_label, error=f"{child_label}: dangling symbolic link")))
                continue
            except OSError as exc:  # a link loop on itself (ELOOP), a permission problem
                items.append((name, Document(child_label, error=f"{child_label}: cannot read: {exc.strerror or exc}")))
                continue
            if stat.S_ISDIR(info.st_mode):
                key = (info.st_dev, info.st_ino)
                if key in ancestors:
                    message = f"{child_label}: symbolic link loop (leads back to a folder it is in); not followed"
                    items.append((name + "/", Document(child_label, error=message)))
                elif key not in seen:  # a second link to a walked folder adds nothing
                    seen.add(key)
                    items.append((name + "/", (child, (*ancestors, key))))
            elif wanted and stat.S_ISREG(info.st_mode):
                items.append((name, child))
            elif wanted:
                items.append((name, Document(child_label, error=f"{child_label}: {file_kind(info.st_mode)}, not read")))
        stack.extend(item for _, item in sorted(items, key=lambda pair: pair[0], reverse=True))


def _from_file(path: str, in_folder: bool) -> Iterator[Document]:
    """The documents of one file; one found in a folder must be regular (never block on a FIFO)."""
    label = display_path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) * in_folder | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        yield Document(label, error=f"{label}: no such file or folder")
        return
    except OSError as exc:
        yield Document(label, error=f"{label}: cannot read: {exc.strerror or exc}")
        return
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if not (stat.S_ISREG(mode) or (stat.S_ISFIFO(mode) and not in_folder)):
            yield Document(label, error=f"{label}: {file_kind(mode)}, not read")
            return
        suffix = Path(path).suffix.lower()
        try:
            if suffix == ".jsonl":
                yield from jsonl_stream(label, handle)
                return
            data = _read_limited(handle, label)
        except OSError as exc:
            yield Document(label, error=f"{label}: cannot read: {exc.strerror or exc}")
            return
        if isinstance(data, Document):
            yield data
            return
        yield from _from_bytes(label, data, kind=suffix if suffix in SUFFIXES else ".txt")


def _read_limited(handle: BinaryIO, source: str, limit: int = MAX_FILE_BYTES) -> bytes | Document:
    data = handle.read(limit + 1)
    if len(data) > limit:
        return Document(source, error=f"{source}: larger than {limit // 2**20} MiB; split it, or use JSONL")
    return data


def _from_stream(source: str, stream: BinaryIO) -> Iterator[Document]:
    """Standard input: JSONL (streamed) when its first line is a JSON object and more follow, else whole."""
    head = _read_nonblank_line(stream, [])
    first = head[-1] if head else b""
    if first.lstrip().removeprefix(_BOM)[:1] == b"{" and first.endswith(b"\n") and _is_json_object(first):
        _read_nonblank_line(stream, head)
        if head[-1].strip():  # JSONL: line numbers counted from the top, blank lines included
            yield from jsonl_stream(source, _Prepended(head, stream))
            return
    data = b"".join(head)
    rest = _read_limited(stream, source, max(0, MAX_FILE_BYTES - len(data)))
    if isinstance(rest, Document):
        yield rest
        return
    yield from _from_bytes(source, data + rest, kind=None)


def _read_nonblank_line(stream: BinaryIO, head: list[bytes]) -> list[bytes]:
    """Read lines into `head` up to and including the next non-blank one (or the end)."""
    while True:
        line = stream.readline(MAX_LINE_BYTES + 1)
        head.append(line)
        if not line or line.strip():
            return head


def _is_json_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line.lstrip().removeprefix(_BOM)), dict)
    except (ValueError, RecursionError):
        return False


class _Prepended:
    """A binary stream with some lines already read put back in front (for sniffing stdin)."""

    def __init__(self, lines: list[bytes], stream: BinaryIO) -> None:
        self._lines = lines
        self._stream = stream

    def readline(self, size: int = -1) -> bytes:
        """The next line, from the put-back ones first."""
        if self._lines:
            return self._lines.pop(0)
        return self._stream.readline(size)


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
        yield from jsonl_documents(source, text.split("\n"))
    else:
        yield from _from_json(source, text)


# --- JSON arrays, item by item ---------------------------------------------------------

def _from_json(source: str, text: str) -> Iterator[Document]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if text.lstrip()[:1] == "[":
            yield from _array_documents(source, text)
            return
        yield Document(source, error=f"{source}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}")
        return
    except (ValueError, RecursionError) as exc:
        if text.lstrip()[:1] == "[":
            yield from _array_documents(source, text)
            return
        yield Document(source, error=f"{source}: invalid JSON: {json_problem(exc)}")
        return
    if isinstance(data, list):
        for index, item in enumerate(data):
            yield document_from(f"{source}:{index}", lambda item=item: Article.from_dict(item))
    else:
        yield document_from(source, lambda: Article.from_dict(data))


def _array_documents(source: str, text: str) -> Iterator[Document]:
    """A JSON array that does not parse whole: each item parsed alone, a bad one its own error."""
    decoder = json.JSONDecoder()
    i = _skip_space(text, text.index("[") + 1)
    index = 0
    if text.startswith("]", i):
        return
    while True:
        label = f"{source}:{index}"
        try:
            value, end = decoder.raw_decode(text, i)
        except (ValueError, RecursionError) as exc:
            end = skip_value(text, i)
            line, column = _line_column(text, i)
            problem = exc.msg if isinstance(exc, json.JSONDecodeError) else json_problem(exc)
            rest = "" if end is not None else "; the rest of the file cannot be read"
            yield Document(label, error=f"{label}: invalid JSON in the item at line {line} column {column}: {problem}{rest}")
            if end is None:
                return
        else:
            yield document_from(label, lambda value=value: Article.from_dict(value))
        i = _skip_space(text, end)
        if text.startswith(",", i):
            i = _skip_space(text, i + 1)
            index += 1
            continue
        if not text.startswith("]", i) or text[i + 1:].strip():
            line, column = _line_column(text, i)
            yield Document(f"{source}:{index + 1}", error=f"{source}: invalid JSON at line {line} column {column}: "
                                                          f"expected ',' or ']' after item {index}")
        return


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    return i


def _line_column(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def skip_value(text: str, i: int) -> int | None:
    """Where the JSON value starting at `i` ends, found by brackets and quotes only (no parse).

    None when the text ends first. Iterative and linear, so deep nesting is no problem.
    """
    n = len(text)
    depth = 0
    while i < n:
        char = text[i]
        if char == '"':
            i += 1
            while i < n and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
            if i >= n:
                return None
        elif char in "[{":
            depth += 1
        elif char in "]}":
            if depth == 0:
                return i
            depth -= 1
        elif char == "," and depth == 0:
            return i
        i += 1
        if depth == 0 and char in '"]}':
            return i
    return None if depth else i


# --- JSONL, line by line -----------------------------------------------------------------

def jsonl_stream(source: str, handle: Any, max_line: int = MAX_LINE_BYTES) -> Iterator[Document]:
    """One `Document` per non-empty line of a binary stream, `SOURCE:LINE` (1-based, `\\n` only).

    Reads one line at a time, so memory is bounded by the longest line kept
    (`max_line` bytes); a longer line is an error record and is skipped unread.
    """
    number = 0
    while True:
        line = handle.readline(max_line + 1)
        if not line:
            return
        number += 1
        if len(line) > max_line and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the line, a piece at a time
                line = handle.readline(2**20)
            label = f"{source}:{number}"
            yield Document(label, error=f"{label}: line longer than {max_line // 2**20} MiB, not read")
            continue
        document = jsonl_line(source, number, line)
        if document is not None:
            yield document


def jsonl_documents(source: str, lines: Iterable[str | bytes]) -> Iterator[Document]:
    """One `Document` per non-empty line of already split lines, `SOURCE:LINE` (1-based)."""
    for number, line in enumerate(lines, start=1):
        document = jsonl_line(source, number, line)
        if document is not None:
            yield document


_ASCII_SPACE = " \t\n\r\x0b\x0c"  # what bytes.strip() strips: a line of only these is blank


def jsonl_line(source: str, number: int, line: str | bytes) -> Document | None:
    """The document of one JSONL line (None for a blank one); every failure is its error record."""
    label = f"{source}:{number}"
    if isinstance(line, bytes):
        if not line.strip():
            return None
        if line.startswith(_BOM):
            line = line[len(_BOM):]
        nul = line.find(b"\x00")
        if nul >= 0:
            return Document(label, error=f"{label}: not text (NUL byte at column {nul + 1})")
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            return Document(label, error=f"{label}: not UTF-8 text (invalid byte at column {exc.start + 1})")
    if not line.strip(_ASCII_SPACE):  # str.strip would also take \x1c-\x1f, U+0085, U+2028 for blanks
        return None
    line = line.removeprefix("\ufeff")
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return Document(label, error=f"{label}: invalid JSON at column {exc.colno}: {exc.msg}")
    except (ValueError, RecursionError) as exc:
        return Document(label, error=f"{label}: invalid JSON: {json_problem(exc)}")
    return document_from(label, lambda: Article.from_dict(data))


def json_problem(exc: BaseException) -> str:
    """A short reason for a JSON value Python's parser refused without a position."""
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    message = str(exc)
    if "integer string conversion" in message:
        return "a number with more than 4,300 digits"
    return message[:200]


def document_from(source: str, build: Any) -> Document:
    """A `Document` from `build()` (which makes an Article), or one carrying the reason it failed.

    Any failure is this input's error record: a refused field, bad metadata, an
    article that could not be written as JSON.
    """
    try:
        article = build()
        article.model_dump_json()  # proves every report of it can be written
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        message = str(err["msg"]).removeprefix("Value error, ")
        return Document(source, error=f"{source}: invalid article: {where + ': ' if where else ''}{message}")
    except (ValueError, TypeError, RecursionError) as exc:
        message = str(exc).removeprefix("Error serializing to JSON: ")
        return Document(source, error=f"{source}: invalid article: {message[:300]}")
    if not article.title.strip() and not article.body.strip():
        return Document(source, error=f"{source}: the article has neither title nor body")
    return Document(source, article=article)


def refuse_output_among_inputs(output: str | None, paths: Iterable[str]) -> None:
    """Raise InputError when `-o FILE` is an input, or would be read as one inside an input folder.

    Opening the output truncates it, so this must run before anything is written.
    """
    if not output or output == "-":
        return
    target = Path(output)
    try:
        resolved = target.resolve()
    except OSError:
        return
    for path in paths:
        if path == "-":
            continue
        p = Path(path)
        try:
            if target.exists() and p.exists() and os.path.samefile(target, p):
                raise InputError(f"-o {output} is also an input; writing the report would destroy it")
            if p.is_dir() and resolved.suffix.lower() in SUFFIXES and resolved.is_relative_to(p.resolve()):
                raise InputError(f"-o {output} lies in the input folder {path} and would be read as an input; "
                                 "write the report elsewhere")
        except OSError:
            continue
