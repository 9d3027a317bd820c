"""consistency: find where news articles contradict themselves or plain public facts.

    from consistency import Article, Checker
    report = Checker().check(Article.from_text(open("article.txt").read()))
    for finding in report.findings:
        print(finding.rule, finding.message)
"""

from __future__ import annotations

from .analysis import ArticleAnalysis, Entity
from .checker import Checker
from .config import Config, load_config
from .errors import ConfigError, ConsistencyError, InputError, KnowledgeError, ModelNotFoundError, PluginError
from .hookspecs import hookimpl, hookspec
from .models import Article, FileLocation, Finding, Report, ReportError, RuleInfo, Severity, Span
from .rules import Options, Rule

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleAnalysis",
    "Checker",
    "Config",
    "ConfigError",
    "ConsistencyError",
    "Entity",
    "FileLocation",
    "Finding",
    "InputError",
    "KnowledgeError",
    "ModelNotFoundError",
    "Options",
    "PluginError",
    "Report",
    "ReportError",
    "Rule",
    "RuleInfo",
    "Severity",
    "Span",
    "hookimpl",
    "hookspec",
    "load_config",
    "__version__",
]
