"""Hostile input costs only itself: per-line and per-item error records, every format stays valid."""

from __future__ import annotations

import io
import json
import tracemalloc
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

from consistency import Article
from consistency.cli import main
from consistency.inputs import jsonl_stream, read_inputs
from consistency.reporters.sarif import SCHEMA_PATH

PLUGIN = ["--plugin", "fruit_plugin", "--select", "FR01"]
GOOD = json.dumps({"title": "Fruit", "text": "A banana fell."}).encode()


def deep(levels: int) -> str:
    return "[" * levels + "]" * levels


# (line bytes, expected: None for a checked article, else a word of its error message)
HOSTILE_LINES = [
    (GOOD, None),
    (b'{"title": "T", "text": "B", "metadata": "not an object"}', "metadata"),
    (b'{"title": "T", "text": "B", "metadata": 5}', "metadata"),
    (b'{"title": "T", "text": "B", "count": ' + b"7" * 5000 + b"}", "4,300 digits"),
    (b'{"title": "T", "text": "B", "x": ' + deep(5000).encode() + b"}", "nested too deeply"),
    (b'{"title": "T", "text": "B", "x": ' + deep(200).encode() + b"}", "nested deeper"),
    (b'{"title": "T", "text": "a lone \\ud800 surrogate and a banana"}', None),
    (b'{"title": "T", "text": "NUL \x00 here"}', "NUL byte"),
    (b'{"title": "T", "text": "bad \xff byte"}', "not UTF-8"),
    ('{"title": "T", "text": "line\u2028separator, next\u0085line, a banana"}'.encode(), None),
    (b'{"title": "T", "text": "form\x0cfeed"}', "invalid JSON"),
    (b'{"title": "T", "text": "carriage\rreturn"}', "invalid JSON"),
    (b"[1, 2]", "JSON object"),
    (b'{"title": 5}', "title"),
    (b"{not json", "invalid JSON"),
    (GOOD, None),
]


@pytest.fixture
def hostile_jsonl(tmp_path) -> Path:
    path = tmp_path / "hostile.jsonl"
    path.write_bytes(b"\n".join(line for line, _ in HOSTILE_LINES) + b"\n")
    return path


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_inputs_jsonl_each_bad_line_is_its_own_error_record(hostile_jsonl):
    documents = list(read_inputs([str(hostile_jsonl)]))
    assert [d.source for d in documents] == [f"{hostile_jsonl}:{n}" for n in range(1, len(HOSTILE_LINES) + 1)]
    for document, (_, expected) in zip(documents, HOSTILE_LINES, strict=True):
        if expected is None:
            assert document.article is not None and document.error is None, document.error
        else:
            assert document.article is None and expected in document.error, (expected, document.error)
            assert "\n" not in document.error


def test_inputs_lone_surrogate_becomes_replacement_character_same_offsets():
    article = Article.from_dict({"title": "T\ud83d", "text": "a \udc00 b", "metadata": {"k\ud800": ["v\udfff"]}})
    assert article.title == "T\ufffd" and article.body == "a \ufffd b" and article.metadata == {"k\ufffd": ["v\ufffd"]}
    article.model_dump_json()


def test_inputs_line_numbers_count_newlines_only(tmp_path):
    path = tmp_path / "seps.jsonl"
    odd = '{"title": "T", "text": "a\u2028b\u2029c\u0085d\u000be"}'.replace("\u000b", "\\u000b")
    path.write_bytes(b"\n".join([GOOD, odd.encode(), b"", b"  ", GOOD, b"\r", GOOD + b"\r"]) + b"\n")
    documents = list(read_inputs([str(path)]))
    assert [d.source.rsplit(":", 1)[1] for d in documents] == ["1", "2", "5", "7"]
    assert all(d.article is not None for d in documents)
    assert documents[1].article.body == "a\u2028b\u2029c\u0085d\u000be"


def test_inputs_json_array_items_fail_one_by_one(tmp_path):
    path = tmp_path / "array.json"
    items = [GOOD.decode(), '{"title": "T", "count": ' + "9" * 5000 + "}", '{"title": "T", "metadata": "x"}',
             '{"title": "T", "x": ' + deep(3000) + "}", '"a string"', GOOD.decode()]
    path.write_text("[\n" + ",\n".join(items) + "\n]\n", encoding="utf-8")
    documents = list(read_inputs([str(path)]))
    assert [d.source for d in documents] == [f"{path}:{i}" for i in range(6)]
    assert [d.article is not None for d in documents] == [True, False, False, False, False, True]
    assert "4,300 digits" in documents[1].error and "metadata" in documents[2].error
    assert "nested too deeply" in documents[3].error and "JSON object" in documents[4].error


def test_inputs_json_array_cut_off_keeps_the_items_before(tmp_path):
    path = tmp_path / "cut.json"
    path.write_text("[" + GOOD.decode() + ", " + GOOD.decode() + ', {"title": "unterminated', encoding="utf-8")
    documents = list(read_inputs([str(path)]))
    assert [d.article is not None for d in documents] == [True, True, False]
    assert documents[2].source == f"{path}:2" and "cannot be read" in documents[2].error


def test_inputs_nul_or_bad_byte_costs_only_its_line(tmp_path):
    path = tmp_path / "mixed.jsonl"
    lines = [GOOD] * 500 + [b'{"title": "x\x00"}', b"\xff\xfe"] + [GOOD] * 500
    path.write_bytes(b"\n".join(lines))
    documents = list(read_inputs([str(path)]))
    assert len(documents) == 1002 and sum(d.article is not None for d in documents) == 1000
    assert documents[500].source.endswith(":501") and "NUL" in documents[500].error


def test_inputs_overlong_jsonl_line_is_skipped_unread():
    data = GOOD + b"\n" + b'{"title": "' + b"x" * 5000 + b'"}\n' + GOOD + b"\n"
    documents = list(jsonl_stream("s", io.BytesIO(data), max_line=1000))
    assert [d.source for d in documents] == ["s:1", "s:2", "s:3"]
    assert documents[1].error and "longer than" in documents[1].error and documents[2].article is not None


def test_inputs_stdin_jsonl_streams_with_line_numbers():
    data = b"\n" + GOOD + b"\n{bad\n" + GOOD + b"\n"
    documents = list(read_inputs(["-"], stdin=io.BytesIO(data)))
    assert [d.source for d in documents] == ["-:2", "-:3", "-:4"]
    assert [d.article is not None for d in documents] == [True, False, True]
    single = list(read_inputs(["-"], stdin=io.BytesIO(GOOD + b"\n")))
    assert [d.source for d in single] == ["-"] and single[0].article is not None


def _jsonl_peak(path: Path) -> tuple[int, int]:
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_inputs([str(path)]))
        return count, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_inputs_jsonl_is_streamed_memory_independent_of_length(tmp_path):
    line = json.dumps({"title": "Fruit news", "text": "A banana fell from the tree in the market square. " * 3}).encode()
    small, big = tmp_path / "small.jsonl", tmp_path / "big.jsonl"
    small.write_bytes((line + b"\n") * 5_000)
    big.write_bytes((line + b"\n") * 50_000)
    small_count, small_peak = _jsonl_peak(small)
    big_count, big_peak = _jsonl_peak(big)
    assert (small_count, big_count) == (5_000, 50_000)
    assert big_peak < big.stat().st_size / 20  # a whole read would be at least the file's size
    assert big_peak < 2 * small_peak + 256 * 1024  # ten times the lines, about the same memory


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ("meta", "input", "br", "!doctype"):
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, (tag, self.open[-3:])
        self.open.pop()


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "sarif", "html"])
def test_inputs_every_format_stays_valid_with_hostile_lines(capsys, hostile_jsonl, tmp_path, fmt):
    out_file = tmp_path / f"report.{fmt}"
    code, _, err = run(capsys, "check", str(hostile_jsonl), *PLUGIN, "--format", fmt, "-o", str(out_file))
    assert code == 2 and "Traceback" not in err and "internal error" not in err
    text = out_file.read_text(encoding="utf-8")
    bad = sum(expected is not None for _, expected in HOSTILE_LINES)
    if fmt == "jsonl":
        reports = [json.loads(line) for line in text.splitlines()]
        assert len(reports) == len(HOSTILE_LINES) and sum(bool(r["errors"]) for r in reports) == bad
        assert [r["source"].rsplit(":", 1)[1] for r in reports] == [str(n) for n in range(1, len(HOSTILE_LINES) + 1)]
    elif fmt == "json":
        assert len(json.loads(text)) == len(HOSTILE_LINES)
    elif fmt == "sarif":
        log = json.loads(text)
        jsonschema.Draft4Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))).validate(log)
        assert len(log["runs"][0]["invocations"][0]["toolExecutionNotifications"]) == bad
    elif fmt == "html":
        parser = _Tags()
        parser.feed(text)
        assert parser.open == [] and text.rstrip().endswith("</html>")
    else:
        assert "\x00" not in text and "\x0c" not in text and "\r" not in text
        assert f"{len(HOSTILE_LINES) - bad} articles checked" in text


def test_checker_parse_failure_costs_only_its_article(throwaway):
    import spacy
    from spacy.language import Language

    from consistency import Checker

    @Language.component("test_explode_on_kaboom")
    def explode(doc):
        if "kaboom" in doc.text:
            raise ValueError("the parser broke")
        return doc

    nlp = spacy.blank("en")
    nlp.add_pipe("test_explode_on_kaboom")
    checker = Checker(plugins=[throwaway], select=["ZZ01"], nlp=nlp)
    articles = [Article.from_text("One\nbanana"), Article.from_text("Two\nkaboom"), Article.from_text("Three\nbanana")]
    reports = list(checker.check_many(articles, batch_size=3))
    assert [len(r.findings) for r in reports] == [1, 0, 1]
    assert [e.kind for e in reports[1].errors] == ["input"] and "the parser broke" in reports[1].errors[0].message


def test_reporter_failure_on_one_report_writes_an_error_record_instead():
    from consistency.models import Report
    from consistency.reporters import safe_report
    from consistency.reporters.json import JsonLinesReporter

    class Picky(JsonLinesReporter):
        def report(self, report):
            if report.source == "b" and report.article is not None:
                raise RuntimeError("cannot render")
            super().report(report)

    out = io.StringIO()
    reporter = Picky(out)
    written = [safe_report(reporter, Report(source=s, article=Article(title=s))) for s in "abc"]
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["source"] for r in lines] == ["a", "b", "c"] and "cannot render" in lines[1]["errors"][0]["message"]
    assert written[1].errors and not written[0].errors
