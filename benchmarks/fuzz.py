"""Fuzzing benchmark: thousands of hostile inputs through reading, checking and every report format.

A seeded generator (`--seed`, so a run can be repeated exactly) writes one JSONL file mixing
articles of hostile text (controls, bidi overrides, lone surrogates, U+2028 and other
separators, long lists of numbers, repeated place phrases, sentences without an end) with
junk lines (NUL and non-UTF-8 bytes, 5,000-digit numbers, nesting thousands deep, metadata
that is not an object, wrong field types, cut-off JSON). It is read with `read_inputs`,
each article checked alone with every built-in rule (so its time is its own), and every
report written to all five formats. It counts as a failure:

- a lost, extra or misnumbered report (one report per non-blank line, `PATH:LINE` by `\\n`);
- a rule error on an article (a built-in rule that crashed or ran out of budget);
- an exception escaping the checker or a reporter;
- an output that is not valid: JSON/JSONL that does not parse, SARIF that fails the 2.1.0
  schema, HTML with unbalanced tags, text holding a raw control character;
- a finding whose span text is not the article's text at its offsets.

It reports inputs tried, failures, error records by reason, and time per character.

    python benchmarks/fuzz.py                      # 5,000 lines, seed 18
    python benchmarks/fuzz.py --count 300 --out /tmp/fuzz   # a quick run
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import sys
import tempfile
import time
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import add_rule_options, config_from, markdown_table, run_facts, save_results  # noqa: E402

WORDS = ("the minister said talks in Minsk would continue on Monday while officials in Kazan and Paris met "
         "Sergei Lavrov Vladimir Putin Belarus Russia Texas 12 people died 15 were killed three ministers resigned "
         "the Belarusian city of Kazan border with Turkey up to 300 citizens his son Lukashenko's "
         "is expected to visit traveled to").split()
ODD = ["\x00", "\x07", "\x1b[31m", "\x1b]0;title\x07", "\x9b", "\u202e", "\u2066", "\u200b", "\ufeff", "\u2028",
       "\u2029", "\u0085", "\x0b", "\x0c", "\r", "\t", "\U0001f600", "e\u0301", "\u0645\u0631\u062d\u0628\u0627",
       "\u4e2d\u6587", "\ufffd", "<script>alert(1)</script>", "&amp;", '"', "\\", "{", "]"]
LONE = ["\\ud800", "\\udfff", "\\ud83d", "\\ude00x"]
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _text(rng: random.Random, words: int) -> str:
    parts = []
    for _ in range(words):
        parts.append(rng.choice(ODD) if rng.random() < 0.08 else rng.choice(WORDS))
        if rng.random() < 0.1:
            parts.append(rng.choice([".", ",", ".\n\n", ";", " -"]))
    return " ".join(parts)


def _article(rng: random.Random) -> dict[str, Any]:
    return {"title": _text(rng, rng.randint(0, 12)), "text": _text(rng, rng.randint(0, 400))}


def _dump_with_lone(rng: random.Random, article: dict[str, Any]) -> bytes:
    raw = json.dumps(article)
    cut = rng.randint(0, len(raw) - 2)
    at = raw.find('"', cut)
    if at > 0 and raw[at - 1] != "\\":  # just inside a string's closing quote
        raw = raw[:at] + rng.choice(LONE) + raw[at:]
    return raw.encode()


def _deep(levels: int) -> str:
    return "[" * levels + "]" * levels


def hostile_line(rng: random.Random) -> bytes:
    """One JSONL line: an article with hostile text most of the time, else junk of one kind."""
    kind = rng.random()
    article = _article(rng)
    if kind < 0.45:
        return json.dumps(article, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")
    if kind < 0.52:
        return _dump_with_lone(rng, article)
    if kind < 0.56:
        article["text"] = "Figures: " + ", ".join(str(rng.randint(1, 99999)) for _ in range(rng.randint(100, 3000)))
        return json.dumps(article).encode()
    if kind < 0.60:
        phrase = rng.choice(["Officials met in the Belarusian city of Kazan and in Paris, Texas.",
                             "12 people died in Minsk,", "the Russian city of Kazan, Belarus,"])
        article["text"] = " ".join([phrase] * rng.randint(20, 400))
        return json.dumps(article).encode()
    if kind < 0.63:
        article["metadata"] = rng.choice(["a string", 5, [["k", "v"]], True, 1.5])
        return json.dumps(article).encode()
    if kind < 0.66:
        return json.dumps(article)[:-1].encode() + b', "n": ' + b"9" * rng.randint(4301, 8000) + b"}"
    if kind < 0.69:
        depth = rng.choice([70, 200, 900, 3000, 20000])
        return json.dumps(article)[:-1].encode() + b', "deep": ' + _deep(depth).encode() + b"}"
    if kind < 0.72:
        raw = bytearray(json.dumps(article).encode())
        raw.insert(rng.randint(0, len(raw)), rng.choice([0x00, 0xFF, 0xC0, 0x80, 0xFE]))
        return bytes(raw)
    if kind < 0.75:
        raw = json.dumps(article, ensure_ascii=False)
        at = rng.randint(0, len(raw))
        return (raw[:at] + rng.choice(["\x0c", "\x1c", "\x1d", "\x1e", "\u2028", "\u0085", "\r", "\x00"]) + raw[at:]).encode()
    if kind < 0.79:
        raw = json.dumps(article).encode()
        return raw[:rng.randint(0, len(raw))]
    if kind < 0.83:
        return rng.choice([b"[1, 2]", b"42", b'"a string"', b"null", b"true", b"{}", b'{"title": ""}'])
    if kind < 0.87:
        field = rng.choice(["title", "authors", "published", "id", "url", "language"])
        article[field] = rng.choice([5, {"a": 1}, ["x", 2], "not a date", -1e308, None])
        return json.dumps(article).encode()
    if kind < 0.90:
        return bytes(rng.randrange(256) for _ in range(rng.randint(1, 200))).replace(b"\n", b" ")
    if kind < 0.93:
        return rng.choice([b"", b"   ", b"\r", b"\t"])  # blank: skipped, no report
    if kind < 0.96:
        return b"\xef\xbb\xbf" + json.dumps(article).encode()
    article["text"] = " , ".join(_text(rng, 3) for _ in range(rng.randint(200, 1500)))  # no sentence end
    return json.dumps(article).encode()


def generate(path: Path, count: int, seed: int) -> list[int]:
    """Write `count` lines; return the line numbers that must give a report (the non-blank ones)."""
    rng = random.Random(seed)
    lines = [hostile_line(rng) for _ in range(count)]
    path.write_bytes(b"\n".join(lines) + b"\n")
    return [n for n, line in enumerate(lines, start=1) if line.removeprefix(b"\xef\xbb\xbf").strip()]


class _Balance(HTMLParser):
    VOID = {"meta", "input", "br", "hr", "img", "link"}

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.bad = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.open and self.open[-1] == tag:
            self.open.pop()
        else:
            self.bad += 1


def _reason(message: str) -> str:
    """An error record's reason, without its source and details."""
    text = re.sub(r"^\S+:\d+: ", "", message)
    for key in ("not UTF-8", "NUL", "4,300 digits", "nested too deeply", "nested deeper", "invalid JSON",
                "metadata", "JSON object", "neither title nor body", "invalid article", "longer than"):
        if key in text:
            return key
    return text[:40]


def run(count: int, seed: int, config: Any, work: Path) -> dict[str, Any]:
    """Generate, check and write; the figures and failures of one run."""
    import jsonschema

    from consistency.checker import Checker
    from consistency.inputs import read_inputs
    from consistency.reporters import get_reporter_class, safe_report
    from consistency.reporters.sarif import SCHEMA_PATH

    path = work / "fuzz.jsonl"
    expected = generate(path, count, seed)
    checker = Checker(config)
    from consistency.models import Article

    warm = Path(__file__).resolve().parents[1] / "examples" / "seed_article.txt"
    checker.check(Article.from_text(warm.read_text(encoding="utf-8")))  # model, gazetteer, packs: load once, untimed
    infos = checker.rule_infos()
    streams = {fmt: io.StringIO() for fmt in ("text", "json", "jsonl", "sarif", "html")}
    reporters = {fmt: get_reporter_class(fmt)(stream, rules=infos) for fmt, stream in streams.items()}
    for reporter in reporters.values():
        reporter.start()
    failures: Counter[str] = Counter()
    examples: dict[str, str] = {}
    reasons: Counter[str] = Counter()
    sources: list[str] = []
    worst = {"seconds": 0.0, "chars": 0, "source": ""}
    worst_per_kchar = {"ms": 0.0, "chars": 0, "source": ""}
    checked = chars_total = 0
    started = time.perf_counter()

    def fail(kind: str, detail: str) -> None:
        failures[kind] += 1
        examples.setdefault(kind, detail[:300])

    for document in read_inputs([str(path)]):
        t0 = time.perf_counter()
        try:
            [report] = list(checker.check_many([document]))
        except Exception as exc:  # noqa: BLE001 - an escape is what we count
            fail("checker exception", f"{document.source}: {type(exc).__name__}: {exc}")
            continue
        seconds = time.perf_counter() - t0
        sources.append(report.source)
        for fmt, reporter in reporters.items():
            try:
                written = safe_report(reporter, report)
                if written is not report:
                    fail(f"{fmt} could not write a report", written.errors[0].message)
            except Exception as exc:  # noqa: BLE001
                fail(f"{fmt} reporter exception", f"{report.source}: {type(exc).__name__}: {exc}")
        for error in report.errors:
            if error.kind == "input":
                reasons[_reason(error.message)] += 1
            else:
                fail(f"{error.kind} error", error.message)
        if report.article is not None and not any(e.kind == "input" for e in report.errors):
            checked += 1
            size = len(report.article.title) + len(report.article.body)
            chars_total += size
            if seconds > worst["seconds"]:
                worst = {"seconds": round(seconds, 3), "chars": size, "source": report.source}
            if size >= 2000 and 1000 * seconds / (size / 1000) > worst_per_kchar["ms"]:
                worst_per_kchar = {"ms": round(1000 * seconds / (size / 1000), 2), "chars": size, "source": report.source}
            for finding in report.findings:
                for span in finding.spans + finding.evidence:
                    if report.article.field(span.field)[span.start:span.end] != span.text:
                        fail("span text mismatch", f"{report.source}: {finding.rule} {span}")
    elapsed = time.perf_counter() - started
    for reporter in reporters.values():
        reporter.finish()

    want = [f"{path}:{n}" for n in expected]
    if sources != want:
        lost = len(set(want) - set(sources))
        fail("lost, extra or misnumbered reports", f"{lost} missing; first difference at "
             f"{next((i for i, (a, b) in enumerate(zip(sources, want)) if a != b), min(len(sources), len(want)))}")
    outputs = {fmt: stream.getvalue() for fmt, stream in streams.items()}
    try:
        if len(json.loads(outputs["json"])) != len(want):
            fail("json output", "wrong number of reports")
    except ValueError as exc:
        fail("json output", str(exc))
    try:
        if len([json.loads(line) for line in outputs["jsonl"].splitlines()]) != len(want):
            fail("jsonl output", "wrong number of lines")
    except ValueError as exc:
        fail("jsonl output", str(exc))
    try:
        jsonschema.Draft4Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))).validate(json.loads(outputs["sarif"]))
    except (ValueError, jsonschema.ValidationError) as exc:
        fail("sarif output", str(exc))
    balance = _Balance()
    balance.feed(outputs["html"])
    if balance.open or balance.bad or not outputs["html"].rstrip().endswith("</html>"):
        fail("html output", f"unclosed {balance.open[-3:]}, {balance.bad} stray end tags")
    raw = _CONTROL.search(outputs["text"])
    if raw:
        fail("text output", f"raw control character U+{ord(raw.group()):04X}")

    return {
        "facts": run_facts(checker),
        "seed": seed,
        "lines": count,
        "inputs": len(want),
        "reports": len(sources),
        "articles_checked": checked,
        "error_records": sum(reasons.values()),
        "error_records_by_reason": dict(reasons.most_common()),
        "failures": sum(failures.values()),
        "failures_by_kind": dict(failures),
        "failure_examples": examples,
        "seconds": round(elapsed, 1),
        "articles_per_second": round(checked / elapsed, 1) if elapsed else 0,
        "chars_checked": chars_total,
        "worst_article": worst,
        "worst_ms_per_1000_chars_over_2000_chars": worst_per_kchar,
        "output_bytes": {fmt: len(text.encode("utf-8")) for fmt, text in outputs.items()},
    }


def to_markdown(data: dict[str, Any]) -> str:
    """The results as a short markdown page."""
    rows = [
        ("lines generated (seed)", f"{data['lines']:,} ({data['seed']})"),
        ("inputs (non-blank lines)", f"{data['inputs']:,}"),
        ("reports", f"{data['reports']:,}"),
        ("articles checked", f"{data['articles_checked']:,}"),
        ("error records (input)", f"{data['error_records']:,}"),
        ("**failures**", f"**{data['failures']}**"),
        ("wall time", f"{data['seconds']} s ({data['articles_per_second']} articles/s)"),
        ("slowest article", f"{data['worst_article']['seconds']} s for {data['worst_article']['chars']:,} characters"),
        ("worst time per 1,000 characters (articles of 2,000+)",
         f"{data['worst_ms_per_1000_chars_over_2000_chars']['ms']} ms "
         f"({data['worst_ms_per_1000_chars_over_2000_chars']['chars']:,} characters)"),
    ]
    reasons = markdown_table(["error record reason", "count"], list(data["error_records_by_reason"].items()))
    failures = markdown_table(["failure", "count", "example"],
                              [(k, v, data["failure_examples"].get(k, "")) for k, v in data["failures_by_kind"].items()]) \
        if data["failures"] else "No failures."
    facts = data["facts"]
    return (f"# Fuzzing\n\n`{facts['argv']}` at {facts['commit']} on {facts['date']} "
            f"(Python {facts['python']}, spaCy {facts['spacy']}, {facts['cpus']} CPUs, {len(facts.get('rules', []))} rules).\n\n"
            f"{markdown_table(['measure', 'value'], rows)}\n\n{reasons}\n\n## Failures\n\n{failures}\n")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and save `fuzz.json` / `fuzz.md`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5000, help="JSONL lines to generate (default 5000)")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--out", type=Path, help="results folder (default benchmarks/results)")
    add_rule_options(parser)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as work:
        data = run(args.count, args.seed, config_from(args), Path(work))
    json_path, md_path = save_results("fuzz", data, to_markdown(data), args.out)
    print(to_markdown(data))
    print(f"saved {json_path} and {md_path}")
    return 1 if data["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
