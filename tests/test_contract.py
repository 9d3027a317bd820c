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


def test_contract_pytest_is_only_a_test_dependency():
    from consistency.config import tomllib  # tomllib, or tomli on Python 3.10

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert not [d for d in project["dependencies"] if d.lower().startswith("pytest")]
    assert any(d.startswith("pytest") for d in project["optional-dependencies"]["test"])


def test_contract_import_and_testing_helpers_work_without_pytest(tmp_path):
    import subprocess
    import sys

    blocker = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'pytest' or name.startswith(('pytest.', '_pytest')):\n"
        "            raise ImportError('pytest is blocked')\n"
        "sys.meta_path.insert(0, Block())\n"
        "import consistency, consistency.testing, consistency.cli, consistency.reporters.html\n"
        "from consistency.testing import make_article\n"
        "assert make_article('Head\\nBody').title == 'Head'\n"
        "assert 'pytest' not in sys.modules\n"
        "sys.exit(consistency.cli.main(['rules', '--format', 'json']) or 0)\n"
    )
    done = subprocess.run([sys.executable, "-c", blocker], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
