"""Knowledge packs: the file format, validation errors naming file/entry/field, loading and caching."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from consistency import Article, Checker, KnowledgeError
from consistency.knowledge import KnowledgeBase, PartialDate, load_knowledge, read_pack

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples" / "knowledge"

MINIMAL = """\
version: 1
name: test-pack
as_of: 2020-01-01
people:
  - name: Maria Kowalczyk
    aliases: [Marija Kowalczyk]
    offices:
      - {title: foreign minister, country: Poland, start: 2015-11-16}
events:
  - description: Ruritania joined the customs union
    date: 2011-06
    actors: [Ruritania]
    actions: [join]
    objects: [customs union]
"""


def write(tmp_path: Path, text: str, name: str = "pack.yml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_knowledge_example_packs_load_and_are_marked_as_examples():
    kb = load_knowledge([EXAMPLES])
    assert isinstance(kb, KnowledgeBase)
    assert all(pack.example and pack.as_of == PartialDate(2018, 8, 1) for pack in kb.packs)
    assert {h.person.name for h in kb.holdings("Lavrov")} == {"Sergei Lavrov"}
    assert any(e.date == PartialDate(2013, 11) for e, _ in kb.events)
    assert any(p.name == "Belarus" and p.false_statuses for p, _ in kb.places)


def test_knowledge_minimal_yaml_and_json_packs_are_equivalent(tmp_path):
    import yaml

    yml = write(tmp_path, MINIMAL)
    data = yaml.safe_load(MINIMAL)
    data["as_of"] = "2020-01-01"
    data["people"][0]["offices"][0]["start"] = "2015-11-16"
    js = write(tmp_path, json.dumps(data), "pack.json")
    a, b = read_pack(yml), read_pack(js)
    assert a == b
    assert a.events[0].date == PartialDate(2011, 6)
    assert a.events[0].when() == "June 2011"


def test_knowledge_load_is_cached_per_set_of_files(tmp_path):
    path = write(tmp_path, MINIMAL)
    assert load_knowledge([path]) is load_knowledge([str(path)])


def test_knowledge_missing_field_names_file_entry_and_field(tmp_path):
    path = write(tmp_path, MINIMAL.replace("      - {title: foreign minister, country: Poland, start: 2015-11-16}",
                                           "      - {country: Poland, start: 2015-11-16}"))
    with pytest.raises(KnowledgeError) as info:
        load_knowledge([path])
    message = str(info.value)
    assert str(path) in message
    assert "people[0] (Maria Kowalczyk)" in message
    assert "offices[0].title" in message
    assert "\n" not in message


def test_knowledge_bad_date_names_the_field(tmp_path):
    path = write(tmp_path, MINIMAL.replace("date: 2011-06", "date: 2011-13"))
    with pytest.raises(KnowledgeError, match=r"events\[0\] \(Ruritania joined the customs union\), field date: .*2011-13"):
        read_pack(path)


def test_knowledge_unknown_field_is_an_error(tmp_path):
    path = write(tmp_path, MINIMAL.replace("    aliases: [Marija Kowalczyk]", "    alias: [Marija Kowalczyk]"))
    with pytest.raises(KnowledgeError, match=r"people\[0\] \(Maria Kowalczyk\), field alias: unknown field"):
        read_pack(path)


def test_knowledge_header_errors_name_the_header(tmp_path):
    path = write(tmp_path, MINIMAL.replace("version: 1", "version: 7"))
    with pytest.raises(KnowledgeError, match=r"entry pack header, field version"):
        read_pack(path)
    path = write(tmp_path, MINIMAL.replace("as_of: 2020-01-01\n", ""))
    with pytest.raises(KnowledgeError, match=r"field as_of: required field is missing"):
        read_pack(path)


def test_knowledge_unreadable_files_give_one_line_errors(tmp_path):
    with pytest.raises(KnowledgeError, match="not found"):
        read_pack(tmp_path / "missing.yml")
    with pytest.raises(KnowledgeError, match="invalid YAML at line"):
        read_pack(write(tmp_path, "version: 1\nname: [unclosed\n"))
    with pytest.raises(KnowledgeError, match="invalid JSON"):
        read_pack(write(tmp_path, "{", "bad.json"))
    with pytest.raises(KnowledgeError, match="is a mapping"):
        read_pack(write(tmp_path, "- just\n- a list\n"))
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(KnowledgeError, match="holds no"):
        load_knowledge([empty])


def test_knowledge_partial_dates_and_office_terms(tmp_path):
    pack = read_pack(write(tmp_path, MINIMAL))
    office = pack.people[0].offices[0]
    assert office.holds_on(dt.date(2019, 5, 1)) and not office.holds_on(dt.date(2015, 1, 1))
    assert office.term() == "since 2015"
    assert PartialDate(2013, 11).last_day == dt.date(2013, 11, 30)
    assert PartialDate(2013).describe() == "2013"


def test_knowledge_checker_exposes_the_loaded_packs(tmp_path):
    path = write(tmp_path, MINIMAL)
    checker = Checker(select=["KB01"], knowledge=[str(path)])
    ctx = checker.analyze(Article.from_text("Headline\n\nBody text."))
    assert ctx.knowledge is load_knowledge([path])
    assert Checker(select=["KB01"]).analyze(Article.from_text("Headline\n\nBody.")).knowledge is None
