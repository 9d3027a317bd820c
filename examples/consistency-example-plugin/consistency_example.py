"""consistency-example-plugin: rules with their own code prefix, EX.

EX01 flags a word written twice in a row ("the the"), a slip editors catch. It is the
worked example of docs/writing_plugins.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from consistency import Finding, Options, Rule, hookimpl

_DOUBLED = re.compile(r"\b(\w+)\s+(\1)\b", re.IGNORECASE)
_FINE = {"that", "had", "is", "bye", "knock", "no", "very", "really", "so"}  # "that that", "had had" are English


class DoubledWord(Rule):
    """A word is written twice in a row.

    What it flags:
        "the the", "to to": the same word twice, separated only by spaces.

    Why it matters:
        Doubled words slip past writers who read what they meant to write.

    Example:
        Council approves budget
        The council approved the the budget on Monday.

    Not flagged:
        Council approves budget
        He said that that budget had had its day.

    Options:
        crash_on: a word that makes the rule raise, to demonstrate error isolation (default none).
    """

    code = "EX01"
    name = "example.doubled-word"

    class Options(Options):
        crash_on: str | None = None

    def check(self, ctx) -> Iterator[Finding]:
        for field in ("title", "body"):
            text = ctx.article.field(field)
            if self.options.crash_on and self.options.crash_on in text:
                raise RuntimeError(f"asked to crash on {self.options.crash_on!r}")
            for match in _DOUBLED.finditer(text):
                if match.group(1).lower() in _FINE:
                    continue
                yield self.finding(
                    f"'{match.group(1)}' is written twice",
                    [ctx.span_at(field, match.start(2), match.end(2))],
                    evidence=[ctx.span_at(field, match.start(1), match.end(1))],
                    suggestion=f"delete the second '{match.group(2)}'",
                )


@hookimpl
def consistency_rules() -> list[type[Rule]]:
    """The rules of this plugin."""
    return [DoubledWord]
