"""Locations in the input file: text output's path:LINE:COL points at the quoted words, as SARIF's."""

from __future__ import annotations

import json
import re

import pytest

from consistency.cli import main
from consistency.locations import Locator, place_json_object, source_path
from consistency.models import Article

PLUGIN = ["--plugin", "scale_plugin", "--select", "SC", "--color", "never", "--min-severity", "info"]
HEAD = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+\d+) ")
EVIDENCE = re.compile(r"^    = evidence (?P<path>.+?):(?P<line>\d+):(?P<col>\d+): ")
QUOTE = re.compile(r"«(?P<quote>[^»]+)»")
ARTICLE = "Paris talks resume\n\nOfficials met in Paris on Monday.\nLater, Paris hosted the talks.\n"


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def located_quotes(out: str):
    """(path, line, column, quoted text) of each finding head and evidence line of a text report."""
    lines = out.splitlines()
    for i, line in enumerate(lines):
        match = HEAD.match(line) or EVIDENCE.match(line)
        if not match:
            continue
        quoted = lines[i + 1] if HEAD.match(line) else line
        yield match["path"], int(match["line"]), int(match["col"]), QUOTE.search(quoted)["quote"]


@pytest.mark.slow
@pytest.mark.parametrize("content", [ARTICLE, "\n\n  " + ARTICLE, "\ufeff" + ARTICLE.replace("\n", "\r\n")],
                         ids=["plain", "leading-blank-lines", "bom-crlf"])
def test_locations_text_output_points_at_the_quote_in_the_file(capsys, tmp_path, content):
    path = tmp_path / "paris.txt"
    path.write_bytes(content.encode("utf-8"))
    code, out, _ = run(capsys, "check", str(path), *PLUGIN)
    file_lines = path.read_bytes().decode("utf-8-sig").split("\n")
    seen = set()
    for where, line, column, quote in located_quotes(out):
        assert where == str(path)
        assert file_lines[line - 1][column - 1:].startswith(quote), (line, column, quote)
        seen.add(line)
    assert code == 1 and len(seen) >= 3  # the title line and two body lines


@pytest.mark.slow
def test_locations_text_equals_sarif(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "paris.txt").write_text("\n" + ARTICLE, encoding="utf-8")
    _, text, _ = run(capsys, "check", "paris.txt", *PLUGIN)
    run(capsys, "check", "paris.txt", *PLUGIN, "--format", "sarif", "-o", "out.sarif")
    results = json.loads((tmp_path / "out.sarif").read_text())["runs"][0]["results"]
    sarif = [(r["locations"][0]["physicalLocation"]["region"]["startLine"],
              r["locations"][0]["physicalLocation"]["region"]["startColumn"]) for r in results]
    heads = [(int(m["line"]), int(m["col"])) for m in map(HEAD.match, text.splitlines()) if m]
    assert heads == sarif and heads[0] == (2, 1)


@pytest.mark.slow
def test_locations_jsonl_and_json_columns_walk_escapes(capsys, tmp_path):
    article = {"id": "x", "title": "Paris \u00e9 talks", "text": 'Officials met in Paris.\nLater, "Paris" hosted.'}
    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_text(json.dumps({"title": "Nothing"}) + "\n\n" + json.dumps(article) + "\n", encoding="utf-8")
    array = tmp_path / "batch.json"
    array.write_text(json.dumps([{"title": "Other", "body": "x"}, article], indent=2), encoding="utf-8")
    code, out, _ = run(capsys, "check", str(jsonl), str(array), *PLUGIN)
    checked = 0
    for where, line, column, quote in located_quotes(out):
        raw_line = (tmp_path / where.rsplit("/", 1)[-1]).read_text(encoding="utf-8").split("\n")[line - 1]
        assert raw_line[column - 1:].startswith(quote), (where, line, column, quote)
        checked += 1
    assert checked >= 10 and f"{jsonl}:3:" in out and f"{array}:" in out
    _, out, _ = run(capsys, "check", str(jsonl), *PLUGIN, "--format", "jsonl")
    report = [json.loads(line) for line in out.splitlines()][-1]
    span = report["findings"][-1]["spans"][0]
    assert span["start"] < span["end"] and span["location"]["line"] == 3 and span["location"]["offset"] is None


@pytest.mark.slow
def test_locations_json_output_adds_file_line_and_column(capsys, tmp_path):
    path = tmp_path / "paris.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    _, out, _ = run(capsys, "check", str(path), *PLUGIN, "--format", "json")
    report = json.loads(out)
    text = path.read_text(encoding="utf-8")
    for finding in report["findings"]:
        for span in finding["spans"] + finding["evidence"]:
            assert report["article"][span["field"]][span["start"]:span["end"]] == span["text"]  # offsets kept
            where = span["location"]
            assert text[where["offset"]:where["end_offset"]] == span["text"]
            assert text.split("\n")[where["line"] - 1][where["column"] - 1:where["end_column"] - 1] == span["text"]


@pytest.mark.slow
def test_locations_stdin_falls_back_to_field_offsets(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    done = subprocess.run([sys.executable, "-m", "consistency.cli", "check", "-", *PLUGIN], input=ARTICLE.encode(),
                          capture_output=True, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(fixtures)})
    assert "-:title:1:1: SC02" in done.stdout.decode() and "-:body:1:18: SC01" in done.stdout.decode()


def test_locations_a_field_that_does_not_decode_to_the_article_is_not_placed():
    article = Article(title="Paris", body="changed")
    assert set(place_json_object('{"title": "Paris", "body": "original"}', 0, article)) == {"title"}
    assert place_json_object("[1, 2]", 0, article) == {}
    assert source_path("a.txt") == "a.txt" and source_path("-") == "-"


def test_locations_locator_ignores_missing_files():
    from consistency.models import Finding, Report, Span

    report = Report(source="gone.txt", article=Article(title="T", body="b"),
                    findings=[Finding(rule="XX01", message="m", spans=[Span(field="title", start=0, end=1, text="T")])])
    assert Locator().locate(report) == report
