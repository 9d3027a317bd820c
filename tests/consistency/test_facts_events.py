"""The `events` extractor (event-status claims) and the founding and present ages of `ages`."""

from __future__ import annotations

import pytest

from consistency import Article
from consistency.testing import checker_for
from consistency.understanding.lexicon import event_nouns

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def read():
    checker = checker_for("TM01")

    def _read(text: str):
        return checker.analyze(Article.from_text(text)).claims

    return _read


def statuses(ledger):
    return [(c.subject, c.value, c.data["verb"]) for c in ledger.of("event-status")]


def test_event_nouns_come_from_wordnet_lexicographer_files():
    nouns = event_nouns()
    assert {"festival", "final", "accord", "study", "election", "meeting", "treaty"} <= nouns
    assert not {"minister", "company", "goalkeeper"} & nouns


@pytest.mark.parametrize("text, expected", [
    ("Deal\nThe ministers signed the accord on Tuesday.", [("event:accord", "done", "sign")]),
    ("Deal\nThe ministers are due to sign the accord next month.", [("event:accord", "planned", "sign")]),
    ("Deal\nThe ministers will sign the accord.", [("event:accord", "planned", "sign")]),
    ("Jazz\nThe festival opened on Thursday.", [("event:festival", "done", "open")]),
    ("Jazz\nHotels fill up when the festival opens on Sunday.", [("event:festival", "planned", "open")]),
    ("Wheat\nA study published on Monday found that yields fell.", [("event:study", "done", "publish")]),
    ("Wheat\nFarmers will know more when the study is published next month.",
     [("event:study", "planned", "publish")]),
    ("Court\nThe court is hearing the appeal.", [("event:appeal", "ongoing", "hear")]),
    ("Rain\nOrganisers postponed the final.", [("event:final", "rescheduled", "postpone")]),
    ("Court\nWith the appeal still to be heard, the verdict stands.", [("event:appeal", "planned", "hear")]),
    ("Deal\nThe treaty is yet to be ratified by parliament.", [("event:treaty", "planned", "ratify")]),
    ("Deal\nThe ministers have yet to sign the accord.", [("event:accord", "planned", "sign")]),
])
def test_events_reads_status_in_several_domains(read, text, expected):
    assert statuses(read(text)) == expected


@pytest.mark.parametrize("text", [
    "Deal\nIf the ministers sign the accord, it becomes law.",
    "Deal\nThe ministers did not sign the accord.",
    "Deal\nThe ministers could sign the accord.",
    "Jobs\nThe company cut 500 jobs.",
    "Jazz\nThe festival opens every June.",
    "Coach\nThe club signed the goalkeeper on Monday.",
    "Court\nThe appeal is to be heard.",
])
def test_events_reads_nothing_from_conditions_negations_habits_or_people(read, text):
    assert statuses(read(text)) == []


def test_events_carries_time_markers_and_modifiers(read):
    ledger = read("Finals\nThe women's match will be played again next week.")
    claim = ledger.of("event-status")[0]
    assert claim.data["markers"] == ["again"]
    assert claim.data["modifiers"] == ["woman"]
    assert claim.data["times"] == [{"text": "next week", "direction": "future"}]


def test_ages_reads_founding_dates_and_thing_ages(read):
    ledger = read("Firm\nThe 10-year-old company, founded in 2001, was sold on Monday.")
    assert [(c.subject, c.value) for c in ledger.of("founded")] == [("thing:company", "2001")]
    assert [(c.subject, c.value) for c in ledger.of("age")] == [("thing:company", 10)]


def test_ages_reads_present_age_after_at_and_implausible_ages(read):
    ledger = read("Vote\nAnna Berg, who at 47 is the youngest leader, spoke. Her aunt Ida Berg died aged 186.")
    ages = [(c.value, "implausible" in c.qualifiers, c.current) for c in ledger.of("age")]
    assert ages == [(47, False, True), (186, True, True)]


def trips(ledger):
    return [(c.subject, c.value, c.data["actor"]) for c in ledger.of("event-status") if c.data.get("how") == "trip"]


@pytest.mark.parametrize("text, expected", [
    # politics, with a pronoun resolved to the named subject before it
    ("Talks\nMarta Kowalczyk flew to Nairobi on Monday. She is expected to visit Uganda next week.",
     [("trip:travel:marta kowalczyk:nairobi", "done", "marta kowalczyk"),
      ("trip:travel:marta kowalczyk:uganda", "planned", "marta kowalczyk")]),
    # sport: a meeting with a named partner
    ("Transfer\nCoach Tomas Varga met Rivaldo Souza in Porto on Friday.",
     [("trip:meet:tomas varga:rivaldo souza", "done", "tomas varga")]),
])
def test_trips_with_a_named_actor_and_target_are_ledger_claims(read, text, expected):
    assert trips(read(text)) == expected


@pytest.mark.parametrize("text", [
    "Talks\nThe envoy Marta Kowalczyk would fly to Nairobi if asked.",  # hypothetical: no status
    "Talks\nThe envoy flew to the capital on Monday.",  # no named actor or target
])
def test_no_trip_claim_without_a_status_or_a_named_actor_and_target(read, text):
    assert trips(read(text)) == []
