"""Fuzzed JSONL (hypothesis, a few hundred files): one report per non-blank line, numbered by \\n,
and every output format valid, whatever the bytes. The benchmark (benchmarks/fuzz.py) runs
thousands with every built-in rule; this runs fast with a blank pipeline and one rule."""

from __future__ import annotations

import io
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consistency import Checker
from consistency.inputs import read_inputs
from consistency.nlp import blank_nlp
from consistency.plugin_manager import purge_plugin_manager
from consistency.reporters import get_reporter_class, safe_report
from tests.conftest import ThrowawayPlugin, WordRule

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE_TEXT = st.text(alphabet=st.sampled_from(list("ab banana .,\n") + ["\x00", "\x1b", "\u202e", "\u2028", "\u0085",
                                                                          "\x0c", "\r", "\ud800", "\U0001f600"]),
                       max_size=60)
JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | HOSTILE_TEXT,
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(HOSTILE_TEXT, inner, max_size=3),
                           max_leaves=8)


@st.composite
def lines(draw) -> bytes:
    kind = draw(st.integers(0, 4))
    if kind == 0:
        return draw(st.binary(max_size=80)).replace(b"\n", b"")
    article = {"title": draw(HOSTILE_TEXT), "text": draw(HOSTILE_TEXT), "metadata": draw(JSON_VALUES)}
    if kind == 1:
        article = draw(JSON_VALUES)
    raw = json.dumps(article, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
    if kind == 3:
        raw = raw[:draw(st.integers(0, len(raw)))]
    if kind == 4:
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.sampled_from([b"\x00", b"\xff", b"\x0c", b"\r", "\u2028".encode(), b"9" * 4400])) + raw[at:]
    return raw.replace(b"\n", b" ")


@pytest.fixture(scope="module")
def checker():
    purge_plugin_manager()
    yield Checker(plugins=[ThrowawayPlugin(WordRule)], select=["ZZ01"], nlp=blank_nlp())
    purge_plugin_manager()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(st.lists(lines(), min_size=1, max_size=6))
def test_fuzz_jsonl_one_report_per_line_every_format_valid(checker, tmp_path_factory, batch):
    path = tmp_path_factory.mktemp("fuzz") / "in.jsonl"
    path.write_bytes(b"\n".join(batch))
    # A line of whitespace, or a byte-order mark alone, is blank: no report.
    expected = [f"{path}:{n}" for n, line in enumerate(batch, start=1) if line.removeprefix(b"\xef\xbb\xbf").strip()]
    streams = {fmt: io.StringIO() for fmt in ("text", "json", "jsonl", "sarif", "html")}
    reporters = [get_reporter_class(fmt)(stream) for fmt, stream in streams.items()]
    for reporter in reporters:
        reporter.start()
    sources = []
    for report in checker.check_many(read_inputs([str(path)])):
        sources.append(report.source)
        assert not [e for e in report.errors if e.kind != "input"], report.errors
        for reporter in reporters:
            assert safe_report(reporter, report) is report
    for reporter in reporters:
        reporter.finish()
    assert sources == expected
    assert len([json.loads(line) for line in streams["jsonl"].getvalue().splitlines()]) == len(expected)
    data = json.loads(streams["json"].getvalue())
    assert (len(data) if isinstance(data, list) else 1) == len(expected)
    json.loads(streams["sarif"].getvalue())
    assert streams["html"].getvalue().rstrip().endswith("</html>")
    assert not CONTROL.search(streams["text"].getvalue())


def test_fuzz_control_separator_line_is_an_error_record_not_a_blank():
    """Found by the test above: str.strip() takes '\\x1c' for whitespace, so the line vanished."""
    from consistency.inputs import jsonl_line

    for junk in (b"\x1c", b"\x1f", "\u2028".encode(), b"\xc2\x85"):
        document = jsonl_line("in.jsonl", 1, junk)
        assert document is not None and document.error and document.source == "in.jsonl:1"
    assert jsonl_line("in.jsonl", 2, b" \t\r") is None
