"""The public contract: JSON schema of reports, exported names, and the core/plugins boundary."""

import json
import re
from pathlib import Path

import consistency
from consistency import Report

ROOT = Path(__file__).resolve().parents[1]


def test_contract_report_schema_is_current():
    expected = json.loads((ROOT / "docs" / "report.schema.json").read_text())
    assert Report.model_json_schema() == expected, "regenerate docs/report.schema.json (see docs/json-format.md)"


def test_contract_public_names():
    for name in ("Article", "Span", "Finding", "Severity", "Report", "Rule", "Checker", "hookimpl", "hookspec"):
        assert hasattr(consistency, name)


def test_contract_core_never_imports_builtin_plugins():
    pattern = re.compile(r"^\s*(from|import)\s+consistency_plugins", re.M)
    offenders = [str(p) for p in (ROOT / "consistency").rglob("*.py") if pattern.search(p.read_text(encoding="utf-8"))]
    assert not offenders, f"the core must not import consistency_plugins: {offenders}"
