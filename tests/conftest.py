"""Shared fixtures: throwaway rule plugins and a clean plugin manager per test that needs one."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from consistency import Rule, Severity, hookimpl
from consistency.plugin_manager import purge_plugin_manager

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))


class WordRule(Rule):
    """Flags the word "banana" (a throwaway rule for core tests).

    What it flags:
        The word banana.
    """

    code = "ZZ01"
    name = "testing.banana"

    def check(self, ctx):
        for match in re.finditer(r"\bbanana\b", ctx.article.body):
            yield self.finding(f"'{match.group()}' found", [ctx.span_at("body", match.start(), match.end())],
                               confidence=0.5)


class TitleRule(Rule):
    """Flags the first word of the title."""

    code = "ZZ02"
    name = "testing.title-word"
    default_severity = Severity.info

    def check(self, ctx):
        token = ctx.title_doc[0]
        yield self.finding(f"title starts with {token.text}", [ctx.span(token)])


class CrashingRule(Rule):
    """Always raises, to show that failures are isolated."""

    code = "ZZ03"
    name = "testing.crash"

    def check(self, ctx):
        raise RuntimeError("boom")
        yield  # pragma: no cover


class ThrowawayPlugin:
    """A plugin object registered only for the test that asks for it."""

    def __init__(self, *rules):
        self.rules = list(rules)
        self.__name__ = "throwaway-" + "-".join(r.code for r in rules)

    @hookimpl
    def consistency_rules(self):
        return self.rules


@pytest.fixture
def clean_plugins():
    purge_plugin_manager()
    try:
        yield
    finally:
        purge_plugin_manager()


@pytest.fixture
def throwaway(clean_plugins):
    return ThrowawayPlugin(WordRule, TitleRule, CrashingRule)
