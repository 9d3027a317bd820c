"""The CLI's verbs, formats and exit codes: a public contract."""

import json
import subprocess
import sys

import pytest

from consistency.cli import main

PLUGIN = ["--plugin", "fruit_plugin", "--select", "FR01"]


@pytest.fixture
def banana_file(tmp_path):
    path = tmp_path / "fruit.txt"
    path.write_text("Fruit news\n\nA banana fell from the tree.\n", encoding="utf-8")
    return path


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_check_text_shows_code_message_and_quote(capsys, banana_file):
    code, out, _ = run(capsys, "check", str(banana_file), *PLUGIN, "--color", "never")
    assert code == 1
    assert "FR01" in out and "banana found" in out and "«banana»" in out and "fruit.txt:3:3: FR01" in out


def test_cli_exit_0_when_nothing_at_fail_on(capsys, banana_file):
    code, *_ = run(capsys, "check", str(banana_file), *PLUGIN, "--fail-on", "error")
    assert code == 0


def test_cli_ignore_removes_findings(capsys, banana_file):
    code, out, _ = run(capsys, "check", str(banana_file), "--plugin", "fruit_plugin", "--ignore", "FR01", "--format", "jsonl",
                       "--select", "FR,TM02")  # TM02 keeps one rule selected
    assert code == 0 and json.loads(out)["findings"] == []


def test_cli_missing_file_exits_2_with_one_line(capsys, tmp_path):
    code, out, err = run(capsys, "check", str(tmp_path / "nope.txt"), "--format", "jsonl")
    assert code == 2
    assert err.strip().count("\n") == 0 and "no such file" in err and "Traceback" not in err
    assert json.loads(out)["errors"][0]["kind"] == "input"


@pytest.mark.parametrize("content, message", [(b"", "empty"), (b"   \n\n", "empty"), (b"\x00\x01\x02binary", "not a text file"),
                                              (b"\xff\xfe\xfa bad", "not UTF-8")])
def test_cli_bad_files_give_clear_messages(capsys, tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    code, out, err = run(capsys, "check", str(path), "--format", "jsonl")
    assert code == 2 and message in err and "Traceback" not in err


def test_cli_jsonl_malformed_line_yields_error_record_in_order(capsys, tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"title": "One", "text": "A banana."}), "{not json", json.dumps({"title": "Three", "text": "Fine."}),
             json.dumps([1, 2])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", str(path), *PLUGIN, "--format", "jsonl")
    reports = [json.loads(line) for line in out.splitlines()]
    assert [r["source"] for r in reports] == [f"{path}:1", f"{path}:2", f"{path}:3", f"{path}:4"]
    assert [bool(r["errors"]) for r in reports] == [False, True, False, True]
    assert len(reports[0]["findings"]) == 1 and code == 2


def test_cli_json_one_input_is_an_object_several_an_array(capsys, banana_file, tmp_path):
    _, out, _ = run(capsys, "check", str(banana_file), *PLUGIN, "--format", "json")
    assert isinstance(json.loads(out), dict)
    other = tmp_path / "other.txt"
    other.write_text("Other\nNothing here.", encoding="utf-8")
    _, out, _ = run(capsys, "check", str(banana_file), str(other), *PLUGIN, "--format", "json")
    data = json.loads(out)
    assert isinstance(data, list) and [r["source"] for r in data] == [str(banana_file), str(other)]


def test_cli_offsets_index_echoed_fields(capsys, banana_file):
    _, out, _ = run(capsys, "check", str(banana_file), *PLUGIN, "--format", "json")
    report = json.loads(out)
    for finding in report["findings"]:
        for span in finding["spans"] + finding["evidence"]:
            assert report["article"][span["field"]][span["start"]:span["end"]] == span["text"]


def test_cli_folder_is_walked_in_sorted_order(capsys, tmp_path):
    (tmp_path / "b.txt").write_text("B\nbanana", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("A\nnothing", encoding="utf-8")
    (tmp_path / "ignored.bin").write_bytes(b"\x00")
    _, out, _ = run(capsys, "check", str(tmp_path), *PLUGIN, "--format", "jsonl")
    assert [json.loads(line)["source"] for line in out.splitlines()] == [str(tmp_path / "b.txt"), str(tmp_path / "sub" / "a.txt")]


def test_cli_stdin_source_is_dash(banana_file):
    result = subprocess.run([sys.executable, "-m", "consistency.cli", "check", "-", "--format", "jsonl", *PLUGIN],
                            input=banana_file.read_bytes(), capture_output=True, cwd=banana_file.parent,
                            env={**__import__("os").environ, "PYTHONPATH": str(__import__("pathlib").Path(__file__).parents[1] / "fixtures")})
    report = json.loads(result.stdout)
    assert report["source"] == "-" and report["findings"][0]["rule"] == "FR01"


def test_cli_unknown_rule_code_exits_2(capsys, banana_file):
    code, _, err = run(capsys, "check", str(banana_file), "--select", "QQ77")
    assert code == 2 and "QQ77" in err and "E001" in err


def test_cli_unknown_format_exits_2(capsys, banana_file):
    code, _, err = run(capsys, "check", str(banana_file), "--format", "yaml")
    assert code == 2 and "unknown format" in err


def test_cli_rules_lists_plugin_rules_with_metadata(capsys):
    code, out, _ = run(capsys, "rules", "--plugin", "fruit_plugin", "--format", "json")
    rows = {r["code"]: r for r in json.loads(out)}
    assert code == 0 and rows["FR01"]["name"] == "fruit.banana" and rows["FR01"]["plugin"] == "fruit_plugin"
    assert rows["FR01"]["default_severity"] == "warning" and rows["FR01"]["summary"] == "Flags the word banana."


def test_cli_explain_prints_rule_doc(capsys):
    code, out, _ = run(capsys, "explain", "FR01", "--plugin", "fruit_plugin")
    assert code == 0 and "fruit.banana" in out and "Flags the word banana." in out


def test_cli_explain_unknown_code_exits_2(capsys):
    code, _, err = run(capsys, "explain", "QQ00")
    assert code == 2 and "unknown rule" in err


def test_cli_plugins_lists_builtin_families(capsys):
    code, out, _ = run(capsys, "plugins", "--format", "json")
    names = {r["name"] for r in json.loads(out)}
    assert code == 0 and "consistency_rules_geography" in names and "consistency_rules_naming" in names


def test_cli_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check"])
    assert exc.value.code == 2


def test_cli_output_file(capsys, banana_file, tmp_path):
    target = tmp_path / "out.jsonl"
    code, out, _ = run(capsys, "check", str(banana_file), *PLUGIN, "--format", "jsonl", "-o", str(target))
    assert out == "" and json.loads(target.read_text())["findings"][0]["rule"] == "FR01"
