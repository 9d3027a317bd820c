"""Small runs of the benchmarks (benchmarks/*.py): their results and output formats, never timings.

A four-article corpus written here stands in for the BBC corpus, so CI needs no shared data.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks import false_alarms, mutations, speed  # noqa: E402
from benchmarks.common import corpus_files, load_documents  # noqa: E402
from consistency import Checker, Config  # noqa: E402
from consistency.evaluation import locate  # noqa: E402

pytestmark = pytest.mark.slow  # loads the trained spaCy pipeline

ARTICLES = {
    "business/001.txt": """Google profits jump on advert sales

Internet search firm Google has reported a jump in profits to $1.5bn for the year, helped by strong advertising \
sales in the US and Europe.

The company, based in California, said on Monday that revenue had doubled. Chief executive Eric Schmidt said the \
firm would keep investing in new services. Analysts in France and at Merrill Lynch said the results were better \
than expected.

Google's shares rose 7% in New York after the figures were released. The firm said profits of $1.5bn were a \
record. Rival Yahoo will report its own figures next week, and Microsoft is expected to follow.
""",
    "business/002.txt": """Microsoft opens research centre in Madrid

Software giant Microsoft is to open a research centre in Madrid, creating 300 jobs over the next three years.

The company said the centre would work on security software. Spanish officials welcomed the move, as did \
officials in France. Mr Gates visited the site on Tuesday and met local business leaders. Microsoft said it had \
chosen Madrid because of its universities.

Bill Gates said the centre would be one of the largest outside the US. The 300 jobs will be mostly for \
engineers, Microsoft added. Vodafone and Yahoo also have offices in the city.
""",
    "politics/001.txt": """Brown promises more help for savers

Chancellor Gordon Brown has promised new help for savers in next month's Budget, saying the government would \
back families who put money aside.

Speaking in London on Wednesday, Mr Brown said 2 million households would gain from the plans. The \
Conservatives said the measures came too late and that France had done better. Mr Brown said the economy was \
strong and unemployment was at its lowest level for decades.

Shadow chancellor Oliver Letwin said Gordon Brown had raised taxes 66 times. Microsoft and Vodafone were among \
firms that welcomed the plans.
""",
    "politics/002.txt": """Blair to visit Tokyo for trade talks

Prime Minister Tony Blair is to travel to Tokyo for talks on trade with Japanese leaders, Downing Street has said.

Mr Blair will meet business leaders and hold talks with Japan's prime minister. Officials said the visit would \
focus on investment. Yahoo and Microsoft executives will join the trip. Tony Blair last visited Japan in 2003, \
when he met Toyota bosses.

The trip will start on Thursday. Trade between the UK and Japan was worth £20bn last year, officials said.
""",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("bbc")
    for name, text in ARTICLES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "SOURCE.txt").write_text("not an article", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def facts(corpus):
    checker = Checker(Config(select=["TM02"]))
    parsed, _ = mutations.parse_originals(checker, load_documents(corpus_files(corpus), corpus), "warning")
    return parsed


def test_benchmarks_corpus_files_skip_non_articles_and_space_the_sample(corpus):
    assert [p.name for p in corpus_files(corpus)] == ["001.txt", "002.txt", "001.txt", "002.txt"]
    assert [str(p.relative_to(corpus)) for p in corpus_files(corpus, 2)] == ["business/001.txt", "politics/001.txt"]


def test_benchmarks_mutations_make_every_kind_with_a_locatable_quote(facts):
    made = mutations.make_mutants(facts, seed=13, per_kind=None)
    assert {m.kind for m in made} == set(mutations.KINDS)
    originals = {f.source: f.article for f in facts}
    for m in made:
        original = originals[m.source.split("#")[0]]
        field, start, end = locate(m.article.model_dump(), m.quote)
        assert m.article.field(field)[start:end] == m.quote
        assert m.quote not in original.field(field), m  # the quote is the mutated text
        assert m.gold()["items"][0]["quotes"] == [m.quote]
        untouched = "title" if field == "body" else "body"
        assert m.article.field(untouched) == original.field(untouched)  # exactly one field changed


def test_benchmarks_mutations_are_reproducible_and_change_with_the_seed(facts):
    first = mutations.make_mutants(facts, seed=13, per_kind=None)
    again = mutations.make_mutants(facts, seed=13, per_kind=None)
    other = mutations.make_mutants(facts, seed=14, per_kind=None)
    assert [(m.source, m.quote) for m in first] == [(m.source, m.quote) for m in again]
    assert [(m.source, m.quote) for m in first] != [(m.source, m.quote) for m in other]
    assert len(mutations.make_mutants(facts, seed=13, per_kind=1)) == len(mutations.KINDS)


def test_benchmarks_mutation_examples(facts):
    made = {m.kind: m for m in mutations.make_mutants(facts, seed=13, per_kind=None)}
    weekday = made["weekday"].detail
    assert weekday["weekday"] != weekday["true_weekday"]
    geo = made["geography"].detail
    assert geo["wrong_country"] and mutations.COUNTRY_CODES[geo["wrong_country"]] != geo["country_code"]
    name = made["name"].detail
    assert name["new"].split()[-1] == name["original"].split()[-1] and name["new"] != name["original"]
    assert made["headline"].detail["original"] != made["headline"].detail["new"]


def test_benchmarks_quantity_mentions_skip_years_and_dates():
    text = "Sales rose 5% to $1.5bn in 2004. On 3 March 2005 it sold 40 cars, and 40 cars in May."
    found = [text[s:e] for s, e, *_ in mutations.quantity_mentions(text)]
    assert found == ["5%", "$1.5bn", "40", "40"] or found == ["5%", "$1.5bn", "40"]
    assert "2004" not in found and "3" not in found


def test_benchmarks_mutations_script_saves_json_and_markdown(corpus, tmp_path, capsys):
    out = tmp_path / "results"
    assert mutations.main(["--corpus", str(corpus), "--per-kind", "1", "--seed", "13", "--out", str(out), "--select", "TM02,GE01",
                           "--save-mutants", str(tmp_path / "mutants.jsonl"), "--false-alarms"]) == 0
    data = json.loads((out / "mutations.json").read_text(encoding="utf-8"))
    result = data["mutation"]
    assert data["originals"] == 4 and result["mutants"] == sum(r["mutants"] for r in result["by_kind"].values())
    assert set(result["by_kind"]) == set(mutations.KINDS)
    for row in result["by_kind"].values():
        assert 0 <= row["found"] <= row["mutants"] <= 1 and 0.0 <= row["recall"] <= 1.0
    assert data["false_alarms"]["articles"] == 4 and data["facts"]["seed"] == 13
    markdown = (out / "mutations.md").read_text(encoding="utf-8")
    assert "| kind | mutants | found | recall | recall counting info |" in markdown and "| **all** |" in markdown
    assert data["mutation_at_info"]["found"] >= result["found"]
    lines = (tmp_path / "mutants.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == result["mutants"] and "gold" in json.loads(lines[0])
    assert "saved" in capsys.readouterr().out
    alarms = json.loads((out / "false_alarms.json").read_text(encoding="utf-8"))
    assert alarms["articles"] == 4 and set(alarms["per_rule"]) == {"TM02", "GE01"}


def test_benchmarks_score_mutants_counts_a_finding_on_the_quote(facts):
    from consistency import Finding, Report, Severity, Span

    mutant = mutations.make_mutants(facts, seed=13, per_kind=1, kinds=["weekday"])[0]
    field, start, end = locate(mutant.article.model_dump(), mutant.quote)
    hit = Finding(rule="TM02", message="m", severity=Severity.warning, spans=[Span(field=field, start=start, end=end)])
    reports = [Report(source=mutant.source, article=mutant.article, findings=[hit]),
               Report(source=mutant.source, article=mutant.article)]
    scored = mutations.score_mutants([mutant, mutant], reports, "warning")
    assert scored["by_kind"]["weekday"]["found"] == 1 and scored["by_kind"]["weekday"]["rules"] == {"TM02": 1}


def test_benchmarks_false_alarms_script_saves_a_row_per_rule(corpus, tmp_path):
    out = tmp_path / "results"
    assert false_alarms.main(["--corpus", str(corpus), "--out", str(out), "--findings", str(tmp_path / "f.jsonl")]) == 0
    data = json.loads((out / "false_alarms.json").read_text(encoding="utf-8"))
    assert data["articles"] == 4
    assert data["per_rule"], "every selected rule has a row, even with no findings"
    for code, row in data["per_rule"].items():
        assert row["gate"] == (2.0 if code.startswith("HL") else 1.0)
        assert row["passes"] == (row["per_100"] <= row["gate"])
    assert data["findings"] == sum(r["findings"] for r in data["per_rule"].values())
    assert "| rule | stability | findings | per 100 articles |" in (out / "false_alarms.md").read_text(encoding="utf-8")


def test_benchmarks_false_alarm_gate():
    assert false_alarms.gate_for("HL01") == 2.0 and false_alarms.gate_for("GE01") == 1.0


def test_benchmarks_speed_script_saves_every_section(corpus, tmp_path):
    out = tmp_path / "results"
    assert speed.main(["--corpus", str(corpus), "--scaling-sample", "1", "--jobs-sample", "2", "--jobs", "1",
                       "--out", str(out)]) == 0
    data = json.loads((out / "speed.json").read_text(encoding="utf-8"))
    ratio = data["ratio"]
    assert ratio["articles"] == 4 and ratio["words"] > 300
    assert {"ratio", "wall_ratio", "ratio_to_plain_pipe", "articles_per_second", "words_per_second", "per_rule"} <= set(ratio)
    assert any(code.startswith("ctx.") for code in ratio["per_rule"])  # shared analyses timed on their own
    assert set(data["facts"]["rules"]) <= {code for code in ratio["per_rule"]}
    assert [row["scale"] for row in data["scaling"]] == [1, 2, 4, 8]
    sizes = [row["words"] for row in data["scaling"]]
    assert sizes == sorted(sizes) and sizes[3] > 7 * sizes[0]
    assert data["processes"][0]["jobs"] == 1 and data["processes"][0]["articles"] == 2
    assert data["peak_rss_mb"] > 0
    markdown = (out / "speed.md").read_text(encoding="utf-8")
    assert "ratio check / bare" in markdown and "## Time per rule" in markdown and "## Processes" in markdown


def test_benchmarks_concatenated_repeats_the_body():
    from consistency import Article

    article = speed.concatenated(Article(title="T", body="One two."), 3)
    assert article.title == "T" and article.body == "One two.\n\nOne two.\n\nOne two."


def test_benchmarks_length_groupings_hold_the_same_text_at_every_scale():
    from benchmarks.length_scaling import SCALES, groupings
    from consistency import Article

    articles = [Article(title=f"T{i}", body=f"Body number {i}.") for i in range(max(SCALES))]
    for mode in ("concat", "repeat"):
        groups = groupings(articles, mode)
        sizes = {scale: sum(len(a.body) for a in group) for scale, group in groups.items()}
        assert [len(groups[s]) for s in SCALES] == [max(SCALES) // s for s in SCALES]
        assert max(sizes.values()) - min(sizes.values()) <= 2 * max(SCALES)  # only the joining blank lines differ
    assert groups[64][0].body.count("Body number 0.") == 64  # repeat mode: one body 64 times


def test_benchmarks_startup_runs_the_real_command_and_a_bare_parse(tmp_path):
    from benchmarks.startup import bare_argv, check_argv

    files = [tmp_path / "a.txt"]
    assert check_argv(files)[-5:] == ["check", str(files[0]), "--format", "json", "--no-progress"]
    assert bare_argv(files, 32)[-2:] == ["32", str(files[0])]
