"""KB01 knowledge.fact-contradiction: office holders' names, event years, false statuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency import Article, Checker
from consistency.testing import assert_flags, assert_passes, run_rule

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples" / "knowledge"
SEED = Path("/work/shared/articles/seed_article.txt")

PACK = """\
version: 1
name: test-pack
as_of: 2020-01-01
people:
  - name: Maria Kowalczyk
    aliases: [Marija Kowalczyk]
    offices:
      - title: foreign minister
        aliases: [minister of foreign affairs]
        country: Poland
        start: 2015-11-16
    relatives:
      - {relation: daughter, name: Ewa Kowalczyk}
places:
  - name: Ruritania
    false_statuses:
      - terms: [island nation, island state]
        correction: a landlocked country, not an island nation
events:
  - description: Ruritania joined the customs union
    date: 2011-06
    actors: [Ruritania, Ruritanian government]
    actions: [join, accede]
    objects: [customs union]
"""


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("kb") / "pack.yml"
    path.write_text(PACK, encoding="utf-8")
    return str(path)


def test_knowledge_flags_wrong_first_name_next_to_office_title(pack):
    text = "Minister visits Berlin\nForeign Minister Anna Kowalczyk arrived in Berlin on Monday."
    findings = assert_flags("KB01", text, quotes=["Anna Kowalczyk"], pack=pack)
    assert "Maria Kowalczyk" in findings[0].message and "Anna Kowalczyk" in findings[0].message
    assert findings[0].suggestion == "Maria Kowalczyk"


def test_knowledge_flags_wrong_first_name_in_apposition(pack):
    text = "Minister visits Berlin\nAnna Kowalczyk, Poland's foreign minister, arrived in Berlin on Monday."
    assert_flags("KB01", text, quotes=["Anna Kowalczyk"], pack=pack)


def test_knowledge_passes_right_name_alias_and_initial(pack):
    for name in ("Maria Kowalczyk", "Marija Kowalczyk", "M. Kowalczyk"):
        assert_passes("KB01", f"Minister visits Berlin\nForeign Minister {name} arrived in Berlin.", pack=pack)


def test_knowledge_passes_namesake_without_the_office(pack):
    assert_passes("KB01", "Teacher wins prize\nAnna Kowalczyk, a teacher from Lodz, won the prize.", pack=pack)
    assert_passes("KB01", "Family visit\nAnna Kowalczyk, the foreign minister's daughter, spoke first.", pack=pack)


def test_knowledge_passes_office_of_another_country(pack):
    assert_passes("KB01", "Talks in Warsaw\nGerman Foreign Minister Anna Kowalczyk met officials in Warsaw.",
                  pack=pack)


def test_knowledge_office_outside_its_term_is_only_info(pack):
    article = Article.from_text("Minister visits Berlin\nForeign Minister Anna Kowalczyk arrived in Berlin.",
                                published="2009-05-01")
    assert not run_rule("KB01", article, min_severity="warning", pack=pack)
    assert run_rule("KB01", article, min_severity="info", pack=pack)


def test_knowledge_flags_wrong_event_year(pack):
    text = "Trade grows\nTrade grew quickly after Ruritania joined the customs union in 2014, officials said."
    findings = assert_flags("KB01", text, quotes=["2014"], pack=pack)
    assert "June 2011" in findings[0].message


def test_knowledge_passes_right_year_negation_and_other_clauses(pack):
    assert_passes("KB01", "Trade grows\nTrade grew after Ruritania joined the customs union in 2011.", pack=pack)
    assert_passes("KB01", "Trade grows\nRuritania did not join the customs union in 2014.", pack=pack)
    assert_passes("KB01", "Trade grows\nIn 2014, three years after Ruritania joined the customs union, trade "
                  "doubled.", pack=pack)


def test_knowledge_flags_false_status(pack):
    text = "Ruritania votes\nRuritania, an island nation of two million people, voted on Sunday."
    findings = assert_flags("KB01", text, quotes=["island nation"], pack=pack)
    assert "landlocked" in findings[0].message


def test_knowledge_passes_negated_or_other_places_status(pack):
    assert_passes("KB01", "Ruritania votes\nRuritania is not an island nation, whatever the brochures say.",
                  pack=pack)
    assert_passes("KB01", "Ruritania votes\nRuritania, unlike the island nations of the Pacific, voted.",
                  pack=pack)
    assert_passes("KB01", "Ruritania votes\nRuritania sent observers to Malta, an island nation, on Sunday.",
                  pack=pack)


def test_knowledge_does_nothing_without_a_pack():
    text = "Minister visits Berlin\nForeign Minister Vladimir Lavrov arrived in Berlin on Monday."
    assert run_rule("KB01", text) == []


@pytest.mark.slow
@pytest.mark.skipif(not SEED.exists(), reason="seed article not available")
def test_knowledge_example_packs_find_the_seed_knowledge_errors():
    article = Article.from_text(SEED.read_text(encoding="utf-8"))
    quotes = {"Vladimir Lavrov", "one of the only Soviet satellite states", "in 2014 in favor of closer ties with Moscow"}
    with_pack = Checker(select=["KB01"], knowledge=[str(EXAMPLES)]).check(article)
    flagged = [article.body[s.start:s.end] for f in with_pack.findings if f.severity.rank >= 1 for s in f.spans]
    for quote in quotes:
        at = article.body.index(quote)
        assert any(article.body.find(text) < at + len(quote) and at < article.body.find(text) + len(text)
                   for text in flagged), f"{quote!r} not flagged; flagged {flagged}"
    assert len(with_pack.findings) == 4  # the three above and G4, a son the pack does not list
    assert Checker(select=["KB01"]).check(article).findings == []


def test_knowledge_status_belongs_to_the_nearest_place(pack):
    text = ("Ruritania votes\nMalta, an island nation, sent observers to Ruritania, a landlocked country, "
            "on Sunday.")
    assert_passes("KB01", text, pack=pack)


def test_knowledge_flags_relative_the_pack_does_not_list(pack):
    text = "Minister's family\nJanet Smith, Foreign Minister Maria Kowalczyk's daughter, spoke first."
    findings = assert_flags("KB01", text, quotes=["Janet Smith"], pack=pack)
    assert "Ewa Kowalczyk" in findings[0].message


def test_knowledge_relative_checks_are_lenient(pack):
    for name in ("Ewa Kowalczyk", "Ewa"):
        assert_passes("KB01", f"Minister's family\n{name}, Maria Kowalczyk's daughter, spoke first.", pack=pack)
    # a namesake with the family's surname may just be missing from the pack: info only
    text = "Minister's family\nAnna Kowalczyk, Maria Kowalczyk's daughter, spoke first."
    assert_passes("KB01", text, pack=pack)
    # the pack lists no sons: nothing to compare
    assert_passes("KB01", "Minister's family\nJohn Smith, Maria Kowalczyk's son, spoke first.", pack=pack)
