"""Docs cannot drift from code: rule pages are complete, their examples behave as
documented, every hook is documented, and docs/rules.md is generated from the rules."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from consistency import hookspecs
from consistency.docs import REQUIRED_SECTIONS, SECTIONS, doc_sections, rules_markdown
from consistency.plugin_manager import get_plugin_manager
from consistency.testing import run_rule

ROOT = Path(__file__).resolve().parents[1]
BUILTIN = "consistency_rules_"


def builtin_rules():
    return [(cls, plugin) for cls, plugin in get_plugin_manager().rules().values() if plugin.startswith(BUILTIN)]


RULES = builtin_rules()
IDS = [cls.code for cls, _ in RULES]


@pytest.mark.parametrize("rule", [r for r, _ in RULES], ids=IDS)
def test_docs_rule_docstring_has_sections_in_order(rule):
    sections = doc_sections(inspect.cleandoc(rule.__doc__ or ""))
    titles = [t for t in sections if t]
    for required in REQUIRED_SECTIONS:
        assert required in titles, f"{rule.code} docstring lacks a '{required}:' section"
        assert sections[required].strip(), f"{rule.code} section '{required}' is empty"
    unknown = [t for t in titles if t not in SECTIONS]
    assert not unknown, f"{rule.code} has unknown sections {unknown}; allowed: {SECTIONS}"
    assert titles == [t for t in SECTIONS if t in titles], f"{rule.code} sections out of order: {titles}"


@pytest.mark.parametrize("rule", [r for r, _ in RULES], ids=IDS)
def test_docs_rule_example_is_flagged(rule):
    example = doc_sections(inspect.cleandoc(rule.__doc__ or ""))["Example"]
    options = getattr(rule, "doc_example_options", {})  # e.g. the knowledge pack KB01's example needs
    findings = run_rule(rule.code, example, min_severity=str(rule.default_severity), **options)
    assert findings, f"{rule.code}: its documented Example is not flagged at {rule.default_severity}"


@pytest.mark.parametrize("rule", [r for r, _ in RULES], ids=IDS)
def test_docs_rule_not_flagged_passes(rule):
    clean = doc_sections(inspect.cleandoc(rule.__doc__ or ""))["Not flagged"]
    options = getattr(rule, "doc_example_options", {})
    findings = run_rule(rule.code, clean, min_severity="warning", **options)
    assert not findings, f"{rule.code}: its 'Not flagged' text is flagged: {[f.message for f in findings]}"


def test_docs_every_hook_is_documented_with_its_signature():
    text = (ROOT / "docs" / "hooks.md").read_text(encoding="utf-8")
    for name, spec in inspect.getmembers(hookspecs, inspect.isfunction):
        if not name.startswith("consistency_"):
            continue
        params = ", ".join(inspect.signature(spec).parameters)
        assert f"## {name}({params})" in text, f"docs/hooks.md lacks a '## {name}({params})' heading"


def test_docs_rules_md_is_generated_from_the_rules():
    expected = rules_markdown(cls.info(plugin) for cls, plugin in RULES)
    actual = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/rules.md is stale: run `python -m consistency.docs > docs/rules.md`"
