"""Make hostile text safe to keep and to show: no lone surrogates, no raw control characters.

Python strings may hold lone surrogates (from a JSON `"\\ud800"` escape or an
undecodable file name); UTF-8 cannot encode them, so one of them in one article
would break every report written after it. `clean_text` replaces each by U+FFFD,
one character for one, so every offset into the text stays right. `printable`
escapes control characters (terminal escapes, bidi overrides) for one-line display.
"""

from __future__ import annotations

import os
import re
from typing import Any

_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 and C1 controls (tab excepted), DEL, line/paragraph separators, bidi embeddings,
# overrides and isolates: what can move a terminal's cursor or reorder what it shows.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")
_ESCAPES = {"\n": "\\n", "\r": "\\r"}

#: Deepest nesting of lists and objects kept in an article's metadata; reports add a
#: few levels and pydantic cannot serialise much past 250.
MAX_DEPTH = 64


# Line breaks to Python's str.splitlines and to JavaScript, though JSON allows them raw
# in strings (where alone they can occur in JSON text, so escaping them is safe).
_JSON_BREAKS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def escape_json_breaks(text: str) -> str:
    """JSON text with U+0085, U+2028 and U+2029 written as escapes: one JSONL record, one line."""
    return text if text.isascii() else text.translate(_JSON_BREAKS)


def clean_text(text: str) -> str:
    """`text` with every lone surrogate replaced by U+FFFD (same length, same offsets)."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def printable(text: str) -> str:
    """`text` on one line with control and bidi characters shown as `\\x1b`, `\\u202e` escapes."""
    text = clean_text(text)
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(lambda m: _ESCAPES.get(m.group(), f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                                                else f"\\u{ord(m.group()):04x}"), text)


def display_path(path: str) -> str:
    """A file name fit for a report: undecodable bytes shown as `\\xff` instead of surrogates."""
    if not _SURROGATE.search(path):
        return path
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def clean_data(value: Any, max_depth: int = MAX_DEPTH, where: str = "value") -> Any:
    """A copy of JSON-like data with clean strings (keys too), refused past `max_depth` levels.

    Walks without recursion, so no input can exhaust the stack; raises ValueError
    naming `where` when the data nests too deeply.
    """
    root: list[Any] = [None]
    stack: list[tuple[Any, Any, Any, int]] = [(value, root, 0, 0)]
    while stack:
        item, parent, key, depth = stack.pop()
        if isinstance(item, str):
            parent[key] = clean_text(item)
        elif isinstance(item, dict | list | tuple):
            if depth >= max_depth:
                raise ValueError(f"{where} is nested deeper than {max_depth} levels")
            if isinstance(item, dict):
                copy: Any = {}
                for k, v in item.items():
                    name = clean_text(k) if isinstance(k, str) else k
                    copy[name] = None
                    stack.append((v, copy, name, depth + 1))
            else:
                copy = [None] * len(item)
                stack.extend((v, copy, i, depth + 1) for i, v in enumerate(item))
            parent[key] = copy
        else:
            parent[key] = item
    return root[0]
