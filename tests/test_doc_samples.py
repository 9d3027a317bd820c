"""Sample outputs in docs/ are real: each is compared with a run of the command it shows.

When a rule's message or the report format changes, these fail and name the page to update.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from consistency.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = "examples/seed_article.txt"

pytestmark = pytest.mark.slow


def block(page: str, after: str, language: str) -> str:
    """The first fenced block of `language` after the text `after` in docs/`page`."""
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    rest = text[text.index(after):]
    return re.search(rf"```{language}\n(.*?)\n```", rest, re.S).group(1)


def run(capsys, monkeypatch, cwd: Path, *args: str) -> tuple[str, str]:
    monkeypatch.chdir(cwd)
    main(list(args))
    return capsys.readouterr()


def test_doc_samples_index_text_finding_is_real_output(capsys, monkeypatch):
    sample = block("index.md", "A text finding reads", "text")
    out, _ = run(capsys, monkeypatch, ROOT, "check", SEED, "--color", "never")
    assert sample in out, "docs/index.md: the text sample is stale; paste the GE01 finding of `consistency check " + SEED + "`"


def test_doc_samples_json_format_sample_is_real_output(capsys, monkeypatch):
    sample = json.loads(block("json-format.md", "--select GE01 --format json` prints", "json"))
    out, _ = run(capsys, monkeypatch, ROOT, "check", SEED, "--select", "GE01", "--format", "json")
    actual = json.loads(out)
    actual["article"].update(title="…", body="…")
    assert sample == actual, "docs/json-format.md: the sample report is stale"


def test_doc_samples_html_and_baseline_messages_are_real(capsys, monkeypatch, tmp_path):
    seed = str(ROOT / SEED)
    html = block("reports.md", "## HTML", "console").splitlines()
    _, err = run(capsys, monkeypatch, tmp_path, "check", seed, "--format", "html")
    assert html[1] == err.strip(), "docs/reports.md: the message of --format html without -o is stale"
    console = block("configuration.md", "A baseline", "console").splitlines()
    expected = [line for line in console if line.startswith("consistency: ")]
    _, written = run(capsys, monkeypatch, tmp_path, "check", seed, "--write-baseline", "consistency-baseline.json")
    _, checked = run(capsys, monkeypatch, tmp_path, "check", seed, "--baseline", "consistency-baseline.json")
    for doc_line, real in zip(expected, [written.strip(), checked.strip().splitlines()[-1]]):
        assert re.sub(r"\d+", "N", doc_line) == re.sub(r"\d+", "N", real), f"docs/configuration.md: {doc_line!r}"
