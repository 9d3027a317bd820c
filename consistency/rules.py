"""The `Rule` base class, rule validation and selection by code prefix.

A rule is a class with plain attributes (code, name, summary, default severity,
options) and a `check(ctx)` generator. The class docstring is its documentation:
its first line is the summary unless `summary` is set.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import ConfigError, PluginError, did_you_mean
from .models import Finding, RuleInfo, Severity, Span

if TYPE_CHECKING:
    from .analysis import ArticleAnalysis

CODE_PATTERN = re.compile(r"^[A-Z][A-Z0-9]*[A-Z][0-9]{2,4}$")
NAME_PATTERN = re.compile(r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$")


class Options(BaseModel):
    """Base for a rule's options: unknown keys are errors, not silent no-ops."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Rule:
    """Base class of every rule. Subclass it, set the attributes, write `check`."""

    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str] = ""
    category: ClassVar[str] = ""
    default_severity: ClassVar[Severity] = Severity.warning
    stability: ClassVar[Literal["stable", "preview"]] = "stable"
    requires: ClassVar[tuple[str, ...]] = ()
    Options: ClassVar[type[Options]] = Options

    def __init__(self, options: dict[str, Any] | BaseModel | None = None) -> None:
        try:
            if isinstance(options, BaseModel):
                options = options.model_dump()
            self.options = type(self).Options.model_validate(options or {})
        except ValidationError as exc:
            fields = type(self).Options.model_fields
            problems = "; ".join(
                f"unknown option {err['loc'][-1]!r}{did_you_mean(str(err['loc'][-1]), fields)}"
                if err["type"] == "extra_forbidden" and err["loc"]
                else f"{'.'.join(str(p) for p in err['loc']) or 'options'}: {err['msg']}"
                for err in exc.errors()
            )
            raise ConfigError(f"options of rule {self.code}: {problems}") from None

    def check(self, ctx: ArticleAnalysis) -> Iterable[Finding]:
        """Yield the findings of this rule in one article. No I/O, no model loading."""
        raise NotImplementedError

    def finding(
        self,
        message: str,
        spans: Sequence[Span],
        evidence: Sequence[Span] = (),
        *,
        confidence: float = 1.0,
        severity: Severity | str | None = None,
        suggestion: str | None = None,
        data: dict[str, Any] | None = None,
    ) -> Finding:
        """Build a `Finding` with this rule's code, name and category filled in."""
        return Finding(
            rule=self.code,
            name=self.name,
            category=rule_category(type(self)),
            message=message,
            spans=list(spans),
            evidence=list(evidence),
            confidence=round(confidence, 3),
            severity=Severity(severity) if severity is not None else None,
            suggestion=suggestion,
            data=data or {},
        )

    @classmethod
    def info(cls, plugin: str = "") -> RuleInfo:
        """The rule's metadata as a `RuleInfo`."""
        return RuleInfo(
            code=cls.code,
            name=cls.name,
            summary=rule_summary(cls),
            category=rule_category(cls),
            default_severity=Severity(cls.default_severity),
            stability=cls.stability,
            plugin=plugin,
            doc=inspect.cleandoc(cls.__doc__ or ""),
            options=cls.Options().model_dump(mode="json") if _has_defaults(cls.Options) else {},
        )


def rule_summary(rule: type[Rule]) -> str:
    """The explicit `summary`, else the first line of the docstring."""
    if rule.summary:
        return rule.summary
    doc = inspect.cleandoc(rule.__doc__ or "")
    return doc.splitlines()[0].strip() if doc else ""


def rule_category(rule: type[Rule]) -> str:
    """The explicit `category`, else the family part of the dotted name."""
    return rule.category or rule.name.split(".")[0]


def _has_defaults(model: type[BaseModel]) -> bool:
    return all(not f.is_required() for f in model.model_fields.values())


def validate_rule_class(rule: Any, plugin: str) -> type[Rule]:
    """Check a class returned by `consistency_rules` before it can be used."""
    where = f"plugin {plugin!r}"
    if not (inspect.isclass(rule) and issubclass(rule, Rule)):
        raise PluginError(f"{where} returned {rule!r}, which is not a consistency.Rule subclass")
    code = getattr(rule, "code", None)
    if not isinstance(code, str) or not CODE_PATTERN.match(code):
        raise PluginError(f"{where}: rule {rule.__name__} has code {code!r}; codes are capitals then digits, e.g. 'GE01'")
    name = getattr(rule, "name", None)
    if not isinstance(name, str) or not NAME_PATTERN.match(name):
        raise PluginError(f"{where}: rule {code} has name {name!r}; names are dotted kebab-case, e.g. 'geography.city-country'")
    if not rule_summary(rule):
        raise PluginError(f"{where}: rule {code} has neither a summary nor a docstring")
    if rule.check is Rule.check:
        raise PluginError(f"{where}: rule {code} does not implement check(self, ctx)")
    if not (inspect.isclass(rule.Options) and issubclass(rule.Options, BaseModel)):
        raise PluginError(f"{where}: rule {code} Options must be a pydantic model")
    try:
        Severity(rule.default_severity)
    except ValueError:
        raise PluginError(f"{where}: rule {code} default_severity {rule.default_severity!r} is not info/warning/error") from None
    return rule


def matches(code: str, selectors: Iterable[str]) -> bool:
    """True when one of the selectors is a prefix of the code ("GE" selects "GE01")."""
    return any(code.startswith(s) for s in selectors)


def select_rules(
    codes: Sequence[str],
    select: Sequence[str] | None,
    ignore: Sequence[str],
    preview: bool,
    preview_codes: set[str],
) -> list[str]:
    """Codes to run: selected (all stable ones by default), minus ignored.

    A preview rule runs only when `preview` is on or it is selected by its full code,
    as ruff's preview rules are opt-in.
    """
    chosen: list[str] = []
    for code in codes:
        if select is not None and not matches(code, select):
            continue
        if matches(code, ignore):
            continue
        if code in preview_codes and not (preview or (select is not None and code in select)):
            continue
        chosen.append(code)
    return chosen


def unknown_selectors(selectors: Iterable[str], codes: Iterable[str]) -> list[str]:
    """Selectors that match no known code: a typo should be an error."""
    known = list(codes)
    return [s for s in selectors if s not in ("ALL",) and not any(c.startswith(s) for c in known)]


def iter_rule_docs(rules: Iterable[type[Rule]]) -> Iterator[RuleInfo]:
    """RuleInfo for each class, sorted by code."""
    for rule in sorted(rules, key=lambda r: r.code):
        yield rule.info()
