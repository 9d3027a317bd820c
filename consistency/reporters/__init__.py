"""Report formats: a small streaming life cycle and a registry by `--format` name.

A reporter gets `start()`, then `report(r)` once per input in order, then `finish()`,
so a million-article run never holds all reports in memory (flake8's formatter life
cycle). Plugins add formats through the `consistency_reporters` hook.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import IO, Any

from ..errors import ConfigError
from ..models import Report, RuleInfo, Severity

# Built-in formats, imported only when chosen.
BUILTIN_FORMATS: dict[str, str] = {
    "text": "consistency.reporters.text:TextReporter",
    "json": "consistency.reporters.json:JsonReporter",
    "jsonl": "consistency.reporters.json:JsonLinesReporter",
    "sarif": "consistency.reporters.sarif:SarifReporter",
    "html": "consistency.reporters.html:HtmlReporter",
    "github": "consistency.reporters.github:GithubReporter",
}


class Reporter:
    """Base class of report formats. Subclasses override `report` and maybe `start`/`finish`."""

    #: True when the format writes bytes best sent to a file (-o), e.g. HTML.
    prefers_file = False

    def __init__(self, stream: IO[str], *, color: bool = False, rules: Sequence[RuleInfo] = (),
                 fail_on: Severity = Severity.warning, **options: Any) -> None:
        self.stream = stream
        self.color = color
        self.rules = list(rules)
        self.fail_on = fail_on
        self.options = options
        self._locator: Any = None

    def located(self, report: Report) -> Report:
        """The report with each span's `location` in the input file filled, where it is a file."""
        if self._locator is None:
            from ..locations import Locator

            self._locator = Locator()
        return self._locator.locate(report)  # type: ignore[no-any-return]

    def close(self) -> None:
        """Release what `located` holds open; called by the CLI after `finish()`."""
        if self._locator is not None:
            self._locator.close()
            self._locator = None

    def start(self) -> None:
        """Called once before the first report."""

    def report(self, report: Report) -> None:
        """Called once per input, in input order."""
        raise NotImplementedError

    def finish(self) -> None:
        """Called once after the last report."""


def safe_report(reporter: Reporter, report: Report) -> Report:
    """Give `report` to `reporter`; if the reporter cannot write it, write an error record instead.

    Returns the report actually written, so the caller counts its errors. One
    input that a format cannot render must not cut the output off for the rest.
    """
    try:
        reporter.report(report)
        return report
    except Exception as exc:
        from ..models import ReportError

        message = f"{report.source}: the report could not be written: {type(exc).__name__}: {exc}"
        fallback = Report(source=report.source, errors=[ReportError(kind="input", message=message)])
        reporter.report(fallback)
        return fallback


def available_formats(pm: Any = None) -> dict[str, Any]:
    """Format name -> reporter class or "module:Class" path, built-ins first."""
    formats: dict[str, Any] = dict(BUILTIN_FORMATS)
    if pm is not None:
        for extra in pm.hook.consistency_reporters():
            formats.update(extra or {})
    return formats


def get_reporter_class(name: str, pm: Any = None) -> type[Reporter]:
    """The reporter class for a `--format` name."""
    formats = available_formats(pm)
    if name not in formats:
        raise ConfigError(f"unknown format {name!r}; choose one of: {', '.join(formats)}")
    target = formats[name]
    if isinstance(target, str):
        module, _, attr = target.partition(":")
        target = getattr(importlib.import_module(module), attr)
    return target  # type: ignore[no-any-return]
