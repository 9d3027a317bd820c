"""consistency.understanding.people: clustering of person mentions, offices and family relations."""

from __future__ import annotations

import pytest

from consistency.understanding.people import first_names_compatible, fold
from consistency.testing import checker_for, make_article

pytestmark = pytest.mark.slow


def people_of(text: str):
    return checker_for("NM02").analyze(make_article(text)).people


def test_people_fold_strips_possessive_accents_and_case():
    assert fold("Lukashenko’s") == "lukashenko"
    assert fold("Müller") == "muller"


@pytest.mark.parametrize("a,b", [("Bill", "William"), ("Tony", "Anthony"), ("Bob", "Robert"), ("J.", "John"),
                                 ("Chris", "Christopher"), ("Sergei", "Sergey")])
def test_people_first_names_compatible(a, b):
    assert first_names_compatible(a, b)


@pytest.mark.parametrize("a,b", [("Sergei", "Vladimir"), ("Hillary", "Bill"), ("Ed", "David")])
def test_people_first_names_incompatible(a, b):
    assert not first_names_compatible(a, b)


def test_people_groups_full_name_surname_honorific_and_possessive():
    people = people_of("Blair visits Paris\nPrime Minister Tony Blair flew to Paris. Mr Blair met officials. "
                       "Blair's aides said the trip went well.")
    blairs = people.with_surname("Blair")
    assert len(blairs) == 1
    texts = [m.text for m in blairs[0].mentions]
    assert texts.count("Blair") >= 2 and "Tony Blair" in texts
    assert blairs[0].offices[0].role == "prime minister"


def test_people_lone_surname_with_two_candidates_is_ambiguous():
    people = people_of("Couple\nTony Blair and Cherie Blair arrived. Blair said nothing.")
    lone = [m for m in people.mentions if m.text == "Blair" and not m.is_full]
    assert lone and all(m.ambiguous for m in lone)


def test_people_offices_with_body_and_markers():
    people = people_of("Leaders\nFormer Ukraine President Viktor Yanukovych fled. John Smith, the mayor of Leeds, "
                       "spoke, as did Microsoft's chief executive, Steve Ballmer.")
    by_name = {p.name: p for p in people}
    yanukovych = by_name["Viktor Yanukovych"].offices[0]
    assert yanukovych.role == "president" and yanukovych.body == "Ukraine" and "former" in yanukovych.markers
    assert not yanukovych.is_current
    mayor = by_name["John Smith"].offices[0]
    assert (mayor.role, mayor.body_text) == ("mayor", "Leeds")
    ballmer = by_name["Steve Ballmer"].offices[0]
    assert (ballmer.role, ballmer.body_text) == ("chief executive", "Microsoft")


def test_people_family_relations():
    people = people_of("Heirs\nBoris Nalbandian, Belarusian president Alexander Lukashenko's son, spoke. "
                       "Paul Dupont's daughter Marie Dupont also spoke.")
    kinds = {(r.subject.text, r.kind, r.relative.text) for r in people.relations}
    assert ("Boris Nalbandian", "son", "Alexander Lukashenko") in kinds
    assert ("Marie Dupont", "daughter", "Paul Dupont") in kinds


def test_people_surname_tagged_as_other_label_joins_its_cluster():
    text = ("Talks\nPresident Alexander Lukashenko spoke. Lukashenko, Lukashenko and Lukashenko were "
            "named in the report, and Lukashenko agreed.")
    people = people_of(text)
    assert len(people.with_surname("Lukashenko")) == 1
    assert len(people.with_surname("Lukashenko")[0].mentions) >= 4


def test_people_title_inside_entity_is_an_office_not_a_name():
    people = people_of("Talks\nForeign Minister Sergei Lavrov spoke. President Bush listened.")
    names = {m.text for m in people.mentions}
    assert "Sergei Lavrov" in names and "Bush" in names
    bush = people.with_surname("Bush")[0]
    assert [o.role for o in bush.offices] == ["president"]


def test_people_honorific_before_mislabelled_surname():
    people = people_of("Vote\nMr Blair said on Monday that Mr Howard was wrong.")
    assert {p.surname for p in people} >= {"Blair", "Howard"}


def test_people_kinship_stays_off_unrelated_names():
    people = people_of("Profile\nBoris Nalbandian, the son of a farmer who once met Alexander Lukashenko, spoke.")
    assert not people.relations


def test_people_affiliations_are_typed():
    people = people_of("Talks\nTory leader Michael Howard met Belarusian president Alexander Lukashenko "
                       "and Microsoft chief executive Steve Ballmer.")
    kinds = {(a.kind, a.name) for p in people for a in p.affiliations}
    assert ("party", "Conservative") in kinds
    assert ("country", "Belarus") in kinds
    assert ("organisation", "Microsoft") in kinds


@pytest.mark.parametrize("a,b", [("Mark", "Mary"), ("Martin", "Marvin")])
def test_people_distinct_english_names_are_not_spellings(a, b):
    assert not first_names_compatible(a, b)


def test_people_kin_word_gives_gender_for_lone_surnames():
    people = people_of("Visit\nPresident Barack Obama and his wife Michelle Obama arrived. Mr Obama spoke first.")
    michelle = next(p for p in people if p.name == "Michelle Obama")
    barack = next(p for p in people if p.name == "Barack Obama")
    assert michelle.gender == "f"
    assert any(m.honorific == "mr" for m in barack.mentions)


def test_people_who_is_and_who_was_appositions():
    people = people_of("Mayors\nJohn Smith, who is the mayor of Leeds, spoke. Jane Doe, who was mayor of York, "
                       "listened.")
    by_name = {p.name: p for p in people}
    smith = by_name["John Smith"].offices[0]
    doe = by_name["Jane Doe"].offices[0]
    assert (smith.role, smith.body_text) == ("mayor", "Leeds") and "former" not in smith.markers
    assert (doe.role, doe.body_text) == ("mayor", "York") and "former" in doe.markers


def test_hyphenated_given_names_compare_part_by_part():
    from consistency.understanding.people import first_name_relation

    assert first_name_relation("Jong-un", "Jong-il") is None  # father and son, not one name
    assert first_name_relation("Jean-Paul", "Jean-Pierre") is None
    assert first_name_relation("Mei-ling", "Wei-ming") is None  # a sister's name, not his
    assert first_name_relation("Kyong-hui", "Yong-hui") is None  # an aunt's name, not a mother's
    assert first_name_relation("Anne-Marie", "Anne-Maria") == "spelling"


@pytest.mark.parametrize("text", [
    "Poll\nLuz Ibarra of the centrist Lima Futura list took 39 percent.",
    "Appeal\nThe Sahel Care charity opened two depots, said Amina Yusuf.",
])
def test_people_a_name_before_a_body_noun_is_no_person(text):
    names = {p.name for p in people_of(text)}
    assert not any(n in names for n in ("Lima Futura", "Sahel Care")), names


def test_people_a_capitalised_title_before_an_untagged_name_is_skipped():
    text = ("Burglaries\nDetective Sergeant Ewa Nowak, who led the inquiry, said the gang was organised. "
            "\"It was planned,\" said Nowak.")
    assert "Ewa Nowak" in {p.name for p in people_of(text)}


def test_people_a_sentence_case_trade_noun_before_a_company_is_no_title():
    text = "Tender\nMiner Highland Gold said it regretted the limit. Rival Barrick Gold declined to comment."
    assert not {p.name for p in people_of(text)} & {"Highland Gold"}


@pytest.mark.parametrize("words, tags, plural", [
    (["Sipho", "Dlamini"], ["NNPS", "NNP"], False),  # a first name the tagger read as a plural
    (["Thabo", "Mokoena"], ["NNPS", "NNP"], False),
    (["Shareholders", "United"], ["NNPS", "NNP"], True),  # a plural: no first name
])
def test_people_a_plural_tag_on_a_word_without_final_s_is_no_plural(words, tags, plural):
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from consistency.understanding.people import _not_a_given_name

    doc = Doc(English().vocab, words=["The", "chair", *words, "spoke"], tags=["DT", "NN", *tags, "VBD"],
              pos=["DET", "NOUN", "PROPN", "PROPN", "VERB"])
    assert _not_a_given_name(doc[2]) is plural


@pytest.mark.parametrize("words, title", [
    (["Wicketkeeper", "Tinashe", "Mupfumira"], True),  # a role of the role classes, then a name
    (["Prosecutor", "Ngozi", "Okafor-Bello"], True),
    (["Miner", "Highland", "Gold"], False),  # a person noun of no class: maybe a body's name
])
def test_people_a_role_of_the_role_classes_before_a_name_is_a_title(words, title):
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from consistency.understanding.people import _title_before_name

    doc = Doc(English().vocab, words=[*words, "spoke"], pos=["PROPN", "PROPN", "PROPN", "VERB"])
    assert _title_before_name(doc, 0, 3) is title
