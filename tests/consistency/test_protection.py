"""Inputs are never destroyed, odd folder entries are reported, terminals and memory are safe."""

from __future__ import annotations

import json
import os
import threading

import pytest

import consistency.inputs as inputs_module
from consistency.cli import main
from consistency.config import load_config
from consistency.errors import ConfigError, KnowledgeError
from consistency.inputs import read_inputs
from consistency.knowledge import read_pack
from consistency.textsafe import printable

PLUGIN = ["--plugin", "fruit_plugin", "--select", "FR01"]
ARTICLE = "Fruit\nA banana fell.\n"


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("name", ["in.txt", "in.jsonl", "in.json"])
def test_protection_output_equal_to_an_input_is_refused(capsys, tmp_path, name):
    path = tmp_path / name
    content = ARTICLE if name.endswith(".txt") else json.dumps({"title": "Fruit", "text": "A banana fell."})
    path.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "check", str(path), *PLUGIN, "--format", "jsonl", "-o", str(path))
    assert code == 2 and "also an input" in err
    assert path.read_text(encoding="utf-8") == content


def test_protection_output_linked_to_an_input_is_refused(capsys, tmp_path):
    path = tmp_path / "in.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    os.link(path, tmp_path / "hard.txt")
    os.symlink(path, tmp_path / "soft.txt")
    for alias in ("hard.txt", "soft.txt"):
        code, _, err = run(capsys, "check", str(path), *PLUGIN, "-o", str(tmp_path / alias))
        assert code == 2 and "also an input" in err
    assert path.read_text(encoding="utf-8") == ARTICLE


def test_protection_output_inside_an_input_folder(capsys, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, _, err = run(capsys, "check", str(tmp_path), *PLUGIN, "--format", "jsonl", "-o", str(tmp_path / "r.jsonl"))
    assert code == 2 and "input folder" in err and not (tmp_path / "r.jsonl").exists()
    code, _, _ = run(capsys, "check", str(tmp_path), *PLUGIN, "--format", "html", "-o", str(tmp_path / "r.html"))
    assert code == 1 and (tmp_path / "r.html").exists()


def sources_and_errors(path):
    return [(os.path.relpath(d.source, path), d.error is not None) for d in read_inputs([str(path)])]


def test_protection_folder_symlinks_followed_once_loops_reported(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink(tmp_path / "real", tmp_path / "link")  # a second way to the same folder: walked once
    os.symlink(tmp_path, tmp_path / "real" / "loop")  # back up to the root: a loop
    os.symlink(tmp_path / "missing.txt", tmp_path / "dangling.txt")
    documents = list(read_inputs([str(tmp_path)]))
    labels = [(os.path.relpath(d.source, tmp_path), d.error) for d in documents]
    assert [label for label, _ in labels] == ["dangling.txt", "link/a.txt", "link/loop"]
    assert "dangling" in labels[0][1] and labels[1][1] is None and "loop" in labels[2][1]


def test_protection_fifo_in_a_folder_is_reported_without_blocking(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.jsonl")
    os.mkfifo(tmp_path / "other-pipe")  # no input suffix: not ours, skipped
    assert sources_and_errors(tmp_path) == [("a.txt", False), ("pipe.jsonl", True)]
    [bad] = [d for d in read_inputs([str(tmp_path)]) if d.error]
    assert "FIFO" in bad.error


def test_protection_unreadable_subfolder_is_an_error_record(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "secret").mkdir()
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("secret"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(inputs_module.os, "scandir", scandir)
    documents = list(read_inputs([str(tmp_path)]))
    assert [(os.path.basename(d.source), bool(d.error)) for d in documents] == [("a.txt", False), ("secret", True)]
    assert "Permission denied" in documents[1].error


def test_protection_fifo_named_on_the_command_line_is_read(tmp_path):
    pipe = tmp_path / "stream.jsonl"
    os.mkfifo(pipe)

    def write():
        with open(pipe, "w", encoding="utf-8") as handle:
            handle.write(json.dumps({"title": "Fruit", "text": "A banana."}) + "\n{bad\n")

    writer = threading.Thread(target=write)
    writer.start()
    documents = list(read_inputs([str(pipe)]))
    writer.join()
    assert [(d.source.rsplit(":", 1)[1], d.article is not None) for d in documents] == [("1", True), ("2", False)]


def test_protection_device_named_on_the_command_line_is_refused():
    [document] = list(read_inputs(["/dev/zero"]))
    assert "a device" in document.error


def test_protection_text_output_escapes_control_characters(capsys, tmp_path):
    path = tmp_path / "evil\x1b[2J.txt"
    path.write_text("Fruit \x1b]0;owned\x07 news\nA banana\u202e fell \x1b[31mred\x1b[0m.\x9b\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", str(path), *PLUGIN, "--color", "never")
    assert code == 1 and "banana" in out
    assert not any(c in out for c in "\x1b\x07\u202e\x9b")
    assert "\\x1b[31m" in out and "\\u202e" in out


def test_protection_printable_keeps_plain_text_and_tabs():
    assert printable("plain\ttext, «quoted» — ok") == "plain\ttext, «quoted» — ok"
    assert printable("a\nb\x00\ud800") == "a\\nb\\x00\ufffd"


@pytest.mark.parametrize("target", ["/dev/zero", "fifo"])
def test_protection_knowledge_pack_must_be_a_regular_file(tmp_path, target):
    if target == "fifo":
        target = str(tmp_path / "pack.yml")
        os.mkfifo(target)
    with pytest.raises(KnowledgeError, match="not a regular file"):
        read_pack(target)


def test_protection_knowledge_pack_from_a_found_config_exits_2(capsys, tmp_path, monkeypatch):
    (tmp_path / "consistency.toml").write_text('knowledge = ["/dev/zero"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "check", "a.txt", "--select", "HY")
    assert code == 2 and "/dev/zero" in err and "not a regular file" in err


def test_protection_knowledge_pack_size_limits(tmp_path, monkeypatch):
    import consistency.knowledge as knowledge

    big = tmp_path / "big.yml"
    big.write_text("version: 1\nname: x\n" + "# padding\n" * 200, encoding="utf-8")
    monkeypatch.setattr(knowledge, "MAX_PACK_BYTES", 1000)
    with pytest.raises(KnowledgeError, match="larger than 1000 bytes"):
        read_pack(big)
    monkeypatch.undo()
    bomb = tmp_path / "bomb.yml"
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 8)]
    bomb.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="more than 2,000,000 values"):
        read_pack(bomb)


def test_protection_config_file_must_be_a_regular_file(tmp_path):
    with pytest.raises(ConfigError, match="not a regular file"):
        load_config("/dev/zero")
    fifo = tmp_path / "consistency.toml"
    os.mkfifo(fifo)
    with pytest.raises(ConfigError, match="FIFO"):
        load_config(fifo)
    deep = tmp_path / "deep.toml"
    deep.write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="nested too deeply"):
        load_config(deep)
