"""One-line errors that name the fix: missing extra, unwritable -o, plugin files, config typos."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from consistency.cli import main
from consistency.plugin_manager import purge_plugin_manager

ROOT = Path(__file__).resolve().parents[2]
RULE = '''
import re
from consistency import Rule, hookimpl

class Cherry(Rule):
    """Flags the word cherry."""
    code = "CH01"
    name = "fruit.cherry"

    def check(self, ctx):
        for m in re.finditer(r"\\bcherry\\b", ctx.article.body):
            yield self.finding("cherry found", [ctx.span_at("body", m.start(), m.end())])

@hookimpl
def consistency_rules():
    return [Cherry]
'''


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> bool:
    return err.count("\n") == 1 and "Traceback" not in err and "internal error" not in err


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Fruit\n\nA cherry and a banana.\n", encoding="utf-8")
    return tmp_path


def test_errors_dask_extra_missing_names_the_pip_extra(capsys, folder, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if the extra were not installed
    code, _, err = run(capsys, "check", "a.txt", "--engine", "dask")
    assert code == 2 and one_line(err) and 'pip install "article-consistency[dask]"' in err


@pytest.mark.parametrize("target, message", [("missing/out.txt", "does not exist"), (".", "is a folder"),
                                             ("a.txt/out.txt", "choose a writable path")])
def test_errors_unwritable_output_names_the_path(capsys, folder, target, message):
    code, _, err = run(capsys, "check", "a.txt", "-o", target)
    assert code == 2 and one_line(err) and f"-o {target}" in err and message in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_errors_read_only_output(capsys, folder):  # pragma: no cover - CI runs as root
    locked = folder / "locked"
    locked.mkdir(mode=0o500)
    code, _, err = run(capsys, "check", "a.txt", "-o", str(locked / "out.txt"))
    assert code == 2 and one_line(err) and "choose a writable path" in err


def test_errors_plugin_as_a_file_path(capsys, folder):
    (folder / "cherry_rule.py").write_text(RULE, encoding="utf-8")
    purge_plugin_manager()
    code, out, err = run(capsys, "check", "a.txt", "--plugin", "./cherry_rule.py", "--select", "CH", "--color", "never")
    assert code == 1 and "a.txt:3:3: CH01" in out, err


def test_errors_plugin_module_in_the_working_folder_from_the_console_script(folder):
    (folder / "cherry_mod.py").write_text(RULE, encoding="utf-8")
    script = Path(sys.executable).with_name("consistency")
    done = subprocess.run([str(script), "check", "a.txt", "--plugin", "cherry_mod", "--select", "CH", "--color", "never"],
                          capture_output=True, text=True, cwd=folder)
    assert done.returncode == 1 and "CH01" in done.stdout, done.stderr
    done = subprocess.run([str(script), "check", "a.txt", "--plugin", "./cherry_mod.py", "--select", "CH", "--jobs", "2"],
                          capture_output=True, text=True, cwd=folder)
    assert done.returncode == 1 and "CH01" in done.stdout, done.stderr


@pytest.mark.parametrize("plugin, message", [("./nope.py", "plugin file './nope.py' not found"),
                                             ("no_such_rules", "--plugin ./no_such_rules.py")])
def test_errors_missing_plugin_names_the_fix(capsys, folder, plugin, message):
    purge_plugin_manager()
    code, _, err = run(capsys, "check", "a.txt", "--plugin", plugin)
    assert code == 2 and one_line(err) and message in err


@pytest.mark.parametrize("toml, expected", [
    ('selcet = ["GE"]\n', "unknown key 'selcet' (did you mean 'select'?)"),
    ('min_severty = "info"\n', "unknown key 'min-severty' (did you mean 'min-severity'?)"),
    ('[rule.GE03]\nmax_ratio = 2\n', "unknown key 'rule' (did you mean 'rules'?)"),
    ('[rules.GE03]\nmax_ratoi = 2\n', "unknown option 'max_ratoi' (did you mean 'max_ratio'?)"),
    ('select = ["GE1"]\n', "GE1 (did you mean 'GE01'?)"),
    ('per-path-ignore = {"a" = ["GE"]}\n', "(did you mean 'per-path-ignores'?)"),
])
def test_errors_config_typos_say_did_you_mean(capsys, folder, toml, expected):
    (folder / "consistency.toml").write_text(toml, encoding="utf-8")
    code, _, err = run(capsys, "check", "a.txt")
    assert code == 2 and one_line(err) and expected in err, err
