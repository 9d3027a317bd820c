"""Small runs of the benchmarks (benchmarks/*.py): their results and output formats, never timings.

A five-article corpus written here stands in for the BBC corpus, so CI needs no shared data.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks import false_alarms, fuzz, mutations, speed  # noqa: E402
from benchmarks.common import corpus_files, load_documents  # noqa: E402
from consistency import Article, Checker, Config  # noqa: E402
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
engineers, Microsoft added. Nokia and Yahoo also have offices in the city.
""",
    "politics/001.txt": """Brown promises more help for savers

Chancellor Gordon Brown has promised new help for savers in next month's Budget, saying the government would \
back families who put money aside.

Speaking in London on Wednesday, Mr Brown said 2 million households would gain from the plans. The \
Conservatives said the measures came too late and that France had done better. "The economy is strong and \
unemployment is at its lowest level for decades," Mr Brown said.

Shadow chancellor Oliver Letwin said Gordon Brown had raised taxes 66 times. Microsoft and Vodafone were among \
firms that welcomed the plans.
""",
    "politics/002.txt": """Blair to visit Tokyo for trade talks

Prime Minister Tony Blair is to travel to Tokyo for talks on trade with Japanese leaders, Downing Street has said.

Mr Blair will meet business leaders and hold talks with Japan's prime minister. Officials said the visit would \
focus on investment. Vodafone and Microsoft executives will join the trip. Tony Blair last visited Japan in 2003, \
when he met Toyota bosses.

The trip will start on Thursday. Trade between the UK and Japan was worth £20bn last year, officials said.
""",
    "tech/001.txt": """Vodafone profits rise to £2.5bn

Mobile phone giant Vodafone has reported a rise in profits to £2.5bn, helped by strong demand for its new \
services in Germany and Japan.

Chief executive Arun Sarin, 49, said the firm had added 5 million customers in the year, 3 million of them in \
Europe and 2 million in Asia. "We have had a very good year and we expect the next one to be better," Mr Sarin \
said. The company's chairman, John Bond, said the results showed that the strategy was working.

Vodafone reported profits of £2.5bn, up from £2.1bn a year earlier. Japanese customers signed up in large \
numbers, and the Japanese customers spent more on data. Mr Sarin and his son Paul will visit Manchester next \
month. Yahoo and Microsoft have also launched mobile services, and German regulators approved the plans.
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
    assert [p.name for p in corpus_files(corpus)] == ["001.txt", "002.txt", "001.txt", "002.txt", "001.txt"]
    assert [str(p.relative_to(corpus)) for p in corpus_files(corpus, 2)] == ["business/001.txt", "politics/001.txt"]
    assert len(corpus_files(corpus, 2)) == 2


def test_benchmarks_mutations_make_every_subkind_with_a_locatable_quote(facts):
    made = mutations.make_mutants(facts, seed=13, per_subkind=None)
    assert {m.name for m in mutations.MUTATIONS} == {m.name for m in made}
    assert {m.kind for m in made} == set(mutations.KINDS)
    originals = {f.source: f.article for f in facts}
    for m in made:
        original = originals[m.source.split("#")[0]]
        field, start, end = locate(m.article.model_dump(), m.quote)
        assert m.article.field(field)[start:end] == m.quote
        assert m.quote not in original.field(field), m  # the quote is the mutated text
        item = m.gold()["items"][0]
        assert item["quotes"] == [m.quote] and (item["kind"], item["subkind"]) == (m.kind, m.subkind)
        assert item["why"] and m.variant != "-"
        untouched = "title" if field == "body" else "body"
        assert m.article.field(untouched) == original.field(untouched)  # exactly one field changed


def test_benchmarks_mutations_are_reproducible_and_change_with_the_seed(facts):
    first = mutations.make_mutants(facts, seed=13, per_subkind=None)
    again = mutations.make_mutants(facts, seed=13, per_subkind=None)
    other = mutations.make_mutants(facts, seed=14, per_subkind=None)
    assert [(m.source, m.quote) for m in first] == [(m.source, m.quote) for m in again]
    assert [(m.source, m.quote) for m in first] != [(m.source, m.quote) for m in other]
    assert len(mutations.make_mutants(facts, seed=13, per_subkind=1)) == len(mutations.MUTATIONS)


def test_benchmarks_mutation_examples(facts):
    made = {m.name: m for m in mutations.make_mutants(facts, seed=13, per_subkind=None)}
    weekday = made["temporal/weekday"].detail
    assert weekday["weekday"] != weekday["true_weekday"]
    geo = made["geography/country"].detail
    assert geo["wrong_country"] and mutations.COUNTRY_CODES[geo["wrong_country"]] != geo["country_code"]
    name = made["naming/first-name"].detail
    assert name["new"].split()[-1] == name["original"].split()[-1] and name["new"] != name["original"]
    assert made["headline/actor"].detail["original"] != made["headline/actor"].detail["new"]


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
    assert data["originals"] == len(ARTICLES)
    assert result["mutants"] == sum(r["mutants"] for r in result["by_kind"].values())
    assert set(result["by_kind"]) == set(mutations.KINDS)
    for row in result["by_kind"].values():
        assert row["mutants"] == sum(s["mutants"] for s in row["subkinds"].values())
        for sub in row["subkinds"].values():
            assert 0 <= sub["found"] <= sub["mutants"] <= 1 <= sub["eligible"] and 0.0 <= sub["recall"] <= 1.0
    assert data["false_alarms"]["articles"] == len(ARTICLES) and data["facts"]["seed"] == 13
    markdown = (out / "mutations.md").read_text(encoding="utf-8")
    assert "| kind | mutants | found | recall | recall counting info |" in markdown and "| **all** |" in markdown
    assert "| kind | subkind | eligible | mutants | found | recall |" in markdown
    assert data["mutation_at_info"]["found"] >= result["found"]
    lines = (tmp_path / "mutants.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == result["mutants"] and "gold" in json.loads(lines[0])
    assert "saved" in capsys.readouterr().out
    alarms = json.loads((out / "false_alarms.json").read_text(encoding="utf-8"))
    assert alarms["articles"] == len(ARTICLES) and set(alarms["per_rule"]) == {"TM02", "GE01"}


def test_benchmarks_score_mutants_counts_a_finding_on_the_quote(facts):
    from consistency import Finding, Report, Severity, Span

    mutant = mutations.make_mutants(facts, seed=13, per_subkind=1, kinds=["temporal/weekday"])[0]
    field, start, end = locate(mutant.article.model_dump(), mutant.quote)
    hit = Finding(rule="TM02", message="m", severity=Severity.warning, spans=[Span(field=field, start=start, end=end)])
    reports = [Report(source=mutant.source, article=mutant.article, findings=[hit]),
               Report(source=mutant.source, article=mutant.article)]
    scored = mutations.score_mutants([mutant, mutant], reports, "warning")
    weekday = scored["by_kind"]["temporal"]["subkinds"]["weekday"]
    assert weekday["found"] == 1 and weekday["rules"] == {"TM02": 1} and scored["by_kind"]["temporal"]["found"] == 1


def test_benchmarks_false_alarms_script_saves_a_row_per_rule(corpus, tmp_path):
    out = tmp_path / "results"
    assert false_alarms.main(["--corpus", str(corpus), "--out", str(out), "--findings", str(tmp_path / "f.jsonl")]) == 0
    data = json.loads((out / "false_alarms.json").read_text(encoding="utf-8"))
    assert data["articles"] == len(ARTICLES)
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
    assert ratio["articles"] == len(ARTICLES) and ratio["words"] > 300
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


def test_benchmark_fuzz_small_run_has_no_failures(tmp_path):
    """150 seeded hostile lines, every built-in rule, all five formats: nothing lost, nothing invalid."""
    from benchmarks.common import builtin_codes

    data = fuzz.run(150, 7, Config(select=builtin_codes(), preview=True), tmp_path)
    assert data["failures"] == 0, data["failure_examples"]
    assert data["reports"] == data["inputs"] > 120
    assert data["error_records"] > 0 and data["articles_checked"] > 70
    assert "nested too deeply" in data["error_records_by_reason"] or "4,300 digits" in data["error_records_by_reason"]
    markdown = fuzz.to_markdown(data)
    assert "**failures** | **0**" in markdown


def _made(facts, name):
    """Every mutant of one kind/subkind that the small corpus gives (seed 13)."""
    return mutations.make_mutants(facts, seed=13, per_subkind=None, kinds=[name])


def test_benchmarks_mutations_geography_neighbour_and_region(facts):
    from benchmarks.mutators import places

    for m in _made(facts, "geography/neighbour"):
        assert m.detail["wrong_code"] in places.nearby_countries()[m.detail["country_code"]]
        assert m.detail["city"] in m.quote and places.country_name(m.detail["wrong_code"]) in m.why
    regions = _made(facts, "geography/region")
    assert regions
    for m in regions:
        if m.detail["country_code"] == "GB":
            assert m.detail["wrong_region"] in places.UK_NEIGHBOURS[m.detail["region"]]
        else:
            assert m.detail["wrong_region"] in places.neighbouring_states()[m.detail["region"]]
    assert set(places.nearby_countries()["FR"]) == {"DE", "IT", "ES"}  # the most populous land neighbours
    assert "OR" in places.neighbouring_states()["WA"]


def test_benchmarks_mutations_parts_total_breaks_the_sum(facts):
    from benchmarks.mutators import numeric

    made = _made(facts, "numeric/parts-total")
    assert [m.original for m in made] == ["tech/001.txt"]
    m = made[0]
    assert m.quote == m.detail["new"] != m.detail["original"] and m.detail["total"] == "5 million"
    values = [f.value for f in numeric.figures(m.article.body) if f.unit == ""]
    parts = [v for v in values if v < 5e6][:2]
    assert sum(parts) != 5e6 and "no longer add up to 5 million" in m.why


def test_benchmarks_mutations_figures_read_words_scales_and_skip_names():
    from benchmarks.mutators import numeric

    text = ("Of the 12 staff, Two Tone were fired. The Precious Six Garments plant lost three million euros "
            "and 40% in 2004.")
    found = {(f.digits, f.value, f.unit) for f in numeric.figures(text)}
    assert ("12", 12.0, "") in found and ("three", 3e6, "") in found and ("40", 40.0, "%") in found
    assert not {"Six", "Two", "2004"} & {digits for digits, _, _ in found}  # names and years are no figures


def test_benchmarks_mutations_restated_value_slips():
    import random

    from benchmarks.mutators import numeric

    rng = random.Random(1)
    assert numeric.restated("transposed", "$", "280", "bn", rng) in ("$820bn", "$208bn")
    assert numeric.restated("unit", "£", "1.5", "bn", rng) == "£1.5m"
    assert numeric.restated("unit", "", "40", "%", rng) is None
    assert numeric.restated("currency", "$", "2.5", "bn", rng) in ("£2.5bn", "€2.5bn")
    nudged = numeric.restated("nudged", "", "1,250", " million", rng)
    assert nudged != "1,250 million" and nudged.startswith("1,2") and nudged.endswith(" million")
    assert numeric.restated("scaled", "", "300", "", rng) != "300"


def test_benchmarks_mutations_restated_value_changes_a_later_body_mention(facts):
    from benchmarks.mutators import numeric

    for m in _made(facts, "numeric/restated-value"):
        assert m.detail["variant"] in numeric.RESTATEMENTS and m.detail["original"] != m.detail["new"]
        assert m.detail["original"] in m.article.title + m.article.body  # the first mention is kept
        assert m.quote == m.detail["new"]


def test_benchmarks_mutations_event_status_turns_a_past_event_to_the_future(facts):
    from benchmarks.mutators import temporal

    made = _made(facts, "temporal/event-status")
    assert made
    for m in made:
        assert m.quote == m.detail["new"] and m.detail["original"] not in m.quote
        assert any(m.quote.startswith(f) or m.quote.startswith(f.replace("is ", "are ")) for f in temporal.FUTURES)
        assert m.detail["variant"] in temporal.FUTURES
        assert m.detail["earlier"].lower()[:3] in (m.article.title + m.article.body).lower()


def test_benchmarks_mutations_age_contradicts_the_stated_one(facts):
    made = _made(facts, "temporal/age")
    assert [m.original for m in made] == ["tech/001.txt"]
    m = made[0]
    assert m.detail["surname"] == "Sarin" and m.detail["age"] == 49 and "Sarin" in m.quote
    assert m.detail["new"] != "49" and "Arun Sarin, 49," in m.article.body  # the first age stays
    assert m.detail["variant"] in ("restated", "apposition", "year-old", "born")
    assert m.why.startswith("Sarin is 49 at first, then ")


def test_benchmarks_mutations_headline_polarity_uses_the_antonym_table(facts):
    from benchmarks.mutators import headline

    made = {m.original: m for m in _made(facts, "headline/polarity")}
    assert made["business/001.txt"].article.title.startswith("Google profits ")
    opposite_of_jump = {headline.FORMS[o][0] for o in headline.OPPOSITE_VERBS["jump"]}
    assert made["business/001.txt"].quote in opposite_of_jump
    assert made["politics/002.txt"].quote == "not to visit" and made["politics/002.txt"].variant == "negated"
    for m in made.values():
        assert m.quote == m.detail["new"] and m.detail["original"] in ARTICLES[m.original].splitlines()[0]
        assert m.article.body == facts_by_source(facts)[m.original].article.body


def test_benchmarks_mutations_headline_figure_differs_from_the_body(facts):
    made = _made(facts, "headline/figure")
    assert [m.original for m in made] == ["tech/001.txt"]
    m = made[0]
    assert m.detail["original"] == "£2.5bn" and m.detail["original"] in m.article.body
    assert m.quote == m.detail["new"] and m.quote not in m.article.body


def facts_by_source(facts):
    return {f.source: f for f in facts}


def test_benchmarks_mutations_second_speaker_repeats_a_quote_for_someone_else(facts):
    from benchmarks.mutators import attribution

    made = _made(facts, "attribution/second-speaker")
    assert [m.original for m in made] == ["politics/001.txt"]
    m = made[0]
    assert m.detail["speaker"] == "Brown" and m.detail["second_speaker"] in ("Oliver Letwin", "Mr Letwin")
    assert m.detail["fragment"] in ARTICLES["politics/001.txt"] and m.detail["fragment"] in m.quote
    assert m.detail["second_speaker"] in m.quote and m.detail["variant"] in attribution.TEMPLATES
    assert m.article.body.count(m.detail["fragment"]) == 2  # said once by Mr Brown, then again by another


def test_benchmarks_mutations_quotations_need_a_verb_of_saying():
    from benchmarks.mutators import attribution

    assert attribution._quote_spans('He said "one two" and "three".\n"Four') == [(9, 16), (23, 28)]
    assert attribution.fragment("We will win this election. Then we rest.") == "We will win this election"
    assert attribution.fragment("far too short") is None


def test_benchmarks_mutations_role_gives_a_later_mention_an_incompatible_title(facts):
    from benchmarks.mutators import roles

    made = {m.original: m for m in _made(facts, "role/title")}
    assert set(made) >= {"politics/001.txt", "politics/002.txt", "tech/001.txt"}
    assert made["politics/001.txt"].detail["role"] == "Chancellor"
    assert made["tech/001.txt"].detail["role"] == "chief executive"
    for m in made.values():
        assert m.detail["new_role"] in roles._alternatives(m.detail["role"], False)
        assert m.detail["new_role"].lower() in m.quote.lower() and m.detail["person"].split()[-1] in m.quote
        assert m.variant in ("prefixed", "apposition", "swapped")
    assert "chairman" not in roles._alternatives("chief executive", False)  # often one person's two posts
    assert "Lib Dem leader" not in roles._alternatives("Tory leader", False)
    assert "shadow chancellor" in roles._alternatives("Chancellor", False)


def test_benchmarks_mutations_role_skips_former_posts():
    from benchmarks.mutators import roles

    assert roles._NOT_NOW.search("said former ") and roles._NOT_NOW.search("the ex-")
    assert not roles._NOT_NOW.search("said the ")


def test_benchmarks_mutations_kin_surname_differs_from_the_family_name(facts):
    from benchmarks.mutators import kinship

    made = {m.original: m for m in _made(facts, "kinship/surname")}
    sarin = made["tech/001.txt"]  # "Mr Sarin and his son Paul": the named son is given another surname
    assert sarin.variant == "completed" and sarin.detail["surname"] == "Sarin"
    assert sarin.quote == f"son Paul {sarin.detail['kin_surname']}" and sarin.detail["kin_surname"] != "Sarin"
    for m in made.values():
        assert m.detail["kin_surname"] in kinship.SURNAMES and m.detail["kin_surname"] in m.quote
        assert m.detail["kin_surname"] not in ARTICLES[m.original]
        if m.variant.startswith("inserted-"):
            assert m.quote.startswith(f"Mr {m.detail['surname']}") and m.quote.endswith(".")


def test_benchmarks_mutations_nationality_drifts_to_a_neighbour(facts):
    from benchmarks.mutators import groups, places

    made = {m.original: m for m in _made(facts, "group-drift/nationality")}
    japan = made["tech/001.txt"]  # "Japanese customers ... the Japanese customers"
    assert japan.detail["first"] == "Japanese" and japan.quote == f"{japan.detail['new']} customers"
    assert groups.CODE_OF[japan.detail["new"]] in places.nearby_countries()["JP"]
    assert japan.article.body.count("Japanese customers") == 1
    for m in made.values():
        assert m.variant in groups._WHAT and m.detail["new"] in m.quote and m.detail["new"] not in ARTICLES[m.original]


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


def test_benchmarks_ledger_coverage_sorts_each_planted_item_into_one_group(tmp_path, capsys):
    """A found slip is `found`; an item whose quotes no claim of its kind was read from is `unread`."""
    from benchmarks import ledger_coverage

    text = ("Harbour board approves dredging plan\n\n"
            "The harbour board chair, Ingrid Solberg, said on Monday that dredging would begin in spring. "
            "The weather stayed mild all week. Later, Marit Solberg told reporters the plan was sound.\n")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    gold = {"article": "a.txt", "items": [
        {"id": "P1", "kind": "naming", "subkind": "first-name", "tier": "A",
         "quotes": ["Ingrid Solberg", "Marit Solberg"]},
        {"id": "P2", "kind": "geography", "subkind": "border", "tier": "A",
         "quotes": ["The weather stayed mild all week"]}]}
    (tmp_path / "a.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    checker = Checker()
    ctx = checker.analyze(Article.from_text(text))
    report = checker.run_rules(str(tmp_path / "a.txt"), ctx).model_dump(mode="json")
    groups = {kind: group for kind, _, group, _ in ledger_coverage.classify(ctx, report, gold, "a")}
    assert groups["geography"] == "unread"
    assert groups["naming"] in ("found", "read, not compared")  # both names are read as name claims
    sys.argv = ["ledger_coverage", str(tmp_path)]
    ledger_coverage.main()
    out = capsys.readouterr().out
    assert "| all | 2 |" in out
