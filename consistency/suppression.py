"""Silencing known false alarms: accept lists, per-path ignores and a baseline file.

- `accept` (configuration): names and spellings a newsroom uses on purpose. A finding
  whose quoted words (flagged or evidence) contain an accepted term, as whole words and
  ignoring case, is not reported; a list applies to every rule, a table to the rules
  (codes or prefixes) it names.
- `per_path_ignores` (configuration): rule codes or prefixes not reported for inputs
  whose path matches a pattern, as ruff's `per-file-ignores`.
- A baseline (`--write-baseline FILE`, then `--baseline FILE`): the findings accepted
  once, so a run reports only new ones. Findings are matched by the fingerprint SARIF
  gives them (rule, quoted words, message), which holds however the rest of the article
  is edited; when a message changes but the rule and quoted words do not (a count in
  it moved), the finding still matches.

Accept lists and per-path ignores are applied by the `Checker` (so library runs,
`--jobs` and Dask honour them); the baseline by the command line.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from .errors import ConfigError
from .locations import source_path
from .models import Finding, Report

if TYPE_CHECKING:
    from .config import Config

ALL = ("*", "all", "ALL")
BASELINE_VERSION = 1


def fingerprint(finding: Finding) -> str:
    """The finding's identity across runs: rule, quoted words and message, never offsets.

    The same value as SARIF's `partialFingerprints["consistencyFinding/v1"]`.
    """
    quoted = "|".join(f"{s.field}:{s.text}" for s in finding.spans)
    return hashlib.sha256(f"{finding.rule}|{quoted}|{finding.message}".encode()).hexdigest()


def quotes_key(finding: Finding) -> str:
    """The finding's rule and quoted words: the looser match of a baseline entry."""
    return "|".join([finding.rule, *(f"{s.field}:{s.text}" for s in finding.spans)])


def normalise_path(path: str) -> str:
    """A path as written in baselines and matched by per-path patterns: POSIX, relative to the working folder."""
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.resolve().relative_to(Path.cwd().resolve())
        except (ValueError, OSError):
            return p.as_posix()
    text = PurePosixPath(p.as_posix()).as_posix()
    return text.removeprefix("./")


def _unknown(selectors: Iterable[str], codes: Sequence[str]) -> list[str]:
    return [s for s in selectors if s not in ALL and not any(c.startswith(s) for c in codes)]


def _term_pattern(terms: Iterable[str]) -> re.Pattern[str] | None:
    words = sorted({t.strip() for t in terms if t.strip()}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


class Suppression:
    """The configuration's accept lists and per-path ignores, checked against the known codes."""

    def __init__(self, config: Config, codes: Sequence[str]) -> None:
        accept = config.accept
        per_path = config.per_path_ignores
        bad = _unknown(accept, codes) + _unknown((c for cs in per_path.values() for c in cs), codes)
        if bad:
            raise ConfigError(f"unknown rule code or prefix in accept or per-path-ignores: {', '.join(sorted(set(bad)))} "
                              "(see `consistency rules`)")
        self._accept = [(selector, pattern) for selector, terms in accept.items()
                        if (pattern := _term_pattern(terms)) is not None]
        self._per_path = list(per_path.items())
        self.active = bool(self._accept or self._per_path)

    def accepted(self, finding: Finding) -> bool:
        """True when the finding quotes a term accepted for its rule."""
        texts = [s.text or "" for s in (*finding.spans, *finding.evidence)]
        for selector, pattern in self._accept:
            if (selector in ALL or finding.rule.startswith(selector)) and any(pattern.search(t) for t in texts):
                return True
        return False

    def ignored_codes(self, source: str) -> list[str]:
        """Codes or prefixes not reported for this input's path."""
        if not self._per_path:
            return []
        path = normalise_path(source_path(source))
        given = source_path(source).replace("\\", "/")
        ignored: list[str] = []
        for pattern, selectors in self._per_path:
            pattern = pattern.removeprefix("./").rstrip("/")
            if any(fnmatch.fnmatchcase(p, pattern) or fnmatch.fnmatchcase(p, pattern + "/*") for p in (path, given)):
                ignored.extend(selectors)
        return ignored

    def filter(self, source: str, findings: list[Finding]) -> list[Finding]:
        """The findings still reported after accept lists and per-path ignores."""
        if not self.active or not findings:
            return findings
        ignored = self.ignored_codes(source)
        if any(s in ALL for s in ignored):
            return []
        return [f for f in findings
                if not any(f.rule.startswith(s) for s in ignored) and not self.accepted(f)]


class Baseline:
    """Findings accepted earlier, by input path; `filter` takes each entry once (counts kept)."""

    def __init__(self, entries: Iterable[dict[str, Any]] = ()) -> None:
        self._exact: Counter[tuple[str, str]] = Counter()
        self._loose: Counter[tuple[str, str]] = Counter()
        for entry in entries:
            count = int(entry.get("count", 1))
            self._exact[(entry["path"], entry["fingerprint"])] += count
            self._loose[(entry["path"], entry["quotes"])] += count
        self.hidden = 0

    @classmethod
    def load(cls, path: str) -> Baseline:
        """Read a baseline written by `--write-baseline`; a one-line error when it is not one."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{path}: baseline file not found (write one with --write-baseline {path})") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read the baseline: {exc}") from None
        if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION or not isinstance(data.get("findings"), list):
            raise ConfigError(f"{path}: not a consistency baseline (version {BASELINE_VERSION}); "
                              "write one with --write-baseline")
        try:
            return cls(data["findings"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"{path}: malformed baseline entry: {exc}") from None

    def filter(self, report: Report) -> Report:
        """The report without the findings in the baseline."""
        if not report.findings:
            return report
        path = normalise_path(source_path(report.source))
        kept: list[Finding] = []
        pending: list[Finding] = []
        for finding in report.findings:  # exact fingerprints first, so a loose match cannot take another's entry
            key = (path, fingerprint(finding))
            if self._exact[key] > 0:
                self._exact[key] -= 1
                self._loose[(path, quotes_key(finding))] -= 1
                self.hidden += 1
            else:
                pending.append(finding)
        for finding in pending:
            key = (path, quotes_key(finding))
            if self._loose[key] > 0:
                self._loose[key] -= 1
                self.hidden += 1
            else:
                kept.append(finding)
        if len(kept) == len(report.findings):
            return report
        return report.model_copy(update={"findings": kept})


class BaselineWriter:
    """Collects a run's findings and writes them as a baseline, sorted for stable diffs."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._entries: Counter[tuple[str, str, str, str, str]] = Counter()

    def add(self, report: Report) -> None:
        """Remember every finding of one report."""
        path = normalise_path(source_path(report.source))
        for finding in report.findings:
            self._entries[(path, finding.rule, fingerprint(finding), quotes_key(finding), finding.message)] += 1

    @property
    def count(self) -> int:
        """Findings collected so far."""
        return sum(self._entries.values())

    def write(self, version: str) -> None:
        """Write the file; an unwritable path is a one-line error naming it."""
        findings = [{"path": p, "rule": r, "fingerprint": f, "quotes": q, "message": m, "count": n}
                    for (p, r, f, q, m), n in sorted(self._entries.items())]
        data = {"version": BASELINE_VERSION, "tool": f"consistency {version}", "findings": findings}
        try:
            Path(self.path).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"cannot write the baseline {self.path}: {exc.strerror or exc} "
                              "(give a writable path to --write-baseline)") from None
