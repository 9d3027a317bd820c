"""SARIF output: valid against the 2.1.0 schema, rules described, offsets mapped to the file."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest

from consistency.checker import Checker
from consistency.cli import main
from consistency.inputs import read_inputs
from consistency.models import Finding, Report, ReportError, Severity, Span
from consistency.reporters import get_reporter_class
from consistency.reporters.sarif import SCHEMA_PATH, SarifReporter, SourceMap, sarif_level

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "examples" / "seed_article.txt"
PLUGINS = ("scale_plugin",)  # tests/fixtures: findings with evidence in title and body
SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))

ARTICLE = "Officials meet in Paris\n\nOfficials met in Paris on Monday. Later, Paris hosted the talks.\n"


def sarif_of(paths: list[str], stdin: bytes | None = None) -> dict:
    checker = Checker(select=["SC"], plugins=PLUGINS)
    out = io.StringIO()
    reporter = SarifReporter(out, rules=checker.rule_infos())
    reporter.start()
    for report in checker.check_many(read_inputs(paths, stdin=io.BytesIO(stdin) if stdin else None)):
        reporter.report(report)
    reporter.finish()
    log = json.loads(out.getvalue())
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    return log


@pytest.fixture
def inputs(tmp_path) -> dict[str, Path]:
    files = {
        "txt": tmp_path / "paris.txt",
        "crlf": tmp_path / "crlf.txt",
        "jsonl": tmp_path / "shard.jsonl",
        "bad": tmp_path / "bad.json",
    }
    files["txt"].write_text("\n\n  " + ARTICLE, encoding="utf-8")  # leading blank lines and spaces
    files["crlf"].write_bytes(("\ufeff" + ARTICLE).replace("\n", "\r\n").encode("utf-8"))
    files["jsonl"].write_text(json.dumps({"title": "x"}) + "\n" + json.dumps({"title": "Officials meet in Paris",
                              "text": "Officials met in Paris. Paris hosted the talks."}) + "\n", encoding="utf-8")
    files["bad"].write_text("{oops", encoding="utf-8")
    return files


@pytest.mark.slow
def test_sarif_seed_report_validates_against_the_schema():
    log = sarif_of([str(SEED)])
    run = log["runs"][0]
    assert log["version"] == "2.1.0" and run["tool"]["driver"]["name"] == "consistency"
    assert run["results"], "the seed gives findings with the scaling rules"


@pytest.mark.slow
def test_sarif_rules_carry_their_metadata():
    rules = {r["id"]: r for r in sarif_of([str(SEED)])["runs"][0]["tool"]["driver"]["rules"]}
    assert set(rules) == {"SC01", "SC02"}
    sc01 = rules["SC01"]
    assert sc01["name"] == "scaling.repeated-name"
    assert sc01["shortDescription"]["text"] == "A named entity is mentioned again (a throwaway rule for scaling tests)."
    assert "What it flags:" in sc01["fullDescription"]["text"] and sc01["help"]["text"] == sc01["fullDescription"]["text"]
    assert sc01["defaultConfiguration"]["level"] == "warning"
    assert rules["SC02"]["defaultConfiguration"]["level"] == "note"


@pytest.mark.slow
def test_sarif_regions_point_at_the_flagged_characters_of_the_file(inputs):
    log = sarif_of([str(inputs["txt"]), str(inputs["crlf"])])
    checked = 0
    for result in log["runs"][0]["results"]:
        for location in result["locations"] + result.get("relatedLocations", []):
            physical = location["physicalLocation"]
            path = Path(physical["artifactLocation"]["uri"].removeprefix("file://"))
            text = path.read_bytes().decode("utf-8-sig")
            region = physical["region"]
            quoted = location["properties"]["text"]
            assert text[region["charOffset"]:region["charOffset"] + region["charLength"]] == quoted
            line = text.split("\n")[region["startLine"] - 1]
            assert line[region["startColumn"] - 1:region["endColumn"] - 1] == quoted
            checked += 1
    assert checked >= 6  # title word and repeated "Paris" with evidence, in both files


@pytest.mark.slow
def test_sarif_results_levels_evidence_and_logical_locations(inputs):
    run = sarif_of([str(inputs["txt"])])["runs"][0]
    repeated = next(r for r in run["results"] if r["ruleId"] == "SC01")
    assert repeated["level"] == "warning"
    assert repeated["message"]["text"] == "Paris is named again after Paris"
    assert repeated["locations"][0]["logicalLocations"][0] == {
        "name": "body", "fullyQualifiedName": f"{inputs['txt']}#body", "kind": "property"}
    evidence = repeated["relatedLocations"][0]
    assert evidence["id"] == 1 and evidence["message"]["text"] == "evidence: Paris"
    assert repeated["properties"]["confidence"] == 0.5 and repeated["properties"]["data"] == {"label": "GPE"}
    title = next(r for r in run["results"] if r["ruleId"] == "SC02")
    assert title["level"] == "note" and title["locations"][0]["physicalLocation"]["region"]["startLine"] == 3


@pytest.mark.slow
def test_sarif_jsonl_lines_stdin_and_unreadable_inputs(inputs):
    log = sarif_of([str(inputs["jsonl"]), str(inputs["bad"]), "-"], stdin=ARTICLE.encode())
    run = log["runs"][0]
    by_source = {}
    for result in run["results"]:
        by_source.setdefault(result["properties"]["source"], []).append(result)
    jsonl = by_source[f"{inputs['jsonl']}:2"][0]["locations"][0]
    region = jsonl["physicalLocation"]["region"]
    line = inputs["jsonl"].read_text(encoding="utf-8").split("\n")[1]
    assert region["startLine"] == region["endLine"] == 2 and "charOffset" not in region
    assert line[region["startColumn"] - 1:region["endColumn"] - 1] == jsonl["properties"]["text"]
    stdin = by_source["-"][0]["locations"][0]
    assert "physicalLocation" not in stdin and stdin["logicalLocations"][0]["fullyQualifiedName"].startswith("-#")
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert any("invalid JSON" in n["message"]["text"] and n["level"] == "error" for n in notes)


def test_sarif_empty_run_is_valid():
    out = io.StringIO()
    reporter = SarifReporter(out)
    reporter.start()
    reporter.report(Report(source="gone.txt", errors=[ReportError(kind="input", message="gone.txt: no such file")]))
    reporter.finish()
    log = json.loads(out.getvalue())
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert log["runs"][0]["results"] == []


def test_sarif_unknown_rule_still_described():
    out = io.StringIO()
    reporter = SarifReporter(out)
    reporter.start()
    finding = Finding(rule="XY01", name="x.y", message="m", severity=Severity.error,
                      spans=[Span(field="title", start=0, end=1, text="T")])
    reporter.report(Report(source="-", findings=[finding], rules=["XY01"]))
    reporter.finish()
    log = json.loads(out.getvalue())
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert log["runs"][0]["tool"]["driver"]["rules"][0]["id"] == "XY01"
    assert log["runs"][0]["results"][0]["level"] == "error"


def test_sarif_levels_and_registry():
    assert [sarif_level(Severity(s)) for s in ("error", "warning", "info")] == ["error", "warning", "note"]
    assert get_reporter_class("sarif") is SarifReporter
    assert SourceMap.of("-", None).uri is None


@pytest.mark.slow
def test_sarif_from_the_command_line(inputs, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out.sarif"
    code = main(["check", "paris.txt", "--plugin", "scale_plugin", "--select", "SC", "--format", "sarif", "-o", str(out)])
    assert code == 1
    log = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "paris.txt", "uriBaseId": "SRCROOT"}
    assert log["runs"][0]["originalUriBaseIds"]["SRCROOT"]["uri"] == tmp_path.resolve().as_uri() + "/"
