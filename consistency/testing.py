"""Helpers for rule authors, built-in and third-party alike; also a pytest plugin.

    from consistency.testing import assert_flags, assert_passes

    def test_flags_city_in_wrong_country():
        assert_flags("GE01", "Headline\\n\\nHe spoke in the Belarusian city of Kazan.", quotes=["Kazan"])

Each helper runs one rule through the real checker, with selection narrowed to that
code, on a text whose first line is the headline. Checkers are cached per code and
options, and the spaCy model is loaded once per process. Plain asserts, so any test
runner works; the pytest fixtures live in `consistency.pytest_plugin`, and pytest is
needed only there (the `test` extra), never to import `consistency`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .checker import Checker
from .models import Article, Finding, Report, Severity

_CHECKERS: dict[tuple[Any, ...], Checker] = {}


def make_article(text: str, **metadata: Any) -> Article:
    """An article from plain text: the first non-empty line is the headline."""
    return Article.from_text(text, **metadata)


def checker_for(code: str, plugins: Sequence[Any] = (), **options: Any) -> Checker:
    """A cached checker that runs only `code` (preview rules included), with these options."""
    key = (code, tuple(plugins), json.dumps(options, sort_keys=True, default=str))
    if key not in _CHECKERS:
        _CHECKERS[key] = Checker(plugins=plugins, select=[code], preview=True,
                                 rules={code: options} if options else {})
    return _CHECKERS[key]


def run_rule(code: str, text: str | Article, *, plugins: Sequence[Any] = (), min_severity: str = "info",
             **options: Any) -> list[Finding]:
    """The findings of one rule on one text, at or above `min_severity`."""
    article = text if isinstance(text, Article) else make_article(text)
    report = checker_for(code, plugins, **options).check(article, source="<test>")
    if report.errors:
        raise AssertionError(f"rule {code} failed: {report.errors[0].message}")
    floor = Severity(min_severity).rank
    return [f for f in report.findings if f.rule == code and f.severity is not None and f.severity.rank >= floor]


def quotes_of(findings: Sequence[Finding]) -> list[str]:
    """Every span text of these findings (not evidence), in order."""
    return [s.text or "" for f in findings for s in f.spans]


def assert_flags(code: str, text: str | Article, quotes: Sequence[str] = (), *, min_severity: str = "warning",
                 **options: Any) -> list[Finding]:
    """Assert the rule flags the text at or above `min_severity`; each quote must lie in a flagged span."""
    findings = run_rule(code, text, min_severity=min_severity, **options)
    assert findings, f"{code} flagged nothing at {min_severity} or above in: {str(text)[:200]!r}"
    spans = quotes_of(findings)
    for quote in quotes:
        assert any(quote in s or s in quote for s in spans), f"{code} did not flag {quote!r}; it flagged {spans}"
    return findings


def assert_passes(code: str, text: str | Article, *, min_severity: str = "warning", **options: Any) -> None:
    """Assert the rule reports nothing at or above `min_severity` (default: warning)."""
    findings = run_rule(code, text, min_severity=min_severity, **options)
    assert not findings, f"{code} flagged: " + "; ".join(f.message for f in findings)


def report_for(text: str | Article, **config: Any) -> Report:
    """A full report with every default rule (or the given configuration)."""
    article = text if isinstance(text, Article) else make_article(text)
    key = ("*", json.dumps(config, sort_keys=True, default=str))
    if key not in _CHECKERS:
        _CHECKERS[key] = Checker(**config)
    return _CHECKERS[key].check(article, source="<test>")

