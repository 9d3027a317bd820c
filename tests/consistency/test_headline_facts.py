"""The `headline` claims of the ledger (consistency/understanding/facts/headline.py)."""

from __future__ import annotations

import pytest

from consistency import Checker
from consistency.testing import make_article


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def headline_claims(checker: Checker, text: str) -> list:
    ctx = checker.analyze(make_article(text))
    return ctx.claims.of("headline")


def one(checker: Checker, text: str, value: str):
    found = [c for c in headline_claims(checker, text) if c.value == value]
    assert found, [c.value for c in headline_claims(checker, text)]
    return found[0]


def test_sport_headline_has_actor_object_and_score_pair(checker):
    claim = one(checker, "Rovers beat City 5-2 in derby\nRovers beat City 5-2 on Saturday.", "beat")
    assert claim.subject == "article" and claim.span.field == "title" and claim.text == "beat"
    assert "Rovers" in claim.data["actor"] and "City" in claim.data["object"]
    assert claim.data["score"] == [5, 2]  # a pair, not a range
    assert claim.data["aligned"], "the body sentence about Rovers is aligned"
    assert claim.qualifiers == ()


def test_headline_ese_verb_tagged_a_noun_is_read(checker):
    # business: the small model tags "rises" a plural noun
    claim = one(checker, "Hanbit second-quarter profit rises\nHanbit said its profit fell 38 percent.", "rise")
    assert "profit" in claim.data["actor"]


@pytest.mark.parametrize("text, place, how", [
    ("Container ship runs aground off Batam\nA ship ran aground on Thursday.", "Batam", "off"),
    ("Ballarat-shot drama tops ratings\nThe drama reached a million viewers.", "Ballarat", "-shot"),
    ("Ministers initial water deal in Almaty\nMinisters met on Wednesday.", "Almaty", "in"),
])
def test_headline_place_of_the_event(checker, text, place, how):
    claims = [c for c in headline_claims(checker, text) if c.data["place"]]
    assert claims and claims[0].data["place"] == place and claims[0].data["place_how"] == how


def test_based_in_compound_is_not_a_place_of_the_event(checker):
    claims = headline_claims(checker, "London-based firm opens office\nThe firm opened an office in Leeds.")
    assert all(c.data["place"] != "London" for c in claims)


@pytest.mark.parametrize("text, qualifier", [
    ("Will Okafor win the Lagos Open?\nOkafor plays on Sunday.", "question"),          # sport
    ("'We will win the vote', says Sandhu\nThe vote is on Monday.", "quoted"),           # politics
    ("Court may clear former minister\nThe verdict is due on Friday.", "hedged"),        # courts
    ("Museum to close east wing\nThe museum said the wing needed repairs.", "future"),   # culture
    ("Lab fails to replicate study\nThe lab tried twice.", "negated"),                  # science
])
def test_headline_stance_qualifiers(checker, text, qualifier):
    claims = headline_claims(checker, text)
    assert claims and any(qualifier in c.qualifiers for c in claims), [(c.value, c.qualifiers) for c in claims]


def test_a_headline_does_not_open_on_an_imperative(checker):
    claims = headline_claims(checker, "Wet summer leaves farmers short of hay\nThe summer was wet.")
    assert "wet" not in [c.value for c in claims] and "leave" in [c.value for c in claims]


def test_no_headline_claims_without_a_body(checker):
    assert headline_claims(checker, "Rovers beat City\n") == []


@pytest.mark.parametrize("text, value", [
    ("Greens top Hamburg poll\nThe Greens won 31 percent.", "top"),  # politics
    ("Voters back new constitution\nVoters backed it.", "back"),  # politics
    ("Exporters hail tariff deal\nExporters welcomed it.", "hail"),  # business
])
def test_bare_verb_after_a_plural_subject_is_a_predicate(checker, text, value):
    assert one(checker, text, value).data["actor"]


def test_noun_phrase_headline_has_no_bare_verb(checker):
    assert not headline_claims(checker, "Housing market slowdown\nPrices fell.")


@pytest.mark.parametrize("text, phrase", [
    ("Kingfishers hold off Buffaloes\nThe Kingfishers won.", "hold off"),  # sport: a particle
    ("Dig season cut short\nThe season ended early.", "cut short"),  # science: a result
    ("Council gives go-ahead to tower\nThe council approved it.", "give go-ahead"),  # politics: a light verb
])
def test_headline_predicate_phrases(checker, text, phrase):
    assert any(phrase in c.data["phrases"] for c in headline_claims(checker, text))


@pytest.mark.parametrize("text, place", [
    ("Cape Town container backlog eases\nDURBAN - The backlog eased.", "Cape Town"),  # business
    ("Glasgow jazz festival draws record crowd\nThe festival drew 40,000.", "Glasgow"),  # culture
])
def test_city_before_a_noun_is_a_candidate_place(checker, text, place):
    assert any(place in [p[0] for p in c.data["name_places"]] for c in headline_claims(checker, text))


def test_place_of_two_words_is_whole(checker):
    claim = one(checker, "Fraud trial starts in New York\nThe trial started.", "start")
    assert claim.data["place"] == "New York"
