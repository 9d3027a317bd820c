"""The blind evaluation set (eval/blind): its counts, its quotes, its twins; and a scored sample.

These tests check the set and the scoring, never a recall figure: the figures live in
docs/evaluation.md, measured with `consistency eval eval/blind/dev eval/blind/test`.
"""

from __future__ import annotations

import difflib
import json
from collections import Counter
from pathlib import Path

import pytest

from consistency import evaluation

BLIND = Path(__file__).resolve().parents[1] / "eval" / "blind"
KINDS = {"naming", "kinship", "role", "group-drift", "attribution", "temporal", "numeric", "geography", "headline"}


def golds(part: str) -> list[tuple[Path, dict]]:
    return [(p, json.loads(p.read_text(encoding="utf-8"))) for p in sorted((BLIND / part).glob("*.gold.json"))]


def planted(part: str) -> list[tuple[Path, dict]]:
    return [(p, g) for p, g in golds(part) if not p.name.endswith(".negative.gold.json")]


def article_of(gold_path: Path) -> Path:
    return gold_path.with_name(gold_path.name[: -len(".gold.json")] + ".txt")


def test_blind_set_has_the_promised_counts():
    dev, test = planted("dev"), planted("test")
    negatives = [p for part in ("dev", "test") for p, _ in golds(part) if p.name.endswith(".negative.gold.json")]
    assert len(dev) + len(test) >= 40
    assert len(negatives) >= 12
    assert len(test) * 3 >= len(dev) + len(test), "the test part is at least a third"
    items = [i for _, g in dev + test for i in g["items"]]
    per_kind = Counter(i["kind"] for i in items)
    assert set(per_kind) == KINDS and min(per_kind.values()) >= 12, per_kind
    assert {i["kind"] for _, g in test for i in g["items"]} == KINDS, "the test part covers every kind"
    domains = {g.get("domain") for _, g in golds("dev") + golds("test")}
    assert len(domains) >= 12


def test_second_test_part_covers_every_kind():
    """test2: scored only, like test/, by three more writers."""
    test2 = planted("test2")
    assert len(test2) >= 18
    per_kind = Counter(i["kind"] for _, g in test2 for i in g["items"])
    assert set(per_kind) == KINDS and min(per_kind.values()) >= 6, per_kind


def test_second_dev_part_covers_every_kind_in_new_domains():
    """dev2: a second set by four new writers, measured once before anyone read it."""
    dev2 = planted("dev2")
    assert len(dev2) >= 30
    per_kind = Counter(i["kind"] for _, g in dev2 for i in g["items"])
    assert set(per_kind) == KINDS and min(per_kind.values()) >= 12, per_kind
    old = {g.get("domain") for _, g in golds("dev") + golds("test")}
    assert len({g.get("domain") for _, g in golds("dev2")} - old) >= 10


def test_third_dev_part_covers_every_kind():
    """dev3: two more writers in sport, entertainment and public life outside Western Europe."""
    dev3 = planted("dev3")
    assert len(dev3) >= 16
    per_kind = Counter(i["kind"] for _, g in dev3 for i in g["items"])
    assert set(per_kind) == KINDS and min(per_kind.values()) >= 6, per_kind
    assert sum(1 for p, _ in golds("dev3") if p.name.endswith(".negative.gold.json")) >= 4


def test_fourth_dev_part_covers_every_kind():
    """dev4: two more writers in science, courts, farming and weather in the English-speaking and
    Nordic world, and sport and culture in Central and Eastern Europe, the Middle East and Asia."""
    dev4 = planted("dev4")
    assert len(dev4) >= 16
    per_kind = Counter(i["kind"] for _, g in dev4 for i in g["items"])
    assert set(per_kind) == KINDS and min(per_kind.values()) >= 6, per_kind
    assert sum(1 for p, _ in golds("dev4") if p.name.endswith(".negative.gold.json")) >= 4


def test_fifth_dev_part_covers_every_kind():
    """dev5: two more writers in sport and business in Latin America, Africa and the Caribbean, and public
    life, science and culture in South and Southeast Asia, Oceania, Canada and Southern Europe; scored at the
    start and the end of session 9 and read by no one in between."""
    dev5 = planted("dev5")
    assert len(dev5) >= 16
    per_kind = Counter(i["kind"] for _, g in dev5 for i in g["items"])
    assert set(per_kind) == KINDS and min(per_kind.values()) >= 6, per_kind
    assert sum(1 for p, _ in golds("dev5") if p.name.endswith(".negative.gold.json")) >= 4


def test_sixth_dev_part_covers_every_kind():
    """dev6: two more writers in public life and disasters across the Middle East, Eastern Europe, Central Asia,
    the Nordic countries and West Africa, and sport, culture and science in the UK, Ireland, southern Africa,
    Japan, Korea, the US Midwest and Mexico; held out during session 10 and scored at its start and end."""
    dev6 = planted("dev6")
    assert len(dev6) >= 16
    per_kind = Counter(i["kind"] for _, g in dev6 for i in g["items"])
    assert set(per_kind) == KINDS and min(per_kind.values()) >= 6, per_kind
    assert sum(1 for p, _ in golds("dev6") if p.name.endswith(".negative.gold.json")) >= 4


@pytest.mark.parametrize("part", ["probes2", "probes2_test"])
def test_second_probe_parts_split_by_writer_cover_six_kinds_ten_times(part):
    """probes2 / probes2_test: ten probes per kind per writer, each half from three writers of its own."""
    probes = planted(part)
    assert all(len(g["items"]) == 1 for _, g in probes)
    per_kind = Counter(g["items"][0]["kind"] for _, g in probes)
    assert set(per_kind) == KINDS and min(per_kind.values()) >= 10, per_kind
    writers = {p.name.split("_")[0] for p, _ in probes}
    assert len(writers) == 3, writers


def test_second_probe_halves_share_no_writer():
    assert not {p.name.split("_")[0] for p, _ in golds("probes2")} & {p.name.split("_")[0] for p, _ in golds("probes2_test")}


@pytest.mark.parametrize("part", ["probes", "probes_test"])
def test_probe_parts_have_one_slip_each_and_every_kind_five_times(part):
    """Probes: short articles with one planted slip each, ten per kind from three writers, split by kind and
    subkind into a tuning half (probes/) and a scored-only half (probes_test/)."""
    probes = planted(part)
    assert all(len(g["items"]) == 1 for _, g in probes)
    per_kind = Counter(g["items"][0]["kind"] for _, g in probes)
    assert set(per_kind) == KINDS and min(per_kind.values()) >= 5, per_kind
    assert len({g.get("domain") for _, g in probes}) >= 20


def test_clean_test_part_is_correct_short_articles_with_traps():
    """clean_test: 40 correct short articles with headlines of many shapes, each with traps and no slip,
    by a writer who never saw the rules: scored only, for false alarms on plain correct text."""
    clean = golds("clean_test")
    assert len(clean) >= 40 and all(p.name.endswith(".negative.gold.json") for p, _ in clean)
    assert all(not g["items"] and g["traps"] for _, g in clean)


def test_probe_halves_share_no_article():
    names = {p.name for p, _ in golds("probes")}
    assert names and not names & {p.name for p, _ in golds("probes_test")}


@pytest.mark.parametrize("part", ["dev", "test", "dev2", "test2", "dev3", "dev4", "dev5", "dev6", "probes", "probes_test", "probes2", "probes2_test", "clean_test"])
def test_blind_set_quotes_occur_exactly_once(part):
    for gold_path, gold in golds(part):
        text = article_of(gold_path).read_text(encoding="utf-8")
        quotes = [q for i in gold["items"] for q in i["quotes"]] + [q for t in gold.get("traps", []) for q in t["quotes"]]
        for quote in quotes:
            assert text.count(quote) == 1, f"{gold_path.name}: {quote!r} occurs {text.count(quote)} times"


@pytest.mark.parametrize("part", ["dev", "test", "dev2", "test2", "dev3", "dev4", "dev5", "dev6", "probes", "probes_test", "probes2", "probes2_test", "clean_test"])
def test_blind_set_twins_differ_only_at_planted_spans(part):
    for gold_path, gold in planted(part):
        article = article_of(gold_path)
        twin = article.with_name(article.name[: -len(".txt")] + ".clean.txt")
        text, clean = article.read_text(encoding="utf-8"), twin.read_text(encoding="utf-8")
        places = [(text.find(q), text.find(q) + len(q)) for i in gold["items"] for q in i["quotes"]]
        matcher = difflib.SequenceMatcher(None, clean, text, autojunk=False)
        for op, _, _, start, end in matcher.get_opcodes():
            if op != "equal":
                assert any(s <= max(end, start + 1) and start <= e for s, e in places), \
                    f"{article.name}: edit outside every quote at {start}: {text[start:end]!r}"


def test_blind_set_is_discovered_with_twins_and_negatives_as_clean():
    inputs = evaluation.discover([str(BLIND / "dev")])
    roles = Counter("twin" if i.name.endswith(".clean") else "negative" if i.name.endswith(".negative") else "planted"
                    for i in inputs)
    assert roles["planted"] == roles["twin"] == len(planted("dev"))
    assert roles["negative"] >= 1
    assert all(not i.gold["items"] for i in inputs if i.name.endswith((".clean", ".negative")))


@pytest.mark.slow
def test_blind_set_sample_scores_per_part_and_per_clean_role(capsys):
    """A small part of the set through `consistency eval`: both parts summed, twins and negatives apart."""
    from consistency.cli import main

    dev = planted("dev")[0][0]
    sample = [str(article_of(dev)), str(article_of(dev)).replace(".txt", ".clean.txt")]
    negative = next(p for p, _ in golds("dev") if p.name.endswith(".negative.gold.json"))
    sample.append(str(article_of(negative)))
    assert main(["eval", *sample, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["articles"] == 3 and data["clean_articles"] == 2
    assert data["clean_by_role"]["twin"][0] == 1 and data["clean_by_role"]["negative"][0] == 1
    assert data["items"] == len(planted("dev")[0][1]["items"])
    assert set(data["by_kind"]) <= KINDS
    assert 0.0 <= data["recall"] <= 1.0 and 0.0 <= data["precision"] <= 1.0
