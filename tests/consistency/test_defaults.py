"""Quieter defaults from the command line: info hidden unless asked, errors that mean it, no silent empty runs."""

from __future__ import annotations

import json

import pytest

from consistency.cli import main

SCALE = ["--plugin", "scale_plugin", "--select", "SC", "--format", "jsonl"]
WEEKDAY = "Summit date set\n\nThe leaders will meet on Tuesday, March 3, 2021, in Geneva.\n"


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def article(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "paris.txt"
    path.write_text("Paris talks\n\nOfficials met in Paris.\n", encoding="utf-8")
    return path


def severities(out):
    return sorted(f["severity"] for line in out.splitlines() for f in json.loads(line)["findings"])


@pytest.mark.slow
def test_defaults_info_hidden_unless_show_info_or_configured(capsys, article, tmp_path):
    _, out, _ = run(capsys, "check", str(article), *SCALE)
    assert severities(out) == ["warning"]  # SC02 (info) is hidden
    _, out, _ = run(capsys, "check", str(article), *SCALE, "--show-info")
    assert severities(out) == ["info", "warning"]
    _, out, _ = run(capsys, "check", str(article), *SCALE, "--min-severity", "info")
    assert severities(out) == ["info", "warning"]
    (tmp_path / "consistency.toml").write_text('min-severity = "info"\n')
    _, out, _ = run(capsys, "check", str(article), *SCALE)
    assert severities(out) == ["info", "warning"]


@pytest.mark.slow
def test_defaults_weekday_with_stated_year_is_an_error_and_fail_on_error_fires(capsys, tmp_path):
    path = tmp_path / "summit.txt"
    path.write_text(WEEKDAY, encoding="utf-8")
    code, out, _ = run(capsys, "check", str(path), "--select", "TM02", "--fail-on", "error", "--format", "jsonl")
    assert code == 1 and severities(out) == ["error"]
    path.write_text("Summit date set\n\nThe leaders will meet on Tuesday, March 4 in Geneva.\n(c) 2021 The Bugle\n",
                    encoding="utf-8")  # the year comes from the copyright line: a warning
    code, out, _ = run(capsys, "check", str(path), "--select", "TM02", "--fail-on", "error", "--format", "jsonl")
    assert code == 0 and severities(out) == ["warning"]


@pytest.mark.parametrize("selection", [["--select", "GE", "--ignore", "GE"], ["--select", "KB01", "--ignore", "KB"]])
def test_defaults_no_rule_selected_exits_2_with_a_message(capsys, article, selection):
    code, out, err = run(capsys, "check", str(article), *selection)
    assert code == 2 and out == "" and "no rule selected" in err and err.count("\n") == 1


def test_defaults_no_rule_selected_in_eval_exits_2(capsys, article):
    article.rename(article.with_name("paris.clean.txt"))
    code, _, err = run(capsys, "eval", str(article.parent), "--select", "GE", "--ignore", "GE")
    assert code == 2 and "no rule selected" in err
