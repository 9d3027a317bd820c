"""Silencing known false alarms: accept lists, per-path ignores and baselines, from the CLI."""

from __future__ import annotations

import json

import pytest

from consistency.cli import main
from consistency.config import Config
from consistency.models import Finding, Report, Span
from consistency.reporters.sarif import sarif_result, SourceMap
from consistency.suppression import Baseline, fingerprint

FRUIT = ["--plugin", "fruit_plugin", "--select", "FR01", "--format", "jsonl"]
TEXT = "Fruit news\n\nA banana fell from the tree. A Banana rolled on.\n"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "fruit.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def findings(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, [f for line in out.splitlines() for f in json.loads(line)["findings"]], err


def test_suppression_accept_list_for_every_rule(capsys, folder):
    code, found, _ = findings(capsys, "check", "fruit.txt", *FRUIT)
    assert code == 1 and len(found) == 1  # "banana" (the rule's pattern is case-sensitive)
    (folder / "consistency.toml").write_text('accept = ["BANANA"]\n')  # terms match whole words, any case
    code, found, _ = findings(capsys, "check", "fruit.txt", *FRUIT)
    assert code == 0 and found == []


def test_suppression_accept_table_per_rule(capsys, folder):
    (folder / "consistency.toml").write_text('[accept]\nNM = ["banana"]\nall = ["apple"]\n')
    code, found, _ = findings(capsys, "check", "fruit.txt", *FRUIT)
    assert code == 1 and len(found) == 1  # accepted for NM rules only
    (folder / "consistency.toml").write_text('[accept]\nFR01 = ["banana"]\n')
    code, found, _ = findings(capsys, "check", "fruit.txt", *FRUIT)
    assert code == 0 and found == []


def test_suppression_accept_needs_whole_words(capsys, folder):
    (folder / "consistency.toml").write_text('accept = ["ban"]\n')
    _, found, _ = findings(capsys, "check", "fruit.txt", *FRUIT)
    assert len(found) == 1


def test_suppression_accept_unknown_code_exits_2(capsys, folder):
    (folder / "consistency.toml").write_text('[accept]\nQQ01 = ["banana"]\n')
    code, _, err = findings(capsys, "check", "fruit.txt", *FRUIT)
    assert code == 2 and "QQ01" in err and err.count("\n") == 1


def test_suppression_per_path_ignores(capsys, folder):
    (folder / "archive").mkdir()
    (folder / "archive" / "old.txt").write_text(TEXT, encoding="utf-8")
    (folder / "consistency.toml").write_text('[per-path-ignores]\n"archive" = ["FR"]\n"*.jsonl" = ["ALL"]\n')
    code, found, _ = findings(capsys, "check", "fruit.txt", "archive", *FRUIT)
    assert code == 1 and len(found) == 1
    code, found, _ = findings(capsys, "check", str(folder / "archive" / "old.txt"), *FRUIT)  # absolute path too
    assert code == 0 and found == []


def test_suppression_baseline_reports_only_new_findings(capsys, folder):
    code, _, err = findings(capsys, "check", "fruit.txt", *FRUIT, "--write-baseline", "baseline.json")
    assert code == 0 and "wrote 1 finding to the baseline baseline.json" in err
    entry = json.loads((folder / "baseline.json").read_text())["findings"][0]
    assert entry["path"] == "fruit.txt" and entry["rule"] == "FR01" and entry["count"] == 1
    code, found, err = findings(capsys, "check", "fruit.txt", *FRUIT, "--baseline", "baseline.json")
    assert code == 0 and found == [] and "1 finding in the baseline" in err
    # Edits elsewhere move the finding to another line and offset: still in the baseline.
    (folder / "fruit.txt").write_text("Fruit news\n\nMarkets opened.\n\nStill, a banana fell from the tree.\n", encoding="utf-8")
    code, found, _ = findings(capsys, "check", "fruit.txt", *FRUIT, "--baseline", "baseline.json")
    assert code == 0 and found == []
    # A second banana is new.
    (folder / "fruit.txt").write_text("Fruit news\n\nA banana fell. Then a banana rolled.\n", encoding="utf-8")
    code, found, _ = findings(capsys, "check", "fruit.txt", *FRUIT, "--baseline", "baseline.json")
    assert code == 1 and len(found) == 1


def test_suppression_baseline_fingerprint_is_sarif_s_and_message_changes_still_match():
    span = Span(field="body", start=0, end=9, text="Belarusia")
    old = Finding(rule="NM01", message="'Belarusia' ... uses 15 times", spans=[span])
    new = old.model_copy(update={"message": "'Belarusia' ... uses 16 times"})
    report = Report(source="-", findings=[old])
    assert sarif_result(old, report, SourceMap(None))["partialFingerprints"]["consistencyFinding/v1"] == fingerprint(old)
    baseline = Baseline([{"path": "a.txt", "fingerprint": fingerprint(old), "quotes": "NM01|body:Belarusia"}])
    assert baseline.filter(Report(source="a.txt", findings=[new])).findings == []
    assert baseline.filter(Report(source="a.txt", findings=[new])).findings == [new]  # each entry is used once


@pytest.mark.parametrize("content, message", [(None, "baseline file not found"), ("{", "cannot read the baseline"),
                                              ('{"version": 9}', "not a consistency baseline")])
def test_suppression_bad_baseline_exits_2_with_one_line(capsys, folder, content, message):
    if content is not None:
        (folder / "baseline.json").write_text(content)
    code, _, err = findings(capsys, "check", "fruit.txt", *FRUIT, "--baseline", "baseline.json")
    assert code == 2 and message in err and err.count("\n") == 1


def test_suppression_config_forms():
    assert Config(accept=["Kyiv"]).accept == {"*": ["Kyiv"]}
    assert Config(accept={"all": "Kyiv", "NM01": ["Belarusia"]}).accept == {"*": ["Kyiv"], "NM01": ["Belarusia"]}
    assert Config(per_path_ignores={"wire/*": "HY, NM01"}).per_path_ignores == {"wire/*": ["HY", "NM01"]}
