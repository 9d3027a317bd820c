"""Daily-use options of `consistency check`: progress, --quiet, --statistics, --exit-zero,
--version, --format github, and the pre-commit hook definition."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from consistency.cli import main
from consistency.progress import count_articles
from consistency.reporters.github import annotation

ROOT = Path(__file__).resolve().parents[2]
FRUIT = ["--plugin", "fruit_plugin", "--select", "FR01", "--color", "never"]


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Fruit\n\nA banana fell. Another banana rolled.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Quiet\n\nNothing here.\n", encoding="utf-8")
    lines = [json.dumps({"title": "One", "text": "A banana."}), "", json.dumps({"title": "Two", "text": "No fruit."})]
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_daily_progress_has_a_total_and_moves_per_article(capsys, folder):
    assert count_articles(["a.txt", "b.txt", "c.jsonl"]) == 4 and count_articles([str(folder)]) == 4
    assert count_articles(["-"]) is None
    code, _, err = run(capsys, "check", str(folder), *FRUIT, "--progress")
    assert code == 1 and "0/4 [" in err and "article" in err


def test_daily_progress_steps_once_per_article(monkeypatch):
    import tqdm

    from consistency.progress import with_progress

    steps = []
    monkeypatch.setattr(tqdm.tqdm, "update", lambda self, n=1: steps.append(n))
    assert list(with_progress(iter("abc"), ["-"], enabled=True)) == ["a", "b", "c"] and steps == [1, 1, 1]


def test_daily_progress_is_off_when_not_a_terminal_and_with_quiet(capsys, folder):
    _, _, err = run(capsys, "check", str(folder), *FRUIT)
    assert "/4" not in err
    _, out, err = run(capsys, "check", str(folder), *FRUIT, "--progress", "--quiet")
    assert err == "" and "articles checked" not in out and "FR01" in out  # quiet: findings only


def test_daily_statistics_count_findings_per_rule(capsys, folder):
    code, out, _ = run(capsys, "check", str(folder), *FRUIT, "--statistics")
    assert code == 1 and "3  FR01   warning  fruit.banana" in out and "3  findings in 4 articles" in out
    _, out, err = run(capsys, "check", str(folder), *FRUIT, "--statistics", "--format", "jsonl")
    assert "FR01   warning" in err and all(json.loads(line) for line in out.splitlines())  # stdout stays JSON


def test_daily_exit_zero_keeps_errors(capsys, folder):
    code, *_ = run(capsys, "check", "a.txt", *FRUIT, "--exit-zero")
    assert code == 0
    code, *_ = run(capsys, "check", "a.txt", "missing.txt", *FRUIT, "--exit-zero")
    assert code == 2


def test_daily_version_lists_plugins(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    out = capsys.readouterr().out
    assert exc.value.code == 0 and out.startswith("consistency 0.1.0")
    assert "consistency_rules_temporal [article-consistency 0.1.0]: TM01, TM02, TM03, TM04" in out


def test_daily_format_github_annotates_file_lines(capsys, folder):
    code, out, _ = run(capsys, "check", "a.txt", "c.jsonl", "missing.txt", *FRUIT, "--format", "github")
    lines = out.splitlines()
    assert code == 2
    assert lines[0] == ("::warning file=a.txt,line=3,col=3,endLine=3,endColumn=9,title=FR01 fruit.banana"
                        "::banana found (confidence 1.00)")
    assert lines[2].startswith("::warning file=c.jsonl,line=1,col=") and lines[3].startswith("::error")
    assert "missing.txt: no such file" in lines[3]  # the message is data: only %, CR and LF are escaped
    assert annotation("error", "a%b\nc", {"file": "x,y:z"}) == "::error file=x%2Cy%3Az::a%25b%0Ac"


def test_daily_pre_commit_hook_runs_the_checker(folder):
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "consistency")
    assert hook["language"] == "python" and "txt" in hook["files"]
    script = Path(sys.executable).with_name("consistency")
    argv = [str(script), *shlex.split(hook["entry"])[1:], "--plugin", "fruit_plugin", "--select", "FR01", "a.txt", "b.txt"]
    done = subprocess.run(argv, capture_output=True, text=True, cwd=folder,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "tests" / "fixtures")})
    assert done.returncode == 1 and "a.txt:3:3: FR01" in done.stdout and done.stderr == ""
