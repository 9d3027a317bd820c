"""The worked third-party plugin (examples/consistency-example-plugin), pip-installed by the
README's test command, is discovered through its entry point like any other package."""

import json
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
pytestmark = pytest.mark.skipif(
    "consistency_example" not in {ep.name for ep in entry_points(group="consistency")},
    reason="examples/consistency-example-plugin is not installed (the README's test command installs it)",
)


def cli(*args, cwd):
    env = {**__import__("os").environ, "PYTHONPATH": str(FIXTURES)}
    result = subprocess.run([sys.executable, "-m", "consistency.cli", *args], capture_output=True, text=True, cwd=cwd, env=env)
    return result.returncode, result.stdout, result.stderr


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Council news\n\nThe council approved the the budget. A banana fell.\n", encoding="utf-8")
    return path


def test_example_plugin_listed_by_rules(tmp_path):
    code, out, _ = cli("rules", "--format", "json", cwd=tmp_path)
    rows = {r["code"]: r for r in json.loads(out)}
    assert rows["EX01"]["plugin"] == "consistency_example" and rows["EX01"]["name"] == "example.doubled-word"


def test_example_plugin_findings_appear_and_ignore_removes_them(article, tmp_path):
    code, out, _ = cli("check", str(article), "--format", "jsonl", "--select", "EX", cwd=tmp_path)
    finding = json.loads(out)["findings"][0]
    assert code == 1 and finding["rule"] == "EX01" and finding["spans"][0]["text"] == "the"
    code, out, _ = cli("check", str(article), "--format", "jsonl", "--select", "EX,TM02", "--ignore", "EX01",
                         cwd=tmp_path)  # TM02 keeps one rule selected
    assert code == 0 and json.loads(out)["findings"] == []


def test_example_plugin_crash_is_isolated(article, tmp_path):
    (tmp_path / "consistency.toml").write_text('[rules.EX01]\ncrash_on = "banana"\n')
    code, out, err = cli("check", str(article), "--format", "jsonl", "--select", "EX01,FR01", "--plugin", "fruit_plugin",
                         cwd=tmp_path)
    report = json.loads(out)
    assert [f["rule"] for f in report["findings"]] == ["FR01"]
    assert report["errors"][0]["rule"] == "EX01" and "crash on" in report["errors"][0]["message"]
    assert code == 2 and "Traceback" not in err
