"""Coded exceptions, as spaCy prefixes its errors: `[E001] ...` can be searched for.

The CLI prints any `ConsistencyError` as one line and exits 2, never a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable


class ConsistencyError(Exception):
    """Base class: `code` plus a one-line message a user can act on."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class ConfigError(ConsistencyError):
    """A configuration file or option is wrong: unknown key, code or value."""

    code = "E001"


class PluginError(ConsistencyError):
    """A plugin could not be loaded or declares an invalid rule."""

    code = "E002"


class ModelNotFoundError(ConsistencyError):
    """No spaCy pipeline is installed under the configured or default names."""

    code = "E003"


class InputError(ConsistencyError):
    """An input could not be read as an article (missing, empty, binary, bad JSON)."""

    code = "E004"


class KnowledgeError(ConsistencyError):
    """A knowledge pack is malformed; the message names the file, entry and field."""

    code = "E005"


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """` (did you mean 'x'?)` for the closest choice to a misspelt name, else an empty string."""
    import difflib

    options = list(choices)
    close = difflib.get_close_matches(name, options, n=1, cutoff=0.6)
    if not close:
        lowered = {c.lower().replace("-", "_"): c for c in options}
        close = [lowered[m] for m in difflib.get_close_matches(name.lower().replace("-", "_"), lowered, n=1, cutoff=0.6)]
    return f" (did you mean {close[0]!r}?)" if close else ""
