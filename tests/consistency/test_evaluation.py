"""Scoring against gold: `consistency.evaluation` and the `eval` verb count as score_gold.py does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from consistency import Article, Finding, Report, Severity, Span
from consistency.cli import main
from consistency.evaluation import (
    discover,
    format_text,
    gold_for,
    locate,
    score_report,
    score_reports,
    summarize,
    to_json,
)

REPO = Path(__file__).resolve().parents[2]


def _score_gold_script() -> Path | None:
    """shared/tools/score_gold.py: beside the clone in CI, at /work/shared on a developer's machine."""
    candidates = [os.environ.get("CONSISTENCY_SHARED", ""), str(REPO.parent / "shared"), "/work/shared"]
    for folder in candidates:
        if folder and (Path(folder) / "tools" / "score_gold.py").is_file():
            return Path(folder) / "tools" / "score_gold.py"
    return None


SCORE_GOLD = _score_gold_script()
needs_score_gold = pytest.mark.skipif(SCORE_GOLD is None, reason="shared/tools/score_gold.py not found")


def run_score_gold(reports_path: Path, gold_dir: Path, min_severity: str = "warning") -> dict:
    out = subprocess.run([sys.executable, str(SCORE_GOLD), str(reports_path), str(gold_dir), "--json",
                          "--min-severity", min_severity], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def finding(rule, field, start, end, severity="warning", evidence=()):
    return Finding(rule=rule, message="m", severity=Severity(severity), spans=[Span(field=field, start=start, end=end)],
                   evidence=[Span(field=f, start=s, end=e) for f, s, e in evidence])


TITLE = "Minister visits Kazan"
BODY = "Vladimir Lavrov arrived in the Belarusian city of Kazan. Sergei Lavrov met officials there."
GOLD = {"items": [
    {"id": "G1", "kind": "naming", "tier": "A", "quotes": ["Vladimir Lavrov"]},
    {"id": "G2", "kind": "geography", "tier": "A", "quotes": ["Belarusian city of Kazan"]},
    {"id": "G3", "kind": "headline", "tier": "B", "quotes": ["visits Kazan", "not in the text"]},
]}


def synthetic_reports() -> list[Report]:
    """Reports that exercise every counting path: hits by span and by evidence, misses, severities, clean."""
    article = Article(title=TITLE, body=BODY)
    sergei = BODY.index("Sergei")
    belarusian = BODY.index("Belarusian")
    annotated = Report(source="dir/news.txt", article=article, findings=[
        finding("NM01", "body", sergei, sergei + 13, evidence=[("body", 0, 8)]),   # hits G1 through its evidence
        finding("GE01", "body", belarusian, belarusian + 10, severity="error"),    # hits G2
        finding("HL01", "title", 9, 15, severity="info"),                          # below the floor
        finding("XX01", "body", sergei + 14, sergei + 17),                         # matches nothing
    ])
    clean = Report(source="dir/calm.clean.txt", article=Article(title="Calm day", body="Nothing happened at all."),
                   findings=[finding("XX01", "body", 0, 7), finding("XX02", "body", 8, 16, severity="info")])
    ungolded = Report(source="dir/other.txt", article=article, findings=[finding("XX01", "body", 0, 3)])
    return [annotated, clean, ungolded]


def test_evaluation_locate_prefers_title_then_first_body_occurrence():
    article = {"title": "Kazan talks", "body": "In Kazan, Kazan again."}
    assert locate(article, "Kazan") == ("title", 0, 5)
    assert locate(article, "Kazan again") == ("body", 10, 21)
    assert locate(article, "Minsk") is None


def test_evaluation_score_report_counts_hits_by_span_and_evidence():
    score = score_report(synthetic_reports()[0], GOLD)
    assert [i.found for i in score.items] == [True, True, False]
    assert score.items[0].rules == ("NM01",) and score.items[1].rules == ("GE01",)
    assert score.items[2].unlocated == ("not in the text",)
    assert (score.findings, score.matched_findings) == (3, 2)
    assert [f["rule"] for f in score.unmatched] == ["XX01"]


def test_evaluation_min_severity_info_counts_info_findings():
    score = score_report(synthetic_reports()[0], GOLD, min_severity="info")
    assert score.findings == 4 and score.items[2].found


def test_evaluation_summarize_recall_precision_and_clean_findings(tmp_path):
    (tmp_path / "news.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    totals = summarize(score_reports(synthetic_reports(), tmp_path))
    assert (totals.articles, totals.items, totals.found) == (2, 3, 2)
    assert (totals.clean_articles, totals.clean_findings) == (1, 1)
    assert totals.by_kind == {"naming": [1, 1], "geography": [1, 1], "headline": [0, 1]}
    assert totals.by_tier == {"A": [2, 2], "B": [0, 1]}
    assert totals.precision == pytest.approx(2 / 3)
    text = format_text(score_reports(synthetic_reports(), tmp_path), totals, verbose=True)
    assert "naming" in text and "FOUND  G1" in text and "missed G3" in text and "findings on them: 1" in text
    assert to_json([], totals)["recall"] == 0.667


@needs_score_gold
@pytest.mark.parametrize("floor", ["info", "warning", "error"])
def test_evaluation_agrees_with_score_gold_on_synthetic_reports(tmp_path, floor):
    (tmp_path / "news.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    reports_path = tmp_path / "reports.jsonl"
    reports_path.write_text("".join(r.to_json() + "\n" for r in synthetic_reports()), encoding="utf-8")
    ours = summarize(score_reports(synthetic_reports(), tmp_path, min_severity=floor)).to_dict()
    theirs = run_score_gold(reports_path, tmp_path, floor)
    assert {k: ours[k] for k in theirs} == theirs  # our extra keys (by_subkind, clean_by_role) are additive


def test_evaluation_discover_pairs_articles_with_gold_and_skips_gold_files(tmp_path):
    (tmp_path / "a.txt").write_text("T\nB", encoding="utf-8")
    (tmp_path / "a.gold.json").write_text(json.dumps({"items": []}), encoding="utf-8")
    (tmp_path / "b.clean.txt").write_text("T\nB", encoding="utf-8")
    (tmp_path / "c.txt").write_text("T\nB", encoding="utf-8")  # no gold: not an evaluation input
    found = discover([str(tmp_path)])
    assert [i.name for i in found] == ["a", "b.clean"]
    assert gold_for(str(tmp_path / "b.clean.txt"))[1] == {"items": []}


# --- the `eval` verb, end to end with a throwaway plugin (tests/fixtures/fruit_plugin.py) -----------
FRUIT = ["--plugin", "fruit_plugin", "--select", "FR01"]


@pytest.fixture
def fruit_gold(tmp_path, clean_plugins):
    """Two annotated articles and a clean one; FR01 flags every 'banana'."""
    (tmp_path / "market.txt").write_text(
        "Fruit market opens\n\nA banana stall opened. Prices of apples rose by 10%.\n", encoding="utf-8")
    (tmp_path / "market.gold.json").write_text(json.dumps({"items": [
        {"id": "M1", "kind": "fruit", "tier": "A", "quotes": ["banana stall"]},
        {"id": "M2", "kind": "price", "tier": "A", "quotes": ["rose by 10%"]},
    ]}), encoding="utf-8")
    (tmp_path / "farm.txt").write_text("Farm news\n\nThe farm grows a banana crop.\n", encoding="utf-8")
    (tmp_path / "farm.gold.json").write_text(json.dumps({"items": [
        {"id": "F1", "kind": "fruit", "tier": "B", "quotes": ["farm grows"]}]}), encoding="utf-8")
    (tmp_path / "quiet.clean.txt").write_text("Quiet\n\nA banana and another banana.\n", encoding="utf-8")
    return tmp_path


def test_evaluation_cli_eval_prints_recall_per_kind(capsys, fruit_gold):
    code = main(["eval", str(fruit_gold), *FRUIT])
    out = capsys.readouterr().out
    assert code == 0
    assert "fruit          1/2 (0.50)" in out and "price          0/1 (0.00)" in out
    assert "clean articles: 1, findings on them: 2" in out


@needs_score_gold
def test_evaluation_cli_eval_agrees_with_score_gold_on_check_output(capsys, fruit_gold):
    files = sorted(str(p) for p in fruit_gold.glob("*.txt"))
    main(["check", *files, *FRUIT, "--format", "jsonl", "--output", str(fruit_gold / "reports.jsonl")])
    main(["eval", str(fruit_gold), *FRUIT, "--format", "json"])
    ours = json.loads(capsys.readouterr().out)
    theirs = run_score_gold(fruit_gold / "reports.jsonl", fruit_gold)
    assert {k: ours[k] for k in theirs} == theirs
    assert theirs["found"] == 1 and theirs["clean_findings"] == 2


def test_evaluation_cli_eval_without_gold_is_a_usage_error(capsys, tmp_path):
    (tmp_path / "x.txt").write_text("T\nB", encoding="utf-8")
    assert main(["eval", str(tmp_path)]) == 2
    assert "no annotated articles" in capsys.readouterr().err
